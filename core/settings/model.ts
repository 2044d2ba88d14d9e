/**
 * Thresholds the regulation lets localities adjust (第十二条1), as settings with an audit trail:
 * minimum areas per level (第七条1), minimum service population (第六条1), information freshness
 * (the 待更新 badge and the 180-day reminder), idle-station candidate rules (第十一条6) and
 * assessment weights (第九条4). The province sets values for Jiangxi; a city or county may
 * override them for itself (the narrower region wins). Defaults are today's constants, so a
 * region nobody configured behaves as before. Pure: the store persists what a change returns.
 */
import { AppError } from '../shared/errors';
import type { Page } from '../ports';
import { DEFAULT_IDLE_RULES, type IdleRules } from '../station/idle';
import { FRESHNESS_DAYS } from '../station/rules';
import { MIN_AREA_SQM, MIN_SERVICE_POPULATION, type StationLevel } from '../station/vocabulary';
import { labelled } from '../shared/labelled';

export const { codes: SETTING_GROUPS, labels: GROUP_LABELS } = labelled({
  area: '最低使用面积（第七条1）',
  population: '服务人口（第六条1）',
  freshness: '信息更新（待更新提醒）',
  idle: '闲置站点线索（第十一条6）',
  assessment: '负责人考核权重（第九条4）',
});
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export interface SettingDef {
  key: string;
  group: SettingGroup;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Absent for assessment weights: the assessment module owns their defaults. */
  default?: number;
}

/** The fixed settings (assessment weights are open keys, see ASSESSMENT_KEY). Order is display order. */
export const SETTING_DEFS: readonly SettingDef[] = [
  { key: 'minArea.county', group: 'area', label: '县级运营中心', unit: '㎡', min: 20, max: 2000, default: MIN_AREA_SQM.county },
  { key: 'minArea.township', group: 'area', label: '乡镇服务站', unit: '㎡', min: 5, max: 500, default: MIN_AREA_SQM.township },
  { key: 'minArea.village', group: 'area', label: '村级服务点', unit: '㎡', min: 5, max: 200, default: MIN_AREA_SQM.village },
  { key: 'minServicePopulation', group: 'population', label: '一般不少于', unit: '人', min: 50, max: 10_000, default: MIN_SERVICE_POPULATION },
  { key: 'freshnessDays', group: 'freshness', label: '信息多久未核实算待更新', unit: '天', min: 30, max: 730, default: FRESHNESS_DAYS },
  { key: 'idle.notOpenComplaints', group: 'idle', label: '“长期不开门”投诉达到', unit: '件', min: 1, max: 20, default: DEFAULT_IDLE_RULES.notOpenComplaints },
  { key: 'idle.complaintWindowDays', group: 'idle', label: '投诉统计期', unit: '天', min: 7, max: 365, default: DEFAULT_IDLE_RULES.complaintWindowDays },
  { key: 'idle.quietDays', group: 'idle', label: '无评价、无到店记录达到', unit: '天', min: 14, max: 730, default: DEFAULT_IDLE_RULES.quietDays },
  { key: 'idle.staleInfoDays', group: 'idle', label: '公示信息未核实达到', unit: '天', min: 30, max: 730, default: DEFAULT_IDLE_RULES.staleInfoDays },
];

/** Assessment weights: `assessment.<part>`, a percentage each (the assessment module names the parts). */
export const ASSESSMENT_KEY = /^assessment\.[a-z][A-Za-z]{1,30}$/;
export const WEIGHT_RANGE = { min: 0, max: 100 } as const;

/**
 * Assessment parts as the assessment module names them (key `assessment.<part>`, its label and its
 * default weight): handed in where settings are read, so that module keeps its own defaults.
 */
export type AssessmentParts = readonly { part: string; label: string; default: number }[];

const assessmentDefs = (parts: AssessmentParts): SettingDef[] => parts.map((p) => ({ key: `assessment.${p.part}`, group: 'assessment', label: p.label, unit: '%', ...WEIGHT_RANGE, default: p.default }));

export function defOf(key: string, parts: AssessmentParts = []): SettingDef | null {
  const d = SETTING_DEFS.find((x) => x.key === key) ?? assessmentDefs(parts).find((x) => x.key === key);
  if (d) return d;
  // Once the assessment module has named its parts, other `assessment.*` keys are not settings.
  if (ASSESSMENT_KEY.test(key) && !parts.length) return { key, group: 'assessment', label: key.slice('assessment.'.length), unit: '%', ...WEIGHT_RANGE };
  return null;
}

/** Values one region sets (only the keys it overrides). */
export type SettingValues = Record<string, number>;

export type SettingLevel = 'province' | 'city' | 'county';
export const LEVEL_OF_DIGITS: Record<number, SettingLevel> = { 2: 'province', 4: 'city', 6: 'county' };
export const SETTING_LEVEL_LABELS: Record<SettingLevel | 'default', string> = { default: '默认', province: '省', city: '市', county: '县' };

/** What one region (province 36, a city, a county) has set; stored one document per region. */
export interface RegionSettings {
  regionCode: string;
  values: SettingValues;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

/** One audited change: who, when, old → new per key (null: not set at this region), and why. */
export interface SettingsChange {
  id: string;
  regionCode: string;
  at: string;
  byOpenid: string;
  /** How the page names who changed it (the binding's name, or the role), never the openid. */
  byName: string;
  reason: string;
  entries: { key: string; from: number | null; to: number | null }[];
}

export interface SettingsRepository {
  get(regionCode: string): Promise<RegionSettings | null>;
  /** Every region's settings (a few hundred at most: province, cities, counties). */
  all(): Promise<RegionSettings[]>;
  /** Writes `next` when the stored version is still `expected` (0: none yet) and appends `change`; CONFLICT otherwise. */
  save(next: RegionSettings, expected: number, change: SettingsChange): Promise<void>;
  /** Changes at these regions, newest first. */
  changes(q: { regionCodes: string[]; offset: number; limit: number }): Promise<Page<SettingsChange>>;
}

/** The region codes whose settings apply to `code`, broadest first: 36, its city, its county. */
export function chainOf(code: string): string[] {
  return [2, 4, 6].filter((n) => code.length >= n).map((n) => code.slice(0, n));
}

export interface EffectiveSetting {
  key: string;
  value: number | null;
  /** Where the value comes from (the narrowest region that sets it). */
  source: SettingLevel | 'default';
}

/** Effective values at `code`: defaults, then the province, city and county values (narrower wins). */
export function effectiveValues(all: readonly RegionSettings[], code: string, parts: AssessmentParts = []): Record<string, EffectiveSetting> {
  const out: Record<string, EffectiveSetting> = {};
  for (const d of [...SETTING_DEFS, ...assessmentDefs(parts)]) out[d.key] = { key: d.key, value: d.default ?? null, source: 'default' };
  for (const c of chainOf(code)) {
    const r = all.find((x) => x.regionCode === c);
    if (!r) continue;
    for (const [key, value] of Object.entries(r.values)) if (defOf(key)) out[key] = { key, value, source: LEVEL_OF_DIGITS[c.length]! };
  }
  return out;
}

/** The thresholds the station rules read, resolved for one region. */
export interface Thresholds {
  minAreaSqm: Record<StationLevel, number>;
  minServicePopulation: number;
  freshnessDays: number;
  idle: IdleRules;
  /** Only the weights someone set; the assessment module fills in its own defaults. */
  assessmentWeights: Record<string, number>;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minAreaSqm: { ...MIN_AREA_SQM },
  minServicePopulation: MIN_SERVICE_POPULATION,
  freshnessDays: FRESHNESS_DAYS,
  idle: { ...DEFAULT_IDLE_RULES },
  assessmentWeights: {},
};

export function thresholdsAt(all: readonly RegionSettings[], code: string, parts: AssessmentParts = []): Thresholds {
  const e = effectiveValues(all, code, parts);
  const v = (key: string) => e[key]!.value!;
  const weights: Record<string, number> = {};
  for (const [key, s] of Object.entries(e)) if (key.startsWith('assessment.') && s.value !== null) weights[key.slice(11)] = s.value;
  return {
    minAreaSqm: { county: v('minArea.county'), township: v('minArea.township'), village: v('minArea.village') },
    minServicePopulation: v('minServicePopulation'),
    freshnessDays: v('freshnessDays'),
    idle: { notOpenComplaints: v('idle.notOpenComplaints'), complaintWindowDays: v('idle.complaintWindowDays'), quietDays: v('idle.quietDays'), staleInfoDays: v('idle.staleInfoDays') },
    assessmentWeights: weights,
  };
}

/** A station's county code (settings go no narrower): '36' when its path is empty. */
export const settingsCodeOf = (s: { regionPath: readonly { code: string }[] }): string => (s.regionPath[s.regionPath.length - 1]?.code ?? '36').slice(0, 6);

/**
 * Thresholds by region, each county (or city, province) resolved once however many stations
 * ask: a city or province list judges every station by its own county's settings, never by the
 * settings of the region the official looked at.
 */
export function thresholdsByCounty(all: readonly RegionSettings[], parts: AssessmentParts = []): (code: string) => Thresholds {
  const cache = new Map<string, Thresholds>();
  return (code) => {
    const key = code.slice(0, 6);
    let t = cache.get(key);
    if (!t) cache.set(key, (t = thresholdsAt(all, key, parts)));
    return t;
  };
}

/**
 * One region's change: `values` maps keys to a new value, or null to drop the override (the
 * broader value applies again). Ranges and the weights' total are checked; a change that changes
 * nothing is refused. Returns the next document and the audit entry to append with it.
 */
export function changeSettings(input: {
  current: RegionSettings | null;
  regionCode: string;
  values: Record<string, number | null>;
  reason: string;
  /** Every region's settings, to check the effective weights after the change. */
  all: readonly RegionSettings[];
  by: { openid: string; name: string };
  at: string;
  id: string;
  parts?: AssessmentParts;
}): { next: RegionSettings; change: SettingsChange } {
  const { current, regionCode } = input;
  if (!LEVEL_OF_DIGITS[regionCode.length]) throw new AppError('VALIDATION_ERROR', '只能为省、设区市或县设置', { regionCode: '请选择省、市或县' });
  const fields: Record<string, string> = {};
  const values: SettingValues = { ...(current?.values ?? {}) };
  const entries: SettingsChange['entries'] = [];
  for (const [key, to] of Object.entries(input.values)) {
    const def = defOf(key, input.parts);
    if (!def) {
      fields[key] = '没有这项设置';
      continue;
    }
    if (to !== null && (!Number.isInteger(to) || to < def.min || to > def.max)) {
      fields[key] = `${def.label}应在 ${def.min} 到 ${def.max}${def.unit} 之间`;
      continue;
    }
    const from = values[key] ?? null;
    if (from === to) continue;
    if (to === null) delete values[key];
    else values[key] = to;
    entries.push({ key, from, to });
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_ERROR', Object.values(fields)[0]!, fields);
  if (!entries.length) throw new AppError('VALIDATION_ERROR', '没有改动', { values: '没有改动' });
  const others = input.all.filter((r) => r.regionCode !== regionCode);
  const after = effectiveValues([...others, { regionCode, values, updatedAt: input.at, updatedBy: input.by.openid, version: 0 }], regionCode, input.parts);
  const weights = Object.values(after).filter((s) => s.key.startsWith('assessment.') && s.value !== null);
  const total = weights.reduce((n, s) => n + s.value!, 0);
  if (weights.length && total !== 100 && entries.some((e) => e.key.startsWith('assessment.'))) {
    throw new AppError('VALIDATION_ERROR', `考核权重合计应为 100%，现在是 ${total}%`, { values: '权重合计应为 100%' });
  }
  // A region sets the weights as a whole or not at all: a broader region's later change then never
  // leaves a narrower region's total away from 100.
  const parts = input.parts ?? [];
  const ownWeights = parts.filter((p) => values[`assessment.${p.part}`] !== undefined).length;
  if (ownWeights && ownWeights < parts.length && entries.some((e) => e.key.startsWith('assessment.'))) {
    throw new AppError('VALIDATION_ERROR', '考核权重要各项都填写，或全部沿用上级', { values: '请填写各项权重' });
  }
  const reason = input.reason.trim();
  if (reason.length < 2) throw new AppError('VALIDATION_ERROR', '请写明调整原因', { reason: '请写明原因' });
  const next: RegionSettings = { regionCode, values, updatedAt: input.at, updatedBy: input.by.openid, version: (current?.version ?? 0) + 1 };
  return { next, change: { id: input.id, regionCode, at: input.at, byOpenid: input.by.openid, byName: input.by.name, reason, entries } };
}

/** How the page shows one change line: “乡镇服务站 最低面积 20㎡ → 30㎡”. */
export function describeEntry(e: SettingsChange['entries'][number], parts: AssessmentParts = []): string {
  const def = defOf(e.key, parts);
  const label = def ? `${GROUP_LABELS[def.group].replace(/（.*$/, '')}·${def.label}` : e.key;
  const show = (v: number | null) => (v === null ? '沿用上级' : `${v}${def?.unit ?? ''}`);
  return `${label}：${show(e.from)} → ${show(e.to)}`;
}
