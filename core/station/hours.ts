/**
 * Opening hours: weekly rules (several intervals a day) plus dated exceptions, evaluated in
 * Asia/Shanghai whatever the machine's time zone. An interval whose close is not after its open
 * runs past midnight into the next day (e.g. 18:00–02:00); "24:00" closes at midnight.
 */
import { addDays, formatMinute, fromShanghai, parseHHMM, toShanghai } from '../shared/time';

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

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Intervals of one local date as [startMinute, endMinute) where end may exceed 1440. */
export function intervalsOn(hours: OpeningHours, date: string): { ranges: [number, number][]; note?: string; exception: boolean } {
  const exception = hours.exceptions.find((e) => e.date === date);
  const intervals = exception ? exception.intervals : hours.weekly.filter((r) => r.day === weekdayOf(date)).flatMap((r) => r.intervals);
  const ranges = intervals.map((iv): [number, number] => {
    const start = parseHHMM(iv.open);
    let end = parseHHMM(iv.close);
    if (end <= start) end += 1440;
    return [start, end];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  // Back-to-back or overlapping intervals (08:00–12:00, 12:00–18:00) are one opening.
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { ranges: merged, note: exception?.note, exception: !!exception };
}

function dayLabel(fromDate: string, date: string): string {
  if (date === fromDate) return '今天';
  if (date === addDays(fromDate, 1)) return '明天';
  if (date === addDays(fromDate, 2)) return '后天';
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日${WEEKDAY_NAMES[weekdayOf(date)]}`;
}

export function hoursStatus(hours: OpeningHours, now: Date): HoursStatus {
  const local = toShanghai(now);
  const today = local.date;
  const yesterday = addDays(today, -1);

  // Still open from yesterday's interval that runs past midnight?
  for (const [start, end] of intervalsOn(hours, yesterday).ranges) {
    if (end > 1440 && local.minute + 1440 >= start && local.minute + 1440 < end) {
      const close = continuedClose(hours, yesterday, end);
      if (!close) return { state: 'open', label: '营业中', detail: '全天营业' };
      const when = close.date === today ? '今天' : dayLabel(today, close.date);
      return { state: 'open', label: '营业中', closesAt: fromShanghai(close.date, close.minute), detail: `${when} ${formatMinute(close.minute)} 打烊` };
    }
  }
  const todays = intervalsOn(hours, today);
  for (const [start, end] of todays.ranges) {
    if (local.minute >= start && local.minute < end) {
      const close = continuedClose(hours, today, end);
      if (!close) return { state: 'open', label: '营业中', detail: '全天营业', note: todays.note };
      const closesAt = fromShanghai(close.date, close.minute);
      const when = close.date === today ? `今天 ${formatMinute(close.minute)}` : `${dayLabel(today, close.date)} ${formatMinute(close.minute)}`;
      return { state: 'open', label: '营业中', closesAt, detail: `${when} 打烊`, note: todays.note };
    }
  }

  const next = nextOpening(hours, today, local.minute);
  const nextText = next ? `${dayLabel(today, next.date)} ${formatMinute(next.minute)} 开门` : '近期暂无营业安排';
  const nextOpenAt = next ? fromShanghai(next.date, next.minute) : undefined;
  if (todays.ranges.length === 0) {
    return { state: 'closed_today', label: '今日休息', nextOpenAt, detail: nextText, note: todays.note };
  }
  const laterToday = todays.ranges.some(([start]) => start > local.minute);
  return { state: 'closed', label: laterToday ? '未开门' : '已打烊', nextOpenAt, detail: nextText, note: todays.note };
}

/**
 * Where an opening that ends at `end` minutes after `date`'s midnight really closes, following
 * the next days' intervals that start exactly when it ends (e.g. 00:00–24:00 every day).
 * Null when it never closes within a week.
 */
function continuedClose(hours: OpeningHours, date: string, end: number): { date: string; minute: number } | null {
  let d = date;
  let e = end;
  for (let i = 0; i < 8; i++) {
    if (e < 1440) return { date: d, minute: e };
    const next = addDays(d, 1);
    const carry = e - 1440;
    const cont = intervalsOn(hours, next).ranges.find(([start, stop]) => start <= carry && carry < stop);
    if (!cont) return e === 1440 ? { date: d, minute: 1440 } : { date: next, minute: carry };
    d = next;
    e = cont[1];
  }
  return null;
}

function nextOpening(hours: OpeningHours, today: string, minute: number): { date: string; minute: number } | undefined {
  for (let offset = 0; offset <= 14; offset++) {
    const date = addDays(today, offset);
    for (const [start] of intervalsOn(hours, date).ranges) {
      if (offset > 0 || start > minute) return { date, minute: start };
    }
  }
  return undefined;
}

export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  return hoursStatus(hours, now).state === 'open';
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
