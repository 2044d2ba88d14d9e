/**
 * Chinese working days: weekends, public holidays and make-up working days (调休).
 * Official data for the years `chinese-days` knows; later years must be entered by an
 * administrator. A year without data is never silently treated as weekends-only: every answer
 * that touched such a year says so (`unknownYears`), and deadlines computed through it are
 * marked provisional so officials see a warning.
 */
import { addDays, isIsoDate } from '../shared/time';
import { OFFICIAL_DAYS } from './official-days';

export interface YearDays {
  year: number;
  /** Days off that would otherwise be working days (YYYY-MM-DD). */
  holidays: string[];
  /** Weekend days that are working days (YYYY-MM-DD). */
  workdays: string[];
  source: 'official' | 'admin';
}

export interface WorkdayAnswer {
  workday: boolean;
  /** False when the year has no holiday data: the answer is weekends-only and provisional. */
  known: boolean;
}

export interface DueDate {
  /** The last working day (YYYY-MM-DD, Asia/Shanghai) on which the deadline is met. */
  date: string;
  /** True when an unknown year was counted (weekends only). */
  provisional: boolean;
  unknownYears: number[];
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export function officialYears(): YearDays[] {
  return Object.entries(OFFICIAL_DAYS).map(([year, v]) => {
    const expand = (list: string) => (list ? list.split(' ').map((md) => `${year}-${md.slice(0, 2)}-${md.slice(2)}`) : []);
    return { year: Number(year), holidays: expand(v.holidays), workdays: expand(v.workdays), source: 'official' as const };
  });
}

export class WorkCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Map<number, YearDays['source']>();

  /** Administrator-entered years override official data for the same year. */
  constructor(adminYears: YearDays[] = [], official: YearDays[] = officialYears()) {
    const byYear = new Map<number, YearDays>();
    for (const y of official) byYear.set(y.year, y);
    for (const y of adminYears) byYear.set(y.year, y);
    for (const y of byYear.values()) {
      this.years.set(y.year, y.source);
      y.holidays.forEach((d) => this.holidays.add(d));
      y.workdays.forEach((d) => this.workdays.add(d));
    }
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  knownYears(): { year: number; source: YearDays['source'] }[] {
    return [...this.years.entries()].sort(([a], [b]) => a - b).map(([year, source]) => ({ year, source }));
  }

  isWorkday(date: string): WorkdayAnswer {
    const known = this.knows(Number(date.slice(0, 4)));
    if (this.workdays.has(date)) return { workday: true, known };
    if (this.holidays.has(date)) return { workday: false, known };
    return { workday: weekday(date) <= 5, known };
  }

  /** The nth working day after `from` (from itself does not count). n = 0 → from. */
  addWorkdays(from: string, n: number): DueDate {
    const unknown = new Set<number>();
    let date = from;
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      const a = this.isWorkday(date);
      if (!a.known) unknown.add(Number(date.slice(0, 4)));
      if (a.workday) left--;
    }
    return { date, provisional: unknown.size > 0, unknownYears: [...unknown].sort() };
  }

  /** Working days strictly after `from` up to and including `to` (0 when to ≤ from). */
  workdaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d).workday) count++;
    return count;
  }

  /** Years from `fromYear` through `toYear` that have no data: what officials are warned about. */
  missingYears(fromYear: number, toYear: number): number[] {
    const missing: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (!this.knows(y)) missing.push(y);
    return missing;
  }
}

/** Validate an administrator's entry for one year: real dates inside the year, no day in both lists. */
export function checkYearEntry(entry: { year: number; holidays: string[]; workdays: string[] }): string | null {
  const impossible = [...entry.holidays, ...entry.workdays].find((d) => !isIsoDate(d));
  if (impossible) return `${impossible} 不是有效的日期`;
  const inYear = (d: string) => d.startsWith(`${entry.year}-`);
  if (!entry.holidays.every(inYear) || !entry.workdays.every(inYear)) return `日期必须都在 ${entry.year} 年内`;
  const both = entry.holidays.filter((d) => entry.workdays.includes(d));
  if (both.length) return `${both[0]} 不能既是假日又是调休上班日`;
  if (entry.workdays.some((d) => weekday(d) <= 5)) return '调休上班日应为周六或周日';
  return null;
}
