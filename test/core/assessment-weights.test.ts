/**
 * Assessment weights as region settings (第九条4, 第十二条1): the weights in force per county
 * (province, overridden by city, then county; the assessment's defaults where nobody set one),
 * totals of 100 checked as a whole set, and the old `assessment.weights` record carried over.
 */
import { assess, parsePeriod, type AssessmentFacts } from '../../core/assessment/model';
import { ASSESSMENT_PARTS, carryLegacyWeights, CARRY_CHANGE_ID, DEFAULT_WEIGHTS, WEIGHT_PARTS, weightsAt, weightsTotal, type AssessmentWeights, type LegacyWeights } from '../../core/assessment/weights';
import { changeSettings, describeEntry, type RegionSettings } from '../../core/settings/model';
import { outcomeOf } from '../support/outcome';

const at = '2026-12-05T02:00:00.000Z';
const by = { openid: 'o-prov', name: '江西省 省级管理员' };
const valuesOf = (w: Partial<AssessmentWeights>) => Object.fromEntries(Object.entries(w).map(([p, v]) => [`assessment.${p}`, v]));
const region = (regionCode: string, w: Partial<AssessmentWeights>, extra: Record<string, number> = {}): RegionSettings => ({ regionCode, values: { ...valuesOf(w), ...extra }, updatedAt: at, updatedBy: 'o', version: 1 });


const PROVINCE = { ledger: 40, inspection: 20, complaints: 20, ratings: 10, training: 10 };
const CITY = { ledger: 10, inspection: 10, complaints: 60, ratings: 10, training: 10 };
const COUNTY = { ledger: 0, inspection: 0, complaints: 100, ratings: 0, training: 0 };

describe('the weights in force per county', () => {
  test('nobody set any: the assessment module’s defaults, adding up to 100', () => {
    expect(weightsAt([], '360731')).toEqual({ weights: DEFAULT_WEIGHTS, source: 'default' });
    expect(weightsTotal(DEFAULT_WEIGHTS)).toBe(100);
    expect(WEIGHT_PARTS.map((p) => p.label)).toEqual(['台账', '走访检查', '投诉办理', '群众评价', '培训']);
  });

  test('province, then city, then county: the narrowest region that sets them wins, per county', () => {
    const all = [region('36', PROVINCE), region('3607', CITY), region('360731', COUNTY), region('360732', {}, { freshnessDays: 90 })];
    expect(weightsAt(all, '360731')).toEqual({ weights: COUNTY, source: 'county' });
    // A county of the same city without its own weights: the city's.
    expect(weightsAt(all, '360732')).toEqual({ weights: CITY, source: 'city' });
    // Another city: the province's.
    expect(weightsAt(all, '360881')).toEqual({ weights: PROVINCE, source: 'province' });
    // A station's deeper code reads its county's.
    expect(weightsAt(all, '360731100201').weights).toEqual(COUNTY);
    for (const c of ['360731', '360732', '360881', '36']) expect(weightsTotal(weightsAt(all, c).weights)).toBe(100);
  });

  test('the same head scores differently in counties with different weights', () => {
    const facts: AssessmentFacts = { certifiedOn: '2025-01-01', ledger: [], visits: [], complaints: [], ratings: [], training: [] };
    const q = parsePeriod('2026Q3');
    const all = [region('36', PROVINCE), region('360731', COUNTY)];
    // No ledger, no training, no complaints (complaints part 100); inspection and ratings have no data.
    const yudu = assess(facts, weightsAt(all, '360731').weights, q, '2026-10-05');
    const other = assess(facts, weightsAt(all, '360732').weights, q, '2026-10-05');
    expect(yudu.total).toBe(100);
    expect(other.total).toBe(Math.round(((20 * 100) / (40 + 20 + 10)) * 10) / 10);
    expect(yudu.parts.map((p) => p.weight)).toEqual(ASSESSMENT_PARTS.map((p) => COUNTY[p]));
  });
});

describe('changing the weights through the settings module', () => {
  const base = { current: null, reason: '年度考核调整', all: [] as RegionSettings[], by, at, id: 'c-1', parts: WEIGHT_PARTS };

  test('a whole set adding up to 100; the audit line names the part in Chinese', () => {
    const { next, change } = changeSettings({ ...base, regionCode: '36', values: valuesOf(PROVINCE) });
    expect(weightsAt([next], '360731').weights).toEqual(PROVINCE);
    expect(change.entries).toHaveLength(5);
    expect(describeEntry(change.entries[0]!, WEIGHT_PARTS)).toBe('负责人考核权重·台账：沿用上级 → 40%');
  });

  test('the total must be 100; a part set alone is refused; unknown parts are not settings', () => {
    expect(outcomeOf(() => changeSettings({ ...base, regionCode: '36', values: valuesOf({ ...PROVINCE, ledger: 45 }) }))).toBe('VALIDATION_ERROR: 考核权重合计应为 100%，现在是 105%');
    // ledger 25→25 and training 15→15 leave the total at 100, but the county would hold two parts only.
    expect(outcomeOf(() => changeSettings({ ...base, regionCode: '360731', values: valuesOf({ ledger: 30, training: 10 }) }))).toBe('VALIDATION_ERROR: 考核权重要各项都填写，或全部沿用上级');
    expect(outcomeOf(() => changeSettings({ ...base, regionCode: '36', values: { 'assessment.bonus': 10 } }))).toBe('VALIDATION_ERROR: 没有这项设置');
    expect(outcomeOf(() => changeSettings({ ...base, regionCode: '36', values: valuesOf({ ...PROVINCE, ledger: 101 }) }))).toMatch(/^VALIDATION_ERROR: 台账应在 0 到 100%/);
  });

  test('a county drops its own set and the broader one applies again; a broader change never breaks a county total', () => {
    const province = region('36', PROVINCE);
    const county = changeSettings({ ...base, regionCode: '360731', all: [province], values: valuesOf(COUNTY) }).next;
    const laterProvince = changeSettings({ ...base, current: province, regionCode: '36', all: [province, county], values: valuesOf({ ...PROVINCE, ledger: 30, training: 20 }) }).next;
    expect(weightsTotal(weightsAt([laterProvince, county], '360731').weights)).toBe(100);
    const back = changeSettings({ ...base, current: county, regionCode: '360731', all: [laterProvince, county], values: Object.fromEntries(ASSESSMENT_PARTS.map((p) => [`assessment.${p}`, null])) });
    expect(back.next.values).toEqual({});
    expect(weightsAt([laterProvince, back.next], '360731')).toEqual({ weights: { ...PROVINCE, ledger: 30, training: 20 }, source: 'province' });
    expect(describeEntry(back.change.entries[0]!, WEIGHT_PARTS)).toBe('负责人考核权重·台账：0% → 沿用上级');
  });
});

describe('the old assessment.weights record', () => {
  const legacy: LegacyWeights = { key: 'assessment.weights', weights: { ...DEFAULT_WEIGHTS, ledger: 30, training: 10 }, version: 2, updatedBy: 'prov', updatedAt: '2026-11-01T00:00:00.000Z' };

  test('becomes the province’s values, with an audit line by 数据迁移 for what changes', () => {
    const c = carryLegacyWeights(legacy, region('36', {}, { freshnessDays: 150 }), at)!;
    expect(c.next).toEqual({ regionCode: '36', values: { freshnessDays: 150, ...valuesOf(legacy.weights) }, updatedAt: legacy.updatedAt, updatedBy: 'migration', version: 2 });
    expect(c.change).toMatchObject({ id: CARRY_CHANGE_ID, regionCode: '36', at: legacy.updatedAt, byName: '数据迁移' });
    expect(c.change.entries).toEqual(ASSESSMENT_PARTS.map((p) => ({ key: `assessment.${p}`, from: null, to: legacy.weights[p] })));
    expect(weightsAt([c.next], '360731').weights).toEqual(legacy.weights);
  });

  test('nothing to carry: never saved, or the province already has these values', () => {
    expect(carryLegacyWeights({ ...legacy, version: 0 }, null, at)).toBeNull();
    expect(carryLegacyWeights(legacy, region('36', legacy.weights), at)).toBeNull();
    const partly = carryLegacyWeights(legacy, region('36', { ...legacy.weights, ledger: 25, training: 15 }), at)!;
    expect(partly.change.entries).toEqual([
      { key: 'assessment.ledger', from: 25, to: 30 },
      { key: 'assessment.training', from: 15, to: 10 },
    ]);
    expect(carryLegacyWeights(legacy, null, at)!.next.version).toBe(1);
  });
});
