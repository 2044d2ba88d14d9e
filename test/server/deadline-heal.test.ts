/**
 * Provisional deadlines heal (issue 9 item 7), over HTTP: a complaint filed 2026-12-29 gets
 * accept-by 2027-01-01 counted on weekends only (2027 not entered), the scheduler escalates it on
 * 2027-01-02; the province enters 2027 (01-01 a holiday) and the complaint's deadline becomes
 * 2027-01-04, the warning goes, the escalation only the provisional date caused is undone, the
 * timeline says why, and the recount is audited.
 */
import type { ComplaintCaseView, ComplaintListItem, ComplaintView } from '../../core/complaint/api';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

describe('entering a year heals the provisional deadlines it touches', () => {
  const t = appForTests({ now: '2026-12-29T02:00:00.000Z' });

  test('recount, warning cleared, escalation undone, timeline and audit', async () => {
    const filed = await t.ok<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。' }, DEMO.resident1, rid('heal'));
    expect(filed).toMatchObject({ acceptDueOn: '2027-01-01', deadlineProvisional: true });
    // Another one accepted at once: its reply deadline is provisional too.
    const other = await t.ok<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'attitude', description: '工作人员说话很不客气。' }, DEMO.resident2, rid('heal2'));
    const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: other.id, version: other.version }, DEMO.county);
    expect(accepted.replyDueOn).toBe('2027-01-05'); // 12-30, 12-31, 01-01, 01-04, 01-05 on weekends only

    // Queue items carry the flag.
    const queue = await t.ok<{ items: ComplaintListItem[] }>('complaints', 'queue', {}, DEMO.county);
    expect(queue.items.find((i) => i.id === filed.id)?.deadlineProvisional).toBe(true);

    t.clock.set('2027-01-02T01:00:00.000Z');
    await t.app.runScheduler();
    const escalated = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: filed.id }, DEMO.province);
    expect(escalated.escalationLevel).toBe(1);

    t.clock.set('2027-01-02T02:00:00.000Z');
    const saved = await t.ok('account', 'setCalendarYear', { year: 2027, holidays: ['2027-01-01'], workdays: [] }, DEMO.province);
    expect(saved).toEqual({ year: 2027, saved: true, deadlinesRecomputed: 2, escalationsUndone: 1 });

    const healed = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: filed.id }, DEMO.province);
    expect(healed).toMatchObject({ acceptDueOn: '2027-01-04', deadlineProvisional: false, escalationLevel: 0, calendarWarning: null, overdue: null });
    const reply = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: other.id }, DEMO.province);
    expect(reply).toMatchObject({ replyDueOn: '2027-01-06', deadlineProvisional: false });

    // The resident's timeline says the date moved and why.
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: filed.id }, DEMO.resident1);
    expect(mine.timeline.at(-1)).toMatchObject({ label: '期限调整', note: '节假日安排录入后，受理期限由 2027-01-01 调整为 2027-01-04；按调整后的期限，之前的督办撤销' });
    const audit = await t.app.stores.audit.list({ resource: `complaint:${filed.id}`, offset: 0, limit: 10 });
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'complaint.recompute', outcome: 'done', actorOpenid: DEMO.province }));

    // The scheduler does not escalate it again before the corrected deadline; entering again changes nothing.
    await t.app.runScheduler();
    expect((await t.ok<ComplaintCaseView>('complaints', 'detail', { id: filed.id }, DEMO.province)).escalationLevel).toBe(0);
    expect(await t.ok('account', 'setCalendarYear', { year: 2027, holidays: ['2027-01-01'], workdays: [] }, DEMO.province)).toMatchObject({ deadlinesRecomputed: 0 });
  });
});
