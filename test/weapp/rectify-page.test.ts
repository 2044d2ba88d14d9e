/**
 * 站点整改 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the county official sees the order and extends it; the station head
 * answers on their own page; closing the station asks first.
 */
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

let orderId = '';
const { env, page, render, call } = weappSuite({
  openid: DEMO.county,
  setup: async () => {
    const issued = await call('upkeep', 'issueRectification', { stationId: HEAD_STATION, problems: ['多次群众反映不开门'], requiredFixes: '按公示时间开门', workdays: 10 }, DEMO.county);
    orderId = issued.id;
  },
});

test('the official sees the order and extends it once', async () => {
  await render('packages/official/rectify/index', DEMO.county);
  await page.waitFor(`order-${orderId}`);
  expect(page.text(`order-${orderId}`)).toContain('整改中');
  page.unmount();
  await render(`packages/official/rectify/index?id=${orderId}`);
  await page.waitFor(`order-verdict-${orderId}-extend`);
  expect(page.has(`order-verdict-${orderId}-close`)).toBe(false); // not before the deadline or an answer
  await page.tap(`order-verdict-${orderId}-extend`);
  await page.type(`order-comment-${orderId}`, '设备在途，延期一周');
  await page.tap(`order-verdict-submit-${orderId}`);
  await page.waitForText(`order-${orderId}`, '已延期');
});

test('the station head answers on their own page', async () => {
  await render('packages/official/rectify/index', DEMO.stationHead);
  await page.waitFor(`order-answer-${orderId}`);
  await page.type(`order-answer-${orderId}`, '已按公示时间每天开门，门口张贴了营业时间');
  await page.tap(`order-answer-submit-${orderId}`);
  await page.waitForText(`order-${orderId}`, '待核查');
  expect(page.text(`order-${orderId}`)).toContain('已提交整改情况，待核查');
});

test('closing asks first and then closes the station', async () => {
  await render(`packages/official/rectify/index?id=${orderId}`, DEMO.county);
  await page.waitFor(`order-verdict-${orderId}-close`);
  await page.tap(`order-verdict-${orderId}-close`);
  await page.type(`order-comment-${orderId}`, '核查仍不开门，关停');
  await page.tap(`order-verdict-submit-${orderId}`);
  const asked = await env.waitForCall('showModal');
  expect(JSON.stringify(asked)).toContain('关停');
  const s = await env.functions.stations({ action: 'get', data: { id: HEAD_STATION } }, { openid: null });
  for (let i = 0; i < 40; i++) {
    const now = await env.functions.stations({ action: 'get', data: { id: HEAD_STATION } }, { openid: null });
    if (JSON.stringify(now).includes('已关停')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(JSON.stringify(await env.functions.stations({ action: 'get', data: { id: HEAD_STATION } }, { openid: null }))).toContain('已关停');
  expect(s.ok).toBe(true);
});
