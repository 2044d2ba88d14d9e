/**
 * Station edits as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the head's 修改站点信息 page renders the station's information and sends
 * a proposal; the official's 站点信息审核 page shows its before/after and approves it, after which
 * the public station page shows the new information.
 */
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

const { env, page, render, callsOf } = weappSuite({ openid: DEMO.stationHead });

const registerCalls = () => callsOf('upkeep');

test('the head proposes; the official sees the comparison and approves; the public page changes', async () => {
  await render(`packages/official/edit/index?stationId=${HEAD_STATION}`, DEMO.stationHead);
  await page.waitFor('btn-propose');
  expect(page.text('page-station-edit')).toContain('公开信息');
  expect(page.has('closure-form')).toBe(true);
  const before = registerCalls().find((c) => c.data.action === 'editDraft');
  expect(before?.data.data).toEqual({ stationId: HEAD_STATION });

  await page.type('edit-commitments-text', '老人代办不收费');
  await page.tap('btn-propose');
  await page.waitFor('edit-sent');
  await page.waitFor('edit-pending');
  const proposed = registerCalls().find((c) => c.data.action === 'propose');
  expect((proposed?.data.data.info as { commitments: string[] }).commitments).toEqual(['老人代办不收费']);
  page.unmount();

  await render('packages/official/edits/index', DEMO.county);
  await page.waitFor('edits-list');
  await page.waitUntil(() => page.text('edits-list').includes('服务承诺'), 'the diff');
  expect(page.text('edits-list')).toContain('＋ 老人代办不收费');
  const approve = registerCalls().length;
  const list = page.text('edits-list');
  expect(list).toContain('通过并公开');
  const queue = (await env.functions.upkeep!({ action: 'editQueue', data: {} }, { openid: DEMO.county })) as { data: { items: { id: string }[] } };
  const id = queue.data.items[0].id;
  await page.tap(`btn-approve-${id}`);
  await page.waitFor('edits-message');
  expect(registerCalls().slice(approve).map((c) => c.data.action)).toContain('decideEdit');
  page.unmount();

  await render(`pages/station/index?id=${HEAD_STATION}`);
  await page.waitFor('station-detail');
  expect(page.text('station-detail')).toContain('老人代办不收费');
  expect(page.has('btn-info-report')).toBe(true);
});
