/**
 * The officials' station register over HTTP, as the desk uses it: upload a spreadsheet, preview the
 * per-row report, import, find the new station nearby; export within one's area; refusals.
 */
import ExcelJS from 'exceljs';
import { readSheet } from '../../adapters/platform/spreadsheet';
import type { ImportReport } from '../../core/station/register-api';
import { COLUMNS } from '../../core/station/register-sheet';
import { DEMO, appForTests } from '../support/local-app';

const t = appForTests({}, { timeout: 60_000 });

async function upload(bytes: Uint8Array, openid: string | null = DEMO.county): Promise<{ status: number; body: { ok: boolean; data?: { id: string }; error?: { code: string; message: string } } }> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (openid) headers['x-wx-openid'] = openid;
  const res = await t.raw('/api/upload-document', { method: 'POST', headers, body: Buffer.from(bytes) });
  return { status: res.status, body: await res.json() };
}

/** A one-station sheet in 于都县贡江镇 (a new village point) plus a row with a bad latitude. */
async function newStationFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('站点登记表');
  sheet.addRow(COLUMNS.map((c) => c.title));
  const row = (code: string, lat: number) => ({
    code,
    name: '江西电商扶贫工程测试村服务点',
    level: '村级服务点',
    regionCode: '360731100202',
    address: '于都县贡江镇测试村村部一楼',
    lat,
    lng: 115.4101,
    operatorName: '于都县红都农品电子商务有限公司（演示）',
    operatorHotline: '400-000-0731',
    platforms: '邮乐购',
    areaSqm: 30,
    servicePopulation: 900,
    weeklyHours: '每天 08:00-20:00',
    hoursExceptions: '',
    services: '快递收发、便民缴费',
    processes: '',
    commitments: '明码标价',
    fees: '代缴电费：免费',
    channels: '站点电话：13800009999；12345政务服务便民热线：12345',
    contactPhone: '13800009999',
    contactPerson: '',
    certificateNo: '于商电扶认〔2026〕099号',
    certifiedOn: '2026-09-01',
    authority: '于都县商务局',
    status: '已认定',
    infoConfirmedOn: '',
    relaxationReason: '',
    id: '',
    demo: '',
  });
  for (const r of [row('JX-TEST-0001', 25.9601), row('JX-TEST-0002', 40.1)]) sheet.addRow(COLUMNS.map((c) => r[c.key as keyof ReturnType<typeof row>]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('register over HTTP', () => {
  it('upload → preview (per-row report, nothing written) → import → the station is found nearby', async () => {
    const up = await upload(await newStationFile());
    expect(up.status).toBe(200);
    const fileId = up.body.data?.id as string;

    const preview = await t.ok<ImportReport>('register', 'preview', { fileId }, DEMO.county);
    expect(preview.written).toBe(false);
    expect(preview.summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(preview.rows.find((r) => r.row === 3)?.errors).toEqual([{ column: '纬度', message: '不在江西省范围内' }]);
    const before = await t.ok('stations', 'nearby', { lat: 25.9601, lng: 115.4101, radiusM: 300 });
    expect(before.items.map((s: { code: string }) => s.code)).not.toContain('JX-TEST-0001');

    const done = await t.ok<ImportReport>('register', 'import', { fileId }, DEMO.county);
    expect(done.written).toBe(true);
    expect(done.summary).toMatchObject({ imported: 1, rejected: 1 });
    const after = await t.ok('stations', 'nearby', { lat: 25.9601, lng: 115.4101, radiusM: 300 });
    expect(after.items[0]).toMatchObject({ code: 'JX-TEST-0001', name: '江西电商扶贫工程测试村服务点', certified: true });

    // The same file again changes nothing.
    const again = await t.ok<ImportReport>('register', 'import', { fileId }, DEMO.county);
    expect(again.summary).toMatchObject({ imported: 0, unchanged: 1, rejected: 1 });
  }, 60_000);

  it('export within the area: a signed link to a file that re-imports unchanged', async () => {
    const answer = await t.ok('register', 'export', { format: 'xlsx', level: 'township' }, DEMO.county);
    expect(answer.name).toMatch(/^站点登记表-360731-\d{8}\.xlsx$/);
    expect(answer.count).toBeGreaterThan(10);
    const res = await t.raw(answer.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const sheet = await readSheet(new Uint8Array(await res.arrayBuffer()));
    expect(sheet.rows).toHaveLength(answer.count);
    expect(sheet.rows.every((r) => String(r.cells[2]) === '乡镇服务站')).toBe(true);

    const up = await upload(new Uint8Array(await (await t.raw(answer.url)).arrayBuffer()));
    const back = await t.ok<ImportReport>('register', 'preview', { fileId: up.body.data?.id }, DEMO.county);
    expect(back.summary).toMatchObject({ unchanged: answer.count, imported: 0, updated: 0, rejected: 0 });

    // A tampered link is refused.
    expect((await t.raw(answer.url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(404);
  }, 60_000);

  it('refuses people who are not officials, other areas, other people’s files and bad files', async () => {
    const up = await upload(await newStationFile());
    const fileId = up.body.data?.id as string;
    expect((await t.call('register', 'preview', { fileId }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('register', 'preview', { fileId }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('register', 'template', {}, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Another official cannot read this upload.
    expect((await t.call('register', 'preview', { fileId }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '文件已失效，请重新选择文件' } });
    // Outside the county official's area.
    expect((await t.call('register', 'export', { format: 'csv', regionCode: '360881' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Not a spreadsheet.
    const png = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect((await t.call('register', 'preview', { fileId: png.body.data?.id }, DEMO.county)).body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: '这不是 Excel 表格（.xlsx）或 CSV 文件' },
    });
    // Unknown fields are rejected.
    expect((await t.call('register', 'preview', { fileId, dryRun: false }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    // Uploads need an identity.
    expect((await upload(new Uint8Array([1, 2, 3]), null)).status).toBe(401);
  }, 60_000);

  it('rows outside the official’s county are rejected in the report; the province can get the template', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await newStationFile()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const col = COLUMNS.findIndex((c) => c.key === 'regionCode') + 1;
    sheet.getRow(2).getCell(col).value = '360881002001';
    sheet.getRow(2).getCell(COLUMNS.findIndex((c) => c.key === 'code') + 1).value = 'JX-TEST-0100';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const county = await t.ok<ImportReport>('register', 'preview', { fileId: (await upload(bytes)).body.data?.id }, DEMO.county);
    expect(county.rows.find((r) => r.row === 2)?.errors).toContainEqual({ column: '行政区划代码', message: '不在您管辖的地区内' });
    const template = await t.ok('register', 'template', {}, DEMO.province);
    expect(template.name).toBe('站点登记表模板.xlsx');
    expect((await t.raw(template.url)).status).toBe(200);
  }, 60_000);
});
