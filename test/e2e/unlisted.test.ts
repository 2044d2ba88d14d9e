/**
 * 冒名站点举报 in the H5 build (第十一条7): a villager on the phone reports a place in 贡江镇 from
 * 我的; the county official on a PC finds it in 冒名站点举报 (without who sent it) and closes it
 * after a confirmation. Screenshots: .cache/e2e/unlisted-*.png (look at them).
 */
import { browserSuite, fill, settled, tap, tapThrough, text, waitText } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('reported on the phone → closed by the county on the PC', async () => {
  const phone = await browsers.open({ openid: 'demo-resident-2' });
  await phone.goto(`${h.baseUrl}/pages/me/index`);
  await tap(phone, '#page-me #me-report-unlisted');
  const p = '#page-report-unlisted';
  await settled(phone, `${p} #region-list`);
  await tapThrough(phone, `${p} #region-3607`, `${p} #region-360731`);
  await tapThrough(phone, `${p} #region-360731`, `${p} #region-360731100`);
  await tap(phone, `${p} #region-360731100`);
  await waitText(phone, `${p} #unlisted-region`, '贡江镇');
  await fill(phone, `${p} #unlisted-place`, '长征大道 18 号门面');
  await fill(phone, `${p} #unlisted-description`, '门口挂着电商扶贫服务站的牌子，代收快递每件收 5 元，站点通里查不到。');
  await h.shot(phone, 'unlisted-01-form-phone');
  await tap(phone, `${p} #unlisted-submit`);
  await waitText(phone, `${p} #unlisted-sent`, '已收到');
  await h.shot(phone, 'unlisted-02-sent-phone');

  const { page: pc, p: o } = await browsers.pcTile(DEMO.county, 'unlisted', '[id^="unlisted-"][class*="sp-form"]');
  const card = pc.locator(`${o} .sp-form`, { hasText: '长征大道 18 号门面' });
  expect(await card.innerText()).toContain('于都县 · 贡江镇');
  expect(await card.innerText()).not.toContain('demo-resident');
  await card.locator('[id^="unlisted-outcome-"][id$="-dealt_with"]').click();
  await fill(pc, `${o} [id^="unlisted-note-"]`, '已到现场核实，责令摘下冒用的牌子');
  await h.shot(pc, 'unlisted-03-county-pc');
  await card.locator('[id^="unlisted-close-"]').click();
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${o} #unlisted-empty`).waitFor();
  await pc.locator(`${o} #unlisted-tab-closed`).click();
  await waitText(pc, o, '已查处：责令摘牌、停止冒用');
  expect(await text(pc, o)).toContain('已到现场核实');
});
