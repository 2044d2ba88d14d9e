/** Operators' visits (core/inspection/model.ts): the checklist, the score, failed items as problems, and what each operator owes. */
import { CHECK_ITEMS, VisitRuleError, duesOf, linkRectification, operatorsBehind, problemsOf, quarterOf, recordVisit, scoreOf, type CheckResult, type StationFacts } from '../../core/inspection/model';

const STATION: StationFacts = { id: 'st-1', name: '贡江镇服务站', regionPath: [{ code: '36', name: '江西省' }], operatorName: '于都运营中心', location: { lat: 25.952, lng: 115.415 } };
const NOW = '2026-11-20T02:00:00.000Z';
const TODAY = '2026-11-20';
const allOk = (): CheckResult[] => CHECK_ITEMS.map((item) => ({ item, ok: true }));

describe('recording a visit', () => {
  test('an inspection answers every item; the score is the share passed; the distance to the station is kept', () => {
    const items = allOk().map((i) => (i.item === 'pricing' ? { item: i.item, ok: false, note: ' 鸡蛋没有标价 ' } : i));
    const v = recordVisit(STATION, { kind: 'inspection', visitedOn: TODAY, items, location: { lat: 25.961, lng: 115.415 } }, 'o-op', NOW, TODAY, 'v-1');
    expect(v.score).toBe(83);
    expect(v.items?.find((i) => i.item === 'pricing')).toEqual({ item: 'pricing', ok: false, note: '鸡蛋没有标价' });
    expect(v.location?.distanceM).toBeGreaterThan(950);
    expect(v.location?.distanceM).toBeLessThan(1050);
    expect(problemsOf(v)).toEqual(['商品和服务明码标价：鸡蛋没有标价']);
    expect(scoreOf(allOk())).toBe(100);
  });

  test.each([
    [{ kind: 'inspection' as const, visitedOn: TODAY, items: allOk().slice(1) }, '请检查'],
    [{ kind: 'inspection' as const, visitedOn: TODAY, items: [...allOk().slice(1), { item: 'premises' as const, ok: false }] }, '请写明问题'],
    [{ kind: 'inspection' as const, visitedOn: TODAY, items: [...allOk(), { item: 'premises' as const, ok: true }] }, '检查项重复'],
    [{ kind: 'guidance' as const, visitedOn: TODAY, items: allOk() }, '只有检查'],
    [{ kind: 'guidance' as const, visitedOn: '2026-11-21' }, '不能晚于今天'],
    [{ kind: 'training' as const, visitedOn: '2026-10-20' }, '30 天内'],
  ])('refuses %j', (input, message) => {
    expect(() => recordVisit(STATION, input, 'o-op', NOW, TODAY, 'v')).toThrow(VisitRuleError);
    expect(() => recordVisit(STATION, input, 'o-op', NOW, TODAY, 'v')).toThrow(message);
  });

  test('a rectification is linked once, and only to an inspection with failed items', () => {
    const failed = recordVisit(STATION, { kind: 'inspection', visitedOn: TODAY, items: allOk().map((i, n) => (n ? i : { ...i, ok: false, note: '没有分区' })) }, 'o', NOW, TODAY, 'v');
    const linked = linkRectification(failed, 'r-1');
    expect(linked).toMatchObject({ rectificationId: 'r-1', version: 2 });
    expect(() => linkRectification(linked, 'r-2')).toThrow('已经');
    expect(() => linkRectification(recordVisit(STATION, { kind: 'inspection', visitedOn: TODAY, items: allOk() }, 'o', NOW, TODAY, 'v'), 'r')).toThrow('没有不合格项');
  });
});

describe('what operators owe (第十一条2)', () => {
  test('a guidance visit this quarter and a training this year; last year and last quarter do not count', () => {
    expect(quarterOf('2026-11-20')).toEqual({ key: '2026Q4', first: '2026-10-01' });
    const stations = [
      { id: 'a', name: 'A', operatorName: '甲' },
      { id: 'b', name: 'B', operatorName: '甲' },
      { id: 'c', name: 'C', operatorName: '乙' },
    ];
    const visits = [
      { stationId: 'a', kind: 'guidance' as const, visitedOn: '2026-10-08' },
      { stationId: 'a', kind: 'training' as const, visitedOn: '2026-03-01' },
      { stationId: 'b', kind: 'guidance' as const, visitedOn: '2026-09-30' },
      { stationId: 'b', kind: 'training' as const, visitedOn: '2025-12-01' },
      { stationId: 'c', kind: 'inspection' as const, visitedOn: '2026-11-01' },
    ];
    const dues = duesOf(stations, visits, TODAY);
    expect(dues.map((d) => [d.stationId, d.behind])).toEqual([
      ['a', []],
      ['b', ['guidance', 'training']],
      ['c', ['guidance', 'training']],
    ]);
    expect(dues[2]).toMatchObject({ inspectionsThisYear: 1, lastVisitOn: '2026-11-01' });
    expect(operatorsBehind(dues)).toEqual([
      { operatorName: '甲', stations: 2, guidanceBehind: 1, trainingBehind: 1 },
      { operatorName: '乙', stations: 1, guidanceBehind: 1, trainingBehind: 1 },
    ]);
  });
});
