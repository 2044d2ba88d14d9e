/**
 * Figures by handling unit (issue 11 §4): per unit (operator, station, county office) and per
 * category over a period, so a unit can be assessed. The definitions are written once here
 * (FIGURE_DEFINITIONS) and shown on the page and in the export's 指标说明 sheet.
 * Pure: the caller loads the complaints; the counts and rates come from them alone.
 */
import { toShanghai } from '../shared/time';
import { CATEGORY_LABELS, COMPLAINT_CATEGORIES, type Assignee, type Complaint, type ComplaintCategory } from './model';

/** Most complaints one figures request reads: beyond it the caller narrows the period or region. */
export const MAX_FIGURE_COMPLAINTS = 20_000;
/** Longest period, in days, one request may cover. */
export const MAX_FIGURE_DAYS = 731;

export const FIGURE_COUNTS = ['total', 'accepted', 'acceptedOnTime', 'replied', 'repliedOnTime', 'evaluated', 'satisfied', 'declined', 'extended'] as const;
export type FigureCount = (typeof FIGURE_COUNTS)[number];
export const FIGURE_RATES = ['acceptOnTimeRate', 'replyOnTimeRate', 'satisfactionRate'] as const;
export type FigureRate = (typeof FIGURE_RATES)[number];

/** What each figure means, in the words officials read on the page and in the export. */
export const FIGURE_DEFINITIONS: readonly { key: FigureCount | FigureRate; label: string; definition: string }[] = [
  { key: 'total', label: '投诉件数', definition: '时间段内提交、由该单位办理的投诉件数（已转办的算承办单位，未转办的算县级主管部门）。' },
  { key: 'accepted', label: '已受理', definition: '其中已受理的件数。' },
  { key: 'acceptedOnTime', label: '按期受理', definition: '在受理期限（提交后的工作日期限）当天或之前受理的件数。' },
  { key: 'acceptOnTimeRate', label: '按期受理率', definition: '按期受理 ÷ 已受理；没有已受理的件时不计算。' },
  { key: 'replied', label: '已答复', definition: '已答复的件数（答复后被重新打开的也算）。' },
  { key: 'repliedOnTime', label: '按期答复', definition: '在答复期限（含批准的延期）当天或之前答复的件数。' },
  { key: 'replyOnTimeRate', label: '按期答复率', definition: '按期答复 ÷ 已答复；没有已答复的件时不计算。' },
  { key: 'evaluated', label: '已评价', definition: '已办结且投诉人作了评价（满意、基本满意、不满意）的件数；未评价的不算。' },
  { key: 'satisfied', label: '满意', definition: '评价为满意或基本满意的件数。' },
  { key: 'satisfactionRate', label: '满意率', definition: '满意 ÷ 已评价；没有评价时不计算。' },
  { key: 'declined', label: '退单', definition: '该单位把转办的投诉退回的次数（算在退单的单位名下，不论现在由谁办理）。' },
  { key: 'extended', label: '延期', definition: '答复期限被延期过的件数。' },
];

export type UnitKind = 'operator' | 'station' | 'county';
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { operator: '运营商', station: '站点', county: '县级主管部门' };

export type FigureRow = Record<FigureCount, number> & Record<FigureRate, number | null>;

export interface UnitFigures extends FigureRow {
  unitKey: string;
  kind: UnitKind;
  kindLabel: string;
  name: string;
}

export interface CategoryFigures extends FigureRow {
  category: ComplaintCategory;
  label: string;
}

export interface FiguresResult {
  byUnit: UnitFigures[];
  byCategory: CategoryFigures[];
  totals: FigureRow;
}

/** The period: Shanghai calendar days, both ends included. */
export interface FigurePeriod {
  from: string;
  to: string;
}

export function inPeriod(c: Pick<Complaint, 'submittedAt'>, p: FigurePeriod): boolean {
  const day = toShanghai(new Date(c.submittedAt)).date;
  return day >= p.from && day <= p.to;
}

interface Unit {
  key: string;
  kind: UnitKind;
  name: string;
}

/** The county office of a complaint's station: the region code at county level (6 digits). */
function countyOf(c: Pick<Complaint, 'regionCodes'>): string {
  return c.regionCodes.find((r) => r.length === 6) ?? c.regionCodes[c.regionCodes.length - 1] ?? '';
}

function unitOfAssignee(a: Assignee, c: Pick<Complaint, 'stationName'>): Unit {
  return a.kind === 'operator'
    ? { key: `operator:${a.operatorName}`, kind: 'operator', name: a.operatorName }
    : { key: `station:${a.stationId}`, kind: 'station', name: c.stationName };
}

/** Who handles a complaint: its current assignee, or the county office when it was not handed on. */
export function unitOf(c: Pick<Complaint, 'assignee' | 'stationName' | 'regionCodes'>): Unit {
  if (c.assignee) return unitOfAssignee(c.assignee, c);
  const county = countyOf(c);
  return { key: `county:${county}`, kind: 'county', name: `县级主管部门（${county}）` };
}

function emptyRow(): FigureRow {
  const row = {} as FigureRow;
  for (const k of FIGURE_COUNTS) row[k] = 0;
  for (const k of FIGURE_RATES) row[k] = null;
  return row;
}

/** The counts one complaint adds to its unit and category (退单 counted separately: they go to the declining unit). */
function countsOf(c: Complaint): Omit<Record<FigureCount, number>, 'declined'> {
  const acceptedDay = c.acceptedAt ? toShanghai(new Date(c.acceptedAt)).date : null;
  const replied = c.reply !== null || c.replyOnTime !== null;
  const evaluated = c.status === 'closed' && (c.evaluation === 'satisfied' || c.evaluation === 'basically' || c.evaluation === 'unsatisfied');
  return {
    total: 1,
    accepted: acceptedDay ? 1 : 0,
    acceptedOnTime: acceptedDay && acceptedDay <= c.acceptDueOn ? 1 : 0,
    replied: replied ? 1 : 0,
    repliedOnTime: replied && c.replyOnTime === true ? 1 : 0,
    evaluated: evaluated ? 1 : 0,
    satisfied: evaluated && c.evaluation !== 'unsatisfied' ? 1 : 0,
    extended: c.extension !== null ? 1 : 0,
  };
}

const ratio = (n: number, d: number): number | null => (d ? n / d : null);

function withRates<T extends FigureRow>(row: T): T {
  row.acceptOnTimeRate = ratio(row.acceptedOnTime, row.accepted);
  row.replyOnTimeRate = ratio(row.repliedOnTime, row.replied);
  row.satisfactionRate = ratio(row.satisfied, row.evaluated);
  return row;
}

/**
 * Figures of the complaints submitted in the period. Every complaint counts in exactly one unit and
 * one category, and every 退单 once in each view, so both views add up to the same totals.
 */
export function computeFigures(complaints: readonly Complaint[], period: FigurePeriod): FiguresResult {
  const units = new Map<string, UnitFigures>();
  const categories = new Map<ComplaintCategory, CategoryFigures>();
  const totals = emptyRow();
  const unitRow = (u: Unit) => {
    let row = units.get(u.key);
    if (!row) units.set(u.key, (row = { ...emptyRow(), unitKey: u.key, kind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind], name: u.name }));
    return row;
  };
  const categoryRow = (cat: ComplaintCategory) => {
    let row = categories.get(cat);
    if (!row) categories.set(cat, (row = { ...emptyRow(), category: cat, label: CATEGORY_LABELS[cat] }));
    return row;
  };
  for (const c of complaints) {
    if (!inPeriod(c, period)) continue;
    const counts = countsOf(c);
    const u = unitRow(unitOf(c));
    const k = categoryRow(c.category);
    for (const [key, n] of Object.entries(counts) as [FigureCount, number][]) {
      u[key] += n;
      k[key] += n;
      totals[key] += n;
    }
    for (const r of c.returns ?? []) {
      unitRow(unitOfAssignee(r.assignee, c)).declined += 1;
      k.declined += 1;
      totals.declined += 1;
    }
  }
  const order = COMPLAINT_CATEGORIES.map(([c]) => c);
  return {
    byUnit: [...units.values()].map(withRates).sort((a, b) => b.total - a.total || (a.unitKey < b.unitKey ? -1 : a.unitKey > b.unitKey ? 1 : 0)),
    byCategory: [...categories.values()].map(withRates).sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)),
    totals: withRates(totals),
  };
}

/** A rate as the page and the export show it: 87.5%, or 不计算 when there is nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '不计算' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The columns of both views, in order: the page's table and the export's sheets use these. */
export const FIGURE_COLUMNS: readonly (FigureCount | FigureRate)[] = [
  'total',
  'accepted',
  'acceptedOnTime',
  'acceptOnTimeRate',
  'replied',
  'repliedOnTime',
  'replyOnTimeRate',
  'evaluated',
  'satisfied',
  'satisfactionRate',
  'declined',
  'extended',
];

export const FIGURE_LABELS = Object.fromEntries(FIGURE_DEFINITIONS.map((d) => [d.key, d.label])) as Record<FigureCount | FigureRate, string>;

/** One cell of a figure row as text (counts as numbers, rates formatted). */
export function figureCell(row: FigureRow, key: FigureCount | FigureRate): string | number {
  return (FIGURE_RATES as readonly string[]).includes(key) ? formatRate(row[key as FigureRate]) : row[key as FigureCount];
}

/** The export's sheets: 按承办单位, 按类型, 指标说明 — headers and cells from the same tables as the page. */
export function figureSheets(r: FiguresResult, period: FigurePeriod): { name: string; rows: (string | number)[][] }[] {
  const head = FIGURE_COLUMNS.map((k) => FIGURE_LABELS[k]);
  const cells = (row: FigureRow) => FIGURE_COLUMNS.map((k) => figureCell(row, k));
  return [
    {
      name: '按承办单位',
      rows: [['单位类型', '承办单位', ...head], ...r.byUnit.map((u) => [u.kindLabel, u.name, ...cells(u)]), ['合计', '', ...cells(r.totals)]],
    },
    {
      name: '按类型',
      rows: [['投诉类型', ...head], ...r.byCategory.map((c) => [c.label, ...cells(c)]), ['合计', ...cells(r.totals)]],
    },
    {
      name: '指标说明',
      rows: [['指标', '含义'], ...FIGURE_DEFINITIONS.map((d) => [d.label, d.definition]), ['时间段', `${period.from} 至 ${period.to}（按提交日期，北京时间）`]],
    },
  ];
}
