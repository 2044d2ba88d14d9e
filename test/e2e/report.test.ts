/**
 * 报表与报送 in the H5 build (issue 12 §5): the county official opens the dashboard on a PC
 * (1366×768), sees the figures and the charts, exports nothing here and submits the period's report;
 * the city official sees it and forwards the city report; the province sees who submitted when and
 * the late counties. Screenshots: .cache/e2e/report-*.png (look at them).
 */
import { browserSuite, scrollTo, settled, text, waitText } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('the county submits, the city forwards, the province sees it', async () => {
  const { page: pc, p } = await browsers.pcTile(DEMO.county, 'report', '#report-summary');
  expect(await text(pc, `${p} #report-summary`)).toContain('于都县');
  expect(await text(pc, `${p} #report-tile-stations`)).toMatch(/^\d+\s*在册站点$/);
  // Four charts drawn by ECharts as SVG, with bars in them.
  for (const id of ['stations', 'coverage', 'complaints', 'training']) await pc.locator(`${p} #report-chart-${id} svg`).waitFor({ state: 'attached' });
  await pc.waitForFunction((sel) => document.querySelectorAll(`${sel} #report-chart-stations svg path`).length > 10, p);
  await h.shot(pc, 'report-01-county-dashboard-pc');
  await scrollTo(pc, `${p} #report-charts`);
  await h.shot(pc, 'report-02-county-charts-pc');
  await pc.locator(`${p} [id="report-table-站点"]`).waitFor();
  await scrollTo(pc, `${p} #report-chain`, 'center');
  await pc.locator(`${p} #btn-report-submit`).click();
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  await modal.locator('.taro-model__confirm').click();
  await waitText(pc, `${p} #report-mine`, '已报送，待市级审核');
  await h.shot(pc, 'report-03-county-submitted-pc');

  const city = await browsers.open({ openid: 'demo-city-supervisor-1' });
  await city.goto(`${h.baseUrl}/packages/official/report/index`);
  await settled(city, `${p} #report-counties`);
  await waitText(city, `${p} #report-county-360731`, '已报送，待市级审核');
  await scrollTo(city, `${p} #report-chain`);
  await h.shot(city, 'report-04-city-phone');
  await city.locator(`${p} #btn-report-forward`).click();
  const cm = city.locator('.taro-modal__content');
  await cm.waitFor();
  await cm.locator('.taro-model__confirm').click();
  await waitText(city, `${p} #report-city-3607`, '已报省');

  const prov = await browsers.pc(DEMO.province, '/packages/official/report/index');
  await settled(prov, `${p} #report-counties`);
  await waitText(prov, `${p} #report-city-3607`, '赣州市：已报省');
  await waitText(prov, `${p} #report-county-360731`, '已报省');
  // Counties not yet submitted: one line per city, marked late once the deadline passed.
  await waitText(prov, `${p} #report-missing`, '未报送（99 个');
  expect(await text(prov, `${p} #report-counties`)).toMatch(/1\/100 个县已报送；逾期 \d+ 个/);
  await scrollTo(prov, `${p} #report-chain`);
  await h.shot(prov, 'report-05-province-pc');
});
