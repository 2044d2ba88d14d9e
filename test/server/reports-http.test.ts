/**
 * Dashboards, period reports and 报送 over HTTP with the demo data (issue 12 §5): the numbers on the
 * dashboard, in the .xlsx export and in the frozen snapshot agree (computed three ways); the county
 * submits, the city returns with a reason, the county submits again, the city forwards, the province
 * sees who submitted when and who is late; roles and regions are checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportFigures } from '../../core/report/figures';
import { reportSheets, TOPICS } from '../../core/report/sheets';
import { countRows, DEMO, HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(120_000);

const t = appForTests({ now: '2026-12-04T02:00:00.000Z' });
beforeAll(async () => {
  // The test app has no demo 台账: the head records a month of the quarter.
  await t.ok('ledger', 'record', { stationId: HEAD_STATION, month: '2026-11', kind: 'poverty_sale', product: '脐橙', quantity: 120, amountFen: 360000, households: 4 }, DEMO.stationHead);
  await t.ok('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元。' }, DEMO.resident1, 'rep-c-0001');
});

async function sheetsOf(url: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const res = await t.raw(url);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb.worksheets.map((w) => {
    const rows: unknown[][] = [];
    w.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return { name: w.name, rows };
  });
}

test('dashboard, export and snapshot agree; the county cannot submit twice', async () => {
  const dash = await t.ok<{ figures: ReportFigures; deadline: string }>('reports', 'figures', { period: '2026Q4' }, DEMO.county);
  const f = dash.figures;
  expect(f.region).toEqual({ code: '360731', name: '于都县' });
  expect(f.rows.length).toBeGreaterThan(5);
  // The demo county has stations, ledgers and complaints: the figures are not all zero.
  expect(f.total.townshipStations).toBeGreaterThan(0);
  expect(f.total.ledgerEntries).toBe(1);
  expect(f.total.povertySalesFen).toBe(360000);
  expect(f.total.complaints).toBeGreaterThan(0);
  expect(f.total.townshipsCovered).toBeLessThanOrEqual(f.total.townships);

  const exported = await t.ok<{ url: string; name: string }>('reports', 'export', { period: '2026Q4' }, DEMO.county);
  expect(exported.name).toBe('于都县-2026Q4-报表.xlsx');
  const book = await sheetsOf(exported.url);
  expect(book.map((s) => s.name)).toEqual([...TOPICS.map((x) => x.sheet), '承办单位', '疑似闲置', '指标说明']);
  expect(book).toEqual(reportSheets(f));

  const submitted = await t.ok<{ state: string; version: number }>('reports', 'submit', { period: '2026Q4' }, DEMO.county);
  expect(submitted).toMatchObject({ state: 'submitted', stateLabel: '已报送，待市级审核', regionCode: '360731' });
  const snap = await t.ok<{ figures: ReportFigures }>('reports', 'submission', { regionCode: '360731', period: '2026Q4' }, DEMO.city);
  expect(snap.figures).toEqual(f);
  expect((await t.call('reports', 'submit', { period: '2026Q4' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '本期报告已报送，市级退回后才能重新报送' } });
});

test('the city returns with a reason, the county submits again, the city forwards, the province sees it', async () => {
  const p = '2026Q3';
  const first = await t.ok<{ version: number }>('reports', 'submit', { period: p }, DEMO.county);
  // Only the city returns; the reason is required.
  expect((await t.call('reports', 'return', { period: p, countyCode: '360731', version: first.version, reason: '台账请核对' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await t.call('reports', 'return', { period: p, countyCode: '360731', version: first.version, reason: '' }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  const returned = await t.ok('reports', 'return', { period: p, countyCode: '360731', version: first.version, reason: '台账金额请核对' }, DEMO.city);
  expect(returned).toMatchObject({ state: 'returned', comment: '台账金额请核对' });
  const county = await t.ok<{ counties: { code: string; state: string | null; comment: string | null }[] }>('reports', 'status', { period: p }, DEMO.county);
  expect(county.counties).toEqual([expect.objectContaining({ code: '360731', state: 'returned', comment: '台账金额请核对' })]);
  await t.ok('reports', 'submit', { period: p }, DEMO.county);

  // Only the city forwards; the province cannot.
  expect((await t.call('reports', 'forward', { period: p }, DEMO.province)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const city = await t.ok<{ state: string; counties: string[] }>('reports', 'forward', { period: p, note: '请审阅' }, DEMO.city);
  expect(city).toMatchObject({ level: 'city', regionCode: '3607', state: 'forwarded', counties: ['360731'], comment: '请审阅' });
  expect((await t.call('reports', 'forward', { period: p }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // The city report adds up the counties' snapshots.
  const citySnap = await t.ok<{ figures: ReportFigures }>('reports', 'submission', { regionCode: '3607', period: p }, DEMO.province);
  const countySnap = await t.ok<{ figures: ReportFigures }>('reports', 'submission', { regionCode: '360731', period: p }, DEMO.province);
  expect(citySnap.figures.total).toEqual(countySnap.figures.total);
  expect(citySnap.figures.rows).toEqual([{ code: '360731', name: '于都县', counts: countySnap.figures.total }]);

  const prov = await t.ok<{ deadline: string; counties: { code: string; state: string | null; late: boolean; submittedAt: string | null }[]; late: { code: string }[]; cities: { regionCode: string; state: string }[] }>('reports', 'status', { period: p }, DEMO.province);
  expect(prov.counties.length).toBe(100);
  expect(prov.cities).toEqual([expect.objectContaining({ regionCode: '3607', state: 'forwarded' })]);
  const yudu = prov.counties.find((c) => c.code === '360731')!;
  expect(yudu).toMatchObject({ state: 'forwarded', submittedAt: expect.any(String) });
  // 2026Q3's deadline (10 working days after 30 Sep) passed before 4 Dec: every county is late, 于都 submitted late.
  expect(prov.deadline < '2026-12-04').toBe(true);
  expect(yudu.late).toBe(true);
  expect(prov.late.length).toBe(100);
  // Every act is in the audit log, and so are the refusals.
  const audited = (action: string, outcome: string) => countRows(t.app, 'audit_log', 'action = ? AND outcome = ? AND resource LIKE ?', action, outcome, '%2026Q3%');
  expect([audited('report.submit', 'done'), audited('report.return', 'done'), audited('report.forward', 'done')]).toEqual([2, 1, 1]);
  expect(countRows(t.app, 'audit_log', "action = 'report.review' AND outcome = 'denied'")).toBeGreaterThan(0);
  // 2026Q4's deadline is in January: nobody is late yet.
  const q4 = await t.ok<{ late: unknown[] }>('reports', 'status', { period: '2026Q4' }, DEMO.province);
  expect(q4.late).toEqual([]);
});

test('the province: a row per city that adds up; the city total agrees with its county rows', async () => {
  const prov = await t.ok<{ figures: ReportFigures }>('reports', 'figures', { period: '2026Q4' }, DEMO.province);
  expect(prov.figures.rows).toHaveLength(11);
  expect(prov.figures.total.townships).toBeGreaterThan(1700);
  const city = await t.ok<{ figures: ReportFigures }>('reports', 'figures', { period: '2026Q4', regionCode: '3607' }, DEMO.province);
  expect(prov.figures.rows.find((r) => r.code === '3607')!.counts).toEqual(city.figures.total);
});

test('roles and regions: residents, heads and operators are refused; outside the region too; bad periods', async () => {
  for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
    expect((await t.call('reports', 'figures', {}, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('reports', 'submit', { period: '2026Q2' }, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect((await t.call('reports', 'submit', { period: '2026Q2' }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await t.call('reports', 'figures', { regionCode: '3611' }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await t.call('reports', 'figures', { regionCode: '3607' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await t.call('reports', 'figures', { period: '2026Q5' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  expect((await t.call('reports', 'return', { period: '2026Q2', countyCode: '361128', version: 1, reason: '请核对' }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const options = await t.ok<{ regions: { code: string }[]; canReview: boolean; canSubmit: boolean }>('reports', 'options', {}, DEMO.city);
  expect(options.regions[0]).toEqual({ code: '3607', name: '赣州市' });
  expect(options).toMatchObject({ canReview: true, canSubmit: false, defaultPeriod: '2026Q3' });
});

describe('npm run report', () => {
  test('writes the same workbook as the desk export from the local database', async () => {
    const { writeReport } = await import('../../scripts/report');
    const dash = await t.ok<{ figures: ReportFigures }>('reports', 'figures', { period: '2026Q4', regionCode: '3607' }, DEMO.city);
    const dir = mkdtempSync(join(tmpdir(), 'zdt-report-'));
    const file = join(dir, '赣州市.xlsx');
    expect(await writeReport(t.app.db, { region: '3607', period: '2026Q4', file }, t.clock)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const book = wb.worksheets.map((w) => {
      const rows: unknown[][] = [];
      w.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return { name: w.name, rows };
    });
    expect(book).toEqual(reportSheets(dash.figures));
    expect(book.at(-1)!.name).toBe('指标说明');
    expect(await writeReport(t.app.db, { region: '3699', period: '2026Q4', file }, t.clock)).toBe(2);
  });

  test('bad arguments: a Chinese message and a non-zero exit', () => {
    const run = (...args: string[]) => spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['scripts/report.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'zdt-report-')) } });
    const r = run('--region', '3607', '--period', '2026Q5', 'x.xlsx');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('报表期间 2026Q5 不对');
    expect(run('--period', '2026Q4', 'x.xlsx').stderr).toContain('请用 --region 指定地区');
  });

  test('argument rules', async () => {
    const { parseArgs } = await import('../../scripts/report');
    expect(parseArgs(['--region', '360731', '--period', '2026', 'a.xlsx'])).toEqual({ region: '360731', period: '2026', file: 'a.xlsx' });
    expect(parseArgs(['--region', '360731100', '--period', '2026', 'a.xlsx'])).toEqual({ error: expect.stringContaining('地区代码 360731100 不对') });
    expect(parseArgs(['--region', '3607', '--period', '2026Q4', 'a.csv'])).toEqual({ error: '输出文件应以 .xlsx 结尾' });
    expect(parseArgs(['--region', '3607', '--period', '2026Q4'])).toEqual({ error: '请指定输出文件，如 报表.xlsx' });
    expect(parseArgs(['--region'])).toEqual({ error: '--region 后面缺少值' });
    expect(parseArgs(['--regoin', '3607'])).toEqual({ error: '不认识的选项 --regoin' });
  });
});
