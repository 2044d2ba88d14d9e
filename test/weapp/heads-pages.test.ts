/**
 * Heads' pages as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the operator opens a training sign-in; the head, opened by the code's
 * scene, signs in and sees the training and their assessment; the county's list shows the head.
 */
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

const { page, render } = weappSuite({ openid: DEMO.operatorStaff });

test('operator opens a sign-in → the head, opened by the scanned scene, signs in → the county sees the head', async () => {
  await render('packages/official/heads/session/index', DEMO.operatorStaff);
  await page.waitFor('btn-heads-session-open');
  await page.type('heads-session-title', '农产品直播带货培训');
  await page.tap('btn-heads-session-open');
  await page.waitFor('heads-session-code');
  const code = page.text('heads-session-code').trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  page.unmount();

  await render(`packages/official/heads/mine/index?scene=${encodeURIComponent(`t=${code}`)}`, DEMO.stationHead);
  await page.waitFor('btn-heads-signin');
  await page.tap('btn-heads-signin');
  await page.waitFor('heads-signin-done');
  await page.waitUntil(() => page.text('heads-training').includes('农产品直播带货培训'), 'the training in the record');
  await page.waitFor('heads-result-total');
  page.unmount();

  await render('packages/official/heads/index', DEMO.county);
  await page.waitFor(`heads-row-${HEAD_STATION}`);
  expect(page.text(`heads-row-${HEAD_STATION}`)).toContain('王站长');
  expect(page.has(`btn-heads-replace-${HEAD_STATION}`)).toBe(true);
});
