/**
 * 站点申办 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers behind
 * wx.cloud.callFunction): 我的申办 shows the caller's own application returned at 初审 with the
 * reason; the form opens with the region choices and the photo pickers.
 */
import { PNG_1X1 } from '../support/complaints';
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

let appId = '';
const { page, render, call } = weappSuite({
  openid: DEMO.resident2,
  setup: async (stores) => {
    const s = (await stores.stations.get(HEAD_STATION))!;
    const township = s.regionPath.find((r) => r.code.length === 9)!;
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const body = '91360731MA35P8QK1';
    const creditCode = body + chars[(31 - ([...body].reduce((a, ch, i) => a + chars.indexOf(ch) * w[i]!, 0) % 31)) % 31];
    const filed = await call(
      'register',
      'fileAsEntity',
      {
        entityName: '于都县梓山农品商贸有限公司', creditCode, contactName: '赵六', contactPhone: '13912345678',
        stationName: `江西电商扶贫工程${township.name}服务站`, level: 'township', regionCode: township.code, address: `于都县${township.name}新街 8 号`,
        lat: s.location.lat + 0.01, lng: s.location.lng + 0.01, hotline: '0797-6543210', services: ['product_sales'], areaSqm: 80,
        equipment: ['broadband', 'desk_chairs', 'shelves'], servicePopulation: 6000,
        plaquePhotos: [stores.files.upload(PNG_1X1, DEMO.resident2).id], signagePhotos: [stores.files.upload(PNG_1X1, DEMO.resident2).id],
      },
      DEMO.resident2,
    );
    appId = filed.id;
    await call('register', 'operatorReviewCertification', { id: appId, version: 1, pass: false, comment: '缺少场地租赁合同' }, DEMO.operatorStaff);
  },
});

test('我的申办 shows the returned application with its reason; the form opens', async () => {
  await render('packages/apply/entity/index', DEMO.resident2);
  await page.waitFor(`entity-app-${appId}`);
  expect(page.text(`entity-app-${appId}`)).toContain('初审退回');
  expect(page.text(`entity-app-${appId}`)).toContain('缺少场地租赁合同');
  await page.tap('entity-new');
  await page.waitFor('entity-plaque-add');
  expect(page.has('entity-signage-add')).toBe(true);
  await page.waitFor('entity-region-3607');
});
