/**
 * 报表与报送 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the county sees compact figures (no charts on the phone), submits the
 * period's report after the confirm; the city sees it and forwards.
 */
import { wireLocalFunctions } from './support/local-functions';
import { renderPage, setupWeapp, teardownWeapp, type PageHandle, type WxEnv } from './support/simulate';

jest.setTimeout(60_000);

let env: WxEnv;
let page: PageHandle | null = null;

beforeAll(async () => {
  env = await setupWeapp({ openid: 'demo-county-official-1' });
  await wireLocalFunctions(env);
});
afterAll(() => teardownWeapp());
afterEach(() => {
  page?.unmount();
  page = null;
});

const calls = () => (env.callsTo('cloud.callFunction') as { name: string; data: { action: string; data: Record<string, unknown> } }[]).filter((c) => c.name === 'reports');

test('the county submits on the phone; the city forwards', async () => {
  (env as { openid: string | null }).openid = 'demo-county-official-1';
  page = await renderPage('packages/official/report/index');
  await page.waitFor('report-summary');
  expect(page.text('report-summary')).toContain('于都县');
  expect(page.text('report-tile-stations')).toMatch(/\d+在册站点/);
  expect(page.has('report-charts')).toBe(false);
  await page.waitFor('btn-report-submit');
  await page.tap('btn-report-submit');
  await page.waitUntil(() => page!.text('report-mine').includes('已报送，待市级审核'), 'the submitted report');
  expect(env.callsTo('showModal').length).toBeGreaterThan(0);
  expect(calls().some((c) => c.data.action === 'submit')).toBe(true);
  page.unmount();

  (env as { openid: string | null }).openid = 'demo-city-supervisor-1';
  page = await renderPage('packages/official/report/index');
  await page.waitFor('report-county-360731');
  await page.tap('btn-report-forward');
  await page.waitUntil(() => page!.has('report-city-3607'), 'the city report');
  expect(page.text('report-city-3607')).toContain('已报省');
});
