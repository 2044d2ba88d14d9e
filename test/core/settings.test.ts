/** Region settings (第十二条1): defaults, narrower wins, ranges, audit entries, and the rules reading them. */
import { changeSettings, chainOf, describeEntry, effectiveValues, thresholdsAt, DEFAULT_THRESHOLDS, type RegionSettings } from '../../core/settings/model';
import { idleReasons } from '../../core/station/idle';
import { ruleWarnings, trustFacts } from '../../core/station/rules';
import { isStale } from '../../core/station/edits';
import { filingProblems } from '../../core/station/certification';
import { outcomeOf } from '../support/outcome';

const at = '2026-12-01T02:00:00.000Z';
const region = (regionCode: string, values: Record<string, number>): RegionSettings => ({ regionCode, values, updatedAt: at, updatedBy: 'o', version: 1 });
const by = { openid: 'o-county', name: '于都县 县级主管部门' };


describe('effective settings', () => {
  test('defaults equal the constants the rules used before', () => {
    expect(thresholdsAt([], '360731')).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS).toMatchObject({ minAreaSqm: { county: 200, township: 20, village: 10 }, minServicePopulation: 300, freshnessDays: 180, idle: { notOpenComplaints: 2, quietDays: 90 } });
  });

  test('the province sets, a city overrides, a county overrides again: the narrowest wins', () => {
    const all = [region('36', { 'minArea.village': 15, freshnessDays: 120 }), region('3607', { 'minArea.village': 12 }), region('360731', { freshnessDays: 90 }), region('360732', { freshnessDays: 60 })];
    expect(chainOf('360731100')).toEqual(['36', '3607', '360731']);
    const e = effectiveValues(all, '360731100');
    expect(e['minArea.village']).toEqual({ key: 'minArea.village', value: 12, source: 'city' });
    expect(e.freshnessDays).toEqual({ key: 'freshnessDays', value: 90, source: 'county' });
    expect(e['minArea.township']).toEqual({ key: 'minArea.township', value: 20, source: 'default' });
    expect(thresholdsAt(all, '3608').minAreaSqm.village).toBe(15);
    expect(thresholdsAt(all, '3608').freshnessDays).toBe(120);
  });
});

describe('changeSettings', () => {
  test('records old → new per key, with who, when and why; null drops an override', () => {
    const current = region('360731', { freshnessDays: 90, 'idle.quietDays': 60 });
    const { next, change } = changeSettings({ current, regionCode: '360731', values: { freshnessDays: 120, 'idle.quietDays': null, 'minArea.village': 10 }, reason: '山区村点信息核实慢', all: [current], by, at, id: 'c-1' });
    expect(next).toEqual({ regionCode: '360731', values: { freshnessDays: 120, 'minArea.village': 10 }, updatedAt: at, updatedBy: 'o-county', version: 2 });
    expect(change).toEqual({
      id: 'c-1',
      regionCode: '360731',
      at,
      byOpenid: 'o-county',
      byName: '于都县 县级主管部门',
      reason: '山区村点信息核实慢',
      entries: [
        { key: 'freshnessDays', from: 90, to: 120 },
        { key: 'idle.quietDays', from: 60, to: null },
        { key: 'minArea.village', from: null, to: 10 },
      ],
    });
    expect(describeEntry(change.entries[0]!)).toBe('信息更新·信息多久未核实算待更新：90天 → 120天');
    expect(describeEntry(change.entries[1]!)).toBe('闲置站点线索·无评价、无到店记录达到：60天 → 沿用上级');
  });

  test('refuses values out of range, unknown keys, no change, a missing reason, a township', () => {
    const base = { current: null, regionCode: '360731', reason: '调整', all: [], by, at, id: 'c' };
    expect(outcomeOf(() => changeSettings({ ...base, values: { 'minArea.village': 1 } }))).toBe('VALIDATION_ERROR: 村级服务点应在 5 到 200㎡ 之间');
    expect(outcomeOf(() => changeSettings({ ...base, values: { freshnessDays: 10_000 } }))).toMatch(/^VALIDATION_ERROR: 信息多久未核实算待更新应在 30 到 730天/);
    expect(outcomeOf(() => changeSettings({ ...base, values: { freshnessDays: 100.5 } }))).toMatch(/^VALIDATION_ERROR/);
    expect(outcomeOf(() => changeSettings({ ...base, values: { 'nosuch.key': 3 } }))).toBe('VALIDATION_ERROR: 没有这项设置');
    expect(outcomeOf(() => changeSettings({ ...base, current: region('360731', { freshnessDays: 90 }), values: { freshnessDays: 90 } }))).toBe('VALIDATION_ERROR: 没有改动');
    expect(outcomeOf(() => changeSettings({ ...base, reason: ' ', values: { freshnessDays: 90 } }))).toBe('VALIDATION_ERROR: 请写明调整原因');
    expect(outcomeOf(() => changeSettings({ ...base, regionCode: '360731100', values: { freshnessDays: 90 } }))).toMatch(/^VALIDATION_ERROR: 只能为省、设区市或县设置/);
  });

  test('assessment weights: open keys owned by the assessment module, effective total must be 100', () => {
    const base = { current: null, regionCode: '36', reason: '年度考核', all: [], by, at, id: 'c' };
    expect(outcomeOf(() => changeSettings({ ...base, values: { 'assessment.ledger': 60, 'assessment.complaints': 30 } }))).toBe('VALIDATION_ERROR: 考核权重合计应为 100%，现在是 90%');
    const { next } = changeSettings({ ...base, values: { 'assessment.ledger': 60, 'assessment.complaints': 40 } });
    expect(thresholdsAt([next], '360731').assessmentWeights).toEqual({ ledger: 60, complaints: 40 });
    expect(outcomeOf(() => changeSettings({ ...base, values: { 'assessment.ledger': 101 } }))).toMatch(/^VALIDATION_ERROR/);
  });
});

describe('the rules read the thresholds they are given', () => {
  const station = { name: '江西电商扶贫工程贡江镇长征村服务点', level: 'village' as const, areaSqm: 12, servicePopulation: 280 };
  test('minimum area and service population', () => {
    expect(ruleWarnings(station).map((w) => w.code)).toEqual(['POPULATION_BELOW_NORM']);
    const t = { ...DEFAULT_THRESHOLDS, minAreaSqm: { county: 200, township: 20, village: 15 }, minServicePopulation: 200 };
    expect(ruleWarnings(station, t).map((w) => w.code)).toEqual(['AREA_BELOW_MINIMUM']);
    expect(filingProblems({ level: 'village', areaSqm: 12, equipment: ['broadband', 'shelves', 'desk_chairs'] }, t.minAreaSqm).areaSqm).toBe('村级服务点使用面积不少于 15㎡（第七条1）');
  });

  test('freshness days', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    expect(trustFacts({ status: 'active', infoConfirmedOn: '2026-08-01' }, now).stale).toBe(false);
    expect(trustFacts({ status: 'active', infoConfirmedOn: '2026-08-01' }, now, 90).stale).toBe(true);
    expect(isStale({ infoConfirmedOn: '2026-08-01' }, '2026-12-01')).toBe(false);
    expect(isStale({ infoConfirmedOn: '2026-08-01' }, '2026-12-01', 90)).toBe(true);
  });

  test('idle rules', () => {
    const s = { station: { id: 's', name: 'x', status: 'active' as const, certification: null, infoConfirmedOn: '2026-11-01', regionPath: [], level: 'village' as const }, notOpenComplaints: 1, lastActivityOn: '2026-11-20', hasHead: true };
    const now = new Date('2026-12-01T04:00:00Z');
    expect(idleReasons(s, DEFAULT_THRESHOLDS.idle, now)).toEqual([]);
    expect(idleReasons(s, { ...DEFAULT_THRESHOLDS.idle, notOpenComplaints: 1, quietDays: 10 }, now).map((r) => r.code)).toEqual(['not_open', 'quiet']);
  });
});

test('assessment parts handed in by the assessment module: their defaults show, a change is checked against them', () => {
  const parts = [
    { part: 'ledger', label: '台账', default: 40 },
    { part: 'complaints', label: '投诉', default: 60 },
  ];
  expect(thresholdsAt([], '360731', parts).assessmentWeights).toEqual({ ledger: 40, complaints: 60 });
  const base = { current: null, regionCode: '360731', reason: '本县重视台账', all: [], by, at, id: 'c' };
  expect(outcomeOf(() => changeSettings({ ...base, parts, values: { 'assessment.ledger': 50 } }))).toBe('VALIDATION_ERROR: 考核权重合计应为 100%，现在是 110%');
  const { next, change } = changeSettings({ ...base, parts, values: { 'assessment.ledger': 50, 'assessment.complaints': 50 } });
  expect(thresholdsAt([next], '360731', parts).assessmentWeights).toEqual({ ledger: 50, complaints: 50 });
  expect(describeEntry(change.entries[0]!, parts)).toBe('负责人考核权重·台账：沿用上级 → 50%');
});
