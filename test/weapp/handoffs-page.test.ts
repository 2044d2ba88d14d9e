/**
 * The hand-offs (issue 11 §2) as built for WeChat (dist/weapp, miniprogram-simulate, the real
 * handlers behind wx.cloud.callFunction): the station head confirms an assignment (签收) on the
 * case page after a confirm; the county sees 待签收 before and the 转其他部门 button.
 */
import { acceptedComplaint } from './support/complaints';
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

let id = '';
const { env, page, render, call } = weappSuite({
  openid: DEMO.county,
  setup: async () => {
    const accepted = await acceptedComplaint(call, 'attitude', '站长态度很差，说快递丢了不归他管。', 'weapp-handoff-1');
    await call('complaints', 'assign', { ...accepted, to: 'station' }, DEMO.county);
    id = accepted.id;
  },
});

test('the county sees 待签收 on the case and may hand it to another department', async () => {
  await render(`packages/official/complaint/index?id=${id}`, DEMO.county);
  await page.waitFor('complaint-awaiting-receipt');
  expect(page.text('complaint-awaiting-receipt')).toBe('待签收');
  expect(page.has('btn-transfer')).toBe(true);
  expect(page.has('btn-receive')).toBe(false);
});

test('the station head 签收: a confirm, then id and version go; 退单 is gone', async () => {
  await render(`packages/official/complaint/index?id=${id}&mode=station`, DEMO.stationHead);
  await page.waitFor('btn-receive');
  expect(page.has('btn-decline')).toBe(true);
  await page.tap('btn-receive');
  await page.waitFor('action-result');
  expect(env.callsTo('showModal').length).toBeGreaterThan(0);
  const receive = env.callsTo('cloud.callFunction').find((c) => c.data?.action === 'receive');
  expect(receive.data.data).toEqual({ id, version: expect.any(Number) });
  expect(page.has('btn-decline')).toBe(false);
  expect(page.has('complaint-awaiting-receipt')).toBe(false);
});
