/**
 * Officials' unread items (issue 11 §3 "officials see their unread items on the desk"): the
 * hand-off messages addressed to them — a new assignment (to the assignee's people), a 退单 back to
 * the county, a 督办 on their case, the answer to their 督办, an extension request to decide, the
 * complainant's 补充材料 — as
 * a count and a list. Opening the case marks its items read. Built on the outbox: the same
 * messages WeChat delivers, so the desk and the phone tell the same story.
 */
import { OFFICIAL_EVENTS, type OfficialEvent, type OutboxMessage } from '../complaint/model';
import type { OutboxRepository } from '../ports';
import { AppError } from '../shared/errors';
import { z } from '../shared/zod';

/** Items listed (newest first); the count is of unread ones among them. */
export const INBOX_LIMIT = 50;

export const INBOX_LABELS: Record<OfficialEvent, string> = {
  case_assigned: '新转办，请签收',
  complaint_returned: '退单，请重新转办',
  complaint_supervised: '督办，请答复',
  supervision_answered: '督办已答复',
  extension_requested: '延期申请，请审批',
  complaint_supplemented: '投诉人补充了材料',
};

export const inboxInput = z.strictObject({});
export const inboxReadInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对')) });

export interface InboxItem {
  id: string;
  complaintId: string;
  trackingNo: string;
  station: string;
  event: OfficialEvent;
  /** What it asks of them, e.g. 督办，请答复. */
  label: string;
  /** 市级督办 / 省级督办 for a 督办; the day asked for an extension or a 督办 answer. */
  detail: string | null;
  at: string;
  read: boolean;
}

export interface InboxView {
  unread: number;
  items: InboxItem[];
}

function itemOf(m: OutboxMessage): InboxItem {
  const event = m.event as OfficialEvent;
  const detail = event === 'complaint_supervised' ? `${m.payload.status ?? '督办'}${m.payload.dueOn ? `，${m.payload.dueOn} 前答复` : ''}` : event === 'extension_requested' && m.payload.dueOn ? `延至 ${m.payload.dueOn}` : null;
  return { id: m.id, complaintId: m.complaintId, trackingNo: m.payload.trackingNo ?? '', station: m.payload.station ?? '', event, label: INBOX_LABELS[event], detail, at: m.createdAt, read: !!m.readAt };
}

export function createInboxService(deps: { outbox: Pick<OutboxRepository, 'inbox' | 'markRead'>; clock: { now(): Date } }) {
  const signedIn = (openid: string | null): string => {
    if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录微信后再试');
    return openid;
  };
  return {
    async list(openid: string | null): Promise<InboxView> {
      const items = (await deps.outbox.inbox(signedIn(openid), OFFICIAL_EVENTS, INBOX_LIMIT)).map(itemOf);
      return { unread: items.filter((i) => !i.read).length, items };
    },
    /** Opening a case marks the caller's own items about it read (nobody else's). */
    async read(openid: string | null, input: { id: string }): Promise<InboxView> {
      await deps.outbox.markRead(signedIn(openid), input.id, deps.clock.now().toISOString());
      return this.list(openid);
    },
  };
}
