/**
 * Display helpers for every page (main package and subpackages): dates in Asia/Shanghai, one format
 * (with the year, so a deadline never reads ambiguously around new year), percentages, status tones.
 */
import type { ComplaintStatus } from '@core/complaint/model';
import { addDays, toShanghai } from '@core/shared/time';
import type { Tone } from '../utils/trust';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → "2025年6月4日 10:05" (Shanghai time). */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const local = toShanghai(t);
  const [y, m, d] = local.date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${pad(Math.floor(local.minute / 60))}:${pad(local.minute % 60)}`;
}

/** ISO instant or YYYY-MM-DD → "2025年6月4日". */
export function formatDay(value: string): string {
  let date = value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const t = new Date(value);
    if (Number.isNaN(t.getTime())) return value;
    date = toShanghai(t).date;
  }
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function todayShanghai(now: Date = new Date()): string {
  return toShanghai(now).date;
}

/** The day `days` calendar days after an instant, as "6月11日". */
export function dayAfter(iso: string, days: number): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  const [, m, d] = addDays(toShanghai(t).date, days).split('-').map(Number);
  return `${m}月${d}日`;
}

/** 0.873 → "87%"; null → "暂无". Whole percents: a tenth of a percent over a few dozen cases is noise. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '暂无';
  return `${Math.round(rate * 100)}%`;
}

/** Colour of a complaint status: a refusal is the one outcome where the request was not handled, so it stands out. */
export function statusTone(status: ComplaintStatus): Tone {
  switch (status) {
    case 'submitted':
      return 'warn';
    case 'accepted':
    case 'assigned':
      return 'info';
    case 'replied':
      return 'ok';
    case 'refused':
      return 'danger';
    default:
      return 'muted';
  }
}

/** 4.26 → "4.3"; one decimal, always shown. */
export function score1(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

/** Whole stars for a score (rounded), e.g. 3.6 → "★★★★☆". */
export function starText(n: number): string {
  const full = Math.max(0, Math.min(5, Math.round(n)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

/** Words for 1–5 stars (read next to the stars; stars alone are hard for some). */
export const STAR_WORDS = ['', '很差', '较差', '一般', '满意', '很满意'] as const;
