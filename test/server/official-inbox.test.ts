/**
 * Officials' unread items (issue 11 §3) over real HTTP: complaints.inbox lists the hand-offs
 * addressed to the caller — a new assignment, a 退单, a 督办 and its answer, an extension request —
 * with an unread count; complaints.inboxRead (opening the case) marks the caller's items about that
 * case read, and nobody else's.
 */
import type { ComplaintCaseView } from '../../core/complaint/api';
import type { InboxView } from '../../core/notify/inbox';
import { accepted, assignedToOperator } from '../support/complaints';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });

const inbox = (openid: string) => t.ok<InboxView>('complaints', 'inbox', {}, openid);
const ok = (action: string, data: Record<string, unknown>, openid: string) => t.ok<ComplaintCaseView>('complaints', action, data, openid);

test('each hand-off shows as an unread item for its official; opening the case marks it read', async () => {
  const start = { county: (await inbox(DEMO.county)).unread, ops: (await inbox(DEMO.operatorStaff)).unread, city: (await inbox(DEMO.city)).unread };

  // New assignment → the operator's staff.
  const a = await assignedToOperator(t);
  const ops = await inbox(DEMO.operatorStaff);
  expect(ops.unread).toBe(start.ops + 1);
  expect(ops.items[0]).toEqual(expect.objectContaining({ complaintId: a.id, trackingNo: a.trackingNo, event: 'case_assigned', label: '新转办，请签收', read: false }));

  // Extension request → the county official who accepted it.
  const r = await ok('requestExtension', { id: a.id, version: a.version, dueOn: '2026-10-20', reason: '等快递公司证明' }, DEMO.operatorStaff);
  // 督办 by the city → the county official; the answer → the city.
  const s = await ok('supervise', { id: a.id, version: r.version, instruction: '请三日内核实', dueOn: '2026-10-09' }, DEMO.city);
  await ok('answerSupervision', { id: a.id, version: s.version, answer: '已约谈站长' }, DEMO.county);
  // 退单 → the county official, on another case.
  const b = await accepted(t);
  const bs = await ok('assign', { id: b.id, version: b.version, to: 'station' }, DEMO.county);
  await ok('decline', { id: b.id, version: bs.version, reason: '快递由运营单位负责' }, DEMO.stationHead);

  const county = await inbox(DEMO.county);
  expect(county.unread).toBe(start.county + 3);
  // (The test clock stands still: all three have the same time, so their order is by id.)
  expect(county.items.slice(0, 3).map((i) => [i.complaintId, i.event, i.label, i.detail])).toEqual(
    expect.arrayContaining([
      [b.id, 'complaint_returned', '退单，请重新转办', null],
      [a.id, 'complaint_supervised', '督办，请答复', '市级督办，2026-10-09 前答复'],
      [a.id, 'extension_requested', '延期申请，请审批', '延至 2026-10-20'],
    ]),
  );
  const city = await inbox(DEMO.city);
  expect(city.unread).toBe(start.city + 1);
  expect(city.items[0]).toEqual(expect.objectContaining({ complaintId: a.id, event: 'supervision_answered', label: '督办已答复' }));

  // The county opens case a: its two items are read, b's 退单 is not; the city's item stays unread.
  const after = await t.ok<InboxView>('complaints', 'inboxRead', { id: a.id }, DEMO.county);
  expect(after.unread).toBe(start.county + 1);
  expect(after.items.filter((i) => i.complaintId === a.id).every((i) => i.read)).toBe(true);
  expect(after.items.find((i) => i.complaintId === b.id)?.read).toBe(false);
  expect((await inbox(DEMO.city)).unread).toBe(start.city + 1);
  // Residents' own messages never show here.
  expect((await inbox(DEMO.resident1)).items).toEqual([]);
});

test('a bad case number is refused in Chinese; signed-out callers are refused', async () => {
  const bad = await t.call('complaints', 'inboxRead', { id: '../x' }, DEMO.county);
  expect(bad.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
  const anon = await t.call('complaints', 'inbox', {});
  expect(anon.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
});
