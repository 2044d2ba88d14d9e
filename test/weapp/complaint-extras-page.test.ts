/**
 * Issue 11 §2 as built for WeChat (dist/weapp, the real handlers behind wx.cloud.callFunction): the
 * complainant's case page shows 处理中 and offers 补充材料; the official's case page shows the
 * 补充材料 on the timeline and offers 办理进展.
 */
import { acceptedComplaint } from './support/complaints';
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

let id = '';
const { page, render, call } = weappSuite({
  openid: DEMO.resident1,
  setup: async () => {
    ({ id } = await acceptedComplaint(call, 'overcharge', '寄快递多收了 5 元，没有明码标价。', 'weapp-extras-1'));
  },
});

test('the complainant sees 处理中 and may add 补充材料', async () => {
  await render(`pages/complaint/detail/index?id=${id}`, DEMO.resident1);
  await page.waitFor('complaint-progress');
  expect(page.text('complaint-progress')).toBe('处理中');
  expect(page.has('btn-supplement-open')).toBe(true);
});

test('the official sees the 补充材料 on the timeline and may post 办理进展', async () => {
  const v = (await call('complaints', 'get', { id }, DEMO.resident1)) as { version: number };
  await call('complaints', 'supplement', { id, version: v.version, text: '补充：收据上写着每件收 8 元' }, DEMO.resident1);
  await render(`packages/official/complaint/index?id=${id}`, DEMO.county);
  await page.waitFor('complaint-timeline');
  expect(page.text('complaint-timeline')).toContain('补充：收据上写着每件收 8 元');
  expect(page.has('btn-progress')).toBe(true);
});
