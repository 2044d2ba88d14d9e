/**
 * 代录 and 认领 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the official's 代录 page says what is missing before sending anything;
 * a villager claims a recorded complaint from 我的投诉 with its number and phone, and the case opens.
 */
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

const PHONE = '13987654321';
const { env, page, render } = weappSuite({ openid: DEMO.county });

test('the 代录 page renders its form and names what is missing before sending', async () => {
  await render('packages/official/record/index', DEMO.county);
  await page.waitFor('record-form');
  expect(page.has('record-channel-phone')).toBe(true);
  await page.tap('record-submit');
  await page.waitUntil(() => page.text('record-form').includes('请先找到被投诉的站点'), 'the missing station named');
  expect(page.text('record-form')).toContain('请选择投诉类型');
  expect(env.callsTo('cloud.callFunction').filter((c) => c.data?.action === 'record')).toEqual([]);
});

test('a recorded complaint is claimed from 我的投诉 and opens', async () => {
  const made = await env.functions.complaints(
    { action: 'record', requestId: 'weapp-record-0001', data: { stationId: 'st-360731100-000', category: 'overcharge', description: '老人来电：寄快递被多收了 10 元。', phone: PHONE, channel: 'phone' } },
    { openid: DEMO.county },
  );
  if (!made.ok) throw new Error(JSON.stringify(made));
  const trackingNo = (made.data as { trackingNo: string }).trackingNo;
  await render('pages/complaint/mine/index', DEMO.resident2);
  await page.waitFor('claim-open');
  await page.tap('claim-open');
  await page.waitFor('claim-form');
  await page.type('claim-tracking', trackingNo);
  await page.type('claim-phone', PHONE);
  await page.tap('claim-submit');
  const [nav] = await env.waitForCall('navigateTo');
  expect(nav.url).toContain(`/pages/complaint/detail/index?id=${(made.data as { id: string }).id}`);
});
