/**
 * The published selection rubric (公开比选): 2–10 criteria whose integer weights sum to 100.
 * Checked as the official types, with the same rules the server applies.
 */
import type { RubricItem } from '@core/recruitment/model';

export interface RubricRow {
  criterion: string;
  /** As typed. */
  weight: string;
}

export interface RubricCheck {
  total: number;
  ok: boolean;
  /** The first problem, in plain words; null when ok. */
  message: string | null;
  rubric: RubricItem[];
}

export const MIN_CRITERIA = 2;
export const MAX_CRITERIA = 10;

export function checkRubricRows(rows: readonly RubricRow[]): RubricCheck {
  const rubric: RubricItem[] = [];
  let total = 0;
  let message: string | null = null;
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const name = row.criterion.trim();
    const text = row.weight.trim();
    const weight = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (Number.isFinite(weight)) total += weight;
    if (message) return;
    if (!name) message = `请填写第 ${i + 1} 个评分项的名称`;
    else if (name.length > 20) message = `第 ${i + 1} 个评分项名称最多 20 个字`;
    else if (seen.has(name)) message = `评分项“${name}”重复了`;
    else if (!Number.isFinite(weight) || weight < 1 || weight > 100) message = `第 ${i + 1} 个评分项的权重应为 1 到 100 的整数`;
    seen.add(name);
    rubric.push({ criterion: name, weight: Number.isFinite(weight) ? weight : 0 });
  });
  if (!message && rows.length < MIN_CRITERIA) message = `至少需要 ${MIN_CRITERIA} 个评分项`;
  if (!message && rows.length > MAX_CRITERIA) message = `最多 ${MAX_CRITERIA} 个评分项`;
  if (!message && total !== 100) message = `权重合计应为 100，现在是 ${total}`;
  return { total, ok: !message, message, rubric };
}

/** One reviewer's weighted total (0–100) as the form is filled; null until every criterion has a score. */
export function previewTotal(rubric: readonly RubricItem[], scores: Record<string, string>): number | null {
  let sum = 0;
  for (const r of rubric) {
    const v = (scores[r.criterion] ?? '').trim();
    if (!/^\d{1,3}$/.test(v) || Number(v) > 100) return null;
    sum += (r.weight * Number(v)) / 100;
  }
  return Math.round(sum * 10) / 10;
}
