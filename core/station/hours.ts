/**
 * Opening hours: weekly rules (several intervals a day) plus dated exceptions, evaluated in
 * Asia/Shanghai whatever the machine's time zone. An interval whose close is not after its open
 * runs past midnight into the next day (e.g. 18:00–02:00); "24:00" closes at midnight.
 */
import { SHANGHAI_OFFSET_MIN, addDays, daysBetween, formatMinute, isIsoDate, parseHHMM } from '../shared/time';

export interface TimeInterval {
  open: string; // HH:MM
  close: string; // HH:MM, may be 24:00, may be ≤ open (past midnight)
}
export interface WeeklyRule {
  /** ISO weekday 1 = Monday … 7 = Sunday */
  day: number;
  intervals: TimeInterval[];
}
export interface HoursException {
  date: string; // YYYY-MM-DD
  /** Empty intervals = closed all day. */
  intervals: TimeInterval[];
  note?: string;
}
export interface OpeningHours {
  weekly: WeeklyRule[];
  exceptions: HoursException[];
}

export type OpenState = 'open' | 'closed' | 'closed_today';

export interface HoursStatus {
  state: OpenState;
  /** 营业中 / 已打烊 / 今日休息 / 未营业 */
  label: string;
  /** When open: the instant it closes. */
  closesAt?: Date;
  /** When not open: the next instant it opens (within 14 days), if any. */
  nextOpenAt?: Date;
  /** Human text such as "今天 18:00 打烊" / "明天 08:00 开门" / "周一 08:30 开门". */
  detail: string;
  /** Today's special note (e.g. 国庆调整), if an exception applies. */
  note?: string;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const DAY_MS = 86_400_000;
const SHANGHAI_MS = SHANGHAI_OFFSET_MIN * 60_000;

/**
 * One local day's openings as [startMinute, endMinute) where end may exceed 1440, merged and sorted,
 * with the day's exception note. Shared, never mutated.
 */
interface DayPlan {
  ranges: readonly (readonly [number, number])[];
  note?: string;
  exception: boolean;
}

/**
 * A station's week compiled once: its seven weekday plans and its exceptions by day number (days
 * since 1970-01-01 in Shanghai). A pure function of the hours; memoised per hours object, which
 * callers never mutate (stations are replaced whole), so status checks do no parsing or date
 * formatting until a label needs a date.
 */
interface CompiledHours {
  weekdays: DayPlan[]; // index 1 = Monday … 7 = Sunday
  exceptions: Map<number, DayPlan>;
}

const compiled = new WeakMap<OpeningHours, CompiledHours>();

/**
 * A day's intervals as [startMinute, endMinute) ranges in order, end past 1440 when it closes after
 * midnight; back-to-back or overlapping intervals (08:00–12:00, 12:00–18:00) are one opening.
 */
export function openingRanges(intervals: readonly TimeInterval[]): [number, number][] {
  const ranges = intervals.map((iv): [number, number] => {
    const start = parseHHMM(iv.open);
    let end = parseHHMM(iv.close);
    if (end <= start) end += 1440;
    return [start, end];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function planOf(intervals: readonly TimeInterval[], exception: boolean, note?: string): DayPlan {
  return { ranges: openingRanges(intervals), note, exception };
}

/** Day number of a YYYY-MM-DD date, or NaN when it is not a real date (never matches a day). */
function dayNumber(date: string): number {
  return isIsoDate(date) ? daysBetween('1970-01-01', date) : NaN;
}

function dateOf(day: number): string {
  return addDays('1970-01-01', day);
}

/** ISO weekday of a day number (day 0, 1970-01-01, was a Thursday). */
function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

function compile(hours: OpeningHours): CompiledHours {
  let c = compiled.get(hours);
  if (c) return c;
  const weekdays: DayPlan[] = [{ ranges: [], exception: false }];
  for (let day = 1; day <= 7; day++) weekdays.push(planOf(hours.weekly.filter((r) => r.day === day).flatMap((r) => r.intervals), false));
  const exceptions = new Map<number, DayPlan>();
  for (const e of hours.exceptions) {
    const day = dayNumber(e.date);
    // The first exception of a date wins, as a lookup by date would find it.
    if (!Number.isNaN(day) && !exceptions.has(day)) exceptions.set(day, planOf(e.intervals, true, e.note));
  }
  c = { weekdays, exceptions };
  compiled.set(hours, c);
  return c;
}

function planOn(c: CompiledHours, day: number): DayPlan {
  return c.exceptions.get(day) ?? c.weekdays[weekdayOfDay(day)];
}

/** Intervals of one local date as [startMinute, endMinute) where end may exceed 1440. */
export function intervalsOn(hours: OpeningHours, date: string): { ranges: [number, number][]; note?: string; exception: boolean } {
  const day = dayNumber(date);
  const c = compile(hours);
  const plan = Number.isNaN(day) ? planOf(hours.weekly.filter((r) => r.day === weekdayOf(date)).flatMap((r) => r.intervals), false) : planOn(c, day);
  return { ranges: plan.ranges.map(([a, b]): [number, number] => [a, b]), note: plan.note, exception: plan.exception };
}

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

function dayLabel(fromDay: number, day: number): string {
  if (day === fromDay) return '今天';
  if (day === fromDay + 1) return '明天';
  if (day === fromDay + 2) return '后天';
  const date = dateOf(day);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日${WEEKDAY_NAMES[weekdayOfDay(day)]}`;
}

/** The instant of a Shanghai day number + minute (minute may reach 1440). */
function instantOf(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000 - SHANGHAI_MS);
}

/** Shanghai day number and minute of the day (0–1439) of an instant. */
function localDayMinute(now: Date): { day: number; minute: number } {
  const shifted = now.getTime() + SHANGHAI_MS;
  const day = Math.floor(shifted / DAY_MS);
  return { day, minute: Math.floor((shifted - day * DAY_MS) / 60_000) };
}

/** The opening `minute` of `today` falls in — yesterday's running past midnight first, then today's: its day and end. */
function openingAt(c: CompiledHours, today: number, minute: number): { day: number; end: number } | null {
  for (const [start, end] of planOn(c, today - 1).ranges) {
    if (end > 1440 && minute + 1440 >= start && minute + 1440 < end) return { day: today - 1, end };
  }
  for (const [start, end] of planOn(c, today).ranges) {
    if (minute >= start && minute < end) return { day: today, end };
  }
  return null;
}

export function hoursStatus(hours: OpeningHours, now: Date): HoursStatus {
  const c = compile(hours);
  const { day: today, minute } = localDayMinute(now);
  const todays = planOn(c, today);
  const opening = openingAt(c, today, minute);
  if (opening) {
    // Today's note belongs to today's openings, not to yesterday's running past midnight.
    const note = opening.day === today ? { note: todays.note } : {};
    const close = continuedClose(c, opening.day, opening.end);
    if (!close) return { state: 'open', label: '营业中', detail: '全天营业', ...note };
    const when = close.day === today ? '今天' : dayLabel(today, close.day);
    return { state: 'open', label: '营业中', closesAt: instantOf(close.day, close.minute), detail: `${when} ${formatMinute(close.minute)} 打烊`, ...note };
  }

  const next = nextOpening(c, today, minute);
  const nextText = next ? `${dayLabel(today, next.day)} ${formatMinute(next.minute)} 开门` : '近期暂无营业安排';
  const nextOpenAt = next ? instantOf(next.day, next.minute) : undefined;
  if (todays.ranges.length === 0) {
    return { state: 'closed_today', label: '今日休息', nextOpenAt, detail: nextText, note: todays.note };
  }
  const laterToday = todays.ranges.some(([start]) => start > minute);
  return { state: 'closed', label: laterToday ? '未开门' : '已打烊', nextOpenAt, detail: nextText, note: todays.note };
}

/**
 * Where an opening that ends at `end` minutes after `day`'s midnight really closes, following
 * the next days' intervals that start exactly when it ends (e.g. 00:00–24:00 every day).
 * Null when it never closes within a week.
 */
function continuedClose(c: CompiledHours, day: number, end: number): { day: number; minute: number } | null {
  let d = day;
  let e = end;
  for (let i = 0; i < 8; i++) {
    if (e < 1440) return { day: d, minute: e };
    const carry = e - 1440;
    const cont = planOn(c, d + 1).ranges.find(([start, stop]) => start <= carry && carry < stop);
    if (!cont) return e === 1440 ? { day: d, minute: 1440 } : { day: d + 1, minute: carry };
    d += 1;
    e = cont[1];
  }
  return null;
}

function nextOpening(c: CompiledHours, today: number, minute: number): { day: number; minute: number } | undefined {
  for (let offset = 0; offset <= 14; offset++) {
    for (const [start] of planOn(c, today + offset).ranges) {
      if (offset > 0 || start > minute) return { day: today + offset, minute: start };
    }
  }
  return undefined;
}

/** Open at this instant: the same answer as hoursStatus(…).state === 'open', without building any text. */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  const { day, minute } = localDayMinute(now);
  return openingAt(compile(hours), day, minute) !== null;
}

/**
 * The hours of the week (Shanghai) in which a station may be open on some date, as bits:
 * bit (weekday − 1) × 24 + hour, Monday 00:00–00:59 = bit 0. A superset of isOpenAt — weekly rules
 * and every dated exception are added, closures never removed — so an index may skip a station
 * whose bit is clear at an instant without testing it (isOpenAt would say no).
 */
export type HourMask = Uint32Array;
export const WEEK_HOURS = 168;

export function hourOfWeek(now: Date): number {
  const { day, minute } = localDayMinute(now);
  return (weekdayOfDay(day) - 1) * 24 + Math.floor(minute / 60);
}

export function maskHas(mask: HourMask, bit: number): boolean {
  return (mask[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

export function emptyHourMask(): HourMask {
  return new Uint32Array(Math.ceil(WEEK_HOURS / 32));
}

/** a |= b */
export function orHourMask(a: HourMask, b: HourMask): void {
  for (let i = 0; i < a.length; i++) a[i] |= b[i];
}

export function openHourMask(hours: OpeningHours): HourMask {
  const c = compile(hours);
  const mask = emptyHourMask();
  const add = (weekday: number, plan: DayPlan) => {
    for (const [start, end] of plan.ranges) {
      // Ranges may run past midnight (end up to 2880): the bits wrap into the next weekday.
      for (let hour = Math.floor(start / 60); hour * 60 < end; hour++) {
        const bit = ((weekday - 1) * 24 + hour) % WEEK_HOURS;
        mask[bit >>> 5] |= 1 << (bit & 31);
      }
    }
  };
  for (let day = 1; day <= 7; day++) add(day, c.weekdays[day]);
  for (const [day, plan] of c.exceptions) add(weekdayOfDay(day), plan);
  return mask;
}

/** One line per weekday for the station page, e.g. "周一至周五 08:00-12:00, 14:00-18:00". */
export function describeWeek(hours: OpeningHours): { days: string; text: string }[] {
  const byDay = new Map<number, string>();
  for (let day = 1; day <= 7; day++) {
    const intervals = hours.weekly.filter((r) => r.day === day).flatMap((r) => r.intervals);
    byDay.set(day, intervals.length ? intervals.map((iv) => `${iv.open}-${iv.close}`).join('，') : '休息');
  }
  const rows: { days: string; text: string }[] = [];
  let startDay = 1;
  for (let day = 2; day <= 8; day++) {
    if (day === 8 || byDay.get(day) !== byDay.get(startDay)) {
      const end = day - 1;
      const days = startDay === end ? WEEKDAY_NAMES[startDay] : `${WEEKDAY_NAMES[startDay]}至${WEEKDAY_NAMES[end]}`;
      rows.push({ days, text: byDay.get(startDay) as string });
      startDay = day;
    }
  }
  return rows;
}
