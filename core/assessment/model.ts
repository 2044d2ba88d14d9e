/**
 * Station heads' assessment (第九条4): per quarter and per year, from the station's ledger (core/ledger),
 * the operator's inspections (core/inspection), complaints (rate, replies on time, satisfaction),
 * residents' ratings and the head's training (第九条3). Stations in their cultivation period (6
 * months after 认定, 第十一条4) are exempt. Pure: the service loads the facts, this scores them.
 *
 * Each part scores 0–100, or has no data (no inspection, no rating, no reply in the period): its
 * weight is then shared among the others, so a missing visit neither helps nor hurts a head.
 */
import type { Complaint } from '../complaint/model';
import { computeFigures } from '../complaint/figures';
import type { Visit } from '../inspection/model';
import type { LedgerEntry } from '../ledger/model';
import { COUNTED_STATUSES } from '../ledger/rollup';
import type { Rating } from '../rating/model';
import { ANNUAL_MIN_TRAININGS, PRE_JOB_MIN_DAYS, type TrainingRecord } from '../recruitment/model';
import { ASSESSMENT_PART_LABELS, ASSESSMENT_PARTS, type AssessmentPart, type AssessmentWeights } from './weights';
import { AppError } from '../shared/errors';
import { addMonths } from '../shared/time';
import { CULTIVATION_MONTHS } from '../station/rules';
import { labelled } from '../shared/labelled';

/** `2026Q4` (a quarter) or `2026` (a year). */
export const PERIOD_PATTERN = /^20\d\d(Q[1-4])?$/;

export interface Period {
  key: string;
  kind: 'quarter' | 'year';
  /** Inclusive YYYY-MM-DD bounds. */
  from: string;
  to: string;
  label: string;
}

export function parsePeriod(key: string): Period {
  if (!PERIOD_PATTERN.test(key)) throw new AppError('VALIDATION_ERROR', '考核期写成 2026Q4 或 2026', { period: '格式不对' });
  const year = key.slice(0, 4);
  if (key.length === 4) return { key, kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, label: `${year} 年度` };
  const q = Number(key[5]);
  const first = String(q * 3 - 2).padStart(2, '0');
  const last = String(q * 3).padStart(2, '0');
  const lastDay = addMonths(`${year}-${last}-01`, 1);
  return { key, kind: 'quarter', from: `${year}-${first}-01`, to: prevDay(lastDay), label: `${year} 年第 ${q} 季度` };
}

function prevDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The quarter a day is in, and the period before it (the usual one to assess). */
export function quarterKeyOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The months of a period up to `asOf` (an unfinished period is assessed so far). */
export function monthsOf(p: Period, asOf: string): string[] {
  const end = (asOf < p.to ? asOf : p.to).slice(0, 7);
  const out: string[] = [];
  for (let m = p.from.slice(0, 7); m <= end; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

/** 培育期: certified less than 6 months before the day the period is assessed to (or not yet certified). */
export function exemptFor(certifiedOn: string | null, p: Period, asOf: string): boolean {
  const day = asOf < p.to ? asOf : p.to;
  return !certifiedOn || addMonths(certifiedOn, CULTIVATION_MONTHS) > day;
}

export interface AssessmentFacts {
  certifiedOn: string | null;
  ledger: readonly Pick<LedgerEntry, 'month' | 'status'>[];
  visits: readonly Pick<Visit, 'kind' | 'visitedOn' | 'score'>[];
  complaints: readonly Complaint[];
  ratings: readonly Pick<Rating, 'scores' | 'createdAt' | 'status'>[];
  training: readonly Pick<TrainingRecord, 'kind' | 'date' | 'days'>[];
}

export interface PartResult {
  part: AssessmentPart;
  label: string;
  /** 0–100, null when there is nothing to score in the period. */
  score: number | null;
  weight: number;
  /** What the score came from, in words the head reads. */
  basis: string;
}

export interface AssessmentResult {
  period: string;
  exempt: boolean;
  /** 0–100 (one decimal); null when exempt. */
  total: number | null;
  grade: Grade | null;
  parts: PartResult[];
}

export const GRADES = [
  ['excellent', '优秀', 90],
  ['good', '良好', 75],
  ['pass', '合格', 60],
  ['fail', '不合格', 0],
] as const;
export type Grade = (typeof GRADES)[number][0];
export const GRADE_LABELS = Object.fromEntries(GRADES.map(([g, l]) => [g, l])) as Record<Grade, string>;

export function gradeOf(total: number): Grade {
  return (GRADES.find(([, , min]) => total >= min) ?? GRADES[GRADES.length - 1])[0];
}

/** Points a complaint costs on the rate part: 20 per complaint in a quarter, spread over a year. */
export const POINTS_PER_COMPLAINT_QUARTER = 20;

const clamp = (n: number) => Math.max(0, Math.min(100, n));
const round1 = (n: number) => Math.round(n * 10) / 10;
const inDays = (d: string, from: string, to: string) => d >= from && d <= to;
const pct = (r: number) => `${Math.round(r * 100)}%`;

export function ledgerPart(entries: AssessmentFacts['ledger'], months: string[]): { score: number; basis: string } {
  const recorded = new Set(entries.filter((e) => COUNTED_STATUSES.includes(e.status)).map((e) => e.month));
  const n = months.filter((m) => recorded.has(m)).length;
  return { score: months.length ? (100 * n) / months.length : 0, basis: `${months.length} 个月中 ${n} 个月有台账` };
}

export function inspectionPart(visits: AssessmentFacts['visits'], p: Period): { score: number | null; basis: string } {
  const scored = visits.filter((v) => v.kind === 'inspection' && typeof v.score === 'number' && inDays(v.visitedOn, p.from, p.to));
  if (!scored.length) return { score: null, basis: '本期没有检查' };
  const mean = scored.reduce((s, v) => s + (v.score as number), 0) / scored.length;
  return { score: mean, basis: `检查 ${scored.length} 次，平均 ${Math.round(mean)} 分` };
}

export function complaintsPart(complaints: readonly Complaint[], p: Period, months: number): { score: number; basis: string } {
  const f = computeFigures(complaints, { from: p.from, to: p.to }).totals;
  const perComplaint = (POINTS_PER_COMPLAINT_QUARTER * 3) / Math.max(3, months);
  const rate = clamp(100 - perComplaint * f.total);
  const subs = [rate, ...(f.replyOnTimeRate === null ? [] : [100 * f.replyOnTimeRate]), ...(f.satisfactionRate === null ? [] : [100 * f.satisfactionRate])];
  const basis = [`投诉 ${f.total} 件`, f.replyOnTimeRate === null ? null : `按期答复 ${pct(f.replyOnTimeRate)}`, f.satisfactionRate === null ? null : `满意 ${pct(f.satisfactionRate)}`].filter(Boolean).join('，');
  return { score: subs.reduce((s, v) => s + v, 0) / subs.length, basis };
}

export function ratingsPart(ratings: AssessmentFacts['ratings'], p: Period): { score: number | null; basis: string } {
  const inside = ratings.filter((r) => r.status === 'published' && inDays(r.createdAt.slice(0, 10), p.from, p.to));
  if (!inside.length) return { score: null, basis: '本期没有评价' };
  const mean = inside.reduce((s, r) => { const v = Object.values(r.scores); return s + v.reduce((a, b) => a + b, 0) / v.length; }, 0) / inside.length;
  return { score: clamp(((mean - 1) / 4) * 100), basis: `评价 ${inside.length} 条，平均 ${round1(mean)} 星` };
}

export function trainingPart(records: AssessmentFacts['training'], year: string): { score: number; basis: string } {
  const preJob = records.filter((r) => r.kind === 'pre_job').reduce((s, r) => s + r.days, 0);
  const annual = records.filter((r) => r.kind === 'annual' && r.date.startsWith(`${year}-`)).length;
  const score = 50 * Math.min(1, preJob / PRE_JOB_MIN_DAYS) + 50 * Math.min(1, annual / ANNUAL_MIN_TRAININGS);
  return { score, basis: `岗前培训 ${preJob} 天，${year} 年培训 ${annual} 次` };
}

/** The head's result for the period as of `asOf` (YYYY-MM-DD, Shanghai). */
export function assess(facts: AssessmentFacts, weights: AssessmentWeights, p: Period, asOf: string): AssessmentResult {
  const months = monthsOf(p, asOf);
  const raw: Record<AssessmentPart, { score: number | null; basis: string }> = {
    ledger: ledgerPart(facts.ledger, months),
    inspection: inspectionPart(facts.visits, p),
    complaints: complaintsPart(facts.complaints, p, months.length),
    ratings: ratingsPart(facts.ratings, p),
    training: trainingPart(facts.training, p.from.slice(0, 4)),
  };
  const parts: PartResult[] = ASSESSMENT_PARTS.map((part) => ({ part, label: ASSESSMENT_PART_LABELS[part], score: raw[part].score === null ? null : round1(clamp(raw[part].score as number)), weight: weights[part], basis: raw[part].basis }));
  if (exemptFor(facts.certifiedOn, p, asOf)) return { period: p.key, exempt: true, total: null, grade: null, parts };
  const counted = parts.filter((x) => x.score !== null && x.weight > 0);
  const weightSum = counted.reduce((s, x) => s + x.weight, 0);
  const total = weightSum ? round1(clamp(counted.reduce((s, x) => s + x.weight * (x.score as number), 0) / weightSum)) : 0;
  return { period: p.key, exempt: false, total, grade: gradeOf(total), parts };
}

// ——— the county's decisions ———

export const { codes: DECISION_KINDS, labels: DECISION_LABELS } = labelled({ reward: '表彰奖励', replace: '更换负责人' });
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface AssessmentDecision {
  /** `${stationId}.${period}.${kind}`: one of each per station and period. */
  id: string;
  stationId: string;
  stationName: string;
  regionCodes: string[];
  period: string;
  kind: DecisionKind;
  headOpenid: string;
  headName: string;
  /** The result the decision was taken on (null: exempt). */
  total: number | null;
  note: string;
  /** Replacement: the reserve candidate appointed, or the post opened. */
  replacement: { mode: 'reserve'; applicationId: string; name: string } | { mode: 'post'; postId: string } | null;
  decidedBy: string;
  decidedAt: string;
}

export const decisionId = (stationId: string, period: string, kind: DecisionKind) => `${stationId}.${period}.${kind}`;

/** A reward needs a result: not for an exempt head, and not for a failing one. */
export function rewardProblem(r: AssessmentResult): string | null {
  if (r.exempt) return '培育期内的站点不参加考核，不能表彰';
  if (r.grade === 'fail') return '考核不合格，不能表彰';
  return null;
}
