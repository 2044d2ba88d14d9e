/**
 * Spreadsheet files for the station register, through exceljs: read an uploaded .xlsx or .csv into
 * plain cells (core/station/register-sheet.ts decides what they mean), and write the template and
 * exports. CSV is written as UTF-8 with a BOM so Excel opens it; a CSV that Excel saved in GB18030
 * (the Chinese Windows default) is read too. Files over the size or row limit are refused whole.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, stationToRow, type ColumnKey, type SheetCell, type SheetData } from '../../core/station/register-sheet';
import type { Spreadsheets } from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import type { Station } from '../../core/station/model';
import { LEVEL_LABELS, STATION_LEVELS, STATION_STATUSES } from '../../core/station/vocabulary';
import { SHEET_STATUS_LABELS } from '../../core/station/register-sheet';
import { tablesWorkbook } from './tables';

export type SheetKind = 'xlsx' | 'csv';

/** A file that cannot be read as a register sheet; `message` is for the official. */
export class SheetFileError extends AppError {
  constructor(message: string) {
    super('VALIDATION_ERROR', message, { file: message });
    this.name = 'SheetFileError';
  }
}

const SHEET_NAME = '站点登记表';
const NOTES_SHEET = '填写说明';

/** What kind of file the bytes are, whatever the name says. */
export function sniffKind(bytes: Uint8Array): SheetKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new SheetFileError('这是旧版 Excel（.xls）文件，请在 Excel 里“另存为” .xlsx 后再导入');
  }
  if (bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new SheetFileError('这是 PDF 文件，请上传 Excel 表格（.xlsx）或 CSV 文件');
  }
  // Text: no NUL bytes in the first 4 KB.
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) throw new SheetFileError('这不是 Excel 表格（.xlsx）或 CSV 文件');
  return 'csv';
}

/** UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves CSV. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function toCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // ="360731100000": how our CSV export keeps long codes as text in Excel.
    const quoted = /^="(.*)"$/.exec(value);
    return quoted ? quoted[1] : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { formula: String(v.formula ?? v.sharedFormula) };
    if ('error' in v) return { error: String(v.error) };
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((p) => p.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object' && Array.isArray((v.text as { richText?: unknown }).richText)) {
      return ((v.text as { richText: { text: string }[] }).richText).map((p) => p.text).join('');
    }
  }
  return String(value);
}

function rowCells(values: unknown): SheetCell[] {
  // exceljs row.values is 1-based (index 0 unused).
  const list = Array.isArray(values) ? values.slice(1) : [];
  return Array.from({ length: list.length }, (_, i) => toCell(list[i]));
}

const isEmptyRow = (cells: SheetCell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Read the first worksheet: the header row, then data rows (row numbers as Excel shows them). */
export async function readSheet(bytes: Uint8Array): Promise<SheetData> {
  if (bytes.length === 0) throw new SheetFileError('文件是空的');
  if (bytes.length > MAX_IMPORT_BYTES) throw new SheetFileError(`文件太大（${Math.ceil(bytes.length / 1024 / 1024)} MB），一次最多 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分县导入`);
  const kind = sniffKind(bytes);
  const out: SheetData = { headers: [], rows: [] };
  let tooMany = false;
  const take = (rowNumber: number, values: unknown) => {
    const cells = rowCells(values);
    if (rowNumber === 1 || out.headers.length === 0) {
      if (isEmptyRow(cells)) return;
      out.headers = cells.map((c) => (c === null ? '' : String(toCell(c))));
      return;
    }
    if (isEmptyRow(cells)) return;
    if (out.rows.length >= MAX_IMPORT_ROWS) {
      tooMany = true;
      return;
    }
    out.rows.push({ row: rowNumber, cells });
  };

  if (kind === 'csv') {
    const workbook = new ExcelJS.Workbook();
    const text = decodeCsv(bytes);
    let sheet: ExcelJS.Worksheet;
    try {
      sheet = await workbook.csv.read(Readable.from([text]), {
        // Keep every value as typed: no guessing numbers (phones lose their leading 0) or dates.
        map: (value: unknown) => (value === '' ? null : value),
        parserOptions: { maxRows: MAX_IMPORT_ROWS + 2 },
      });
    } catch {
      throw new SheetFileError('CSV 文件读不出来，请检查是否为逗号分隔的表格');
    }
    sheet.eachRow({ includeEmpty: false }, (row, n) => take(n, row.values));
    if (sheet.rowCount > MAX_IMPORT_ROWS + 1) tooMany = true;
  } else {
    // Not exceljs's streaming reader: it garbles Chinese characters split across its chunks.
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new SheetFileError('Excel 文件读不出来，可能已损坏，请重新保存为 .xlsx 后再试');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new SheetFileError('Excel 文件里没有工作表');
    if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) tooMany = true;
    else sheet.eachRow({ includeEmpty: false }, (row, n) => take(n, row.values));
  }
  if (out.headers.length === 0) throw new SheetFileError('表格是空的：第一行应是列名（站点编码、站点名称……）');
  if (tooMany) throw new SheetFileError(`一次最多导入 ${MAX_IMPORT_ROWS} 行，请分县导入`);
  return out;
}

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

function addRegisterSheet(workbook: ExcelJS.Workbook, rows: Record<ColumnKey, string | number>[]) {
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.title, key: c.key, width: Math.max(10, Math.min(40, c.title.length * 2 + 6)) }));
  // Codes are text: a 12-digit region code typed as a number would show as 3.60731E+11.
  for (const key of ['code', 'regionCode', 'operatorHotline', 'contactPhone', 'id'] as const) sheet.getColumn(key).numFmt = '@';
  const header = sheet.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    if (c.hint) cell.note = c.hint;
  });
  for (const row of rows) sheet.addRow(row);
  const last = Math.max(rows.length + 1, 2000);
  const col = (key: ColumnKey) => sheet.getColumn(key).letter;
  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: false, formulae: [`"${values.join(',')}"`] });
  // Worksheet.dataValidations exists at runtime; the type declarations omit it.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations;
  validations.add(`${col('level')}2:${col('level')}${last}`, list(STATION_LEVELS.map((l) => LEVEL_LABELS[l])));
  validations.add(`${col('status')}2:${col('status')}${last}`, list(STATION_STATUSES.map((s) => SHEET_STATUS_LABELS[s])));
  return sheet;
}

function addNotesSheet(workbook: ExcelJS.Workbook) {
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '列名', key: 'title', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '怎么填', key: 'hint', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of COLUMNS) notes.addRow({ title: c.title, required: c.required ? '是' : '', hint: c.hint });
  notes.addRow({});
  notes.addRow({ title: '说明', hint: '每行一个站点；再次导入同一站点编码时更新该站点，内容没变的行不会改动。导入前会先预览，有错误的行不导入。' });
}

/** The empty template a county fills in (the first sheet's first row is the header). */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '站点通';
  addRegisterSheet(workbook, []);
  addNotesSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The register as .xlsx or .csv; either re-imports unchanged. */
export async function exportStations(stations: Station[], kind: SheetKind): Promise<Buffer> {
  const rows = stations.map(stationToRow);
  if (kind === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '站点通';
    addRegisterSheet(workbook, rows);
    addNotesSheet(workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.addRow(COLUMNS.map((c) => c.title));
  for (const row of rows) {
    sheet.addRow(COLUMNS.map((c) => (c.key === 'regionCode' && String(row.regionCode).length > 11 ? `="${row.regionCode}"` : row[c.key])));
  }
  const csv = await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: false } });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(csv)]);
}

/** The Spreadsheets port over exceljs. */
export const spreadsheets: Spreadsheets = {
  read: readSheet,
  template: templateWorkbook,
  write: exportStations,
  tables: tablesWorkbook,
};
