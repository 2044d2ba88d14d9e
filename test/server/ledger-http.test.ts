/**
 * Station ledgers (台账, 第十条5) over HTTP: the head records a month, the operator sees the flags,
 * returns one entry with a reason, the head corrects it and the operator accepts; totals roll up
 * for the county, city and province; every action checks role and scope.
 */
import type { EntryView, MonthView, QueuePage, TotalsView } from '../../core/ledger/api';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

const t = appForTests({}, { each: true, timeout: 60_000 });

const MONTH = '2026-09';
const sale = { kind: 'poverty_sale', product: '于都脐橙', quantity: 100, amountFen: 50_000, households: 6 };
const rec = (over: Record<string, unknown> = {}, openid: string = DEMO.stationHead) => t.ok<EntryView>('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale, ...over }, openid);
const audit = (action: string) => t.app.stores.audit.list({ action, offset: 0, limit: 50 });

/** Another county's station and a head for it (井冈山市, another operator). */
async function otherStation() {
  const id = t.app.db.prepare("SELECT id FROM stations WHERE id LIKE 'st-360881%' ORDER BY id LIMIT 1").pluck().get() as string;
  await t.app.stores.roles.insert({ id: 'b-other-head', openid: 'other-head-0001', role: 'station_head', scope: { kind: 'station', stationId: id }, grantedBy: 'system', grantedAt: '2026-01-01T00:00:00.000Z' });
  return id;
}

describe('ledger over HTTP', () => {
  test('head records a month → operator returns one with a reason → head corrects → operator accepts', async () => {
    const a = await rec();
    await rec({ product: '富硒大米', quantity: 40 });
    await rec({ product: '红薯干', quantity: 30 });
    await rec({ kind: 'parcel_out', product: undefined, households: undefined, quantity: 80, amountFen: 0 });

    const month = await t.ok<MonthView>('ledger', 'month', {}, DEMO.stationHead);
    expect(month).toMatchObject({ station: { id: HEAD_STATION }, month: MONTH, canRecord: true });
    expect(month.entries).toHaveLength(4);
    expect(month.totals).toMatchObject({ entries: 4, amountFen: 150_000, households: 18 });
    expect(month.totals.byKind.parcel_out.quantity).toBe(80);
    // 500 yuan three times: flagged, not changed.
    expect(month.entries.find((e) => e.id === a.id)?.flags).toEqual([{ code: 'round_repeat', message: '整数金额 500 元本月出现 3 次' }]);

    const queue = await t.ok<QueuePage>('ledger', 'queue', {}, DEMO.operatorStaff);
    expect(queue.items.map((e) => e.id)).toContain(a.id);
    expect(queue.items.find((e) => e.id === a.id)?.flags[0].code).toBe('round_repeat');

    const bare = await t.call('ledger', 'review', { id: a.id, decision: 'return' }, DEMO.operatorStaff);
    expect(bare.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { reason: '请写明退回原因' } } });
    const returned = await t.ok<EntryView>('ledger', 'review', { id: a.id, decision: 'return', reason: '金额请按实际填写' }, DEMO.operatorStaff);
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '已退回', returnReason: '金额请按实际填写' });

    const seen = (await t.ok<MonthView>('ledger', 'month', { month: MONTH }, DEMO.stationHead)).entries.find((e) => e.id === a.id);
    expect(seen).toMatchObject({ status: 'returned', returnReason: '金额请按实际填写' });
    // Returned entries wait outside the totals.
    expect((await t.ok<MonthView>('ledger', 'month', {}, DEMO.stationHead)).totals.amountFen).toBe(100_000);

    const fixed = await t.ok<EntryView>('ledger', 'correct', { id: a.id, ...sale, amountFen: 48_650 }, DEMO.stationHead);
    expect(fixed).toMatchObject({ status: 'submitted', amountFen: 48_650, lastReturnReason: '金额请按实际填写', flags: [] });
    const accepted = await t.ok<EntryView>('ledger', 'review', { id: a.id, decision: 'accept' }, DEMO.operatorStaff);
    expect(accepted.status).toBe('accepted');
    const late = await t.call('ledger', 'correct', { id: a.id, ...sale }, DEMO.stationHead);
    expect(late.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已核实的台账不能再修改' } });

    expect((await audit('ledger.record')).items).toHaveLength(4);
    expect((await audit('ledger.return')).items[0]).toMatchObject({ actorOpenid: DEMO.operatorStaff, resource: `ledger:${a.id}` });
    expect((await audit('ledger.correct')).items).toHaveLength(1);
    expect((await audit('ledger.accept')).items).toHaveLength(1);
  });

  test('totals roll up for the county, the city and the province; sums agree across levels', async () => {
    await rec();
    await rec({ kind: 'bill_payment', product: undefined, households: undefined, quantity: 12, amountFen: 123_456 });
    const other = await otherStation();
    await rec({ stationId: other, amountFen: 7_000 }, 'other-head-0001');

    // Without a month: the server's current one (the clock is at 2026-09-30).
    const county = await t.ok<TotalsView>('ledger', 'totals', {}, DEMO.county);
    expect(county).toMatchObject({ region: { code: '360731', name: '于都县' }, childLevel: 'township', from: MONTH, to: MONTH, thisMonth: MONTH });
    expect(county.total.amountFen).toBe(173_456);
    expect(county.children.find((c) => c.key === '360731100')?.totals.amountFen).toBe(173_456);

    const city = await t.ok<TotalsView>('ledger', 'totals', { month: MONTH }, DEMO.city);
    expect(city).toMatchObject({ region: { code: '3607' }, childLevel: 'county', total: { amountFen: 173_456 } });
    const province = await t.ok<TotalsView>('ledger', 'totals', { month: MONTH, untilMonth: '2026-09' }, DEMO.province);
    expect(province.childLevel).toBe('city');
    expect(province.total.amountFen).toBe(180_456);
    expect(province.children.map((c) => [c.key, c.totals.amountFen])).toEqual([['3607', 173_456], ['3608', 7_000]]);
    const township = await t.ok<TotalsView>('ledger', 'totals', { regionCode: '360731100', month: MONTH }, DEMO.county);
    expect(township.childLevel).toBe('station');
    expect(township.children).toEqual([expect.objectContaining({ key: HEAD_STATION })]);

    // Scope: the county cannot look at another county or above itself; a head sees no totals.
    expect((await t.call('ledger', 'totals', { regionCode: '360881', month: MONTH }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('ledger', 'totals', { regionCode: '36', month: MONTH }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('ledger', 'totals', { month: MONTH }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('ledger', 'totals', { month: '2026-09', untilMonth: '2027-09' }, DEMO.province)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { untilMonth: '一次最多看 12 个月' } } });
  });

  test('role and scope: each action refuses who it is not for', async () => {
    const mine = await rec();
    const other = await otherStation();
    const theirs = await rec({ stationId: other }, 'other-head-0001');

    // A head records only for their own station; another station looks absent.
    expect((await t.call('ledger', 'record', { stationId: other, month: MONTH, ...sale }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'correct', { id: theirs.id, ...sale }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'month', { stationId: other }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Residents have no ledger; without an identity: UNAUTHENTICATED.
    expect((await t.call('ledger', 'month', {}, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('ledger', 'month', {}, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The operator reviews only its own stations' entries; officials and heads do not review.
    const queue = await t.ok<QueuePage>('ledger', 'queue', {}, DEMO.operatorStaff);
    expect(queue.items.map((e) => e.id)).toEqual([mine.id]);
    expect((await t.call('ledger', 'review', { id: theirs.id, decision: 'accept' }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'review', { id: mine.id, decision: 'accept' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'review', { id: mine.id, decision: 'accept' }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'queue', {}, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The operator and the county read the station's month; the head cannot record in the operator's stead.
    expect((await t.ok<MonthView>('ledger', 'month', { stationId: HEAD_STATION }, DEMO.operatorStaff)).canRecord).toBe(false);
    expect((await t.ok<MonthView>('ledger', 'month', { stationId: HEAD_STATION }, DEMO.county)).entries).toHaveLength(1);
    expect((await t.call('ledger', 'month', { stationId: other }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await audit('ledger.record')).items.filter((e) => e.outcome === 'denied').length).toBeGreaterThan(0);
  });

  test('input limits and month rules answer plain Chinese, per field', async () => {
    const future = await t.call('ledger', 'record', { stationId: HEAD_STATION, month: '2026-10', ...sale }, DEMO.stationHead);
    expect(future.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '不能登记以后月份的台账', fields: { month: '不能登记以后月份的台账' } } });
    const yuan = await t.call('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale, amountFen: 12.5 }, DEMO.stationHead);
    expect(yuan.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { 'data.amountFen': '金额应为整数' } } });
    const big = await t.call('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale, quantity: 100_001 }, DEMO.stationHead);
    expect(big.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '数量不能大于 100000' } });
    const noHouseholds = await t.call('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale, households: undefined }, DEMO.stationHead);
    expect(noHouseholds.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { households: '请填写带动的农户数' } } });
    const extra = await t.call('ledger', 'record', { stationId: HEAD_STATION, month: MONTH, ...sale, openid: 'x' }, DEMO.stationHead);
    expect(extra.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});

describe('demo data (npm start)', () => {
  test('six months of 台账 and some visits: the head’s earlier month, flags for the operator, county totals, who is behind', async () => {
    const { seedDemoLedger, seedDemoVisits } = await import('../../server/seed');
    expect(await seedDemoLedger(t.app.stores, t.clock.now())).toBeGreaterThan(50);
    expect(await seedDemoVisits(t.app.stores, t.clock.now())).toBe(8);
    expect(await seedDemoLedger(t.app.stores, t.clock.now())).toBe(0);
    const now = await t.ok<MonthView>('ledger', 'month', {}, DEMO.stationHead);
    expect(now.entries).toEqual([]);
    const before = await t.ok<MonthView>('ledger', 'month', { month: '2026-08' }, DEMO.stationHead);
    expect(before.entries.length).toBeGreaterThan(2);
    expect(before.totals.byKind.poverty_sale.amountFen).toBeGreaterThan(0);
    // The operator's list, page by page: the demo's spike and repeated round amount are flagged.
    const flags: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page: QueuePage = await t.ok<QueuePage>('ledger', 'queue', { offset }, DEMO.operatorStaff);
      flags.push(...page.items.flatMap((e) => e.flags.map((f) => f.code)));
      offset = page.nextOffset;
    }
    expect(new Set(flags)).toEqual(new Set(['spike', 'round_repeat']));
    const county = await t.ok<TotalsView>('ledger', 'totals', { month: '2026-08' }, DEMO.county);
    expect(county.total.entries).toBeGreaterThan(10);
    const dues = await t.ok<{ behind: unknown[]; stations: number }>('inspections', 'dues', {}, DEMO.county);
    expect(dues.behind.length).toBeLessThan(dues.stations);
  });
});
