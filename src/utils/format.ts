/** Display helpers: short, plain Chinese. */
import type { FeeItem } from '@core/station/model';
import type { HoursException } from '@core/station/hours';

/** "免费" / "5 元/件" / "0.5 元/次" */
export function formatPrice(fee: Pick<FeeItem, 'price' | 'unit'>): string {
  if (!fee.price) return '免费';
  const price = Number.isInteger(fee.price) ? String(fee.price) : String(Number(fee.price.toFixed(2)));
  const unit = (fee.unit || '').trim();
  if (!unit) return `${price} 元`;
  if (unit.startsWith('元')) return `${price} ${unit}`;
  return `${price} 元/${unit}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 2025-06-01 → 2025年6月1日 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return `${y}年${m}月${d}日`;
}

/** 2025-10-01 → 10月1日 周三 */
export function formatShortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日 ${weekday}`;
}

export function describeException(ex: HoursException): string {
  if (!ex.intervals.length) return '休息';
  return ex.intervals.map((iv) => `${iv.open}-${iv.close}`).join('，');
}

/** Something a phone can dial (mobile, landline, 12345, 400…). */
export function isDialable(value: string): boolean {
  return /^[0-9][0-9-]{3,}[0-9]$/.test(value.trim());
}

export function dialNumber(value: string): string {
  return value.replace(/[^0-9]/g, '');
}

/** 12000 → "1.2 万" for populations; smaller numbers as is. */
export function formatCount(n: number): string {
  if (n >= 10_000) return `${Number((n / 10_000).toFixed(1))}万`;
  return String(n);
}
