/**
 * The storage contract of LedgerRepository (core/ledger/store.ts): one suite every adapter
 * (SQLite, CloudBase through the fake SDK) must pass as is. `sums` must agree with the core's
 * reference grouping (rollup.ts groupEntries) at every level.
 */
import type { LedgerEntry } from '../../core/ledger/model';
import { COUNTED_STATUSES, groupEntries, sortRows, type GroupLevel } from '../../core/ledger/rollup';
import type { LedgerRepository } from '../../core/ledger/store';
import { expectCode } from './expect';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface LedgerStoreHandle extends StoreLifecycle {
  ledger: LedgerRepository;
}

const P = { code: '36', name: '江西省' };
const GANZHOU = { code: '3607', name: '赣州市' };
const YUDU = [P, GANZHOU, { code: '360731', name: '于都县' }];
const GONGJIANG = [...YUDU, { code: '360731100', name: '贡江镇' }];
const SHUITOU = [...GONGJIANG, { code: '360731100201', name: '水头村' }];
const RUIJIN = [P, GANZHOU, { code: '360781', name: '瑞金市' }, { code: '360781001', name: '象湖镇' }];
const JIAN = [P, { code: '3608', name: '吉安市' }, { code: '360881', name: '井冈山市' }];

let n = 0;
function entry(id: string, over: Partial<LedgerEntry> = {}): LedgerEntry {
  n++;
  return {
    id,
    stationId: 'st-gongjiang',
    stationName: '贡江镇服务站',
    regionPath: GONGJIANG,
    operatorName: '于都运营中心',
    month: '2026-11',
    kind: 'poverty_sale',
    product: '脐橙',
    quantity: 10 + n,
    amountFen: 30_000 + n * 7,
    households: 2,
    status: 'submitted',
    createdBy: 'o-head',
    createdAt: `2026-11-20T02:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-20T02:00:00.000Z',
    history: [{ at: '2026-11-20T02:00:00.000Z', action: 'record', by: 'head' }],
    version: 1,
    ...over,
  };
}

export function describeLedgerStoreContract(name: string, make: () => Promise<LedgerStoreHandle>): void {
  describe(`${name}: ledger store contract`, () => {
    let h: LedgerStoreHandle;
    useStore(make, (opened) => (h = opened), {
      prepare: () => {
        n = 0;
      },
    });

    test('insert and get the whole record; a missing id answers null', async () => {
      const e = entry('l-1', { date: '2026-11-03', note: '村里合作社' });
      await h.ledger.apply({ kind: 'insert', entry: e });
      expect(await h.ledger.get('l-1')).toEqual(e);
      expect(await h.ledger.get('l-none')).toBeNull();
    });

    test('update replaces the record when the version matches; CONFLICT when it moved on', async () => {
      const e = entry('l-1');
      await h.ledger.apply({ kind: 'insert', entry: e });
      const next: LedgerEntry = { ...e, status: 'returned', returnReason: '金额不对', kind: 'proxy_purchase', households: undefined, amountFen: 5, version: 2 };
      delete next.households;
      await h.ledger.apply({ kind: 'update', entry: next, expectedVersion: 1 });
      expect(await h.ledger.get('l-1')).toEqual(next);
      await expectCode(h.ledger.apply({ kind: 'update', entry: { ...next, status: 'accepted', version: 3 }, expectedVersion: 1 }), 'CONFLICT');
      expect((await h.ledger.get('l-1'))?.status).toBe('returned');
      // The figures the totals add up follow the update.
      const rows = await h.ledger.sums({ regionCode: '36', level: 'station', monthFrom: '2026-11', monthTo: '2026-11', statuses: ['returned'] });
      expect(rows).toEqual([{ key: 'st-gongjiang', name: '贡江镇服务站', kind: 'proxy_purchase', sums: { entries: 1, quantity: e.quantity, amountFen: 5, households: 0 } }]);
    });

    test('list filters by station, operator, status, region and months; orders and pages', async () => {
      await h.ledger.apply({ kind: 'insert', entry: entry('l-1') });
      await h.ledger.apply({ kind: 'insert', entry: entry('l-2', { month: '2026-09' }) });
      await h.ledger.apply({ kind: 'insert', entry: entry('l-3', { stationId: 'st-xianghu', regionPath: RUIJIN, operatorName: '瑞金运营中心' }) });
      await h.ledger.apply({ kind: 'insert', entry: entry('l-4', { status: 'accepted', version: 2 }) });
      const ids = (p: { items: LedgerEntry[] }) => p.items.map((e) => e.id);
      const q = { order: 'oldest' as const, offset: 0, limit: 10 };
      expect(ids(await h.ledger.list({ ...q }))).toEqual(['l-1', 'l-2', 'l-3', 'l-4']);
      expect(ids(await h.ledger.list({ ...q, order: 'newest' }))).toEqual(['l-4', 'l-3', 'l-2', 'l-1']);
      expect(ids(await h.ledger.list({ ...q, stationIds: ['st-gongjiang'] }))).toEqual(['l-1', 'l-2', 'l-4']);
      expect(ids(await h.ledger.list({ ...q, operatorNames: ['瑞金运营中心'] }))).toEqual(['l-3']);
      expect(ids(await h.ledger.list({ ...q, operatorNames: ['于都运营中心'], statuses: ['submitted'] }))).toEqual(['l-1', 'l-2']);
      expect(ids(await h.ledger.list({ ...q, regionCodes: ['360781'] }))).toEqual(['l-3']);
      expect(ids(await h.ledger.list({ ...q, stationIds: ['st-gongjiang'], monthFrom: '2026-10', monthTo: '2026-11' }))).toEqual(['l-1', 'l-4']);
      expect(ids(await h.ledger.list({ ...q, monthTo: '2026-10' }))).toEqual(['l-2']);
      expect((await h.ledger.list({ ...q, operatorNames: [] })).items).toEqual([]);
      const first = await h.ledger.list({ ...q, limit: 3 });
      expect(ids(first)).toEqual(['l-1', 'l-2', 'l-3']);
      expect(first.hasMore).toBe(true);
      const second = await h.ledger.list({ ...q, offset: 3, limit: 3 });
      expect(ids(second)).toEqual(['l-4']);
      expect(second.hasMore).toBe(false);
    });

    test('sums agree with the core grouping at every level, for a region, months and statuses', async () => {
      const all = [
        entry('a1'),
        entry('a2', { kind: 'parcel_in', product: undefined, households: undefined, amountFen: 0 }),
        entry('a3', { stationId: 'st-shuitou', stationName: '水头村服务点', regionPath: SHUITOU }),
        entry('a4', { stationId: 'st-yudu', stationName: '于都县运营中心', regionPath: YUDU, kind: 'bill_payment', product: undefined, households: undefined }),
        entry('a5', { stationId: 'st-xianghu', stationName: '象湖镇服务站', regionPath: RUIJIN, operatorName: '瑞金运营中心' }),
        entry('a6', { stationId: 'st-jgs', stationName: '井冈山运营中心', regionPath: JIAN, operatorName: '井冈山运营中心' }),
        entry('a7', { status: 'returned' }),
        entry('a8', { month: '2026-08' }),
        entry('a9', { status: 'accepted', month: '2026-10' }),
      ];
      for (const e of all) await h.ledger.apply({ kind: 'insert', entry: e });
      const cases: [string, GroupLevel, string, string][] = [
        ['36', 'city', '2026-09', '2026-11'],
        ['3607', 'county', '2026-09', '2026-11'],
        ['360731', 'township', '2026-01', '2026-12'],
        ['360731100', 'station', '2026-10', '2026-11'],
        ['360781', 'township', '2026-11', '2026-11'],
      ];
      for (const [code, level, from, to] of cases) {
        const inScope = all.filter((e) => e.regionPath.some((r) => r.code === code) && e.month >= from && e.month <= to && COUNTED_STATUSES.includes(e.status));
        const got = sortRows(await h.ledger.sums({ regionCode: code, level, monthFrom: from, monthTo: to, statuses: COUNTED_STATUSES }));
        expect({ code, level, rows: got }).toEqual({ code, level, rows: groupEntries(inScope, level) });
      }
      // A county's own centre has no township: grouped under the null key.
      const township = await h.ledger.sums({ regionCode: '360731', level: 'township', monthFrom: '2026-11', monthTo: '2026-11', statuses: COUNTED_STATUSES });
      expect(township.find((r) => r.key === null)).toMatchObject({ name: '直属站点', kind: 'bill_payment' });
      expect(await h.ledger.sums({ regionCode: '3699', level: 'county', monthFrom: '2026-01', monthTo: '2026-12', statuses: COUNTED_STATUSES })).toEqual([]);
      expect(await h.ledger.sums({ regionCode: '36', level: 'city', monthFrom: '2026-01', monthTo: '2026-12', statuses: [] })).toEqual([]);
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expectCode(h.ledger.get('l-1'), 'UNAVAILABLE');
    });
  });
}
