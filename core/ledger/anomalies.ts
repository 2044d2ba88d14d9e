/**
 * Obvious anomalies in a station's ledger (issue 12 §1): flagged for the operator to look at,
 * never corrected. Pure: computed from the station's entries each time they are shown, so a flag
 * appears or goes away as entries are corrected.
 *
 * - spike: a kind's month is at least SPIKE_FACTOR times the station's usual month of that kind
 *   (the median of the earlier months that had any, needing USUAL_MIN_MONTHS of them).
 * - round_repeat: the same round amount (a whole multiple of ROUND_FEN) at least ROUND_REPEAT_MIN
 *   times in one month — numbers made up rather than counted.
 */
import { addMonthsTo } from './model';
import { LEDGER_KIND_LABELS, formatYuan, type LedgerEntry, type LedgerKind } from './model';

export const SPIKE_FACTOR = 10;
export const USUAL_MONTHS = 6;
export const USUAL_MIN_MONTHS = 3;
/** 100 yuan. */
export const ROUND_FEN = 10_000;
export const ROUND_REPEAT_MIN = 3;

export type LedgerFlagCode = 'spike' | 'round_repeat';
export interface LedgerFlag {
  code: LedgerFlagCode;
  message: string;
}

const MONEY_KINDS: readonly LedgerKind[] = ['poverty_sale', 'proxy_purchase', 'bill_payment'];

/** What "a month ten times the usual" measures: the amount where money moves, else the count. */
export function measureOf(e: Pick<LedgerEntry, 'kind' | 'amountFen' | 'quantity'>): number {
  return MONEY_KINDS.includes(e.kind) ? e.amountFen : e.quantity;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The flags of `month`'s entries of one station, from that station's entries (the month itself and
 * the USUAL_MONTHS before it; others are ignored). Returned entries count too: they are still the
 * head's figures until corrected.
 */
export function flagMonth(stationEntries: readonly LedgerEntry[], month: string): Map<string, LedgerFlag[]> {
  const out = new Map<string, LedgerFlag[]>();
  const add = (id: string, f: LedgerFlag) => out.set(id, [...(out.get(id) ?? []), f]);
  const first = addMonthsTo(month, -USUAL_MONTHS);
  const current = stationEntries.filter((e) => e.month === month);

  const byKind = new Map<LedgerKind, LedgerEntry[]>();
  for (const e of current) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  for (const [kind, entries] of byKind) {
    const total = entries.reduce((s, e) => s + measureOf(e), 0);
    const earlier = new Map<string, number>();
    for (const e of stationEntries) {
      if (e.kind !== kind || e.month < first || e.month >= month) continue;
      earlier.set(e.month, (earlier.get(e.month) ?? 0) + measureOf(e));
    }
    const months = [...earlier.values()].filter((v) => v > 0);
    if (months.length < USUAL_MIN_MONTHS) continue;
    const usual = median(months);
    if (usual > 0 && total >= SPIKE_FACTOR * usual) {
      const times = Math.floor(total / usual);
      for (const e of entries) add(e.id, { code: 'spike', message: `本月${LEDGER_KIND_LABELS[kind]}是平时的 ${times} 倍` });
    }
  }

  const byAmount = new Map<number, LedgerEntry[]>();
  for (const e of current) {
    if (e.amountFen >= ROUND_FEN && e.amountFen % ROUND_FEN === 0) byAmount.set(e.amountFen, [...(byAmount.get(e.amountFen) ?? []), e]);
  }
  for (const [fen, entries] of byAmount) {
    if (entries.length < ROUND_REPEAT_MIN) continue;
    for (const e of entries) add(e.id, { code: 'round_repeat', message: `整数金额 ${formatYuan(fen).replace(/\.00$/, '')} 元本月出现 ${entries.length} 次` });
  }
  return out;
}
