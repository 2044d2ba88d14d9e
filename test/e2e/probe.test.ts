import { startHarness, type Harness } from './support/harness';
let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });
test('probe', async () => {
  const { page } = await h.open({ geolocation: { latitude: 25.952, longitude: 115.415 } });
  page.on('console', (m) => console.log('[console]', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(h.baseUrl + '/');
  await page.locator('#btn-locate').waitFor();
  await h.shot(page, 'probe-home');
  await page.locator('#btn-locate').click();
  await page.locator('#station-list').waitFor();
  await h.shot(page, 'probe-nearby');
  const html = await page.locator('#station-list').innerHTML();
  console.log(html.slice(0, 3000));
  console.log(page.url());
});
