/**
 * Figures by handling unit (issue 11 §4) over real HTTP: the county's figures move with what units
 * do, scope is enforced, and the .xlsx export carries the page's numbers and definitions.
 */
import ExcelJS from 'exceljs';
import type { UnitFiguresView } from '../../core/complaint/figures-desk';
import { FIGURE_COLUMNS, FIGURE_DEFINITIONS, figureCell, type FigureCount, type UnitFigures } from '../../core/complaint/figures';
import type { ComplaintCaseView } from '../../core/complaint/api';
import { accepted, assignedToOperator } from '../support/complaints';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

/** Wednesday 2026-09-30 10:00 Asia/Shanghai. */
const NOW = '2026-09-30T02:00:00.000Z';
const PERIOD = { from: '2026-09-01', until: '2026-09-30' };

const t = appForTests({ now: NOW });

const figures = (openid: string = DEMO.county, data: Record<string, unknown> = PERIOD) => t.ok<UnitFiguresView>('complaints', 'unitFigures', data, openid);
const unit = (v: UnitFiguresView, kind: string) => v.byUnit.find((u) => u.kind === kind);
const count = (u: UnitFigures | undefined, k: FigureCount) => (u ? u[k] : 0);

describe('complaints.unitFigures', () => {
  it('counts what the operator, the station and the county office did in the period', async () => {
    const before = await figures();
    // The operator gets one, replies on time.
    const a = await assignedToOperator(t);
    await t.ok<ComplaintCaseView>('complaints', 'reply', { id: a.id, version: a.version, text: '已核实，已退还多收的费用。' }, DEMO.operatorStaff);
    // The station hands one back (退单): the county office keeps it.
    const b = await accepted(t, { category: 'parcel' });
    const s = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: b.id, version: b.version, to: 'station' }, DEMO.county);
    await t.ok('complaints', 'decline', { id: b.id, version: s.version, reason: '快递由运营单位负责' }, DEMO.stationHead);

    const after = await figures();
    expect(after.totals.total - before.totals.total).toBe(2);
    expect(after.totals.declined - before.totals.declined).toBe(1);
    expect(count(unit(after, 'operator'), 'total') - count(unit(before, 'operator'), 'total')).toBe(1);
    expect(count(unit(after, 'operator'), 'repliedOnTime') - count(unit(before, 'operator'), 'repliedOnTime')).toBe(1);
    expect(count(unit(after, 'station'), 'declined') - count(unit(before, 'station'), 'declined')).toBe(1);
    expect(count(unit(after, 'county'), 'total') - count(unit(before, 'county'), 'total')).toBe(1);
    // The county office is named by its county, never by a bare region code.
    expect(after.byUnit.filter((u) => u.kind === 'county').map((u) => u.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^县级主管部门（.+县）$/)]));
    expect(after.byUnit.map((u) => u.name).join()).not.toMatch(/\d{6}/);
    // Both views add up to the totals; the definitions come with the figures.
    expect(after.byUnit.reduce((n, u) => n + u.total, 0)).toBe(after.totals.total);
    expect(after.byCategory.reduce((n, c) => n + c.declined, 0)).toBe(after.totals.declined);
    expect(after.definitions.map((d) => d.label)).toContain('按期受理率');
    // The city and the province see the county's complaints too.
    expect((await figures(DEMO.city)).totals.total).toBeGreaterThanOrEqual(after.totals.total);
    expect((await figures(DEMO.province)).totals.total).toBeGreaterThanOrEqual(after.totals.total);
  });

  it('officials only, within their region; the period is checked; unknown fields are rejected', async () => {
    for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
      expect((await t.call('complaints', 'unitFigures', PERIOD, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await t.call('complaints', 'unitFiguresExport', PERIOD, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await t.call('complaints', 'unitFigures', PERIOD, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // 鄱阳县 (上饶市) is outside the 于都 county official's region.
    expect((await t.call('complaints', 'unitFigures', { ...PERIOD, regionCode: '361128' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('complaints', 'unitFigures', { from: '2026-09-30', until: '2026-09-01' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '开始日期不能晚于结束日期' } });
    expect((await t.call('complaints', 'unitFigures', { from: '2022-01-01', until: '2026-09-01' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect((await t.call('complaints', 'unitFigures', { ...PERIOD, days: 30 }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect((await t.call('complaints', 'unitFigures', { from: '2026/09/01', until: '2026-09-30' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  it('the export opens in Excel with the numbers and the definitions of the page', async () => {
    const page = await figures();
    const answer = await t.ok<{ url: string; name: string; count: number }>('complaints', 'unitFiguresExport', PERIOD, DEMO.county);
    expect(answer.name).toMatch(/^承办单位考核-.*2026-09-01至2026-09-30-\d{8}\.xlsx$/);
    expect(answer.count).toBe(page.totals.total);
    const res = await t.raw(answer.url);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按承办单位', '按类型', '指标说明']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const labels = FIGURE_COLUMNS.map((k) => page.definitions.find((d) => d.key === k)!.label);
    const units = rows('按承办单位');
    expect(units[0]).toEqual(['单位类型', '承办单位', ...labels]);
    expect(units.slice(1, -1)).toEqual(page.byUnit.map((u) => [u.kindLabel, u.name, ...FIGURE_COLUMNS.map((k) => figureCell(u, k))]));
    expect(units.at(-1)).toEqual(['合计', '', ...FIGURE_COLUMNS.map((k) => figureCell(page.totals, k))]);
    const cats = rows('按类型');
    expect(cats.slice(1, -1)).toEqual(page.byCategory.map((c) => [c.label, ...FIGURE_COLUMNS.map((k) => figureCell(c, k))]));
    const defs = rows('指标说明');
    expect(defs.slice(1, 1 + FIGURE_DEFINITIONS.length)).toEqual(page.definitions.map((d) => [d.label, d.definition]));
  });
});
