/**
 * Ledger totals rolled up by region (issue 12 §1): station → township → county → city → province.
 * Region codes are hierarchical and each entry carries its station's region path, so a region's
 * children are the distinct codes one level down. The store groups (LedgerRepository.sums); this
 * module says what a group is (`groupEntries` is the reference the contract checks the stores
 * against) and adds groups up into the region's total and its children.
 */
import { LEDGER_KINDS, type LedgerEntry, type LedgerKind, type LedgerStatus } from './model';

/** The levels a region's children are grouped at: below a township, its stations. */
export const GROUP_LEVELS = ['city', 'county', 'township', 'station'] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];
/** Index in the region path (province 0) of each region level. */
const PATH_INDEX: Record<Exclude<GroupLevel, 'station'>, number> = { city: 1, county: 2, township: 3 };
/** What totals count: returned entries wait for the head's correction. */
export const COUNTED_STATUSES: readonly LedgerStatus[] = ['submitted', 'accepted'];

export interface LedgerSums {
  entries: number;
  quantity: number;
  amountFen: number;
  households: number;
}

/** One group of a store's `sums`: the child region (or station) and a kind. `key` null: stations directly under the region (no code at that level). */
export interface SumRow {
  key: string | null;
  name: string;
  kind: LedgerKind;
  sums: LedgerSums;
}

export interface Totals {
  byKind: Record<LedgerKind, LedgerSums>;
  entries: number;
  amountFen: number;
  households: number;
}

export interface RollUp {
  total: Totals;
  children: { key: string | null; name: string; totals: Totals }[];
}

/** The level a region's children are at: province → cities, city → counties, county → townships, township → stations. */
export function childLevelOf(regionCode: string): GroupLevel {
  if (regionCode.length === 2) return 'city';
  if (regionCode.length === 4) return 'county';
  if (regionCode.length === 6) return 'township';
  return 'station';
}

/** The group an entry falls in at `level`. */
export function groupOf(e: Pick<LedgerEntry, 'regionPath' | 'stationId' | 'stationName'>, level: GroupLevel): { key: string | null; name: string } {
  if (level === 'station') return { key: e.stationId, name: e.stationName };
  const r = e.regionPath[PATH_INDEX[level]];
  return r ? { key: r.code, name: r.name } : { key: null, name: DIRECT_NAME };
}

/** Children without a code at the level: a county's own operating centre under "townships". */
export const DIRECT_NAME = '直属站点';

export const zeroSums = (): LedgerSums => ({ entries: 0, quantity: 0, amountFen: 0, households: 0 });
const plus = (a: LedgerSums, b: LedgerSums): LedgerSums => ({ entries: a.entries + b.entries, quantity: a.quantity + b.quantity, amountFen: a.amountFen + b.amountFen, households: a.households + b.households });

export function sumsOf(e: Pick<LedgerEntry, 'quantity' | 'amountFen' | 'households'>): LedgerSums {
  return { entries: 1, quantity: e.quantity, amountFen: e.amountFen, households: e.households ?? 0 };
}

/** Reference grouping of entries (already narrowed to a region, months and counted statuses). */
export function groupEntries(entries: readonly LedgerEntry[], level: GroupLevel): SumRow[] {
  const rows = new Map<string, SumRow>();
  for (const e of entries) {
    const g = groupOf(e, level);
    const id = `${g.key ?? ''}|${e.kind}`;
    const row = rows.get(id) ?? { key: g.key, name: g.name, kind: e.kind, sums: zeroSums() };
    row.sums = plus(row.sums, sumsOf(e));
    rows.set(id, row);
  }
  return sortRows([...rows.values()]);
}

/** Rows in a stable order (key, then kind), whatever order a store answered them in. */
export function sortRows(rows: SumRow[]): SumRow[] {
  const k = (r: SumRow) => `${r.key ?? ''}`;
  return rows.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : LEDGER_KINDS.indexOf(a.kind) - LEDGER_KINDS.indexOf(b.kind)));
}

export function emptyTotals(): Totals {
  return { byKind: Object.fromEntries(LEDGER_KINDS.map((k) => [k, zeroSums()])) as Record<LedgerKind, LedgerSums>, entries: 0, amountFen: 0, households: 0 };
}

function addTo(t: Totals, kind: LedgerKind, s: LedgerSums): Totals {
  return { byKind: { ...t.byKind, [kind]: plus(t.byKind[kind], s) }, entries: t.entries + s.entries, amountFen: t.amountFen + s.amountFen, households: t.households + s.households };
}

/** The region's total and one line per child, children by amount (largest first), then name. */
export function rollUp(rows: readonly SumRow[]): RollUp {
  let total = emptyTotals();
  const children = new Map<string, { key: string | null; name: string; totals: Totals }>();
  for (const r of rows) {
    total = addTo(total, r.kind, r.sums);
    const id = r.key ?? '';
    const child = children.get(id) ?? { key: r.key, name: r.name, totals: emptyTotals() };
    child.totals = addTo(child.totals, r.kind, r.sums);
    children.set(id, child);
  }
  return { total, children: [...children.values()].sort((a, b) => b.totals.amountFen - a.totals.amountFen || a.name.localeCompare(b.name, 'zh')) };
}
