/**
 * The 报送 chain (issue 12 §5; 第十一条3/5): a county submits its period report as a frozen
 * snapshot; its city returns it with a comment (the county submits again) or forwards the city
 * report, which adds up the counties' snapshots and marks each of them forwarded; the province
 * sees who submitted when and which counties are late. Pure: the transition table decides and a
 * command returns the next record(s) for the store.
 */
import { AppError } from '../shared/errors';
import type { ReportFigures } from './figures';
import { labelled } from '../shared/labelled';

export const { codes: SUBMISSION_STATES, labels: SUBMISSION_STATE_LABELS } = labelled({ submitted: '已报送，待市级审核', returned: '已退回', forwarded: '已报省' });
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export type SubmissionAction = 'submit' | 'return' | 'forward' | 'include';
export type SubmitterRole = 'county' | 'city';

/**
 * Who may do what from which state (null: no report yet). `include` is what forwarding the city
 * report does to each county report it adds up.
 */
export const SUBMISSION_TRANSITIONS: Record<SubmissionAction, { by: SubmitterRole; level: SubmitterRole; from: readonly (SubmissionState | null)[]; to: SubmissionState }> = {
  submit: { by: 'county', level: 'county', from: [null, 'returned'], to: 'submitted' },
  return: { by: 'city', level: 'county', from: ['submitted'], to: 'returned' },
  include: { by: 'city', level: 'county', from: ['submitted'], to: 'forwarded' },
  forward: { by: 'city', level: 'city', from: [null], to: 'forwarded' },
};

export interface SubmissionEvent {
  at: string;
  action: SubmissionAction;
  by: string;
  note: string;
}

export interface ReportSubmission {
  /** `${period}:${regionCode}`: one report per region and period. */
  id: string;
  level: SubmitterRole;
  regionCode: string;
  regionName: string;
  period: string;
  state: SubmissionState;
  figures: ReportFigures;
  submittedBy: string;
  submittedAt: string;
  /** The city's comment when it returned the report (kept until the next submission). */
  comment: string | null;
  /** For a city report: the county reports it added up. */
  counties: string[];
  events: SubmissionEvent[];
  version: number;
}

export const submissionId = (period: string, regionCode: string) => `${period}:${regionCode}`;

/** Why the transition is refused, or null when it is allowed. */
export function submissionRefusal(current: ReportSubmission | null, action: SubmissionAction, by: SubmitterRole): string | null {
  const t = SUBMISSION_TRANSITIONS[action];
  if (t.by !== by) return by === 'county' ? '只有市级主管部门可以这样做' : '只有县级主管部门可以报送本县报告';
  if (!t.from.includes(current?.state ?? null)) {
    if (action === 'submit') return '本期报告已报送，市级退回后才能重新报送';
    if (action === 'forward') return '本期市级报告已报省';
    return current ? `这份报告${SUBMISSION_STATE_LABELS[current.state]}，不能再这样处理` : '这个县还没有报送本期报告';
  }
  return null;
}

function refuse(current: ReportSubmission | null, action: SubmissionAction, by: SubmitterRole): void {
  const why = submissionRefusal(current, action, by);
  if (why) throw new AppError('CONFLICT', why);
}

const event = (at: string, action: SubmissionAction, by: string, note: string): SubmissionEvent => ({ at, action, by, note });

/** The county submits (or, after a return, submits again) with the figures frozen now. */
export function submitReport(current: ReportSubmission | null, input: { region: { code: string; name: string }; period: string; figures: ReportFigures; by: string; at: string }): ReportSubmission {
  refuse(current, 'submit', 'county');
  return {
    id: submissionId(input.period, input.region.code),
    level: 'county',
    regionCode: input.region.code,
    regionName: input.region.name,
    period: input.period,
    state: 'submitted',
    figures: input.figures,
    submittedBy: input.by,
    submittedAt: input.at,
    comment: null,
    counties: [],
    events: [...(current?.events ?? []), event(input.at, 'submit', input.by, current ? '重新报送' : '报送')],
    version: (current?.version ?? 0) + 1,
  };
}

/** The city returns a county's report with a comment (required). */
export function returnReport(current: ReportSubmission | null, input: { comment: string; by: string; at: string }): ReportSubmission {
  refuse(current, 'return', 'city');
  const comment = input.comment.trim();
  if (!comment) throw new AppError('VALIDATION_ERROR', '请写明退回原因', { comment: '请填写' });
  const c = current!;
  return { ...c, state: 'returned', comment, events: [...c.events, event(input.at, 'return', input.by, comment)], version: c.version + 1 };
}

/**
 * The city forwards its report: the given figures (the counties' snapshots added up) frozen, and
 * each submitted county report it includes marked forwarded. Returns every record to write.
 */
export function forwardReport(
  current: ReportSubmission | null,
  counties: ReportSubmission[],
  input: { region: { code: string; name: string }; period: string; figures: ReportFigures; by: string; at: string; comment?: string },
): { city: ReportSubmission; counties: { next: ReportSubmission; expectedVersion: number }[] } {
  refuse(current, 'forward', 'city');
  // Only submitted county reports go up; a returned one waits for the county.
  const included = counties.filter((c) => c.level === 'county' && c.period === input.period && c.regionCode.startsWith(input.region.code) && submissionRefusal(c, 'include', 'city') === null);
  if (!included.length) throw new AppError('CONFLICT', '还没有县报送本期报告，无法报省');
  const city: ReportSubmission = {
    id: submissionId(input.period, input.region.code),
    level: 'city',
    regionCode: input.region.code,
    regionName: input.region.name,
    period: input.period,
    state: 'forwarded',
    figures: input.figures,
    submittedBy: input.by,
    submittedAt: input.at,
    comment: input.comment?.trim() || null,
    counties: included.map((c) => c.regionCode).sort(),
    events: [event(input.at, 'forward', input.by, `汇总 ${included.length} 个县报省`)],
    version: 1,
  };
  return {
    city,
    counties: included.map((c) => ({
      next: { ...c, state: 'forwarded' as const, events: [...c.events, event(input.at, 'include', input.by, '随市级报告报省')], version: c.version + 1 },
      expectedVersion: c.version,
    })),
  };
}

export interface CountyStatus {
  code: string;
  name: string;
  city: string;
  state: SubmissionState | null;
  stateLabel: string;
  submittedAt: string | null;
  /** Not submitted by the deadline (still missing after it, or submitted after it). */
  late: boolean;
  comment: string | null;
  /** The county report's version (the city returns it at this version); null when none. */
  version: number | null;
}

/**
 * Who has submitted and when, per county, with lateness against the deadline (YYYY-MM-DD,
 * Shanghai) as of `today`. A report submitted on the deadline day is on time.
 */
export function countyStatuses(counties: { code: string; name: string; city: string }[], submissions: ReportSubmission[], deadline: string, today: string, dayOf: (iso: string) => string): CountyStatus[] {
  const byCode = new Map(submissions.filter((s) => s.level === 'county').map((s) => [s.regionCode, s]));
  return counties.map((c) => {
    const s = byCode.get(c.code) ?? null;
    // A returned report still counts as sent on its first submission date for lateness.
    const first = s ? s.events.find((e) => e.action === 'submit')?.at ?? s.submittedAt : null;
    const late = first ? dayOf(first) > deadline : today > deadline;
    return { code: c.code, name: c.name, city: c.city, state: s?.state ?? null, stateLabel: s ? SUBMISSION_STATE_LABELS[s.state] : '未报送', submittedAt: s?.submittedAt ?? null, late, comment: s?.comment ?? null, version: s?.version ?? null };
  });
}

/** Storage of report submissions (adapters/sqlite/reports.ts, adapters/cloudbase/reports.ts). */
export interface ReportRepository {
  get(id: string): Promise<ReportSubmission | null>;
  /** Insert (`expectedVersion` null; CONFLICT when it exists) or replace at `expectedVersion` (CONFLICT when it moved on). */
  save(next: ReportSubmission, expectedVersion: number | null): Promise<void>;
  /** Every report of a period in a region (its code is a prefix of theirs), by region code. */
  list(q: { period: string; regionCode: string }): Promise<ReportSubmission[]>;
}
