/**
 * Plain tables as an .xlsx through exceljs (figures by handling unit, period reports). Apart from
 * the register's spreadsheets, so the functions that only export tables bundle none of the
 * register's sheet rules.
 */
import ExcelJS from 'exceljs';
import type { Spreadsheets } from '../../core/ports';

/** Plain tables, one sheet each: the first row is the header (bold, frozen). */
export async function tablesWorkbook(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '站点通';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of s.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    for (let i = 1; i <= width; i++) {
      const longest = Math.max(...s.rows.map((r) => String(r[i - 1] ?? '').length));
      sheet.getColumn(i).width = Math.max(8, Math.min(80, longest * 2 + 2));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The part of the Spreadsheets port that writes tables. */
export const tableSheets: Pick<Spreadsheets, 'tables'> = { tables: tablesWorkbook };
