/**
 * 代录 in the H5 build (issue 11 §2): the county official on a PC enters a complaint a villager made
 * by phone (after a confirmation) and reads back the tracking number; the villager on their phone
 * claims it in 我的投诉 with that number and the phone they gave, and follows it from there.
 * Screenshots: .cache/e2e/record-*.png (look at them).
 */
import { browserSuite, fill, settled, tap, text, waitText } from './support/browser';
import { DEMO } from '../support/demo';

const PHONE = '13987654321';

const { h, browsers } = browserSuite();

test('recorded on the PC → claimed on the phone → in 我的投诉 with its progress', async () => {
  const { page: pc, p } = await browsers.pcTile(DEMO.county, 'record', '#record-form');
  // Nothing filled: the form says what is missing, nothing is sent.
  await pc.locator(`${p} #record-submit`).click();
  await pc.locator(`${p} .sp-field--error`).first().waitFor();
  expect(await text(pc, `${p} #record-form`)).toContain('请先找到被投诉的站点');

  await fill(pc, `${p} #record-station-q`, '贡江镇');
  await pc.locator(`${p} #record-station-search`).click();
  await pc.locator(`${p} #record-station-option-st-360731100-000`).click();
  await pc.locator(`${p} #record-category-overcharge`).click();
  await fill(pc, `${p} #record-description`, '老人来电：在站点寄快递被多收了 10 元，没有收据。');
  await fill(pc, `${p} #record-phone`, PHONE);
  await h.shot(pc, 'record-01-form-pc');
  await pc.locator(`${p} #record-submit`).click();
  // A confirmation first (Taro's modal in H5).
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('江西电商扶贫工程贡江镇服务站');
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${p} #record-tracking`).waitFor();
  const trackingNo = await text(pc, `${p} #record-tracking`);
  expect(trackingNo).toMatch(/^TS\d{6}[0-9A-Z]{6}$/);
  expect(await text(pc, `${p} #record-done`)).toContain('139****4321');
  // The number is what the official came for: it comes into view, and the form is empty again.
  await pc.waitForFunction(() => {
    const r = document.querySelector('#page-record #record-done')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(await pc.locator(`${p} #record-description textarea`).inputValue()).toBe('');
  await h.shot(pc, 'record-02-done-pc');

  const phone = await browsers.open({ openid: DEMO.resident2 });
  await phone.goto(`${h.baseUrl}/pages/complaint/mine/index`);
  const m = '#page-complaint-mine';
  await tap(phone, `${m} #claim-open`);
  await fill(phone, `${m} #claim-tracking`, trackingNo.toLowerCase());
  await fill(phone, `${m} #claim-phone`, PHONE);
  await h.shot(phone, 'record-03-claim-phone');
  await tap(phone, `${m} #claim-submit`);
  // Claimed: the case opens, with the claim in its timeline.
  const d = '#page-complaint-detail';
  await waitText(phone, d, trackingNo);
  await waitText(phone, d, '认领投诉');
  await settled(phone, d);
  await h.shot(phone, 'record-04-claimed-phone');
  const stored = await h.app.stores.complaints.findByTrackingNo(trackingNo);
  expect(stored?.complainantOpenid).toBe(DEMO.resident2);
});
