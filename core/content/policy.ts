/**
 * Content security: one written policy per scene (docs/content-policy.md says the same in prose).
 * The checker (msgSecCheck v2 in the cloud) answers pass / review / risky, or fails (throws, times
 * out). What happens then depends on who will read the text:
 *
 * - Public text (rating comments, rating replies) fails closed: nothing unchecked is published.
 *   A comment the checker doubts or cannot check goes into the officials' review queue (held
 *   ratings); a reply, which its author can simply send again, is not published and is refused with
 *   a message saying why (there is no reply queue; the head keeps the text in the form).
 * - Complaints are read by officials and, once released, by the station: held for an official when
 *   the checker doubts or fails (the officials' queue shows 待审核, 审核通过 releases it).
 * - Applications and objections are read only by officials, who read every one of them anyway, and
 *   they are rights with a deadline (报名期, 公示期): a checker outage must not take them away, so
 *   they are accepted unless the checker says risky.
 *
 * Mobile and ID numbers typed into text others will read are masked (maskContacts) before it is
 * stored for publishing, so `站长王某电话138…` never shows a whole number.
 */
import type { ContentSecurity, ContentVerdict } from '../ports';
import { AppError } from '../shared/errors';

export type ContentScene = 'complaint' | 'rating_comment' | 'rating_reply' | 'application' | 'objection' | 'station_report';
/** accept: store and show as usual; hold: store, show only to the author and officials until released; reject: refuse. */
export type ContentOutcome = 'accept' | 'hold' | 'reject';

export interface ScenePolicy {
  /** msgSecCheck v2 scene (adapters map it to 1 资料, 2 评论, 3 论坛). */
  checkerScene: 'complaint' | 'rating' | 'objection' | 'profile';
  /** Who reads the text. */
  audience: 'public' | 'officials_then_station' | 'officials';
  risky: ContentOutcome;
  review: ContentOutcome;
  /** The checker failed (threw). */
  error: ContentOutcome;
  /** Mask mobile and ID numbers before storing (text others read). */
  maskContacts: boolean;
  /** The form field the refusal points at, and what to tell the person. */
  field: string;
  rejected: string;
  /** When `error` is reject: the message (the checker failing is not the person's fault). */
  unavailable?: string;
}

export const CONTENT_POLICY: Record<ContentScene, ScenePolicy> = {
  complaint: { checkerScene: 'complaint', audience: 'officials_then_station', risky: 'reject', review: 'hold', error: 'hold', maskContacts: false, field: 'description', rejected: '投诉内容含有不当信息，请修改后再提交' },
  rating_comment: { checkerScene: 'rating', audience: 'public', risky: 'reject', review: 'hold', error: 'hold', maskContacts: true, field: 'comment', rejected: '评价内容含有不当信息，请修改后再提交' },
  rating_reply: {
    checkerScene: 'rating',
    audience: 'public',
    risky: 'reject',
    review: 'reject',
    error: 'reject',
    maskContacts: true,
    field: 'text',
    rejected: '回复内容未通过检查，请修改后再提交',
    unavailable: '暂时无法检查回复内容，请稍后再提交',
  },
  application: { checkerScene: 'profile', audience: 'officials', risky: 'reject', review: 'accept', error: 'accept', maskContacts: false, field: 'statement', rejected: '填写的内容含有不当信息，请修改后再提交' },
  objection: { checkerScene: 'objection', audience: 'officials', risky: 'reject', review: 'accept', error: 'accept', maskContacts: false, field: 'text', rejected: '异议内容含有不当信息，请修改后再提交' },
  // 信息有误 reports are read only by the county official, who reads every one in the review queue.
  station_report: { checkerScene: 'complaint', audience: 'officials', risky: 'reject', review: 'accept', error: 'accept', maskContacts: false, field: 'text', rejected: '反馈内容含有不当信息，请修改后再提交' },
};

export function contentOutcome(scene: ContentScene, verdict: ContentVerdict | 'error'): ContentOutcome {
  return verdict === 'pass' ? 'accept' : CONTENT_POLICY[scene][verdict];
}

export interface Screened {
  outcome: 'accept' | 'hold';
  /** Why it is held: the checker doubted it, or could not check it. */
  reason: 'content_review' | 'content_error' | null;
  /** The text to store (masked when the scene says so). */
  text: string;
}

/** Check `text` for `scene` and apply the policy; throws CONTENT_REJECTED / UNAVAILABLE on reject. */
export async function screenText(content: ContentSecurity, scene: ContentScene, text: string, openid: string): Promise<Screened> {
  const policy = CONTENT_POLICY[scene];
  let verdict: ContentVerdict | 'error';
  try {
    verdict = await content.checkText(text, { openid, scene: policy.checkerScene });
  } catch {
    verdict = 'error';
  }
  const stored = policy.maskContacts ? maskContacts(text) : text;
  if (verdict === 'pass') return { outcome: 'accept', reason: null, text: stored };
  const outcome = contentOutcome(scene, verdict);
  if (outcome === 'reject') {
    if (verdict === 'error') throw new AppError('UNAVAILABLE', policy.unavailable ?? '内容检查暂时不可用，请稍后再试');
    throw new AppError('CONTENT_REJECTED', policy.rejected, { [policy.field]: '含有不当信息' });
  }
  return { outcome, reason: outcome === 'hold' ? (verdict === 'error' ? 'content_error' : 'content_review') : null, text: stored };
}

const SEPARATOR = '[\\s\\-－—.·]?';

/** A mainland mobile number, digits optionally grouped 3-4-4 by a space or dash, not inside a longer number. */
const MOBILE = new RegExp(`(?<![0-9０-９])([1１][3-9３-９][0-9０-９])${SEPARATOR}([0-9０-９]{4})${SEPARATOR}([0-9０-９]{4})(?![0-9０-９])`, 'g');
/** A resident ID number: 17 digits and a digit or X, not inside a longer number. */
const ID_NUMBER = /(?<![0-9０-９])([0-9０-９]{6})[0-9０-９]{8}([0-9０-９]{3}[0-9０-９Xx])(?![0-9０-９A-Za-z])/g;

/**
 * Mask mobile and ID numbers in free text: 13812345678 → 138****5678, 360731199001011234 →
 * 360731********1234. Full-width digits and 3-4-4 grouping are recognised (villagers type both).
 */
export function maskContacts(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, head: string, tail: string) => `${head}${'*'.repeat(8)}${tail}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}
