/**
 * The oracle for core/station/hours.ts: the straightforward evaluation it replaced (every call
 * re-reads the weekly rules and formats dates). Tests check that the compiled schedule answers
 * exactly what this answers; nothing outside test/ uses it. It shares only openingRanges (a day's
 * intervals merged), which hours-continuity.test.ts checks against written-out answers.
 */
import { addDays, formatMinute, fromShanghai, toShanghai } from '../../core/shared/time';

import { openingRanges, type HoursStatus, type OpeningHours } from '../../core/station/hours';

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Intervals of one local date as [startMinute, endMinute) where end may exceed 1440. */
export function intervalsOn(hours: OpeningHours, date: string): { ranges: [number, number][]; note?: string; exception: boolean } {
  const exception = hours.exceptions.find((e) => e.date === date);
  const intervals = exception ? exception.intervals : hours.weekly.filter((r) => r.day === weekdayOf(date)).flatMap((r) => r.intervals);
  return { ranges: openingRanges(intervals), note: exception?.note, exception: !!exception };
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

