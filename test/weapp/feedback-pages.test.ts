/**
 * The built weapp's complaint, rating and 我的 pages under miniprogram-simulate, through the real
 * client path (Taro transport → wx.cloud.callFunction → the real complaints / ratings handlers
 * over the in-memory demo database): file a complaint and get a tracking number; open the
 * station by a scanned code (encoded `options.scene`), rate it as 到店评价.
 */
import { formatScene } from '../../core/rating/rules';
import { weappSuite } from './support/suite';

const COUNTY_CENTRE = 'st-360731-000';
const NAME = '于都县电商扶贫服务运营中心';

let scene = '';
const { env, page, render, callsOf: cloudCalls } = weappSuite({
  // The complaints, ratings and account functions over the same demo database.
  local: { only: ['complaints', 'ratings', 'account'], admins: false },
  setup: ({ signer }) => {
    const sig = signer.sign('scene', COUNTY_CENTRE);
    scene = formatScene(COUNTY_CENTRE, sig.keyId, sig.signature);
  },
});

test('我要投诉: category, description, submit → tracking number; the draft is cleared', async () => {
  await render(`pages/complaint/new/index?stationId=${COUNTY_CENTRE}&stationName=${encodeURIComponent(NAME)}`);
  await page.waitFor('complaint-station');
  expect(page.text('complaint-station')).toBe(NAME);
  await page.tap('category-overcharge');
  await page.waitFor('similar-reports');
  await page.type('complaint-description', '快递代寄收了15元，价目表写5元。');
  expect(page.text('description-counter')).toBe('17/2000');
  expect(env.storage.get(`zdt.complaintDraft.${COUNTY_CENTRE}`)).toMatchObject({ category: 'overcharge' });
  await page.tap('complaint-submit');
  await page.waitFor('complaint-tracking-no');
  expect(page.text('complaint-tracking-no')).toMatch(/^TS\d{6}[0-9A-Z]{6}$/);
  expect(page.text('complaint-status')).toBe('待受理');
  const [submit] = cloudCalls('complaints', 'submit');
  expect(submit.data.requestId).toMatch(/^[A-Za-z0-9]{20}$/);
  expect(submit.data.data).toMatchObject({ stationId: COUNTY_CENTRE, category: 'overcharge', shareIdentity: false });
  expect(env.storage.has(`zdt.complaintDraft.${COUNTY_CENTRE}`)).toBe(false);
  // No template ids in this build: no subscribe request.
  expect(env.callsTo('requestSubscribeMessage')).toHaveLength(0);
});

test('scanned code: the encoded scene gives a visit token; the rating is sent as 到店评价', async () => {
  await render(`pages/station/index?scene=${encodeURIComponent(scene)}`);
  await page.waitFor('visit-banner');
  expect(page.text('visit-banner')).toContain('您已到店');
  expect(cloudCalls('ratings', 'visit')[0].data.data).toEqual({ scene });
  await page.tap('btn-visit-rate');
  const [nav] = await env.waitForCall('navigateTo');
  expect(nav.url).toBe(`/pages/rating/new/index?stationId=${COUNTY_CENTRE}&name=${encodeURIComponent(NAME)}&visit=1`);
  page.unmount();

  await render(nav.url.replace(/^\//, ''));
  await page.waitFor('rating-visit');
  for (const dim of ['attitude', 'pricing', 'cleanliness', 'efficiency']) await page.tap(`rating-star-${dim}-4`);
  await page.tap('rating-submit');
  await page.waitFor('rating-done');
  const [submit] = cloudCalls('ratings', 'submit');
  expect(typeof submit.data.data.visitToken).toBe('string');
  expect(page.text('rating-done')).toContain('到店评价');
});

test('a forged scene: message, the station still shows', async () => {
  await render(`pages/station/index?scene=${encodeURIComponent(`${COUNTY_CENTRE}.kAAAAAAAAAAAA`)}`);
  await page.waitFor('visit-error');
  await page.waitFor('station-name');
  expect(page.text('visit-error')).toContain('二维码');
  expect(page.has('visit-banner')).toBe(false);
});

test('我的: entries, no demo identity switcher in weapp', async () => {
  await render('pages/me/index');
  await page.waitFor('me-complaints');
  expect(page.has('identity-switcher')).toBe(false);
  await page.tap('me-complaints');
  const [nav] = await env.waitForCall('navigateTo');
  expect(nav.url).toBe('/pages/complaint/mine/index');
});
