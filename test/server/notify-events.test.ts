/**
 * Everyone who should know, knows (issue 11 §3), per event over real HTTP: each row does what an
 * official or villager does and checks that exactly the right person has a message of the right
 * kind queued for that case, and that the body subscribeMessage.send would get passes the keyword
 * rules (core/notify/subscribe.ts) and opens a registered page.
 */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import type { OutboxMessage } from '../../core/complaint/model';
import { keywordProblem, keywordType } from '../../core/notify/subscribe';
import { appPagesFromConfig, pagePath } from '../../scripts/app-pages';
import { accepted, assignedToOperator, fileComplaint, replied } from '../support/complaints';
import { devOutbox, runScheduler } from '../support/dev-outbox';
import { DEMO, appForTests, type TestApp } from '../support/local-app';

jest.setTimeout(60_000);

/** Wednesday 2026-09-30 10:00 Asia/Shanghai. */
const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });
const outbox = (openid: string) => devOutbox(t, openid);

const ok = <T = ComplaintCaseView>(action: string, data: Record<string, unknown>, openid: string) => t.ok<T>('complaints', action, data, openid);

/** One official or villager action on a case: the action, its data (the case's id and version are added), who does it. */
type Step = [action: string, data: Record<string, unknown>, who: string];

/** Brings a case to a state with `start`, then runs the steps on it one after another: answers the case id. */
const after =
  (start: (t: TestApp) => Promise<{ id: string; version: number }>, ...steps: Step[]) =>
  async (): Promise<string> => {
    let c: { id: string; version: number } = await start(t);
    for (const [action, data, who] of steps) c = await ok<ComplaintView>(action, { id: c.id, version: c.version, ...data }, who);
    return c.id;
  };

/** Each row: what happens (answers the case id), who must be told, with which event and status phrase. */
const ROWS: [string, () => Promise<string>, string, OutboxMessage['event'], string][] = [
  ['the assignee (operator staff) on assignment', after(assignedToOperator), DEMO.operatorStaff, 'case_assigned', '待签收'],
  ['the assignee (station head) on assignment', after(accepted, ['assign', { to: 'station' }, DEMO.county]), DEMO.stationHead, 'case_assigned', '待签收'],
  [
    '退单 back to the county',
    after(accepted, ['assign', { to: 'station' }, DEMO.county], ['decline', { reason: '快递由运营单位负责' }, DEMO.stationHead]),
    DEMO.county,
    'complaint_returned',
    '已退单',
  ],
  [
    'the city on the answer to its 督办',
    after(accepted, ['supervise', { instruction: '请三日内核实', dueOn: '2026-10-09' }, DEMO.city], ['answerSupervision', { answer: '已约谈站长' }, DEMO.county]),
    DEMO.city,
    'supervision_answered',
    '已答复',
  ],
  ['the complainant on accepted', after(accepted), DEMO.resident1, 'complaint_accepted', '已受理'],
  ['the complainant on assigned', after(assignedToOperator), DEMO.resident1, 'complaint_assigned', '已转办'],
  [
    'the complainant on extended, with the new date',
    after(assignedToOperator, ['requestExtension', { dueOn: '2026-10-20', reason: '等快递公司证明' }, DEMO.operatorStaff], ['approveExtension', {}, DEMO.county]),
    DEMO.resident1,
    'complaint_extended',
    '已延期',
  ],
  [
    'the complainant on escalated (a 督办 raises it to 市级)',
    after(accepted, ['supervise', { instruction: '请核实', dueOn: '2026-10-09' }, DEMO.city]),
    DEMO.resident1,
    'complaint_escalated',
    '市级督办',
  ],
  ['the complainant on replied', after(replied), DEMO.resident1, 'complaint_replied', '已答复'],
  ['the complainant on reopened (不满意)', after(replied, ['evaluate', { evaluation: 'unsatisfied' }, DEMO.resident1]), DEMO.resident1, 'complaint_reopened', '重新办理'],
  ['the complainant on ended (evaluated)', after(replied, ['evaluate', { evaluation: 'satisfied' }, DEMO.resident1]), DEMO.resident1, 'complaint_closed', '已办结'],
  [
    'the complainant on ended (refused)',
    after(fileComplaint, ['refuse', { reason: 'no_facts', text: '未说明具体时间和经过' }, DEMO.county]),
    DEMO.resident1,
    'complaint_refused',
    '不予受理',
  ],
];

const pages = appPagesFromConfig();

test.each(ROWS)('%s', async (_name, act, recipient, event, phrase) => {
  const id = await act();
  const mine = (await outbox(recipient)).filter((m) => m.complaintId === id && m.event === event);
  expect(mine).toHaveLength(1);
  const [m] = mine;
  expect(m.requestError).toBeUndefined();
  const p = m.request!;
  expect(p.touser).toBe(recipient);
  expect(pages).toContain(pagePath(p.page));
  for (const [key, { value }] of Object.entries(p.data)) expect([key, keywordProblem(keywordType(key)!, value)]).toEqual([key, null]);
  expect(Object.entries(p.data).find(([k]) => k.startsWith('phrase'))?.[1].value).toBe(phrase);
  // Nobody else has this message: the complainant never gets officials' messages and vice versa.
  for (const other of Object.values(DEMO).filter((o) => o !== recipient)) {
    expect((await outbox(other)).filter((x) => x.complaintId === id && x.event === event)).toEqual([]);
  }
});

test('the complainant is told the new date on an extension and on a reopening', async () => {
  const told = (await outbox(DEMO.resident1)).filter((m) => m.event === 'complaint_extended' || m.event === 'complaint_reopened');
  expect(told.length).toBeGreaterThanOrEqual(2);
  for (const m of told) expect(m.request!.data.date4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
});

test('the county official on new cases: one digest, not one message per case', async () => {
  // Every case above was accepted or refused already: nothing waits, no digest.
  t.clock.set('2026-09-30T03:00:00.000Z');
  await runScheduler(t);
  expect((await outbox(DEMO.county)).filter((m) => m.event === 'new_cases_digest')).toEqual([]);
  await fileComplaint(t);
  await fileComplaint(t, {}, DEMO.resident2);
  t.clock.set('2026-09-30T04:00:00.000Z');
  await runScheduler(t);
  const digests = (await outbox(DEMO.county)).filter((m) => m.event === 'new_cases_digest');
  expect(digests).toHaveLength(1);
  expect(digests[0].request!.page).toBe('packages/official/queue/index');
  expect(digests[0].payload.count).toBe('2');
  // The county gets no per-case message for a new complaint.
  expect((await outbox(DEMO.county)).filter((m) => m.event === 'complaint_accepted')).toEqual([]);
});
