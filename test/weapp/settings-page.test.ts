/**
 * 参数设置 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the county overrides the freshness days with a reason and sees the
 * value in force and the audit line; the county's coverage page renders with its villages.
 */
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

const { page, render, callsOf } = weappSuite({ openid: DEMO.county });

test('the county sets its own freshness days and sees the audit line', async () => {
  await render('packages/official/settings/index', DEMO.county);
  await page.waitFor('settings-view');
  expect(page.text('setting-freshnessDays')).toContain('180天');
  // The weights editor: one box per part, the inherited (default) weights, the live total.
  expect(page.text('weights-status')).toContain('于都县未单独设定，现沿用默认权重');
  expect(page.text('weight-ledger')).toContain('台账');
  expect(page.text('weights-total')).toContain('合计 100%');
  await page.type('setting-freshnessDays-input', '120');
  await page.type('settings-reason', '山区村点多');
  await page.tap('btn-settings-save');
  await page.waitUntil(() => page.text('settings-trail').includes('沿用上级 → 120天'), 'the audit line');
  expect(page.text('setting-freshnessDays')).toContain('120天');
  const sent = callsOf('settings').find((c) => c.data.action === 'update');
  expect(sent?.data.data).toEqual({ regionCode: '360731', values: { freshnessDays: 120 }, reason: '山区村点多', version: 0 });
  page.unmount();

  await render('packages/official/coverage/index');
  await page.waitFor('coverage-villages');
  expect(page.has('coverage-poverty')).toBe(true);
});
