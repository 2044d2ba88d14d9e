/**
 * The station register as a spreadsheet (one row per station): the columns of the template and
 * the export, and the import plan — each row checked and matched by 站点编码 against the register,
 * with errors (the row is not imported) kept apart from rule warnings (importable; the warning and
 * any 放宽理由 are recorded with the station, 第十一条4). Pure: the caller reads the file and the
 * existing stations, and persists `plan.changes`.
 */
import { z } from '../shared/zod';
import type { Region, RegionRef, Station } from './model';
import { ruleWarnings, type RuleThresholds, type RuleWarning } from './rules';
import { stationSchema } from './schema';
import {
  formatChannels,
  formatExceptions,
  formatFees,
  formatProcesses,
  formatServices,
  formatWeekly,
  joinItems,
  normaliseDateText,
  parseChannels,
  parseExceptions,
  parseFees,
  parseProcesses,
  parseServices,
  parseWeekly,
  splitItems,
  type Parsed,
} from './sheet-text';
import { SHEET_STATUS_LABELS } from './sheet-labels';
import { LEVEL_LABELS, STATION_LEVELS, STATION_STATUSES, type StationLevel, type StationStatus } from './vocabulary';

/** A cell as the spreadsheet adapter hands it over. */
export type SheetCell = string | number | boolean | Date | { formula: string } | { error: string } | null;

export interface SheetData {
  headers: string[];
  rows: { row: number; cells: SheetCell[] }[];
}

export const MAX_IMPORT_ROWS = 30_000;
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export const COLUMNS = [
  { key: 'code', title: '站点编码', required: true, hint: '大写字母、数字和“-”，如 JX-360731-0001；再次导入时按它匹配' },
  { key: 'name', title: '站点名称', required: true, hint: '按第七条4命名，如“江西电商扶贫工程XX村服务点”' },
  { key: 'level', title: '站点级别', required: true, hint: '县级运营中心 / 乡镇服务站 / 村级服务点' },
  { key: 'regionCode', title: '行政区划代码', required: true, hint: '统计用区划代码：运营中心填县（6位）及以下，服务站填乡镇（9位），服务点填村（12位）' },
  { key: 'address', title: '详细地址', required: true, hint: '' },
  { key: 'lat', title: '纬度', required: true, hint: 'GCJ-02（微信、腾讯地图使用的坐标），如 25.952' },
  { key: 'lng', title: '经度', required: true, hint: 'GCJ-02，如 115.415' },
  { key: 'operatorName', title: '运营单位', required: true, hint: '' },
  { key: 'operatorHotline', title: '运营单位电话', required: true, hint: '' },
  { key: 'platforms', title: '电商平台', required: false, hint: '多个用“、”隔开' },
  { key: 'areaSqm', title: '使用面积（㎡）', required: true, hint: '第七条1：运营中心≥200，服务站≥20，服务点≥10' },
  { key: 'servicePopulation', title: '服务人口', required: true, hint: '第六条1：一般不少于300人' },
  { key: 'weeklyHours', title: '营业时间', required: true, hint: '如“周一至周五 08:30-12:00,14:00-18:00；周六 09:00-12:00”' },
  { key: 'hoursExceptions', title: '特殊营业安排', required: false, hint: '如“2026-10-01 休息（国庆）；2026-10-02 09:00-12:00”' },
  { key: 'services', title: '服务项目', required: true, hint: '第八条的服务项目，用“、”隔开，如“快递收发、便民缴费”' },
  { key: 'processes', title: '服务流程', required: false, hint: '如“寄快递：称重→填单→付款”，多个用“；”隔开' },
  { key: 'commitments', title: '服务承诺', required: false, hint: '多条用“；”隔开' },
  { key: 'fees', title: '收费标准', required: false, hint: '如“寄快递：8元/件（省内首重1公斤）；代缴电费：免费”' },
  { key: 'channels', title: '投诉渠道', required: true, hint: '如“站点电话：0797-5551234；12345政务服务便民热线：12345”' },
  { key: 'contactPhone', title: '联系电话', required: true, hint: '' },
  { key: 'contactPerson', title: '联系人', required: false, hint: '' },
  { key: 'certificateNo', title: '证书编号', required: false, hint: '已认定的站点必填' },
  { key: 'certifiedOn', title: '认定日期', required: false, hint: '如 2025-03-01' },
  { key: 'authority', title: '认定单位', required: false, hint: '如“于都县商务局”' },
  { key: 'status', title: '状态', required: true, hint: '规划中 / 运营单位初审中 / 县级审核中 / 认定公示中 / 已认定 / 运营中 / 整改中 / 已关停' },
  { key: 'infoConfirmedOn', title: '信息核实日期', required: false, hint: '空着：新站点按导入当天' },
  { key: 'relaxationReason', title: '放宽理由', required: false, hint: '不符合第五至七条的标准时，写明放宽的理由（第十一条4）' },
  { key: 'id', title: '系统编号', required: false, hint: '导出时自动填写，新站点不用填' },
  { key: 'demo', title: '演示数据', required: false, hint: '“是”表示演示数据' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const COLUMN_TITLES: Record<ColumnKey, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.title])) as Record<ColumnKey, string>;

export { SHEET_STATUS_LABELS };

const LEVEL_ALIASES = new Map<string, StationLevel>([
  ...STATION_LEVELS.map((l) => [LEVEL_LABELS[l], l] as const),
  ...STATION_LEVELS.map((l) => [l, l] as const),
  ['运营中心', 'county'],
  ['县级', 'county'],
  ['服务站', 'township'],
  ['乡镇', 'township'],
  ['服务点', 'village'],
  ['村级', 'village'],
]);
const STATUS_ALIASES = new Map<string, StationStatus>([
  ...STATION_STATUSES.map((s) => [SHEET_STATUS_LABELS[s], s] as const),
  ...STATION_STATUSES.map((s) => [s, s] as const),
  ['公示中', 'notice'],
  ['已关闭', 'closed'],
]);

/** Where Jiangxi lies (GCJ-02), with a small margin for stations on the border. */
const JIANGXI_BOUNDS = { minLat: 24.45, maxLat: 30.1, minLng: 113.55, maxLng: 118.5 };

export interface RowIssue {
  column: string;
  message: string;
}

export type RowAction = 'import' | 'update' | 'unchanged' | 'reject';

export interface RowOutcome {
  row: number;
  code: string;
  name: string;
  action: RowAction;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Imported or updated rows that carry rule warnings. */
  warned: number;
}

export interface ImportPlan {
  /** Problems with the file as a whole (missing columns, too many rows): nothing is imported. */
  fileErrors: string[];
  /** Columns present but not ours; ignored. */
  ignoredColumns: string[];
  rows: RowOutcome[];
  /** Stations to write (new and updated), complete records. */
  changes: Station[];
  summary: ImportSummary;
}

export interface ImportContext {
  /** A region of Jiangxi by code. */
  region: (code: string) => Region | undefined;
  /**
   * The register the rows are checked against: every station in the counties the file touches
   * and every station whose code appears in the file (see `countiesAndCodes`).
   */
  existing: Station[];
  today: string;
  nowIso: string;
  /** For an official: rows outside these region codes are refused. Absent: the whole province. */
  scopeCodes?: string[];
  /** The minimums the warnings use at a station's region (core/settings); absent: the defaults. */
  thresholds?: (regionCode: string) => RuleThresholds;
}

/** "第 7 行 纬度：不在江西省范围内". */
export function issueText(row: number, issue: RowIssue): string {
  return `第 ${row} 行 ${issue.column}：${issue.message}`;
}

export function summaryLine(s: ImportSummary): string {
  return `${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected`;
}

const normTitle = (t: string) =>
  t
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/平方米|m2|M2/g, '㎡');

const TITLE_TO_KEY = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
  TITLE_TO_KEY.set(normTitle(c.title), c.key);
  TITLE_TO_KEY.set(normTitle(c.title.replace(/（.*）$/, '')), c.key);
}

/** Map header titles to our columns; missing required columns are a file error. */
export function mapHeaders(headers: string[]): { index: Map<ColumnKey, number>; missing: string[]; ignored: string[]; duplicated: string[] } {
  const index = new Map<ColumnKey, number>();
  const ignored: string[] = [];
  const duplicated: string[] = [];
  headers.forEach((h, i) => {
    const title = normTitle(String(h ?? ''));
    if (!title) return;
    const key = TITLE_TO_KEY.get(title);
    if (!key) ignored.push(String(h).trim());
    else if (index.has(key)) duplicated.push(COLUMN_TITLES[key]);
    else index.set(key, i);
  });
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => c.title);
  return { index, missing, ignored, duplicated };
}

// ——— Cells ———

type CellText = Parsed<string>;

function cellText(cell: SheetCell): CellText {
  if (cell === null || cell === undefined) return { value: '' };
  if (typeof cell === 'string') return { value: cell.trim() };
  if (typeof cell === 'number') return { value: Number.isFinite(cell) ? String(cell) : '' };
  if (typeof cell === 'boolean') return { value: cell ? '是' : '否' };
  if (cell instanceof Date) return { value: dateOfCell(cell) ?? '' };
  if ('formula' in cell) return { error: '不能使用公式，请复制后“选择性粘贴为数值”再导入' };
  return { error: '单元格里是错误值，请改正' };
}

function dateOfCell(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // Spreadsheet dates carry no zone: the adapter hands them over as UTC midnight.
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function cellDate(cell: SheetCell): Parsed<string | null> {
  if (cell instanceof Date) {
    const d = dateOfCell(cell);
    return d ? { value: d } : { error: '不是有效日期' };
  }
  if (typeof cell === 'number') {
    // An Excel serial date (days since 1899-12-30) in a cell not formatted as a date.
    if (cell > 30_000 && cell < 80_000 && Number.isInteger(cell)) return { value: dateOfCell(new Date(Date.UTC(1899, 11, 30 + cell))) };
    return { error: '不是日期，应写成 2025-03-01' };
  }
  const t = cellText(cell);
  if (t.error !== undefined) return t;
  if (t.value === '') return { value: null };
  const iso = normaliseDateText(t.value);
  return iso ? { value: iso } : { error: `“${t.value}”不是日期，应写成 2025-03-01` };
}

function cellNumber(cell: SheetCell): Parsed<number | null> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { error: '不是数字' };
  const t = cellText(cell);
  if (t.error !== undefined) return t;
  if (t.value === '') return { value: null };
  const cleaned = t.value.replace(/[,，\s]/g, '').replace(/(㎡|平方米|人|米)$/, '');
  const n = Number(cleaned);
  return cleaned !== '' && Number.isFinite(n) ? { value: n } : { error: `“${t.value}”不是数字` };
}

// ——— Station ⇄ row ———

/** The row an export writes for a station (and the canonical form an import compares). */
export function stationToRow(s: Station): Record<ColumnKey, string | number> {
  const last = s.regionPath[s.regionPath.length - 1];
  return {
    code: s.code,
    name: s.name,
    level: LEVEL_LABELS[s.level],
    regionCode: last.code,
    address: s.address,
    lat: s.location.lat,
    lng: s.location.lng,
    operatorName: s.operator.name,
    operatorHotline: s.operator.hotline,
    platforms: s.platforms.join('、'),
    areaSqm: s.areaSqm,
    servicePopulation: s.servicePopulation,
    weeklyHours: formatWeekly(s.hours),
    hoursExceptions: formatExceptions(s.hours.exceptions),
    services: formatServices(s.services),
    processes: formatProcesses(s.processes),
    commitments: joinItems(s.commitments),
    fees: formatFees(s.fees),
    channels: formatChannels(s.complaintChannels),
    contactPhone: s.contact.phone,
    contactPerson: s.contact.personName ?? '',
    certificateNo: s.certification?.certificateNo ?? '',
    certifiedOn: s.certification?.certifiedOn ?? '',
    authority: s.certification?.authority ?? '',
    status: SHEET_STATUS_LABELS[s.status],
    infoConfirmedOn: s.infoConfirmedOn,
    relaxationReason: s.register?.relaxationReason ?? '',
    id: s.id,
    demo: s.demo ? '是' : '',
  };
}

/** Stations as a sheet in our column order: what an export holds, without the file. */
export function sheetOfStations(stations: Station[]): SheetData {
  return {
    headers: COLUMNS.map((c) => c.title),
    rows: stations.map((s, i) => {
      const row = stationToRow(s);
      return { row: i + 2, cells: COLUMNS.map((c) => row[c.key]) };
    }),
  };
}

/** The region path from the province down to `code`, or null when a link is missing. */
function regionPathOf(code: string, region: ImportContext['region']): RegionRef[] | null {
  const path: RegionRef[] = [];
  let current = region(code);
  while (current) {
    path.unshift({ code: current.code, name: current.name });
    current = current.parentCode ? region(current.parentCode) : undefined;
  }
  return path.length && path[0].code === '36' ? path : null;
}

const MIN_DEPTH: Record<StationLevel, number> = { county: 3, township: 4, village: 5 };
const DEPTH_TEXT: Record<StationLevel, string> = { county: '县（6位）', township: '乡镇（9位）', village: '村（12位）' };

/** zod path → our column, for messages that name what the official sees. */
function columnOfPath(path: readonly PropertyKey[]): ColumnKey {
  const [a, b] = path.map(String);
  switch (a) {
    case 'location':
      return b === 'lng' ? 'lng' : 'lat';
    case 'operator':
      return b === 'name' ? 'operatorName' : 'operatorHotline';
    case 'hours':
      return b === 'exceptions' ? 'hoursExceptions' : 'weeklyHours';
    case 'complaintChannels':
      return 'channels';
    case 'contact':
      return b === 'personName' ? 'contactPerson' : 'contactPhone';
    case 'certification':
      return b === 'certifiedOn' ? 'certifiedOn' : b === 'authority' ? 'authority' : 'certificateNo';
    case 'regionPath':
      return 'regionCode';
    default:
      return (COLUMNS.some((c) => c.key === a) ? a : 'name') as ColumnKey;
  }
}

function schemaMessage(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input' && !/^Invalid|^Too|^Expected/.test(issue.message)) return issue.message;
  if (issue.code === 'too_big') return issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
  if (issue.code === 'too_small') return issue.origin === 'array' ? `至少 ${issue.minimum} 项` : issue.origin === 'string' ? '不能为空' : `不能小于 ${issue.minimum}`;
  return '格式不对';
}

interface ReadRow {
  station: Station | null;
  errors: RowIssue[];
  warnings: RuleWarning[];
}

/**
 * One row → a complete station record, or its errors. `previous` is the registered station with the
 * same code: fields the sheet does not carry (photos) and empty optional cells keep its values.
 */
export function readRow(cells: (key: ColumnKey) => SheetCell, previous: Station | undefined, ctx: Pick<ImportContext, 'region' | 'today' | 'nowIso' | 'thresholds'>): ReadRow {
  const errors: RowIssue[] = [];
  const fail = (key: ColumnKey, message: string) => {
    if (!errors.some((e) => e.column === COLUMN_TITLES[key])) errors.push({ column: COLUMN_TITLES[key], message });
  };
  const text = (key: ColumnKey): string => {
    const t = cellText(cells(key));
    if (t.error !== undefined) {
      fail(key, t.error);
      return '';
    }
    return t.value;
  };
  const required = (key: ColumnKey): string => {
    const v = text(key);
    if (v === '' && !errors.some((e) => e.column === COLUMN_TITLES[key])) fail(key, '必填');
    return v;
  };
  const parsed = <T>(key: ColumnKey, parse: (cell: string) => Parsed<T>, fallback: T, isRequired = false): T => {
    const v = isRequired ? required(key) : text(key);
    if (v === '') return fallback;
    const r = parse(v);
    if (r.error !== undefined) {
      fail(key, r.error);
      return fallback;
    }
    return r.value as T;
  };
  const number = (key: ColumnKey): number => {
    const r = cellNumber(cells(key));
    if (r.error !== undefined) fail(key, r.error);
    else if (r.value === null) fail(key, '必填');
    return r.value ?? 0;
  };
  const date = (key: ColumnKey): string | null => {
    const r = cellDate(cells(key));
    if (r.error !== undefined) {
      fail(key, r.error);
      return null;
    }
    return r.value;
  };

  const code = required('code').toUpperCase();
  if (code && !/^[A-Z0-9-]{4,30}$/.test(code)) fail('code', '只能用字母、数字和“-”，4 到 30 位');
  const name = required('name');
  const levelText = required('level');
  const level = LEVEL_ALIASES.get(levelText);
  if (levelText && !level) fail('level', `应为 ${STATION_LEVELS.map((l) => LEVEL_LABELS[l]).join(' / ')}`);
  const statusText = required('status');
  const status = STATUS_ALIASES.get(statusText);
  if (statusText && !status) fail('status', `应为 ${STATION_STATUSES.map((s) => SHEET_STATUS_LABELS[s]).join(' / ')}`);

  const regionText = required('regionCode').replace(/\s+/g, '');
  let regionPath: RegionRef[] | null = null;
  if (regionText) {
    if (!/^36\d{4}(\d{3}(\d{3})?)?$/.test(regionText)) fail('regionCode', '应为江西省的 6 位、9 位或 12 位区划代码');
    else {
      regionPath = regionPathOf(regionText, ctx.region);
      if (!regionPath) fail('regionCode', `没有这个区划代码：${regionText}`);
      else if (level && regionPath.length < MIN_DEPTH[level]) fail('regionCode', `${LEVEL_LABELS[level]}的区划代码应到${DEPTH_TEXT[level]}`);
    }
  }

  const lat = number('lat');
  const lng = number('lng');
  const latOk = !errors.some((e) => e.column === COLUMN_TITLES.lat);
  const lngOk = !errors.some((e) => e.column === COLUMN_TITLES.lng);
  if (latOk && lngOk) {
    const inLat = (v: number) => v >= JIANGXI_BOUNDS.minLat && v <= JIANGXI_BOUNDS.maxLat;
    const inLng = (v: number) => v >= JIANGXI_BOUNDS.minLng && v <= JIANGXI_BOUNDS.maxLng;
    if (!inLat(lat) && !inLng(lng) && inLat(lng) && inLng(lat)) fail('lat', '纬度和经度好像填反了');
    else {
      if (!inLat(lat)) fail('lat', '不在江西省范围内');
      if (!inLng(lng)) fail('lng', '不在江西省范围内');
    }
  }

  const weekly = parsed('weeklyHours', parseWeekly, [], true);
  const exceptions = parsed('hoursExceptions', parseExceptions, []);
  const services = parsed('services', parseServices, [], true);
  const processes = parsed('processes', parseProcesses, []);
  const fees = parsed('fees', parseFees, []);
  const channels = parsed('channels', parseChannels, [], true);
  const commitments = splitItems(text('commitments'));
  const platforms = splitItems(text('platforms'), /[、，,；;\n\r]+/);

  const certificateNo = text('certificateNo');
  const certifiedOn = date('certifiedOn');
  const authority = text('authority');
  const anyCert = certificateNo || certifiedOn || authority;
  if (status && ['certified', 'active', 'rectification'].includes(status)) {
    if (!certificateNo) fail('certificateNo', `状态为“${SHEET_STATUS_LABELS[status]}”时必填`);
    if (!certifiedOn && !errors.some((e) => e.column === COLUMN_TITLES.certifiedOn)) fail('certifiedOn', `状态为“${SHEET_STATUS_LABELS[status]}”时必填`);
    if (!authority) fail('authority', `状态为“${SHEET_STATUS_LABELS[status]}”时必填`);
  } else if (anyCert && !(certificateNo && certifiedOn && authority)) {
    fail(!certificateNo ? 'certificateNo' : !certifiedOn ? 'certifiedOn' : 'authority', '证书编号、认定日期、认定单位要一起填');
  }
  if (certifiedOn && certifiedOn > ctx.today) fail('certifiedOn', '认定日期不能晚于今天');

  const infoConfirmedOn = date('infoConfirmedOn') ?? previous?.infoConfirmedOn ?? ctx.today;
  if (infoConfirmedOn > ctx.today) fail('infoConfirmedOn', '核实日期不能晚于今天');

  const idText = text('id').toLowerCase();
  if (idText && previous && idText !== previous.id) fail('id', '与已登记的同编码站点不一致，请不要修改系统编号');
  if (idText && !/^[a-z0-9-]{3,40}$/.test(idText)) fail('id', '格式不对');
  const demoText = text('demo');
  const relaxationReason = text('relaxationReason');
  if (relaxationReason.length > 200) fail('relaxationReason', '最多 200 个字');

  const candidate = {
    id: previous?.id ?? (idText || `st-${code.toLowerCase()}`),
    code,
    level: level ?? 'village',
    name,
    regionPath: regionPath ?? [],
    address: required('address'),
    location: { lat, lng, datum: 'GCJ-02' as const },
    operator: { name: required('operatorName'), hotline: required('operatorHotline') },
    platforms,
    areaSqm: number('areaSqm'),
    servicePopulation: number('servicePopulation'),
    photos: previous?.photos ?? [],
    hours: { weekly, exceptions },
    services,
    processes,
    commitments,
    fees,
    complaintChannels: channels,
    contact: { phone: required('contactPhone'), ...(text('contactPerson') ? { personName: text('contactPerson') } : {}) },
    status: status ?? 'planned',
    certification: certificateNo && certifiedOn && authority ? { certificateNo, certifiedOn, authority } : null,
    infoConfirmedOn,
    updatedAt: ctx.nowIso,
    ...(demoText === '是' || (previous?.demo && demoText !== '否') ? { demo: true } : {}),
  };
  if (errors.length) return { station: null, errors, warnings: [] };

  const checked = stationSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) fail(columnOfPath(issue.path), schemaMessage(issue));
    return { station: null, errors, warnings: [] };
  }
  const station: Station = { ...(checked.data as Station) };
  const warnings = ruleWarnings(station, ctx.thresholds?.(station.regionPath[station.regionPath.length - 1]?.code ?? '36'));
  if (relaxationReason || warnings.length) station.register = { warnings, ...(relaxationReason ? { relaxationReason } : {}) };
  return { station, errors, warnings };
}

/**
 * The counties a sheet's rows fall in and the station codes it names (what the caller loads as
 * `existing`), and the well-formed region codes it names (whose regions the caller looks up).
 */
export function countiesAndCodes(sheet: SheetData): { counties: string[]; codes: string[]; regionCodes: string[] } {
  const { index } = mapHeaders(sheet.headers);
  const counties = new Set<string>();
  const codes = new Set<string>();
  const regionCodes = new Set<string>();
  const at = (row: SheetCell[], key: ColumnKey) => {
    const i = index.get(key);
    const t = i === undefined ? { value: '' } : cellText(row[i] ?? null);
    return t.error === undefined ? t.value : '';
  };
  for (const { cells } of sheet.rows) {
    const region = at(cells, 'regionCode').replace(/\s+/g, '');
    if (/^36\d{4}/.test(region)) counties.add(region.slice(0, 6));
    if (/^36\d{4}(\d{3}(\d{3})?)?$/.test(region)) regionCodes.add(region);
    const code = at(cells, 'code').toUpperCase();
    if (code) codes.add(code);
  }
  return { counties: [...counties].sort(), codes: [...codes].sort(), regionCodes: [...regionCodes].sort() };
}

const LAYOUT: Record<StationLevel, { depth: number; code: RuleWarning['code']; text: (place: string) => string }> = {
  county: { depth: 3, code: 'LAYOUT_COUNTY', text: (p) => `${p}已有另一个运营中心（第五条3：每县一个）` },
  township: { depth: 4, code: 'LAYOUT_TOWNSHIP', text: (p) => `${p}已有另一个服务站（第五条3：每个乡镇一个）` },
  village: { depth: 5, code: 'LAYOUT_VILLAGE', text: (p) => `${p}已有另一个服务点（第五条3：每村最多一个）` },
};

function sameRow(a: Station, b: Station): boolean {
  return JSON.stringify(stationToRow(a)) === JSON.stringify(stationToRow(b));
}

/** Check every row and decide what to write. Nothing is written when the file itself is wrong. */
export function planImport(sheet: SheetData, ctx: ImportContext): ImportPlan {
  const empty: ImportSummary = { imported: 0, updated: 0, unchanged: 0, rejected: 0, warned: 0 };
  const headers = mapHeaders(sheet.headers);
  const fileErrors: string[] = [];
  if (headers.missing.length) fileErrors.push(`缺少这些列：${headers.missing.join('、')}。请用“下载模板”得到的表格填写`);
  if (headers.duplicated.length) fileErrors.push(`这些列出现了两次：${headers.duplicated.join('、')}`);
  if (sheet.rows.length > MAX_IMPORT_ROWS) fileErrors.push(`一次最多导入 ${MAX_IMPORT_ROWS} 行，这个文件有 ${sheet.rows.length} 行，请分县导入`);
  if (!fileErrors.length && sheet.rows.length === 0) fileErrors.push('表格里没有站点数据');
  if (fileErrors.length) return { fileErrors, ignoredColumns: headers.ignored, rows: [], changes: [], summary: empty };

  const byCode = new Map(ctx.existing.map((s) => [s.code, s]));
  const idOwner = new Map(ctx.existing.map((s) => [s.id, s.code]));
  const seenCodes = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  const read: { outcome: RowOutcome; station: Station | null; previous?: Station }[] = [];

  for (const { row, cells } of sheet.rows) {
    const cellOf = (key: ColumnKey): SheetCell => {
      const i = headers.index.get(key);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const codeText = cellText(cellOf('code'));
    const code = (codeText.value ?? '').toUpperCase();
    const previous = byCode.get(code);
    const r = readRow(cellOf, previous, ctx);
    const outcome: RowOutcome = { row, code, name: cellText(cellOf('name')).value ?? '', action: 'reject', errors: r.errors, warnings: r.warnings.map((w) => ({ column: columnOfWarning(w), message: w.message })) };
    const outside = (path: RegionRef[] | undefined) => !!ctx.scopeCodes && !!path && !path.some((r) => ctx.scopeCodes?.includes(r.code));
    if (outside(r.station?.regionPath) || outside(previous?.regionPath)) outcome.errors.push({ column: COLUMN_TITLES.regionCode, message: '不在您管辖的地区内' });
    if (code && seenCodes.has(code)) outcome.errors.push({ column: COLUMN_TITLES.code, message: `与第 ${seenCodes.get(code)} 行的站点编码重复` });
    else if (code) seenCodes.set(code, row);
    if (r.station && !previous) {
      const owner = idOwner.get(r.station.id);
      if (owner && owner !== code) outcome.errors.push({ column: COLUMN_TITLES.id, message: `已被站点 ${owner} 使用` });
      else idOwner.set(r.station.id, code);
    }
    outcomes.push(outcome);
    read.push({ outcome, station: outcome.errors.length ? null : r.station, previous });
  }

  // 第五条3 over the register as it would be: the existing stations with the file's rows applied.
  const register = new Map(byCode);
  for (const { station } of read) if (station) register.set(station.code, station);
  const units = new Map<string, Station[]>();
  for (const s of register.values()) {
    if (s.status === 'closed') continue;
    const layout = LAYOUT[s.level];
    const unit = s.regionPath[layout.depth - 1];
    if (!unit) continue;
    const key = `${s.level}:${unit.code}`;
    units.set(key, [...(units.get(key) ?? []), s]);
  }
  for (const entry of read) {
    const s = entry.station;
    if (!s || s.status === 'closed') continue;
    const layout = LAYOUT[s.level];
    const unit = s.regionPath[layout.depth - 1];
    const others = unit ? (units.get(`${s.level}:${unit.code}`) ?? []).filter((o) => o.code !== s.code) : [];
    if (others.length === 0) continue;
    const warning: RuleWarning = { code: layout.code, message: `${layout.text(unit.name)}：${others.map((o) => o.code).slice(0, 3).join('、')}` };
    entry.outcome.warnings.push({ column: COLUMN_TITLES.regionCode, message: warning.message });
    s.register = { ...s.register, warnings: [...(s.register?.warnings ?? []), warning] };
  }

  const changes: Station[] = [];
  const summary = { ...empty };
  for (const { outcome, station, previous } of read) {
    if (!station) {
      outcome.action = 'reject';
      summary.rejected++;
      continue;
    }
    if (previous && sameRow(previous, station)) {
      outcome.action = 'unchanged';
      summary.unchanged++;
      continue;
    }
    outcome.action = previous ? 'update' : 'import';
    if (previous) summary.updated++;
    else summary.imported++;
    if (outcome.warnings.length) summary.warned++;
    changes.push(station);
  }
  return { fileErrors, ignoredColumns: headers.ignored, rows: outcomes, changes, summary };
}

function columnOfWarning(w: RuleWarning): string {
  switch (w.code) {
    case 'AREA_BELOW_MINIMUM':
      return COLUMN_TITLES.areaSqm;
    case 'POPULATION_BELOW_NORM':
      return COLUMN_TITLES.servicePopulation;
    case 'NAME_FORMAT':
      return COLUMN_TITLES.name;
    default:
      return COLUMN_TITLES.regionCode;
  }
}
