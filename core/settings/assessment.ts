/**
 * Assessment weights as a setting (第十二条1: localities may adjust): who changed them and when is
 * kept on the record and in the audit log. Pure; the store is core/assessment/store.ts. Kept in its
 * own module so a general settings store can take it over (one key: `assessment.weights`).
 */
import { AppError } from '../shared/errors';

export const ASSESSMENT_PARTS = ['ledger', 'inspection', 'complaints', 'ratings', 'training'] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];
export const ASSESSMENT_PART_LABELS: Record<AssessmentPart, string> = {
  ledger: '台账',
  inspection: '走访检查',
  complaints: '投诉办理',
  ratings: '群众评价',
  training: '培训',
};

export type AssessmentWeights = Record<AssessmentPart, number>;

/** Until a province admin changes them. */
export const DEFAULT_WEIGHTS: AssessmentWeights = { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 };

export const SETTINGS_KEY = 'assessment.weights';

export interface AssessmentSettings {
  key: typeof SETTINGS_KEY;
  weights: AssessmentWeights;
  /** 0 = the defaults, never saved. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const defaultSettings = (): AssessmentSettings => ({ key: SETTINGS_KEY, weights: { ...DEFAULT_WEIGHTS }, version: 0, updatedBy: null, updatedAt: null });

/** Whole numbers 0–100 adding up to 100. */
export function weightsProblem(w: AssessmentWeights): string | null {
  for (const p of ASSESSMENT_PARTS) {
    const v = w[p];
    if (!Number.isInteger(v) || v < 0 || v > 100) return `${ASSESSMENT_PART_LABELS[p]}的权重应为 0–100 的整数`;
  }
  const sum = ASSESSMENT_PARTS.reduce((s, p) => s + w[p], 0);
  return sum === 100 ? null : `权重合计应为 100，现在是 ${sum}`;
}

/** The next record, or VALIDATION_ERROR / CONFLICT (someone changed them since `version` was read). */
export function changeWeights(current: AssessmentSettings, weights: AssessmentWeights, version: number, by: string, at: string): AssessmentSettings {
  const problem = weightsProblem(weights);
  if (problem) throw new AppError('VALIDATION_ERROR', problem, { weights: problem });
  if (current.version !== version) throw new AppError('CONFLICT', '权重刚被别人改过，请刷新后再改');
  return { key: SETTINGS_KEY, weights: { ...weights }, version: current.version + 1, updatedBy: by, updatedAt: at };
}

/** One line for the audit log: what changed. */
export function describeChange(before: AssessmentWeights, after: AssessmentWeights): string {
  return ASSESSMENT_PARTS.filter((p) => before[p] !== after[p]).map((p) => `${ASSESSMENT_PART_LABELS[p]} ${before[p]}→${after[p]}`).join('，') || '无变化';
}
