/**
 * Poverty villages (脱贫村) a county imports (issue 12 §4): coverage lists the villages without a
 * point with these first. The county's file has two columns, 行政区划代码 and 村名 (.xlsx or .csv);
 * each row is checked against the county's villages and reported like the station import. An
 * import replaces the county's whole list (the file is the list). Pure.
 */
import type { SheetCell, SheetData } from './register-sheet';
import type { Region } from './model';

export interface PovertyVillage {
  /** The village's 12-digit region code. */
  code: string;
  name: string;
  countyCode: string;
  importedAt: string;
  importedBy: string;
}

export interface PovertyVillageRepository {
  /** Replace the county's list with `villages` (all of the same county). */
  replaceCounty(countyCode: string, villages: PovertyVillage[]): Promise<void>;
  listCounty(countyCode: string): Promise<PovertyVillage[]>;
}

export const MAX_POVERTY_ROWS = 5_000;

export interface PovertyRow {
  row: number;
  code: string;
  name: string;
  errors: string[];
  warnings: string[];
}

export interface PovertyPlan {
  fileErrors: string[];
  villages: PovertyVillage[];
  /** Every row read, in file order. */
  rows: PovertyRow[];
}

const CODE_HEADERS = ['行政区划代码', '区划代码', '村代码', '代码'];
const NAME_HEADERS = ['村名', '村名称', '行政村', '名称'];

function cellText(v: SheetCell | undefined): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
}

/** Reads the county's file against its villages (code → region). */
export function planPovertyImport(sheet: SheetData, county: { code: string; name: string }, villages: ReadonlyMap<string, Region>, by: { openid: string; at: string }): PovertyPlan {
  const headers = sheet.headers.map((h) => h.replace(/\s/g, ''));
  const codeAt = headers.findIndex((h) => CODE_HEADERS.includes(h));
  const nameAt = headers.findIndex((h) => NAME_HEADERS.includes(h));
  const fileErrors: string[] = [];
  if (codeAt < 0) fileErrors.push('缺少“行政区划代码”列');
  if (nameAt < 0) fileErrors.push('缺少“村名”列');
  if (sheet.rows.length > MAX_POVERTY_ROWS) fileErrors.push(`行数太多：最多 ${MAX_POVERTY_ROWS} 行`);
  if (fileErrors.length) return { fileErrors, villages: [], rows: [] };
  const rows: PovertyRow[] = [];
  const seen = new Set<string>();
  const out: PovertyVillage[] = [];
  for (const r of sheet.rows) {
    const code = cellText(r.cells[codeAt]).replace(/\.0+$/, '');
    const name = cellText(r.cells[nameAt]);
    if (!code && !name) continue;
    const row: PovertyRow = { row: r.row, code, name, errors: [], warnings: [] };
    rows.push(row);
    const v = villages.get(code);
    if (!/^\d{12}$/.test(code)) row.errors.push('行政区划代码应为 12 位数字');
    else if (!code.startsWith(county.code)) row.errors.push(`不是${county.name}的村`);
    else if (!v) row.errors.push('没有这个村');
    else if (seen.has(code)) row.errors.push('与前面的行重复');
    if (row.errors.length || !v) continue;
    if (name && name !== v.name) row.warnings.push(`村名与区划不一致，按“${v.name}”记`);
    seen.add(code);
    out.push({ code, name: v.name, countyCode: county.code, importedAt: by.at, importedBy: by.openid });
  }
  if (!rows.length) fileErrors.push('文件里没有村');
  return { fileErrors, villages: out, rows };
}
