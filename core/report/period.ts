/**
 * Report periods (issue 12 §5): a quarter (2026Q4) or a year (2026), Shanghai calendar days, and
 * the 报送 deadline: REPORT_DEADLINE_WORKDAYS working days after the period's last day.
 */
import type { WorkCalendar } from '../calendar/workdays';
import { addDays, toShanghai } from '../shared/time';

export interface ReportPeriod {
  key: string;
  kind: 'quarter' | 'year';
  label: string;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** First and last month, YYYY-MM (ledger months). */
  monthFrom: string;
  monthTo: string;
}

/** Working days after the period a county has to submit (a constant until the settings page takes it). */
export const REPORT_DEADLINE_WORKDAYS = 10;

export const PERIOD_PATTERN = /^(20\d\d)(?:Q([1-4]))?$/;

/** The period a key names, or null when it is not one (2026Q4, 2026). */
export function parsePeriod(key: string): ReportPeriod | null {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { key, kind: 'year', label: `${year} 年`, from: `${year}-01-01`, to: `${year}-12-31`, monthFrom: `${year}-01`, monthTo: `${year}-12` };
  const q = Number(m[2]);
  const first = (q - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const nextFirst = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(first + 3)}-01`;
  return { key, kind: 'quarter', label: `${year} 年第 ${q} 季度`, from: `${year}-${pad(first)}-01`, to: addDays(nextFirst, -1), monthFrom: `${year}-${pad(first)}`, monthTo: `${year}-${pad(first + 2)}` };
}

/** The last finished quarter at this instant (what a county reports on by default). */
export function lastQuarter(now: Date): string {
  const today = toShanghai(now).date;
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

/** The last day a county's report for the period is on time. */
export function reportDeadline(period: ReportPeriod, calendar: WorkCalendar): string {
  return calendar.addWorkdays(period.to, REPORT_DEADLINE_WORKDAYS).date;
}
