/**
 * Subscribe messages (订阅消息) as WeChat receives them: one template per event kind, each keyword
 * value built for its keyword type, and the page a tap opens. Pure: the WeChat adapter sends what
 * `buildSubscribeMessage` returns, the local notifier records the same object.
 *
 * WeChat rejects a whole message for one bad value (47003: empty, too long, wrong characters for
 * the type) or a page missing from app.json (41030), so nothing here truncates blindly or sends ''.
 * Keyword types and limits (subscribeMessage.send, 订阅消息参数值内容限制说明):
 *   thing ≤ 20 characters; phrase ≤ 5 Chinese characters only; character_string ≤ 32 digits,
 *   letters or symbols; number ≤ 32 digits; name ≤ 10 Chinese characters (or ≤ 20 letters);
 *   phone_number ≤ 17 digits and symbols; time `15:01` or `2019年10月1日 15:01`; date `2019年10月1日`
 *   (optionally with a time).
 */
import { DIGEST_EVENTS, OFFICIAL_EVENTS, RECHECK_REOPENED, type OutboxMessage } from '../complaint/model';
import { toShanghai } from '../shared/time';

export type SubscribeEvent = OutboxMessage['event'];
export const SUBSCRIBE_EVENTS = ['complaint_accepted', 'complaint_refused', 'complaint_assigned', 'complaint_replied', 'complaint_closed', 'complaint_extended', 'complaint_transferred', 'complaint_recheck', 'complaint_escalated', 'complaint_reopened', ...OFFICIAL_EVENTS, ...DIGEST_EVENTS] as const satisfies readonly SubscribeEvent[];

export const KEYWORD_TYPES = ['thing', 'phrase', 'character_string', 'number', 'name', 'phone_number', 'time', 'date'] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** The page a complaint message opens: must be in app.json's pages (a test and deploy:check verify it). */
export const COMPLAINT_DETAIL_PAGE = 'pages/complaint/detail/index';
/** The page an official's message opens (退单, 延期申请, 督办, 督办答复): the officials' case page. */
export const OFFICIAL_CASE_PAGE = 'packages/official/complaint/index';
/** The page the county's digest of new cases opens: the officials' queue. */
export const OFFICIAL_QUEUE_PAGE = 'packages/official/queue/index';

/** What WeChat receives (the HTTPS body of subscribeMessage.send). */
export interface SubscribePayload {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: MiniprogramState;
}
export type MiniprogramState = 'developer' | 'trial' | 'formal';

/** What a message can say; each field can be written for some keyword types only. */
export const MESSAGE_FIELDS = ['trackingNo', 'station', 'status', 'category', 'time', 'note', 'dueOn', 'count'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/** A template: its id (from the mini-program's 订阅消息 console) and keyword key → field. */
export interface SubscribeTemplate {
  id: string;
  /** e.g. { character_string1: 'trackingNo', thing2: 'station', phrase3: 'status', time4: 'time' } */
  fields: Record<string, MessageField>;
}
export type SubscribeTemplates = Partial<Record<SubscribeEvent, SubscribeTemplate>>;

/** A case message: tracking number, station, status, when (CASE_AT) or a day (CASE_DUE), and a note. */
const CASE_AT: Record<string, MessageField> = { character_string1: 'trackingNo', thing2: 'station', phrase3: 'status', time4: 'time', thing5: 'note' };
const CASE_DUE: Record<string, MessageField> = { character_string1: 'trackingNo', thing2: 'station', phrase3: 'status', date4: 'dueOn', thing5: 'note' };

/**
 * The keyword map of each event kind, for templates picked from the public library
 * (公共模板库: 投诉受理通知, 投诉处理结果通知, …). Operators whose chosen template numbers its keywords
 * differently set `fields` in ZDT_SUBSCRIBE_TEMPLATES; the types must stay as here.
 */
export const DEFAULT_KEYWORDS: Record<SubscribeEvent, Record<string, MessageField>> = {
  complaint_accepted: CASE_AT,
  complaint_refused: CASE_AT,
  complaint_assigned: CASE_AT,
  complaint_replied: CASE_AT,
  complaint_closed: CASE_AT,
  // 延期: the new last day to reply (payload.dueOn, YYYY-MM-DD) as a date keyword (CASE_DUE).
  complaint_extended: CASE_DUE,
  // 转其他部门: the receiving department in the note (payload.department).
  complaint_transferred: CASE_AT,
  // To officials (issue 11 §3).
  complaint_returned: CASE_AT,
  extension_requested: CASE_DUE,
  complaint_supervised: CASE_DUE,
  supervision_answered: CASE_AT,
  // 回访 "问题还在吗？" four weeks after the end; 补充材料 to the handling official.
  complaint_recheck: CASE_AT,
  complaint_supplemented: CASE_AT,
  // The complainant: the case went up to 市级/省级督办; reopened (不满意) with the new reply date.
  complaint_escalated: CASE_AT,
  complaint_reopened: CASE_DUE,
  // The assignee's staff (station head / operator staff): a case to 签收.
  case_assigned: CASE_AT,
  // The county's daily digest (core/notify/digest.ts): how many new cases, the oldest deadline.
  new_cases_digest: { thing1: 'status', number2: 'count', date3: 'dueOn', thing4: 'note' },
};

export class SubscribeMessageError extends Error {
  override name = 'SubscribeMessageError';
}

/** The keyword type of a keyword key (`thing2` → thing, `character_string1` → character_string). */
export function keywordType(key: string): KeywordType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key);
  return m && (KEYWORD_TYPES as readonly string[]).includes(m[1]) ? (m[1] as KeywordType) : null;
}

const chars = (s: string) => [...s].length;
const HAN = /^\p{Script=Han}+$/u;

/** Why WeChat would refuse `value` for a keyword of this type, or null when it is acceptable. */
export function keywordProblem(type: KeywordType, value: string): string | null {
  if (!value.trim()) return 'empty';
  switch (type) {
    case 'thing':
      return chars(value) <= 20 ? null : 'thing: more than 20 characters';
    case 'phrase':
      return HAN.test(value) && chars(value) <= 5 ? null : 'phrase: at most 5 Chinese characters, nothing else';
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? null : 'character_string: at most 32 digits, letters or symbols';
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.replace('.', '').length <= 32 ? null : 'number: at most 32 digits';
    case 'name':
      return (HAN.test(value) && chars(value) <= 10) || /^[A-Za-z .·-]{1,20}$/.test(value) ? null : 'name: at most 10 Chinese characters or 20 letters';
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : 'phone_number: at most 17 digits and symbols';
    case 'time':
      return /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}$/.test(value) ? null : 'time: 15:01 or 2019年10月1日 15:01';
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(value) ? null : 'date: 2019年10月1日';
  }
}

/** Shorten to `max` characters with an ellipsis (for thing: a name still reads as a name). */
function fit(text: string, max: number): string {
  const cs = [...text.trim()];
  return cs.length <= max ? cs.join('') : cs.slice(0, max - 1).join('') + '…';
}

function shanghaiParts(iso: string): { y: number; m: number; d: number; hhmm: string } {
  const t = toShanghai(new Date(iso));
  const [y, m, d] = t.date.split('-').map(Number);
  const hhmm = `${String(Math.floor(t.minute / 60)).padStart(2, '0')}:${String(t.minute % 60).padStart(2, '0')}`;
  return { y, m, d, hhmm };
}

type Say = string | ((m: OutboxMessage) => string);
const merged = (m: OutboxMessage) => (m.payload.status ?? '').startsWith('已并入');
const province = (m: OutboxMessage) => (m.payload.status ?? '').startsWith('省级');
/** A note naming the day of payload.dueOn. */
const byDue = (words: (d: { m: number; d: number }) => string) => (m: OutboxMessage) => words(dateParts(need(m, 'dueOn')));

/**
 * What each event kind says: the short status (phrase, ≤ 5 Chinese characters), the longer wording
 * (thing) and a hint for the person (thing): what happens next, in one short line.
 */
const WORDING: Record<SubscribeEvent, { phrase: Say; text: Say; note: Say }> = {
  complaint_accepted: { phrase: '已受理', text: '已受理', note: '已受理，请留意答复' },
  complaint_refused: { phrase: '不予受理', text: '不予受理', note: '点开查看不予受理的理由' },
  complaint_assigned: { phrase: '已转办', text: '已转办', note: '已转交承办单位办理' },
  complaint_replied: { phrase: '已答复', text: '已答复，请评价', note: '点开查看答复并评价' },
  complaint_closed: {
    phrase: (m) => (merged(m) ? '已并单' : '已办结'),
    text: (m) => (merged(m) ? '已并入同类投诉办理' : '已办结'),
    note: (m) => (merged(m) ? fit(m.payload.status ?? '', 20) : (m.payload.status ?? '').includes('未评价') ? '7天未评价，已自动办结' : '投诉已办结'),
  },
  complaint_extended: { phrase: '已延期', text: '答复期限已延长', note: byDue((d) => `将在${d.m}月${d.d}日前答复您`) },
  // "已转交…办理" fits 20 only with a short name; a long one is still named, shortened.
  complaint_transferred: { phrase: '已转部门', text: '已转其他部门办理', note: (m) => fit(`已转交${need(m, 'department')}办理`, 20) },
  complaint_returned: { phrase: '已退单', text: '承办单位已退单', note: '请重新转办' },
  extension_requested: { phrase: '待审批', text: '承办单位申请延期', note: byDue((d) => `申请延至${d.m}月${d.d}日，请审批`) },
  complaint_supervised: {
    phrase: (m) => (province(m) ? '省级督办' : '市级督办'),
    text: (m) => (province(m) ? '省级督办' : '市级督办'),
    note: byDue((d) => `请于${d.m}月${d.d}日前答复督办`),
  },
  supervision_answered: { phrase: '已答复', text: '县级已答复督办', note: '点开查看县级的答复' },
  complaint_recheck: { phrase: '回访', text: '回访：问题还在吗', note: '问题还在吗？点开告诉我们' },
  complaint_supplemented: { phrase: '补充材料', text: '投诉人补充了材料', note: '点开查看补充的内容' },
  new_cases_digest: { phrase: '待受理', text: '本辖区有新投诉待受理', note: (m) => fit(`新投诉${need(m, 'count')}件，请及时受理`, 20) },
  complaint_escalated: {
    phrase: (m) => (province(m) ? '省级督办' : '市级督办'),
    text: (m) => (province(m) ? '已升级为省级督办' : '已升级为市级督办'),
    note: (m) => (province(m) ? '省级主管部门已督办' : '市级主管部门已督办'),
  },
  complaint_reopened: {
    phrase: '重新办理',
    text: (m) => (m.payload.status === RECHECK_REOPENED ? '回访：问题还在，重新办理' : '不满意，重新办理'),
    note: byDue((d) => `将在${d.m}月${d.d}日前重新答复`),
  },
  case_assigned: { phrase: '待签收', text: '有投诉转办给您', note: '请签收并办理，转错了可退单' },
};

function say(m: OutboxMessage, part: 'phrase' | 'text' | 'note'): string {
  const w = WORDING[m.event][part];
  return typeof w === 'string' ? w : w(m);
}

/** A calendar day (YYYY-MM-DD, already Asia/Shanghai) in parts; throws on anything else. */
function dateParts(day: string): { y: number; m: number; d: number } {
  const x = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!x) throw new SubscribeMessageError(`date ${day} is not YYYY-MM-DD`);
  return { y: Number(x[1]), m: Number(x[2]), d: Number(x[3]) };
}

function need(m: OutboxMessage, key: string): string {
  const v = m.payload[key];
  if (typeof v !== 'string' || !v.trim()) throw new SubscribeMessageError(`${m.event}: payload.${key} missing`);
  return v.trim();
}

/** The value of one field written for one keyword type; throws when the field cannot be written so. */
export function fieldValue(m: OutboxMessage, field: MessageField, type: KeywordType): string {
  const unsupported = () => new SubscribeMessageError(`${m.event}: ${field} cannot fill a ${type} keyword`);
  switch (field) {
    case 'trackingNo': {
      const v = need(m, 'trackingNo');
      if (type === 'character_string' || type === 'thing') return v;
      throw unsupported();
    }
    case 'station':
      if (type === 'thing') return fit(need(m, 'station'), 20);
      throw unsupported();
    case 'category': {
      const v = need(m, 'category');
      if (type === 'thing') return fit(v, 20);
      throw unsupported();
    }
    case 'status':
      if (type === 'phrase') return say(m, 'phrase');
      if (type === 'thing') return say(m, 'text');
      throw unsupported();
    case 'time': {
      const p = shanghaiParts(m.createdAt);
      if (type === 'time' || type === 'date') return `${p.y}年${p.m}月${p.d}日 ${p.hhmm}`;
      throw unsupported();
    }
    case 'note':
      if (type === 'thing') return say(m, 'note');
      throw unsupported();
    case 'dueOn': {
      const d = dateParts(need(m, 'dueOn'));
      if (type === 'date') return `${d.y}年${d.m}月${d.d}日`;
      if (type === 'thing') return `${d.y}年${d.m}月${d.d}日前答复`;
      throw unsupported();
    }
    case 'count': {
      // "99+" (a capped digest) is a number only without its plus.
      const v = need(m, 'count');
      if (type === 'number') return v.replace(/\+$/, '');
      if (type === 'thing') return `${v}件`;
      throw unsupported();
    }
  }
}

/**
 * Check a template set: every keyword key has a known type that its field can be written as, and
 * every id is set. Run at boot, so a misconfiguration fails the deploy check, not each send.
 */
export function templateProblems(templates: SubscribeTemplates): string[] {
  const problems: string[] = [];
  for (const [event, t] of Object.entries(templates) as [SubscribeEvent, SubscribeTemplate][]) {
    if (!(SUBSCRIBE_EVENTS as readonly string[]).includes(event)) problems.push(`${event}: unknown event`);
    if (!t || typeof t.id !== 'string' || !t.id) problems.push(`${event}: template id missing`);
    for (const [key, field] of Object.entries(t?.fields ?? {})) {
      const type = keywordType(key);
      if (!type) problems.push(`${event}.${key}: unknown keyword type`);
      else if (!(MESSAGE_FIELDS as readonly string[]).includes(field)) problems.push(`${event}.${key}: unknown field ${field}`);
      else if (!FIELD_TYPES[field].includes(type)) problems.push(`${event}.${key}: ${field} cannot fill a ${type} keyword`);
    }
  }
  return problems;
}

/** Keyword types each field can be written as. */
export const FIELD_TYPES: Record<MessageField, readonly KeywordType[]> = {
  trackingNo: ['character_string', 'thing'],
  station: ['thing'],
  category: ['thing'],
  status: ['phrase', 'thing'],
  time: ['time', 'date'],
  note: ['thing'],
  dueOn: ['date', 'thing'],
  count: ['number', 'thing'],
};

/**
 * Templates from configuration (ZDT_SUBSCRIBE_TEMPLATES): per event either a template id (the
 * default keyword map) or `{ id, fields }`. Throws on anything WeChat would refuse.
 */
export function parseSubscribeTemplates(json: string | undefined): SubscribeTemplates {
  if (!json || !json.trim()) return {};
  const raw = JSON.parse(json) as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new SubscribeMessageError('ZDT_SUBSCRIBE_TEMPLATES: not an object');
  const out: SubscribeTemplates = {};
  for (const [event, v] of Object.entries(raw)) {
    const defaults = DEFAULT_KEYWORDS[event as SubscribeEvent] ?? {};
    if (typeof v === 'string') out[event as SubscribeEvent] = { id: v, fields: { ...defaults } };
    else if (v && typeof v === 'object') {
      const t = v as { id?: unknown; fields?: unknown };
      out[event as SubscribeEvent] = { id: typeof t.id === 'string' ? t.id : '', fields: (t.fields as Record<string, MessageField>) ?? { ...defaults } };
    } else throw new SubscribeMessageError(`ZDT_SUBSCRIBE_TEMPLATES.${event}: not a template`);
  }
  const problems = templateProblems(out);
  if (problems.length) throw new SubscribeMessageError(`ZDT_SUBSCRIBE_TEMPLATES: ${problems.join('; ')}`);
  return out;
}

/** Every event kind with its default keyword map and a local template id (local mode, tests). */
export function localTemplates(): SubscribeTemplates {
  return Object.fromEntries(SUBSCRIBE_EVENTS.map((e) => [e, { id: `local-${e}`, fields: { ...DEFAULT_KEYWORDS[e] } }]));
}

/**
 * The payload for one outbox message, or null when no template is configured for its kind.
 * Throws SubscribeMessageError when a value cannot be built or would be refused: the message is
 * then marked failed instead of being sent with an empty or cut value.
 */
export function buildSubscribeMessage(m: OutboxMessage, templates: SubscribeTemplates, state: MiniprogramState = 'formal'): SubscribePayload | null {
  const t = templates[m.event];
  if (!t) return null;
  const data: SubscribePayload['data'] = {};
  for (const [key, field] of Object.entries(t.fields)) {
    const type = keywordType(key);
    if (!type) throw new SubscribeMessageError(`${m.event}.${key}: unknown keyword type`);
    const value = fieldValue(m, field, type);
    const problem = keywordProblem(type, value);
    if (problem) throw new SubscribeMessageError(`${m.event}.${key}: ${problem}`);
    data[key] = { value };
  }
  if (!m.openid) throw new SubscribeMessageError(`${m.event}: no recipient`);
  return { touser: m.openid, template_id: t.id, page: (DIGEST_EVENTS as readonly string[]).includes(m.event) ? pageOf(m.event) : `${pageOf(m.event)}?id=${encodeURIComponent(m.complaintId)}`, data, miniprogram_state: state };
}

/** The page a message opens: the officials' case page for their events, else the complainant's. */
export function pageOf(event: SubscribeEvent): string {
  if ((DIGEST_EVENTS as readonly string[]).includes(event)) return OFFICIAL_QUEUE_PAGE;
  return (OFFICIAL_EVENTS as readonly string[]).includes(event) ? OFFICIAL_CASE_PAGE : COMPLAINT_DETAIL_PAGE;
}

/** miniprogram_state from configuration (ZDT_MINIPROGRAM_STATE): trial/developer before release. */
export function miniprogramStateFrom(value: string | undefined): MiniprogramState {
  if (!value) return 'formal';
  if (value === 'developer' || value === 'trial' || value === 'formal') return value;
  throw new SubscribeMessageError('ZDT_MINIPROGRAM_STATE: developer, trial or formal');
}
