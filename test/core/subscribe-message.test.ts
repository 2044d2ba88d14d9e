/**
 * Subscribe messages as WeChat receives them (issue 9.1): every event kind the complaint machine
 * emits, built through the real transitions, fits its template's keyword types; a missing value is
 * refused instead of sent empty; the page is registered in the app config.
 */
import { WorkCalendar } from '../../core/calendar/workdays';
import { transition, type Command } from '../../core/complaint/machine';
import type { Complaint, OutboxMessage } from '../../core/complaint/model';
import {
  buildSubscribeMessage,
  COMPLAINT_DETAIL_PAGE,
  OFFICIAL_CASE_PAGE,
  pageOf,
  DEFAULT_KEYWORDS,
  keywordProblem,
  keywordType,
  localTemplates,
  miniprogramStateFrom,
  parseSubscribeTemplates,
  SUBSCRIBE_EVENTS,
  SubscribeMessageError,
  templateProblems,
} from '../../core/notify/subscribe';
import { digestMessage } from '../../core/notify/digest';
import { assignmentNotice } from '../../core/notify/recipients';
import { appPagesFromConfig, pagePath } from '../../scripts/app-pages';
import { makeComplaint } from '../support/complaint-fixtures';

const cal = new WorkCalendar();
const LONG_STATION = '于都县贡江镇长征大道电子商务进农村综合示范服务站';

function messages(c: Complaint, cmd: Command, at: string, kind: 'official' | 'system' | 'complainant' = 'official'): OutboxMessage[] {
  const r = transition(c, cmd, { at: new Date(at), calendar: cal, actor: { kind, role: kind === 'system' ? 'system' : kind === 'complainant' ? 'resident' : 'county_official', openid: kind === 'system' ? null : 'o-official' } });
  return r.notify.map((n, i) => ({ ...n, id: `m${i}`, createdAt: at, sentAt: null, attempts: 0, lastError: null }));
}

/** The officials' messages of the hand-offs, through the real transitions (issue 11 §3). */
function officialMessages(accepted: Complaint): OutboxMessage[] {
  const run = (c: Complaint, cmd: Command, at: string, kind: 'official' | 'assignee', role = 'county_official', openid = 'o-county') => {
    const r = transition(c, cmd, { at: new Date(at), calendar: cal, actor: { kind, role, openid } });
    return { next: r.next, messages: r.notify.map((n, i) => ({ ...n, id: `o${i}-${cmd.type}`, createdAt: at, sentAt: null, attempts: 0, lastError: null })) };
  };
  const assigned = run({ ...accepted, handlerOpenid: 'o-county' }, { type: 'assign', assignee: { kind: 'station', stationId: accepted.stationId }, assigneeLabel: '站点' }, '2026-03-02T03:00:00Z', 'official').next;
  const declined = run(assigned, { type: 'decline', reason: '不归本站' }, '2026-03-02T04:00:00Z', 'assignee', 'station_head', 'o-head');
  const asked = run(assigned, { type: 'requestExtension', dueOn: '2026-03-13', reason: '等证明' }, '2026-03-02T04:00:00Z', 'assignee', 'station_head', 'o-head');
  const supervised = run(assigned, { type: 'supervise', instruction: '请核实', dueOn: '2026-03-06' }, '2026-03-02T05:00:00Z', 'official', 'province_admin', 'o-province');
  const answered = run(supervised.next, { type: 'answerSupervision', text: '已核实' }, '2026-03-03T05:00:00Z', 'official');
  return [...declined.messages, ...asked.messages, ...supervised.messages, ...answered.messages];
}

/** One message of every kind the machine emits (and the assigned kind, which has a template). */
function everyMessage(): OutboxMessage[] {
  const c = makeComplaint('c1', { stationName: LONG_STATION });
  const accepted = transition(c, { type: 'accept' }, { at: new Date('2026-03-02T02:00:00Z'), calendar: cal, actor: { kind: 'official', role: 'county_official', openid: 'o' } }).next;
  const replied = { ...transition(accepted, { type: 'reply', text: '已退还多收的费用' }, { at: new Date('2026-03-03T02:00:00Z'), calendar: cal, actor: { kind: 'official', role: 'county_official', openid: 'o' } }).next };
  const list = [
    ...messages(c, { type: 'accept' }, '2026-03-02T02:00:00Z'),
    ...messages(c, { type: 'refuse', reason: 'no_facts', text: '没有具体事实' }, '2026-03-02T02:00:00Z'),
    ...messages(accepted, { type: 'reply', text: '已退还' }, '2026-03-03T02:00:00Z'),
    ...messages(c, { type: 'merge', into: { id: 'c0', trackingNo: 'TS260301ABCDEF' } }, '2026-03-02T02:00:00Z'),
    ...messages(replied, { type: 'autoClose' }, '2026-03-11T02:00:00Z', 'system'),
    ...messages(accepted, { type: 'extend', workdays: 10, reason: '需要调查' }, '2026-03-04T02:00:00Z'),
    ...messages(accepted, { type: 'transfer', department: '12315', departmentName: '12315 消费者投诉举报平台', reference: 'A-1', note: '属于商品质量问题' }, '2026-03-04T02:00:00Z'),
    ...officialMessages(accepted),
    // 补充材料 to the handling official; 回访 "问题还在吗？" to the complainant four weeks after the end.
    ...messages(accepted, { type: 'supplement', text: '补充：收据照片' }, '2026-03-04T02:00:00Z', 'complainant'),
    ...messages(transition(replied, { type: 'evaluate', evaluation: 'satisfied' }, { at: new Date('2026-03-04T02:00:00Z'), calendar: cal, actor: { kind: 'complainant', role: 'resident', openid: c.complainantOpenid } }).next, { type: 'askRecheck' }, '2026-04-01T03:00:00Z', 'system'),
  ];
  // 转办: the complainant, and the assignee's people (core/notify/recipients.ts); 不满意 reopens;
  // an escalation raises the level (issue 11 §3).
  const assign: Command = { type: 'assign', assignee: { kind: 'station', stationId: c.stationId }, assigneeLabel: '站点' };
  list.push(...messages(accepted, assign, '2026-03-02T03:00:00Z'));
  list.push({ ...assignmentNotice(transition(accepted, assign, { at: new Date('2026-03-02T03:00:00Z'), calendar: cal, actor: { kind: 'official', role: 'county_official', openid: 'o' } }).next, 'o-head'), id: 'm-case-assigned', createdAt: '2026-03-02T03:00:00Z', sentAt: null, attempts: 0, lastError: null });
  const evaluated = transition(replied, { type: 'evaluate', evaluation: 'unsatisfied' }, { at: new Date('2026-03-04T02:00:00Z'), calendar: cal, actor: { kind: 'complainant', role: 'resident', openid: c.complainantOpenid } });
  list.push(...evaluated.notify.map((n, i) => ({ ...n, id: `m-reopen${i}`, createdAt: '2026-03-04T02:00:00Z', sentAt: null, attempts: 0, lastError: null })));
  list.push(...messages(c, { type: 'escalate', kind: 'accept' }, '2026-03-06T02:00:00Z', 'system'));
  // 还在 after 回访 reopens the case: the same event, its own wording.
  const closed = transition(replied, { type: 'evaluate', evaluation: 'satisfied' }, { at: new Date('2026-03-04T02:00:00Z'), calendar: cal, actor: { kind: 'complainant', role: 'resident', openid: c.complainantOpenid } }).next;
  const asked = transition(closed, { type: 'askRecheck' }, { at: new Date('2026-04-01T03:00:00Z'), calendar: cal, actor: { kind: 'system', role: 'system', openid: null } }).next;
  list.push(...messages(asked, { type: 'recheck', answer: 'persists' }, '2026-04-02T03:00:00Z', 'complainant').map((m) => ({ ...m, id: 'm-recheck-reopen' })));
  // The county's digest of new cases, capped count (99+) and a deadline (issue 11 §3).
  list.push(digestMessage({ id: 'm-digest', openid: 'o-county', at: '2026-03-02T01:00:00Z', count: 120, oldest: { id: 'c1', dueAt: '2026-03-04T15:59:59Z' } }));
  return list;
}

describe('keyword rules', () => {
  test.each([
    ['thing', '一二三四五六七八九十一二三四五六七八九十', null],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', 'more than 20'],
    ['phrase', '已受理', null],
    ['phrase', '已办结（未评价）', 'phrase'],
    ['phrase', '已答复请评价', 'phrase'],
    ['phrase', 'ok', 'phrase'],
    ['character_string', 'TS260302ABCDEF', null],
    ['character_string', 'TS 26', 'character_string'],
    ['character_string', 'A'.repeat(33), 'character_string'],
    ['number', '12.5', null],
    ['number', '十二', 'number'],
    ['name', '王小明', null],
    ['name', '王小明王小明王小明王小', 'name'],
    ['phone_number', '+86-0797-6221234', null],
    ['phone_number', '电话12345', 'phone_number'],
    ['time', '2026年3月2日 10:00', null],
    ['time', '2026-03-02T02:00:00Z', 'time'],
    ['date', '2026年3月2日', null],
    ['date', '2026/3/2', 'date'],
    ['thing', '', 'empty'],
  ] as const)('%s %j', (type, value, problem) => {
    const p = keywordProblem(type, value);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });

  test('keyword keys carry their type', () => {
    expect(keywordType('character_string12')).toBe('character_string');
    expect(keywordType('phrase3')).toBe('phrase');
    expect(keywordType('amountX')).toBeNull();
    expect(keywordType('car_number1')).toBeNull(); // no field can fill it
  });
});

describe('every event kind, through the real transitions', () => {
  const all = everyMessage();

  test('covers every event kind', () => {
    expect(new Set(all.map((m) => m.event))).toEqual(new Set(SUBSCRIBE_EVENTS));
  });

  test.each(all.map((m) => [m.event, m.payload.status, m] as const))('%s (%s): every value fits its keyword type; page registered', (_e, _s, m) => {
    const p = buildSubscribeMessage(m, localTemplates())!;
    expect(p).toEqual({ touser: m.openid, template_id: `local-${m.event}`, page: m.event === 'new_cases_digest' ? pageOf(m.event) : `${pageOf(m.event)}?id=${m.complaintId}`, data: expect.any(Object), miniprogram_state: 'formal' });
    expect(Object.keys(p.data).sort()).toEqual(Object.keys(DEFAULT_KEYWORDS[m.event]).sort());
    for (const [key, { value }] of Object.entries(p.data)) {
      expect(keywordProblem(keywordType(key)!, value)).toBeNull();
    }
  });

  test('statuses that exceeded phrase (已办结（未评价）, 已答复，请评价) become short phrases; a long station name fits thing', () => {
    const byEvent = Object.fromEntries(all.map((m) => [m.event === 'complaint_closed' ? `${m.event}:${m.payload.status.slice(0, 3)}` : m.event, buildSubscribeMessage(m, localTemplates())!.data]));
    expect(byEvent['complaint_closed:已办结'].phrase3.value).toBe('已办结');
    expect(byEvent['complaint_closed:已办结'].thing5.value).toBe('7天未评价，已自动办结');
    expect(byEvent['complaint_closed:已并入'].phrase3.value).toBe('已并单');
    expect(byEvent['complaint_closed:已并入'].thing5.value).toBe('已并入TS260301ABCDEF');
    expect(byEvent.complaint_replied.phrase3.value).toBe('已答复');
    expect([...byEvent.complaint_accepted.thing2.value].length).toBeLessThanOrEqual(20);
    expect(byEvent.complaint_accepted.time4.value).toBe('2026年3月2日 10:00'); // Asia/Shanghai
  });

  test('延期 tells the new last day as a date and in the note, both within their keyword limits', () => {
    const m = all.find((x) => x.event === 'complaint_extended')!;
    expect(m.payload.dueOn).toBe('2026-03-23');
    const data = buildSubscribeMessage(m, localTemplates())!.data;
    expect(data.phrase3.value).toBe('已延期');
    expect(data.date4.value).toBe('2026年3月23日');
    expect(data.thing5.value).toBe('将在3月23日前答复您');
    // A template whose keyword is a thing gets the sentence form; a bad date is refused, not sent.
    const t = parseSubscribeTemplates(JSON.stringify({ complaint_extended: { id: 'E', fields: { character_string1: 'trackingNo', thing2: 'dueOn' } } }));
    expect(buildSubscribeMessage(m, t)!.data.thing2.value).toBe('2026年3月23日前答复');
    expect(() => buildSubscribeMessage({ ...m, payload: { ...m.payload, dueOn: '3月23日' } }, localTemplates())).toThrow(SubscribeMessageError);
    expect(() => buildSubscribeMessage({ ...m, payload: { ...m.payload, dueOn: '' } }, localTemplates())).toThrow(SubscribeMessageError);
  });

  test('转其他部门 names the receiving department within the thing limit, however long its name', () => {
    const m = all.find((x) => x.event === 'complaint_transferred')!;
    const data = buildSubscribeMessage(m, localTemplates())!.data;
    expect(data.phrase3.value).toBe('已转部门');
    expect(data.thing5.value).toBe('已转交12315 消费者投诉举报平台办理');
    const long = buildSubscribeMessage({ ...m, payload: { ...m.payload, department: '于都县市场监督管理局贡江分局消费者权益保护股' } }, localTemplates())!.data;
    expect([...long.thing5.value].length).toBeLessThanOrEqual(20);
    expect(long.thing5.value.startsWith('已转交于都县市场监督管理局')).toBe(true);
    expect(() => buildSubscribeMessage({ ...m, payload: { ...m.payload, department: '' } }, localTemplates())).toThrow(SubscribeMessageError);
  });

  test('the hand-offs reach the officials concerned, on the officials\' case page', () => {
    const byEvent = Object.fromEntries(all.filter((m) => pageOf(m.event) === OFFICIAL_CASE_PAGE).map((m) => [m.event, m]));
    expect(Object.keys(byEvent).sort()).toEqual(['case_assigned', 'complaint_returned', 'complaint_supervised', 'complaint_supplemented', 'extension_requested', 'supervision_answered']);
    // 转办 to the assignee's people.
    expect(byEvent.case_assigned.openid).toBe('o-head');
    // 退单, 延期申请 and 督办 to the county official handling it; the answer to who issued the 督办.
    expect(byEvent.complaint_returned.openid).toBe('o-county');
    expect(byEvent.extension_requested.openid).toBe('o-county');
    expect(byEvent.complaint_supervised.openid).toBe('o-county');
    expect(byEvent.supervision_answered.openid).toBe('o-province');
    const data = (e: string) => buildSubscribeMessage(byEvent[e], localTemplates())!.data;
    expect(data('extension_requested').thing5.value).toBe('申请延至3月13日，请审批');
    expect(data('extension_requested').date4.value).toBe('2026年3月13日');
    expect(data('complaint_supervised').phrase3.value).toBe('省级督办');
    expect(data('complaint_supervised').thing5.value).toBe('请于3月6日前答复督办');
    expect(data('complaint_returned').phrase3.value).toBe('已退单');
    for (const m of Object.values(byEvent)) expect(buildSubscribeMessage(m, localTemplates())!.page).toBe(`${OFFICIAL_CASE_PAGE}?id=${m.complaintId}`);
    // Complainants' messages still open their own page.
    expect(pageOf('complaint_extended')).toBe(COMPLAINT_DETAIL_PAGE);
  });

  test('重新办理 after 不满意 and after 回访 "还在": the new date, each in its own words', () => {
    const [unsatisfied, recheck] = all.filter((m) => m.event === 'complaint_reopened');
    expect(recheck.id).toBe('m-recheck-reopen');
    expect(recheck.openid).toBe(unsatisfied.openid);
    const data = (m: OutboxMessage) => buildSubscribeMessage(m, localTemplates())!.data;
    expect(data(recheck).phrase3.value).toBe('重新办理');
    expect(data(recheck).date4.value).toBe('2026年4月10日');
    expect(data(recheck).thing5.value).toBe('将在4月10日前重新答复');
    const thing = parseSubscribeTemplates(JSON.stringify({ complaint_reopened: { id: 'RO', fields: { character_string1: 'trackingNo', thing2: 'status' } } }));
    expect(buildSubscribeMessage(recheck, thing)!.data.thing2.value).toBe('回访：问题还在，重新办理');
    expect(buildSubscribeMessage(unsatisfied, thing)!.data.thing2.value).toBe('不满意，重新办理');
  });

  test('a missing value is refused (never sent as ""), and an event without a template sends nothing', () => {
    const m = { ...all[0], payload: { ...all[0].payload, trackingNo: '' } };
    expect(() => buildSubscribeMessage(m, localTemplates())).toThrow(SubscribeMessageError);
    expect(buildSubscribeMessage(all[0], {})).toBeNull();
  });

  test('the page every message opens is registered in src/app.config.ts', () => {
    const pages = appPagesFromConfig();
    for (const m of all) expect(pages).toContain(pagePath(buildSubscribeMessage(m, localTemplates())!.page));
    expect(pages).not.toContain('pages/complaint/detail');
  });
});

describe('configuration', () => {
  test('a template id alone takes the default keyword map; a custom map is checked against the field types', () => {
    const t = parseSubscribeTemplates(JSON.stringify({ complaint_accepted: 'TPL-A', complaint_replied: { id: 'TPL-R', fields: { character_string7: 'trackingNo', thing1: 'status', date2: 'time' } } }));
    expect(t.complaint_accepted).toEqual({ id: 'TPL-A', fields: DEFAULT_KEYWORDS.complaint_accepted });
    expect(t.complaint_replied?.fields.thing1).toBe('status');
    expect(() => parseSubscribeTemplates(JSON.stringify({ complaint_accepted: { id: 'X', fields: { phrase3: 'station' } } }))).toThrow(/station cannot fill a phrase/);
    expect(() => parseSubscribeTemplates(JSON.stringify({ complaint_accepted: { id: '', fields: {} } }))).toThrow(/template id missing/);
    expect(() => parseSubscribeTemplates(JSON.stringify({ complaint_other: 'X' }))).toThrow(/unknown event/);
    expect(parseSubscribeTemplates(undefined)).toEqual({});
    expect(templateProblems(localTemplates())).toEqual([]);
  });

  test('miniprogram_state before release', () => {
    expect(miniprogramStateFrom(undefined)).toBe('formal');
    expect(miniprogramStateFrom('trial')).toBe('trial');
    expect(() => miniprogramStateFrom('release')).toThrow();
    const p = buildSubscribeMessage(everyMessage()[0], localTemplates(), 'trial')!;
    expect(p.miniprogram_state).toBe('trial');
  });
});
