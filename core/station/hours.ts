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
  return { ranges, note: exception?.note, exception: !!exception };
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
      const closesAt = fromShanghai(yesterday, end);
      return { state: 'open', label: '营业中', closesAt, detail: `今天 ${formatMinute(end - 1440)} 打烊` };
    }
  }
  const todays = intervalsOn(hours, today);
  for (const [start, end] of todays.ranges) {
    if (local.minute >= start && local.minute < end) {
      const closesAt = fromShanghai(today, end);
      const when = end >= 1440 ? (end === 1440 ? '今天 24:00' : `明天 ${formatMinute(end - 1440)}`) : `今天 ${formatMinute(end)}`;
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
