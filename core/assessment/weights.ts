/**
 * The assessment's weights (第九条4) and where they come from. The general settings module
 * (core/settings/model.ts, keys `assessment.<part>`) is their only home: the province sets them for
 * Jiangxi, a city or county may set its own, the narrowest wins; this module names the parts and
 * gives the defaults that apply where nobody set a value. Pure.
 */
import { AppError } from '../shared/errors';
import { effectiveValues, type AssessmentParts, type RegionSettings, type SettingLevel, type SettingsChange } from '../settings/model';
import { labelled } from '../shared/labelled';

export const { codes: ASSESSMENT_PARTS, labels: ASSESSMENT_PART_LABELS } = labelled({
  ledger: '台账',
  inspection: '走访检查',
  complaints: '投诉办理',
  ratings: '群众评价',
  training: '培训',
});
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];

export type AssessmentWeights = Record<AssessmentPart, number>;

/** Until a province, city or county sets its own. */
export const DEFAULT_WEIGHTS: AssessmentWeights = { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 };

/** The parts as the settings module takes them: key `assessment.<part>`, the label, the default. */
export const WEIGHT_PARTS: AssessmentParts = ASSESSMENT_PARTS.map((part) => ({ part, label: ASSESSMENT_PART_LABELS[part], default: DEFAULT_WEIGHTS[part] }));

export const weightKey = (part: AssessmentPart) => `assessment.${part}`;

export const weightsTotal = (w: AssessmentWeights) => ASSESSMENT_PARTS.reduce((s, p) => s + w[p], 0);

export interface WeightsInForce {
  weights: AssessmentWeights;
  /** The narrowest region whose value applies to any part ('default': nobody set one). */
  source: SettingLevel | 'default';
}

/** The weights in force at a region (a county: the province's, overridden by the city's, then the county's). */
export function weightsAt(all: readonly RegionSettings[], code: string): WeightsInForce {
  const e = effectiveValues(all, code, WEIGHT_PARTS);
  const rank = { default: 0, province: 1, city: 2, county: 3 } as const;
  let source: WeightsInForce['source'] = 'default';
  const weights = { ...DEFAULT_WEIGHTS };
  for (const p of ASSESSMENT_PARTS) {
    const s = e[weightKey(p)];
    if (!s || s.value === null) continue;
    weights[p] = s.value;
    if (rank[s.source] > rank[source]) source = s.source;
  }
  return { weights, source };
}

export const sameWeights = (a: AssessmentWeights, b: AssessmentWeights) => ASSESSMENT_PARTS.every((p) => a[p] === b[p]);

// ——— carrying the old record over (SQLite migration 31; CloudBase on first read) ———

/** What the heads module used to keep under `assessment.weights` (table/collection `settings`). */
export interface LegacyWeights {
  key: 'assessment.weights';
  weights: AssessmentWeights;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const LEGACY_WEIGHTS_KEY = 'assessment.weights';
export const CARRY_CHANGE_ID = 'migration-31-assessment-weights';
export const CARRY_BY = { openid: 'migration', name: '数据迁移' } as const;
export const CARRY_REASON = '考核权重并入参数设置（原由负责人考核单独保存，迁移为省定值）';

/**
 * The province's settings with the saved weights as its values, and the audit line saying so; null
 * when nothing was ever saved (version 0) or the province already has exactly these values.
 */
export function carryLegacyWeights(legacy: LegacyWeights, province: RegionSettings | null, at: string): { next: RegionSettings; change: SettingsChange } | null {
  if (!legacy.version) return null;
  const values = { ...(province?.values ?? {}) };
  const entries: SettingsChange['entries'] = [];
  for (const p of ASSESSMENT_PARTS) {
    const to = legacy.weights[p];
    if (!Number.isInteger(to)) throw new AppError('INTERNAL', 'legacy weights malformed');
    const from = values[weightKey(p)] ?? null;
    if (from === to) continue;
    values[weightKey(p)] = to;
    entries.push({ key: weightKey(p), from, to });
  }
  if (!entries.length) return null;
  const when = legacy.updatedAt ?? at;
  const next: RegionSettings = { regionCode: '36', values, updatedAt: when, updatedBy: CARRY_BY.openid, version: (province?.version ?? 0) + 1 };
  return { next, change: { id: CARRY_CHANGE_ID, regionCode: '36', at: when, byOpenid: CARRY_BY.openid, byName: CARRY_BY.name, reason: CARRY_REASON, entries } };
}
