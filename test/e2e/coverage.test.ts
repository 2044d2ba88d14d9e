/**
 * 覆盖情况 in the H5 build (issue 12 §4): the county official opens it from the workbench on a PC
 * and sees the county's numbers, the operation centre, the gaps and the plan; the city official
 * chooses a county first. Screenshots: .cache/e2e/coverage-*.png (look at them).
 */
import { browserSuite, settled, text } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('the county sees its coverage; the city picks a county', async () => {
  const { page: pc, p } = await browsers.pcTile(DEMO.county, 'coverage', '#coverage-summary');
  expect(await text(pc, `${p} #coverage-summary`)).toContain('于都县');
  expect(await text(pc, `${p} #coverage-summary`)).toMatch(/\d+\/\d+\s*乡镇有服务站/);
  await pc.locator(`${p} #coverage-townships`).waitFor();
  // The map: ECharts draws one mark per station (SVG) on the PC.
  await pc.locator(`${p} #coverage-map-canvas svg`).waitFor({ state: 'attached' });
  await pc.waitForFunction((sel) => document.querySelectorAll(`${sel} #coverage-map-canvas svg path`).length > 20, p);
  await h.shot(pc, 'coverage-01-county-pc');
  await pc.locator(`${p} #coverage-map`).scrollIntoViewIfNeeded();
  await h.shot(pc, 'coverage-02-map-pc');

  const city = await browsers.open({ openid: 'demo-city-supervisor-1' });
  await city.goto(`${h.baseUrl}/packages/official/coverage/index`);
  await settled(city, `${p} #coverage-counties`);
  expect(await city.locator(`${p} #coverage-summary`).count()).toBe(0);
  await city.locator(`${p} #coverage-county-360731`).click();
  await city.locator(`${p} #coverage-summary`).waitFor();
  expect(await text(city, `${p} #coverage-summary`)).toContain('于都县');
  await h.shot(city, 'coverage-03-city-phone');
});
