/**
 * 台账 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the head's month records an entry; the operator returns it with a reason;
 * the head sees why; the county's totals show the region and its townships.
 */
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

const { env, page, render, callsOf } = weappSuite({ openid: DEMO.stationHead });

const ledgerCalls = () => callsOf('ledger');

test('head records → operator returns with a reason → head sees it; the county sees totals', async () => {
  await render('packages/official/ledger/index', DEMO.stationHead);
  await page.waitFor('btn-ledger-save');
  expect(page.has('ledger-empty')).toBe(true);
  await page.type('ledger-product', '于都脐橙');
  await page.type('ledger-quantity', '120');
  await page.type('ledger-amount', '3600.5');
  await page.type('ledger-households', '8');
  await page.tap('btn-ledger-save');
  await page.waitUntil(() => page.text('ledger-list').includes('于都脐橙'), 'the new entry');
  const recorded = ledgerCalls().find((c) => c.data.action === 'record');
  expect(recorded?.data.data).toMatchObject({ kind: 'poverty_sale', quantity: 120, amountFen: 360_050, households: 8 });
  expect(page.text('ledger-totals-sale')).toBe('3,600.50');
  page.unmount();

  await render('packages/official/ledger/review/index', DEMO.operatorStaff);
  await page.waitFor('ledger-review-list');
  await page.waitUntil(() => page.text('ledger-review-list').includes('于都脐橙'), 'the entry to review');
  const queue = (await env.functions.ledger!({ action: 'queue', data: {} }, { openid: DEMO.operatorStaff })) as { data: { items: { id: string }[] } };
  const id = queue.data.items[0].id;
  await page.tap(`btn-start-return-${id}`);
  await page.type(`return-reason-${id}`, '金额请按实际填写');
  await page.tap(`btn-return-${id}`);
  await page.waitUntil(() => !page.has(`review-${id}`), 'the returned entry leaves the list');
  expect(ledgerCalls().find((c) => c.data.action === 'review')?.data.data).toEqual({ id, decision: 'return', reason: '金额请按实际填写' });
  page.unmount();

  await render('packages/official/ledger/index', DEMO.stationHead);
  await page.waitFor('ledger-returned');
  expect(page.text(`entry-${id}`)).toContain('金额请按实际填写');
  expect(page.has(`btn-fix-${id}`)).toBe(true);
  page.unmount();

  await render('packages/official/ledger/totals/index', DEMO.county);
  await page.waitFor('ledger-totals-region');
  expect(page.text('ledger-totals-region')).toBe('于都县');
  expect(page.has('ledger-totals-empty')).toBe(true);
});
