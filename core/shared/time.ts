/**
 * Wall-clock helpers for Asia/Shanghai. China has used UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact and does not depend on the machine's time zone or ICU data.
 */
export const SHANGHAI_OFFSET_MIN = 8 * 60;

export interface LocalDateTime {
  /** YYYY-MM-DD in Asia/Shanghai */
  date: string;
  /** minutes since local midnight, 0..1439 */
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toShanghai(instant: Date): LocalDateTime {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MIN * 60_000);
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const minute = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  const weekday = ((shifted.getUTCDay() + 6) % 7) + 1;
  return { date, minute, weekday };
}

/** The instant at which a Shanghai local date + minute happens. */
export function fromShanghai(date: string, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 0, minute) - SHANGHAI_OFFSET_MIN * 60_000);
}

/** Add whole days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Add calendar months, clamping to the month's last day (2026-08-31 + 6 months → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = a.split('-').map(Number);
  const [y2, m2, d2] = b.split('-').map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export function formatMinute(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

export function parseHHMM(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return h * 60 + m;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
