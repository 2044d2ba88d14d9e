/**
 * The `open311` bundle as deployed (issue 11 §5): built with esbuild, run with a fake
 * wx-server-sdk over the CloudBase test double and called with HTTP access service events. The
 * key comes from the `account` bundle as the province administrator would issue it; a form POST
 * (plain and base64, as the access service may pass it) files a complaint that reads back by id.
 */
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { fakeWxServerSdk, useBuiltBundles } from '../support/bundles';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { REGIONS, STATIONS } from '../support/stations';
import { LISTED_STATUSES } from '../../core/station/vocabulary';

type Http = (event: unknown, context: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
type Call = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: { key: string }; error?: unknown }>;

describe('open311 cloud function bundle', () => {
  const fake = createFakeCloudbase();
  let openid = '';
  const sdk = fakeWxServerSdk(fake, () => openid, {
    openapi: { security: { msgSecCheck: jest.fn(async () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })) } },
  });
  const ADMIN = 'o-admin-0001';
  const env = { ZDT_DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`, ZDT_ADMINS: `${ADMIN}:province_admin:36` };
  const station = STATIONS.find((s) => LISTED_STATUSES.includes(s.status))!;
  const bundles = useBuiltBundles({
    only: ['open311', 'account'],
    modules: { 'wx-server-sdk': sdk },
    env,
    seed: async () => {
      await createCloudbaseRegionRepository(fake.db).upsertMany(REGIONS);
      await createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf }).upsertMany(STATIONS);
    },
  });
  const open311 = bundles.main<Http>('open311');
  const account = bundles.main<Call>('account');

  test('small, without SQLite or the pinyin dictionary', () => {
    expect(bundles.sizes.open311).toBeLessThanOrEqual(200 * 1024);
    const code = bundles.code('open311');
    expect(code).toMatch(/require\("wx-server-sdk"\)/);
    expect(code).not.toMatch(/pinyin-pro|better-sqlite3/);
  });

  test('a key from account → a form POST (plain, then base64) files complaints that read back by id', async () => {
    openid = ADMIN;
    const issued = await account({ action: 'issueApiKey', data: { name: '赣州市 12345 热线平台' } }, {});
    expect(issued.ok).toBe(true);
    const key = issued.data!.key;
    openid = '';
    const form = new URLSearchParams({ api_key: key, service_code: 'parcel', address_id: station.id, description: '在站点寄的快递丢了，站点说不归他们管。' }).toString();
    const headers = { host: 'env-1234.service.tcloudbase.com', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' };
    for (const body of [{ body: form }, { body: Buffer.from(form).toString('base64'), isBase64Encoded: true }]) {
      const res = await open311({ path: '/open/georeport/v2/requests.json', httpMethod: 'POST', headers, ...body }, {});
      expect(res.statusCode).toBe(200);
      const [created] = JSON.parse(res.body);
      const read = await open311({ path: `/open/georeport/v2/requests/${created.service_request_id}.xml`, httpMethod: 'GET', headers }, {});
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(read.body).toContain(`<service_request_id>${created.service_request_id}</service_request_id>`);
      expect(read.body).not.toContain('快递丢了');
    }
    const discovery = JSON.parse((await open311({ path: '/open/georeport/v2/discovery.json', httpMethod: 'GET', headers }, {})).body);
    expect(discovery.endpoints[0].url).toBe('https://env-1234.service.tcloudbase.com/open/georeport/v2');
    const wrong = await open311({ path: '/open/georeport/v2/requests.json', httpMethod: 'POST', headers, body: 'api_key=zdt_nope&service_code=parcel' }, {});
    expect([wrong.statusCode, JSON.parse(wrong.body)]).toEqual([403, [{ code: 403, description: 'api_key 不对或已停用' }]]);
  });
});
