/** Ledgers (core/ledger): recording rules, review, anomaly flags and the regional roll-up. */
import fc from 'fast-check';
import { flagMonth, ROUND_FEN } from '../../core/ledger/anomalies';
import { LEDGER_KINDS, LedgerRuleError, addMonthsTo, correct, fieldsProblem, formatYuan, parseYuan, record, review, type LedgerEntry, type LedgerFields, type StationFacts } from '../../core/ledger/model';
import { childLevelOf, DIRECT_NAME, groupEntries, rollUp, type GroupLevel } from '../../core/ledger/rollup';
import { regionCodesOfCode } from '../../core/ledger/service';
import { DEMO_STATION_HEAD_STATION_ID, demoStations } from '../../seed/demo';
import { demoLedger } from '../../seed/ledger';
import { R } from './station-fixtures';

const STATION: StationFacts = {
  id: 'st-gongjiang',
  name: '贡江镇服务站',
  regionPath: [R.province, R.city, R.yudu, R.gongjiang],
  operatorName: '于都县电商运营中心',
};
const NOW = '2026-12-05T02:00:00.000Z';
const TODAY = '2026-12-05';
const sale: LedgerFields = { kind: 'poverty_sale', product: '于都脐橙', quantity: 120, amountFen: 360_000, households: 8 };

function entry(id: string, over: Partial<LedgerEntry> = {}): LedgerEntry {
  const change = record(STATION, over.month ?? '2026-11', { ...sale, ...over }, 'o-head', NOW, TODAY, id);
  return { ...change.entry, ...over };
}

describe('recording', () => {
  test('a sale records as submitted with the station facts; money stays in fen', () => {
    const c = record(STATION, '2026-11', sale, 'o-head', NOW, TODAY, 'l-1');
    expect(c.kind).toBe('insert');
    expect(c.entry).toMatchObject({ id: 'l-1', stationId: 'st-gongjiang', operatorName: '于都县电商运营中心', month: '2026-11', status: 'submitted', amountFen: 360_000, households: 8, version: 1 });
    expect(c.entry.history).toEqual([{ at: NOW, action: 'record', by: 'head' }]);
  });

  test.each([
    [{ ...sale, product: undefined }, '2026-11', 'product'],
    [{ ...sale, households: undefined }, '2026-11', 'households'],
    [{ ...sale, amountFen: 0 }, '2026-11', 'amountFen'],
    [{ ...sale, quantity: 0 }, '2026-11', 'quantity'],
    [{ kind: 'parcel_in', quantity: 30, amountFen: 0, households: 3 } as LedgerFields, '2026-11', 'households'],
    [{ kind: 'other_service', quantity: 3, amountFen: 0 } as LedgerFields, '2026-11', 'product'],
    [sale, '2027-01', 'month'],
    [sale, '2025-11', 'month'],
    [{ ...sale, date: '2026-10-31' }, '2026-11', 'date'],
    [{ ...sale, date: '2026-12-06' }, '2026-12', 'date'],
  ])('refuses %j for %s (field %s)', (f, month, field) => {
    expect(fieldsProblem(f, month, TODAY)?.field).toBe(field);
    expect(() => record(STATION, month, f, 'o-head', NOW, TODAY, 'l-1')).toThrow(LedgerRuleError);
  });

  test('parcels may be free; the month twelve months back is still open', () => {
    expect(fieldsProblem({ kind: 'parcel_out', quantity: 40, amountFen: 0 }, '2025-12', TODAY)).toBeNull();
    expect(fieldsProblem({ ...sale, date: '2026-12-05' }, '2026-12', TODAY)).toBeNull();
  });
});

describe('review and correction', () => {
  test('the operator returns with a reason; the head corrects; it is submitted again and the reason stays in history', () => {
    const e = entry('l-1');
    expect(() => review(e, 'return', 'o-op', NOW)).toThrow('请写明退回原因');
    const returned = review(e, 'return', 'o-op', NOW, '数量与金额对不上');
    expect(returned).toMatchObject({ kind: 'update', expectedVersion: 1, entry: { status: 'returned', returnReason: '数量与金额对不上', version: 2 } });
    expect(() => review(returned.entry, 'accept', 'o-op', NOW)).toThrow(LedgerRuleError);
    const fixed = correct(returned.entry, { ...sale, quantity: 100 }, NOW, TODAY);
    expect(fixed.entry).toMatchObject({ status: 'submitted', quantity: 100, version: 3 });
    expect(fixed.entry.returnReason).toBeUndefined();
    expect(fixed.entry.history.map((h) => h.action)).toEqual(['record', 'return', 'correct']);
    expect(fixed.entry.history[1].reason).toBe('数量与金额对不上');
    const accepted = review(fixed.entry, 'accept', 'o-op', NOW);
    expect(accepted.entry.status).toBe('accepted');
    expect(() => correct(accepted.entry, sale, NOW, TODAY)).toThrow('已核实的台账不能再修改');
  });

  test('a correction to another kind drops fields the kind does not use', () => {
    const fixed = correct(entry('l-1'), { kind: 'parcel_in', quantity: 12, amountFen: 0 }, NOW, TODAY);
    expect(fixed.entry.households).toBeUndefined();
    expect(fixed.entry.product).toBeUndefined();
  });
});

describe('anomalies', () => {
  const months = (n: number, fen: number) => Array.from({ length: n }, (_, i) => entry(`h-${i}`, { month: addMonthsTo('2026-11', -(i + 1)), amountFen: fen }));

  test('a month ten times the usual is flagged on each of its entries; nine times is not', () => {
    const history = months(4, 100_000);
    const spike = [entry('a', { amountFen: 600_000 }), entry('b', { amountFen: 400_001 })];
    const flags = flagMonth([...history, ...spike], '2026-11');
    expect(flags.get('a')).toEqual([{ code: 'spike', message: '本月扶贫产品销售是平时的 10 倍' }]);
    expect(flags.get('b')?.[0].code).toBe('spike');
    expect(flags.has('h-0')).toBe(false);
    expect(flagMonth([...history, entry('c', { amountFen: 900_000 })], '2026-11').size).toBe(0);
  });

  test('no usual month without three earlier months; months older than six do not count', () => {
    expect(flagMonth([...months(2, 100_000), entry('a', { amountFen: 5_000_000 })], '2026-11').size).toBe(0);
    const old = Array.from({ length: 4 }, (_, i) => entry(`o-${i}`, { month: addMonthsTo('2026-11', -(i + 7)), amountFen: 100 }));
    expect(flagMonth([...old, entry('a', { amountFen: 5_000_000 })], '2026-11').size).toBe(0);
  });

  test('parcels compare counts, not amounts', () => {
    const hist = [1, 2, 3].map((i) => entry(`p-${i}`, { kind: 'parcel_in', product: undefined, households: undefined, month: addMonthsTo('2026-11', -i), quantity: 20, amountFen: 0 }));
    const now = entry('p-now', { kind: 'parcel_in', product: undefined, households: undefined, quantity: 200, amountFen: 0 });
    expect(flagMonth([...hist, now], '2026-11').get('p-now')?.[0].message).toBe('本月快递收件是平时的 10 倍');
  });

  test('the same round amount three times in a month is flagged; twice, or not round, is not', () => {
    const three = ['r1', 'r2', 'r3'].map((id) => entry(id, { amountFen: 5 * ROUND_FEN }));
    const flags = flagMonth(three, '2026-11');
    expect(flags.get('r1')).toEqual([{ code: 'round_repeat', message: '整数金额 500 元本月出现 3 次' }]);
    expect(flagMonth(three.slice(0, 2), '2026-11').size).toBe(0);
    expect(flagMonth(['x1', 'x2', 'x3'].map((id) => entry(id, { amountFen: 5 * ROUND_FEN + 50 })), '2026-11').size).toBe(0);
    // Another month's repeats do not count for this one.
    expect(flagMonth([...three.slice(0, 2), entry('r4', { month: '2026-10', amountFen: 5 * ROUND_FEN })], '2026-11').size).toBe(0);
  });

  test('yuan are formatted from fen and typed yuan parse to exact fen', () => {
    expect(formatYuan(123_456_78)).toBe('123,456.78');
    expect(formatYuan(5)).toBe('0.05');
    expect(['12', '12.5', '12.50', '0.07', '1,200', ' 3. '].map(parseYuan)).toEqual([1200, 1250, 1250, 7, 120_000, 300]);
    expect(['', 'abc', '1.234', '-5', '1e3'].map(parseYuan)).toEqual([null, null, null, null, null]);
    // 0.1 + 0.2 style drift cannot happen: fen are counted from the digits.
    expect(parseYuan('19.99')).toBe(1999);
  });
});

describe('roll-up', () => {
  test('child levels follow the code length; ancestors of a code', () => {
    expect(['36', '3607', '360731', '360731100'].map(childLevelOf)).toEqual(['city', 'county', 'township', 'station']);
    expect(regionCodesOfCode('360731100')).toEqual(['36', '3607', '360731', '360731100']);
  });

  test("a county's own centre is a child of its own under townships", () => {
    const centre = entry('c', { stationId: 'st-yudu', stationName: '于都县运营中心', regionPath: STATION.regionPath.slice(0, 3) });
    const r = rollUp(groupEntries([centre, entry('t')], 'township'));
    expect(r.children.map((c) => [c.key, c.name])).toEqual(expect.arrayContaining([[null, DIRECT_NAME], ['360731100', '贡江镇']]));
    expect(r.children).toHaveLength(2);
    expect(r.total.amountFen).toBe(720_000);
  });

  // Random stations over a small region tree and random entries: every level's children add up to the
  // same total, which is the plain sum of the entries.
  const regionTree = fc.record({ city: fc.constantFrom('3607', '3608'), county: fc.constantFrom('01', '02'), township: fc.option(fc.constantFrom('100', '200'), { nil: undefined }) });
  const anEntry = fc.record({
    station: fc.nat(5),
    where: regionTree,
    kind: fc.constantFrom(...LEDGER_KINDS),
    quantity: fc.integer({ min: 1, max: 1000 }),
    amountFen: fc.integer({ min: 1, max: 10_000_000 }),
    households: fc.integer({ min: 0, max: 50 }),
  });
  test('property: at every level the children sum to the total, and totals equal the sum of entries', () => {
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 60 }), (raw) => {
        const entries = raw.map((r, i) => {
          const county = r.where.city + r.where.county;
          const path = [{ code: '36', name: '江西省' }, { code: r.where.city, name: r.where.city }, { code: county, name: county }];
          if (r.where.township) path.push({ code: county + r.where.township, name: r.where.township });
          return entry(`e${i}`, { stationId: `st-${r.station}-${county}${r.where.township ?? ''}`, stationName: `站${r.station}`, regionPath: path, kind: r.kind, quantity: r.quantity, amountFen: r.amountFen, households: r.kind === 'poverty_sale' ? r.households : undefined });
        });
        const sum = (f: (e: LedgerEntry) => number) => entries.reduce((s, e) => s + f(e), 0);
        for (const level of ['city', 'county', 'township', 'station'] as GroupLevel[]) {
          const r = rollUp(groupEntries(entries, level));
          expect(r.total.amountFen).toBe(sum((e) => e.amountFen));
          expect(r.total.households).toBe(sum((e) => e.households ?? 0));
          expect(r.total.entries).toBe(entries.length);
          expect(r.children.reduce((s, c) => s + c.totals.amountFen, 0)).toBe(r.total.amountFen);
          for (const k of LEDGER_KINDS) {
            expect(r.children.reduce((s, c) => s + c.totals.byKind[k].quantity, 0)).toBe(sum((e) => (e.kind === k ? e.quantity : 0)));
          }
        }
        // A county's roll-up equals its line in the city's roll-up.
        const city = rollUp(groupEntries(entries, 'county'));
        for (const c of city.children) {
          const inCounty = entries.filter((e) => e.regionPath[2].code === c.key);
          expect(rollUp(groupEntries(inCounty, 'township')).total).toEqual(c.totals);
        }
      }),
    );
  });
});

describe('demo ledger', () => {
  test('six months through the core rules: the head’s current month is empty; the spike and the round repeat are flagged', () => {
    const stations = demoStations(TODAY).filter((s) => s.regionPath.some((r) => r.code === '360731') && s.status === 'active').slice(0, 4);
    const head = demoStations(TODAY).find((s) => s.id === DEMO_STATION_HEAD_STATION_ID)!;
    const all = [head, ...stations.filter((s) => s.id !== head.id)];
    const entries = demoLedger(all, head.id, TODAY, NOW).map((c) => c.entry);
    expect(entries.filter((e) => e.stationId === head.id && e.month === '2026-12')).toEqual([]);
    expect(entries.filter((e) => e.stationId === head.id).length).toBeGreaterThan(10);
    const flagsOf = (s: string) => [...flagMonth(entries.filter((e) => e.stationId === s), '2026-12').values()].flat().map((f) => f.code);
    // The head's station is first; the flags go to the next two.
    expect(flagsOf(all[1].id)).toContain('spike');
    expect(flagsOf(all[2].id)).toContain('round_repeat');
    expect(flagsOf(head.id)).toEqual([]);
    expect(new Set(entries.filter((e) => e.month <= '2026-10').map((e) => e.status))).toEqual(new Set(['accepted']));
  });
});
