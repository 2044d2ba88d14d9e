/**
 * Station ledgers (台账, 第十条5, 第九条3): what a station head records month by month — 扶贫产品
 * sales, 代购, parcels in and out, bill payments and other convenience services — and the
 * operator's review. Pure rules, no I/O: each command returns one change for the store to persist.
 *
 * States: submitted (待审核) → accepted (已核实, locked) or returned (已退回, with a reason);
 * the head corrects a submitted or returned entry, which makes it submitted again.
 * Money is kept in fen (integers), never as floating yuan.
 */
import type { RegionRef } from '../station/model';
import { labelled } from '../shared/labelled';
import { RuleError } from '../shared/rule-error';

export const { codes: LEDGER_KINDS, labels: LEDGER_KIND_LABELS } = labelled({
  poverty_sale: '扶贫产品销售',
  proxy_purchase: '代购',
  parcel_in: '快递收件',
  parcel_out: '快递寄件',
  bill_payment: '代缴费',
  other_service: '其他便民服务',
});
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** What the quantity counts, per kind (the form's label and the list's unit). */
export const LEDGER_UNITS: Record<LedgerKind, string> = {
  poverty_sale: '件',
  proxy_purchase: '件',
  parcel_in: '件',
  parcel_out: '件',
  bill_payment: '笔',
  other_service: '次',
};

export const { codes: LEDGER_STATUSES, labels: LEDGER_STATUS_LABELS } = labelled({ submitted: '待审核', accepted: '已核实', returned: '已退回' });
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** How far back a head may still record (months before the current one). */
export const RECORD_MONTHS_BACK = 12;
/** The most history lines kept on one entry. */
const HISTORY_MAX = 20;

/** What the head fills in (the same for recording and correcting). */
export interface LedgerFields {
  kind: LedgerKind;
  /** 扶贫产品 or item name; the service's name for other services. */
  product?: string;
  quantity: number;
  amountFen: number;
  /** 扶贫产品 only: households who benefited. */
  households?: number;
  /** Optional day within the month (YYYY-MM-DD): entries "as they happen". */
  date?: string;
  note?: string;
}

export interface LedgerHistoryLine {
  at: string;
  action: 'record' | 'correct' | 'accept' | 'return';
  /** Role label of who did it (no openids leave the store). */
  by: 'head' | 'operator';
  reason?: string;
}

export interface LedgerEntry extends LedgerFields {
  id: string;
  stationId: string;
  stationName: string;
  /** Province → … → the station's most specific region (from the station at recording time). */
  regionPath: RegionRef[];
  operatorName: string;
  /** YYYY-MM */
  month: string;
  status: LedgerStatus;
  /** Why the operator returned it (the latest return; cleared on acceptance). */
  returnReason?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
  history: LedgerHistoryLine[];
  version: number;
}

/** The one change a command produces. */
export type LedgerChange = { kind: 'insert'; entry: LedgerEntry } | { kind: 'update'; entry: LedgerEntry; expectedVersion: number };

export class LedgerRuleError extends RuleError {}

const pad = (n: number) => String(n).padStart(2, '0');

export function isMonth(m: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(m);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Month arithmetic on YYYY-MM. */
export function addMonthsTo(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
}

export function monthsBetween(a: string, b: string): number {
  const [y1, m1] = a.split('-').map(Number);
  const [y2, m2] = b.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

/** The first problem with what the head filled in for `month`, given today (Shanghai); null when fine. */
export function fieldsProblem(f: LedgerFields, month: string, today: string): { field: string; message: string } | null {
  const current = today.slice(0, 7);
  if (!isMonth(month)) return { field: 'month', message: '月份格式应为 YYYY-MM' };
  if (month > current) return { field: 'month', message: '不能登记以后月份的台账' };
  if (monthsBetween(month, current) > RECORD_MONTHS_BACK) return { field: 'month', message: `只能登记最近 ${RECORD_MONTHS_BACK} 个月的台账` };
  if (f.date !== undefined) {
    if (f.date.slice(0, 7) !== month) return { field: 'date', message: '日期不在所选月份内' };
    if (f.date > today) return { field: 'date', message: '日期不能晚于今天' };
  }
  const needsProduct = f.kind === 'poverty_sale' || f.kind === 'other_service';
  if (needsProduct && !f.product) return { field: 'product', message: f.kind === 'poverty_sale' ? '请填写扶贫产品名称' : '请填写服务名称' };
  if (f.kind === 'poverty_sale' && f.households === undefined) return { field: 'households', message: '请填写带动的农户数' };
  if (f.kind !== 'poverty_sale' && f.households !== undefined && f.households > 0) return { field: 'households', message: '只有扶贫产品销售填写带动户数' };
  if (f.quantity < 1) return { field: 'quantity', message: '数量至少为 1' };
  // Sales, purchases and bills move money; parcels and other services may be free.
  if ((f.kind === 'poverty_sale' || f.kind === 'proxy_purchase' || f.kind === 'bill_payment') && f.amountFen <= 0) return { field: 'amountFen', message: '请填写金额' };
  return null;
}

function check(f: LedgerFields, month: string, today: string) {
  const p = fieldsProblem(f, month, today);
  if (p) throw new LedgerRuleError(p.message, p.field);
}

/** Only the fields the kind uses (a correction from sale to parcel drops the households). */
export function normalizeFields(f: LedgerFields): LedgerFields {
  const out: LedgerFields = { kind: f.kind, quantity: f.quantity, amountFen: f.amountFen };
  if (f.product) out.product = f.product;
  if (f.kind === 'poverty_sale' && f.households !== undefined) out.households = f.households;
  if (f.date) out.date = f.date;
  if (f.note) out.note = f.note;
  return out;
}

export interface StationFacts {
  id: string;
  name: string;
  regionPath: RegionRef[];
  operatorName: string;
}

export function record(station: StationFacts, month: string, fields: LedgerFields, by: string, now: string, today: string, id: string): LedgerChange {
  check(fields, month, today);
  const entry: LedgerEntry = {
    ...normalizeFields(fields),
    id,
    stationId: station.id,
    stationName: station.name,
    regionPath: station.regionPath,
    operatorName: station.operatorName,
    month,
    status: 'submitted',
    createdBy: by,
    createdAt: now,
    updatedAt: now,
    history: [{ at: now, action: 'record', by: 'head' }],
    version: 1,
  };
  return { kind: 'insert', entry };
}

const withHistory = (e: LedgerEntry, line: LedgerHistoryLine) => [...e.history, line].slice(-HISTORY_MAX);

/** The head corrects a submitted or returned entry; it goes back to the operator. */
export function correct(e: LedgerEntry, fields: LedgerFields, now: string, today: string): LedgerChange {
  if (e.status === 'accepted') throw new LedgerRuleError('已核实的台账不能再修改');
  check(fields, e.month, today);
  const { returnReason: _r, ...rest } = e;
  void _r;
  const base = { ...rest } as LedgerEntry;
  for (const k of ['product', 'households', 'date', 'note'] as const) delete base[k];
  const entry: LedgerEntry = { ...base, ...normalizeFields(fields), status: 'submitted', updatedAt: now, history: withHistory(e, { at: now, action: 'correct', by: 'head' }), version: e.version + 1 };
  // The reason stays readable in the history after the head resubmits.
  return { kind: 'update', entry, expectedVersion: e.version };
}

/** The operator accepts or returns a submitted entry; a return needs a reason. */
export function review(e: LedgerEntry, decision: 'accept' | 'return', by: string, now: string, reason?: string): LedgerChange {
  if (e.status !== 'submitted') throw new LedgerRuleError(e.status === 'accepted' ? '这条台账已核实' : '这条台账已退回，等站点改正后再审核');
  if (decision === 'return' && !reason?.trim()) throw new LedgerRuleError('请写明退回原因', 'reason');
  const { returnReason: _r, ...rest } = e;
  void _r;
  const entry: LedgerEntry = {
    ...rest,
    status: decision === 'accept' ? 'accepted' : 'returned',
    ...(decision === 'return' ? { returnReason: reason!.trim() } : {}),
    reviewedBy: by,
    reviewedAt: now,
    updatedAt: now,
    history: withHistory(e, { at: now, action: decision, by: 'operator', ...(decision === 'return' ? { reason: reason!.trim() } : {}) }),
    version: e.version + 1,
  };
  return { kind: 'update', entry, expectedVersion: e.version };
}

/** "1,234.50" from fen (no toLocaleString: the mini-program's JS engines differ). */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${yuan}.${pad(abs % 100)}`;
}

/** Fen from what a person typed in yuan ("12", "12.5", "12.50"); null when it is not an amount. Exact: no floating point. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
