/**
 * Operators' visits as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the operator answers the checklist and saves an inspection; the county
 * sees it on the station and on 走访情况.
 */
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

const ITEMS = ['premises', 'equipment', 'signage', 'pricing', 'public_info', 'cleanliness'];
const { page, render, callsOf } = weappSuite({ openid: DEMO.operatorStaff });

const calls = () => callsOf('inspections');

test('the operator inspects with the checklist; the county sees the visit and who is behind', async () => {
  await render(`packages/official/inspect/index?stationId=${HEAD_STATION}`, DEMO.operatorStaff);
  await page.waitFor('btn-inspect-save');
  for (const c of ITEMS) await page.tap(`check-${c}-${c === 'pricing' ? 'bad' : 'ok'}`);
  await page.type('check-pricing-note', '鸡蛋没有标价');
  await page.tap('btn-inspect-save');
  await page.waitFor('inspect-list');
  await page.waitUntil(() => page.text('inspect-list').includes('83 分'), 'the saved inspection');
  const sent = calls().find((c) => c.data.action === 'record');
  expect((sent?.data.data.items as unknown[]).length).toBe(6);
  page.unmount();

  await render(`packages/official/inspect/index?stationId=${HEAD_STATION}`, DEMO.county);
  await page.waitFor('inspect-list');
  await page.waitUntil(() => page.text('inspect-list').includes('鸡蛋没有标价'), 'the failed item');
  expect(page.has('inspect-form')).toBe(false);
  page.unmount();

  await render('packages/official/inspect/dues/index');
  await page.waitFor('dues-operators');
  expect(page.text('dues-operators')).toContain('本季度未指导');
});
