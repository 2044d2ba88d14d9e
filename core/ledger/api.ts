/**
 * The contract of the `ledger` function: zod inputs with their limits, and the answers as plain
 * types (pages import them as types only).
 */
import { isoDate, optionalText, regionCode, text, z } from '../shared/zod';
import type { LedgerFlag } from './anomalies';
import { LEDGER_KINDS, type LedgerFields, type LedgerStatus } from './model';
import type { GroupLevel, Totals } from './rollup';

/** Limits of one entry: a station's month, not a wholesaler's. */
export const LEDGER_LIMITS = {
  productMax: 30,
  noteMax: 100,
  reasonMax: 200,
  quantityMax: 100_000,
  /** 1,000,000 yuan. */
  amountFenMax: 100_000_000,
  householdsMax: 5_000,
  /** Totals over at most a year. */
  totalsMonthsMax: 12,
} as const;
const L = LEDGER_LIMITS;

const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const entryId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, '记录编号不对'));
export const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));
const count = (max: number, label: string) => z.int(`${label}应为整数`).check(z.gte(0, `${label}不能小于 0`), z.lte(max, `${label}不能大于 ${max}`));

export const fieldsShape = {
  kind: z.enum(LEDGER_KINDS, '请选择台账类型'),
  product: optionalText(L.productMax, '名称'),
  quantity: count(L.quantityMax, '数量'),
  amountFen: count(L.amountFenMax, '金额'),
  households: z.optional(count(L.householdsMax, '带动户数')),
  date: z.optional(isoDate),
  note: optionalText(L.noteMax, '备注'),
};

export const monthInput = z.strictObject({ stationId: z.optional(stationId), month: z.optional(month) });
export const recordInput = z.strictObject({ stationId, month, ...fieldsShape });
export const correctInput = z.strictObject({ id: entryId, ...fieldsShape });
export const queueInput = z.strictObject({
  status: z.optional(z.enum(['submitted', 'returned', 'accepted'], '状态不对')),
  offset: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export const reviewInput = z.strictObject({
  id: entryId,
  decision: z.enum(['accept', 'return'], '请选择核实或退回'),
  reason: z.optional(text(L.reasonMax, '退回原因', { min: 2, tooShort: '请写明退回原因，至少 2 个字' })),
});
/** Without a month: the current one. */
export const totalsInput = z.strictObject({ regionCode: z.optional(regionCode), month: z.optional(month), untilMonth: z.optional(month) });

/** One entry as the pages show it (no openids). */
export interface EntryView extends LedgerFields {
  id: string;
  stationId: string;
  stationName: string;
  month: string;
  kindLabel: string;
  unit: string;
  status: LedgerStatus;
  statusLabel: string;
  returnReason?: string;
  /** Returned earlier and corrected since: the last reason, for the operator's second look. */
  lastReturnReason?: string;
  createdAt: string;
  updatedAt: string;
  flags: LedgerFlag[];
}

export interface MonthView {
  station: { id: string; name: string };
  month: string;
  /** Months the head may still record (newest first). */
  months: string[];
  canRecord: boolean;
  entries: EntryView[];
  totals: Totals;
}

export interface QueuePage {
  items: EntryView[];
  nextOffset: number | null;
}

export interface TotalsView {
  region: { code: string; name: string };
  from: string;
  to: string;
  childLevel: GroupLevel;
  /** The current month where the server is (the latest one worth asking for). */
  thisMonth: string;
  total: Totals;
  children: { key: string | null; name: string; totals: Totals }[];
  /** The regions the caller may look at (their scopes), for switching. */
  scopes: { code: string; name: string }[];
}
