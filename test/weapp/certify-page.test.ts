/**
 * 站点认定 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): the operator's staff pass their application at 初审; the county records
 * the site visit; publishing the 公示 asks first and then the station shows 认定公示中.
 */
import { PNG_1X1 } from '../support/complaints';
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

let appId = '';
const { env, page, render, call } = weappSuite({
  openid: DEMO.operatorStaff,
  setup: async (stores) => {
    const s = (await stores.stations.get(HEAD_STATION))!;
    await stores.stations.upsertMany([{ ...s, status: 'planned', certification: null }]);
    // 申办 photos, as uploaded by the staff member.
    const plaquePhotos = [stores.files.upload(PNG_1X1, DEMO.operatorStaff).id];
    const signagePhotos = [stores.files.upload(PNG_1X1, DEMO.operatorStaff).id];
    const filed = await call(
      'register',
      'fileCertification',
      { stationId: HEAD_STATION, stationName: '江西电商扶贫工程贡江镇服务站', entity: '于都县电商运营公司', areaSqm: 60, equipment: ['broadband', 'desk_chairs', 'shelves'], servicePopulation: 5000, plaquePhotos, signagePhotos },
      DEMO.operatorStaff,
    );
    appId = filed.id;
  },
});

test('the operator sees the application and passes it at 初审', async () => {
  await render('packages/official/certify/index', DEMO.operatorStaff);
  await page.waitFor(`cert-${appId}`);
  expect(page.text(`cert-${appId}`)).toContain('运营单位初审中');
  // The 申办 photos show on the application.
  expect(page.has(`cert-photos-${appId}`)).toBe(true);
  expect(page.text(`cert-photos-${appId}`)).toContain('站牌照片');
  expect(page.has('certify-new')).toBe(true);
  await page.tap(`cert-pass-${appId}`);
  await page.waitForText(`cert-${appId}`, '县级审核中');
  // A new application asks for the plaque and signage photos.
  await page.tap('certify-new');
  await page.waitFor('certify-plaque-add');
  expect(page.has('certify-signage-add')).toBe(true);
});

test('the county records the site visit, then publishing asks first', async () => {
  await render('packages/official/certify/index', DEMO.county);
  await page.waitFor(`cert-visitors-${appId}`);
  expect(page.has('certify-new')).toBe(false);
  await page.type(`cert-visitors-${appId}`, '县商务局 张科长');
  await page.type(`cert-findings-${appId}`, '场地、设施与申报一致');
  await page.tap(`cert-passed-${appId}-yes`);
  await page.tap(`cert-review-${appId}`);
  await page.waitForText(`cert-${appId}`, '审核通过，待公示');
  await page.waitFor(`cert-channel-${appId}`);
  await page.type(`cert-channel-${appId}`, '县商务局 0797-1234567');
  await page.tap(`cert-publish-${appId}`);
  const asked = await env.waitForCall('showModal');
  expect(JSON.stringify(asked)).toContain('发布认定公示');
  await page.waitForText(`cert-${appId}`, '认定公示中');
  expect(page.has(`cert-objections-${appId}`)).toBe(true);
});

test('the certification notice shows on the public notice page with the station facts and the objection form', async () => {
  const { noticeId } = await call<{ noticeId: string }>('register', 'certification', { id: appId }, DEMO.county);
  await render(`packages/apply/notice/index?id=${noticeId}`, 'demo-resident-1');
  await page.waitFor('notice-facts');
  expect(page.text('notice-detail')).toContain('江西电商扶贫工程贡江镇服务站认定公示');
  expect(page.text('notice-facts')).toContain('服务人口');
  expect(page.text('notice-facts')).toContain('60㎡');
  expect(page.has('objection-form')).toBe(true);
});
