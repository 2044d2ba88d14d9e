/**
 * 授予角色 by invitation in the H5 build (issue 9 items 20, 21): a county official on a PC names the
 * person, finds the station by name (no openid, no station code), gets a code; a missing name is
 * scrolled to first; the invited person enters the code on their phone and the workbench opens.
 * Screenshots: .cache/e2e/invite-*.png (look at them).
 */
import { browserSuite, call, fill, settled, text } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('invite a stand-in head on the PC → the person enters the code on the phone → the role is theirs', async () => {
  const page = await browsers.pc(DEMO.county, '/packages/official/admin/index');
  const p = '#page-admin';
  await settled(page, `${p} #grant-form`);
  // The list shows names, never openids.
  await page.locator(`${p} #bindings-list`).waitFor();
  const list = await text(page, `${p} #bindings-list`);
  expect(list).toContain('王站长（演示）');
  expect(list).not.toMatch(/demo-|openid/);

  await page.locator(`${p} #grant-role-station_head`).click();
  await fill(page, `${p} #grant-station-q`, '贡江镇');
  await page.locator(`${p} #grant-station-search`).click();
  await page.locator(`${p} #grant-station-option-st-360731100-000`).click();
  await fill(page, `${p} #grant-reason`, '原负责人外出务工，临时代管');
  // No name yet: the form goes up to the name field and says so.
  await page.locator(`${p} #grant-submit`).click();
  await page.locator(`${p} .sp-field--error`).first().waitFor();
  expect(await text(page, `${p} .sp-field--error`)).toContain('请填写对方的真实姓名');
  await page.waitForFunction(() => {
    const r = document.querySelector('#page-admin .sp-field--error')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await h.shot(page, 'invite-01-missing-name-pc');

  await fill(page, `${p} #grant-name`, '刘芳');
  await page.locator(`${p} #grant-submit`).click();
  await page.locator(`${p} #grant-code-value`).waitFor();
  const code = await text(page, `${p} #grant-code-value`);
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  expect(await text(page, `${p} #grant-code`)).toContain('请交给刘芳本人（站点负责人 · 江西电商扶贫工程贡江镇服务站）');
  // The form folded up and the code is in view.
  expect(await page.locator(`${p} #grant-station-q`).count()).toBe(0);
  await page.waitForFunction(() => {
    const r = document.querySelector('#page-admin #grant-code')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await page.locator(`${p} #bindings-list`).getByText('刘芳 · 站点负责人').waitFor();
  expect(await text(page, `${p} #bindings-list`)).toContain('待对方输入授权码');
  await h.shot(page, 'invite-02-code-pc');

  const phone = await browsers.open({ openid: DEMO.resident2 });
  await phone.goto(`${h.baseUrl}/pages/me/index`);
  await phone.locator('#entry-accept').click();
  await fill(phone, '#page-accept #accept-code', code.toLowerCase());
  await phone.locator('#page-accept #accept-submit').click();
  await phone.locator('#page-accept #accept-done').waitFor();
  expect(await text(phone, '#page-accept #accept-done')).toContain('站点负责人');
  await h.shot(phone, 'invite-03-accepted-phone');
  const me = await call<{ roles: { role: string }[] }>(h, 'account', 'me', {}, DEMO.resident2);
  expect(me.roles.map((r) => r.role)).toEqual(['station_head']);
});
