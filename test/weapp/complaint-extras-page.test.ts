/**
 * Issue 11 §2 as built for WeChat (dist/weapp, the real handlers behind wx.cloud.callFunction): the
 * complainant's case page shows 处理中 and offers 补充材料; the official's case page shows the
 * 补充材料 on the timeline and offers 办理进展.
 */
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

let id = '';
const { env, page, render } = weappSuite({
  openid: DEMO.resident1,
  setup: async () => {
    const filed = await call('submit', { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递多收了 5 元，没有明码标价。' }, DEMO.resident1, 'weapp-extras-1');
    await call('accept', { id: filed.id, version: filed.version }, DEMO.county);
    id = filed.id;
  },
});

async function call(action: string, data: unknown, openid: string, requestId?: string) {
  const r = await env.functions.complaints({ action, data, ...(requestId ? { requestId } : {}) }, { openid });
  if (!r.ok) throw new Error(`complaints.${action}: ${JSON.stringify(r)}`);
  return r.data as { id: string; version: number };
}

test('the complainant sees 处理中 and may add 补充材料', async () => {
  env.openid = DEMO.resident1;
  await render(`pages/complaint/detail/index?id=${id}`);
  await page.waitFor('complaint-progress');
  expect(page.text('complaint-progress')).toBe('处理中');
  expect(page.has('btn-supplement-open')).toBe(true);
});

test('the official sees the 补充材料 on the timeline and may post 办理进展', async () => {
  const v = (await call('get', { id }, DEMO.resident1)) as { version: number };
  await call('supplement', { id, version: v.version, text: '补充：收据上写着每件收 8 元' }, DEMO.resident1);
  env.openid = DEMO.county;
  await render(`packages/official/complaint/index?id=${id}`);
  await page.waitFor('complaint-timeline');
  expect(page.text('complaint-timeline')).toContain('补充：收据上写着每件收 8 元');
  expect(page.has('btn-progress')).toBe(true);
});
