/**
 * Operators' visits (issue 12 §2) in the H5 build: operator staff inspect a station on a phone
 * (one item fails) → the county official on a PC turns the failed item into a rectification order
 * (after a confirmation) → the station is under rectification. Screenshots: .cache/e2e/inspect-*.png.
 */
import { browserSuite, fill, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const ITEMS = ['premises', 'equipment', 'signage', 'pricing', 'public_info', 'cleanliness'];

const { h, browsers } = browserSuite();

test('operator inspects → county issues a rectification from the failed item', async () => {
  const phone = await browsers.open({ openid: DEMO.operatorStaff });
  await phone.goto(`${h.baseUrl}/packages/official/inspect/index?stationId=${HEAD_STATION}`);
  const p = '#page-inspect';
  await settled(phone, `${p} #btn-inspect-save`);
  await h.shot(phone, 'inspect-01-checklist-phone');
  for (const c of ITEMS) await tap(phone, `${p} #check-${c}-${c === 'pricing' ? 'bad' : 'ok'}`);
  await fill(phone, `${p} #check-pricing-note`, '鸡蛋、大米没有标价');
  await tap(phone, `${p} #btn-inspect-save`);
  await waitText(phone, `${p} #inspect-list`, '83 分');
  await h.shot(phone, 'inspect-02-saved-phone');

  const pc = await browsers.pc(DEMO.county, '/packages/official/inspect/dues/index');
  await waitText(pc, '#page-dues #dues-operators', '本季度未指导');
  await h.shot(pc, 'inspect-03-dues-pc');
  await pc.goto(`${h.baseUrl}/packages/official/inspect/index?stationId=${HEAD_STATION}`);
  const r = '#page-inspect';
  await waitText(pc, `${r} #inspect-list`, '鸡蛋、大米没有标价');
  const id = ((await pc.locator(`${r} #inspect-list .sp-item`).first().getAttribute('id')) ?? '').replace('visit-', '');
  await pc.click(`${r} #btn-start-rectify-${id}`);
  await fill(pc, `${r} #fixes-${id}`, '全部商品明码标价，价签清楚');
  await pc.click(`${r} #btn-rectify-${id}`);
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('将进入整改中');
  await modal.locator('.taro-model__confirm').click();
  await waitText(pc, `${r} #visit-${id}`, '已据此下达整改通知');
  await h.shot(pc, 'inspect-04-rectification-pc');
  expect((await h.app.stores.stations.get(HEAD_STATION))?.status).toBe('rectification');
  expect(await text(pc, `${r} #visit-${id}`)).not.toContain('据此下整改通知…');
});
