/**
 * 参数设置 in the H5 build (第十二条1): the province has shortened the freshness days for Jiangxi;
 * the county official opens 参数设置 from the workbench on a PC (desk layout: the settings and
 * the 调整记录 side by side), overrides the value for the county with a reason, and sees the
 * value in force change and the audit line appear. The phone layout too.
 * Screenshots: .cache/e2e/settings-*.png (look at them).
 */
import { browserSuite, call, fill, scrollTo, settled, tap, text, waitText } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('the county overrides a threshold and sees the audit line', async () => {
  await call(h, 'settings', 'update', { regionCode: '36', values: { freshnessDays: 150 }, reason: '全省统一缩短核实周期', version: 0 }, 'demo-province-admin-1');

  const { page: pc, p } = await browsers.pcTile(DEMO.county, 'settings', '#settings-view');
  expect(await text(pc, `${p} #setting-freshnessDays`)).toMatch(/150天\s*省定/);
  expect(await text(pc, `${p} #settings-trail`)).toContain('全省统一缩短核实周期');
  // Desk layout: the trail stands beside the settings, not below them.
  const [left, right] = await Promise.all([pc.locator(`${p} #settings-editor`).boundingBox(), pc.locator(`${p} #settings-trail`).boundingBox()]);
  expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
  await h.shot(pc, 'settings-01-county-pc');

  await fill(pc, `${p} #setting-freshnessDays-input`, '120');
  await fill(pc, `${p} #settings-reason`, '山区村点多，核实周期放宽到 120 天');
  await tap(pc, `${p} #btn-settings-save`);
  await waitText(pc, `${p} #settings-trail`, '沿用上级 → 120天');
  expect(await text(pc, `${p} #setting-freshnessDays`)).toMatch(/120天\s*县定/);
  const trail = await text(pc, `${p} #settings-trail`);
  expect(trail).toMatch(/于都县 · 于都县县级主管部门/);
  expect(trail).toContain('原因：山区村点多，核实周期放宽到 120 天');
  await scrollTo(pc, `${p} #settings-trail`);
  await h.shot(pc, 'settings-02-county-saved-pc');

  // The province's own value is unchanged.
  const phone = await browsers.open({ openid: 'demo-province-admin-1' });
  await phone.goto(`${h.baseUrl}/packages/official/settings/index`);
  await settled(phone, `${p} #settings-view`);
  expect(await text(phone, `${p} #setting-freshnessDays`)).toMatch(/150天\s*省定/);
  await h.shot(phone, 'settings-03-province-phone');
});
