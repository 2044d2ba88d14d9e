/**
 * The register's spreadsheet files through exceljs and `npm run stations` on a real local database:
 * templates, round trips of the demo register in both formats, and bad files that must import nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeCsv, exportStations, readSheet, SheetFileError, templateWorkbook } from '../../adapters/platform/spreadsheet';
import { COLUMNS, MAX_IMPORT_ROWS, planImport, summaryLine } from '../../core/station/register-sheet';
import { demoStations } from '../../seed/demo';
import { regionIndex } from '../../seed/regions';

const TODAY = '2026-12-04';
const root = resolve(__dirname, '..', '..');
const stations = demoStations(TODAY).filter((s) => s.regionPath[2].code === '360881');
const index = regionIndex();
const ctx = (existing = stations) => ({ region: (c: string) => index.byCode.get(c), existing, today: TODAY, nowIso: '2026-12-04T02:00:00.000Z' });

async function rejects(bytes: Uint8Array, message: string | RegExp) {
  const err = await readSheet(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SheetFileError);
  expect((err as Error).message).toMatch(message);
}

describe('spreadsheet files', () => {
  it('the template has our header row, required columns marked, and a sheet explaining each column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook()) as unknown as ArrayBuffer);
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(COLUMNS.map((c) => c.title));
    expect(wb.worksheets[1].name).toBe('填写说明');
    // The empty template reads back as a file with no rows.
    expect(planImport(await readSheet(await templateWorkbook()), ctx()).fileErrors).toEqual(['表格里没有站点数据']);
  });

  it.each(['xlsx', 'csv'] as const)('an %s export re-imports unchanged, and imports whole into an empty register', async (kind) => {
    const bytes = await exportStations(stations, kind);
    const sheet = await readSheet(bytes);
    expect(sheet.rows).toHaveLength(stations.length);
    expect(summaryLine(planImport(sheet, ctx()).summary)).toBe(`0 imported, 0 updated, ${stations.length} unchanged, 0 rejected`);
    const fresh = planImport(sheet, ctx([]));
    expect(fresh.summary.rejected).toBe(0);
    expect(fresh.summary.imported).toBe(stations.length);
  });

  it('CSV is UTF-8 with a BOM and keeps 12-digit region codes as text for Excel', async () => {
    const bytes = await exportStations(stations, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/"=""36088\d{7}"""/);
  });

  it('reads a CSV that Excel saved in GB18030', async () => {
    const utf8 = (await exportStations(stations.slice(0, 3), 'csv')).toString('utf8').replace(/^\uFEFF/, '');
    const encoded = encodeGb18030(utf8);
    expect(encoded.length).toBeLessThan(Buffer.byteLength(utf8)); // two bytes a character, not three
    expect(decodeCsv(encoded)).toBe(utf8);
    const plan = planImport(await readSheet(encoded), ctx());
    expect(plan.summary.unchanged).toBe(3);
  });

  it.each<[string, Uint8Array, string | RegExp]>([
    ['an empty file', new Uint8Array(), '文件是空的'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '这不是 Excel 表格（.xlsx）或 CSV 文件'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧版 Excel（.xls）'],
    ['a PDF', new TextEncoder().encode('%PDF-1.4\n...'), '这是 PDF 文件'],
    ['a broken xlsx (zip header, no workbook)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'Excel 文件读不出来'],
  ])('refuses %s with a clear message', async (_label, bytes, message) => {
    await rejects(bytes, message);
  });

  it('refuses a 50 MB file without reading it', async () => {
    await rejects(new Uint8Array(50 * 1024 * 1024), /文件太大（50 MB），一次最多 30 MB/);
  });

  it('refuses 100k rows as a whole', async () => {
    const header = COLUMNS.map((c) => c.title).join(',');
    const lines = [header, ...Array.from({ length: 100_000 }, (_, i) => `JX-${i},x`)];
    await rejects(new TextEncoder().encode(lines.join('\n')), `一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  }, 60_000);

  it('reports formulas and dates typed as text in an .xlsx cell by cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportStations(stations.slice(0, 2), 'xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const col = (title: string) => COLUMNS.findIndex((c) => c.title === title) + 1;
    sheet.getRow(2).getCell(col('使用面积（㎡）')).value = { formula: 'B2*2', result: 40 } as ExcelJS.CellFormulaValue;
    sheet.getRow(3).getCell(col('信息核实日期')).value = '2026年11月1日';
    const plan = planImport(await readSheet(Buffer.from(await wb.xlsx.writeBuffer())), ctx());
    expect(plan.rows[0].errors).toEqual([{ column: '使用面积（㎡）', message: '不能使用公式，请复制后“选择性粘贴为数值”再导入' }]);
    expect(plan.rows[1]).toMatchObject({ action: 'update', errors: [] });
    expect(plan.changes[0].infoConfirmedOn).toBe('2026-11-01');
  });
});

describe('npm run stations', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zdt-stations-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'stations.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: join(dir, 'data') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr, last: r.stdout.trim().split('\n').pop() };
  };

  it('import (dry run, real, again) → export → re-import, on a database it creates', async () => {
    const file = join(dir, 'jgs.csv');
    writeFileSync(file, await exportStations(stations, 'csv'));

    const dry = run('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('试运行，未写入');
    expect(dry.last).toBe(`${stations.length} imported, 0 updated, 0 unchanged, 0 rejected`);

    const real = run('import', file);
    expect(real.code).toBe(0);
    expect(real.last).toBe(`${stations.length} imported, 0 updated, 0 unchanged, 0 rejected`);
    expect(run('import', file).last).toBe(`0 imported, 0 updated, ${stations.length} unchanged, 0 rejected`);

    const out = join(dir, 'out.xlsx');
    const exported = run('export', out, '--region', '360881', '--status', 'active');
    expect(exported.code).toBe(0);
    const active = stations.filter((s) => s.status === 'active');
    expect(exported.out).toContain(`已导出 ${active.length} 个站点`);
    const back = planImport(await readSheet(readFileSync(out)), ctx());
    expect(back.summary).toMatchObject({ unchanged: active.length, imported: 0, updated: 0, rejected: 0 });
  }, 240_000);

  it('reports rejected rows and still exits 0; a file it cannot read exits 1; usage errors exit 2', async () => {
    const bad = join(dir, 'bad.csv');
    const text = (await exportStations(stations.slice(0, 2), 'csv')).toString('utf8');
    const lines = text.split('\n');
    const latIndex = COLUMNS.findIndex((c) => c.title === '纬度');
    const cells = lines[1].split(',');
    cells[latIndex] = '40.1';
    lines[1] = cells.join(',');
    writeFileSync(bad, lines.join('\n'));
    const r = run('import', bad, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('错误 第 2 行 纬度：不在江西省范围内');
    expect(r.last).toMatch(/ 1 rejected$/);

    writeFileSync(join(dir, 'not.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const unreadable = run('import', join(dir, 'not.csv'));
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('这不是 Excel 表格');
    expect(run('frobnicate', 'x').code).toBe(2);
  }, 240_000);
});

/** GB18030 bytes for text of ASCII and two-byte characters (Node has a decoder only): a reverse table, tests only. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
