/**
 * The `opendata` bundle as deployed: built with esbuild, run with a fake wx-server-sdk over the
 * CloudBase test double, called with HTTP access service events (path, method, query).
 */
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { stationUuid } from '../../core/station/hsds';
import { CERTIFIED_STATUSES } from '../../core/station/vocabulary';
import { useBuiltBundles } from '../support/bundles';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { hsdsErrors, hsdsPageErrors } from '../support/hsds-schema';
import { STATIONS } from '../support/stations';

type Main = (event: unknown, context: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

describe('opendata cloud function bundle', () => {
  const fake = createFakeCloudbase();
  const sdk = { DYNAMIC_CURRENT_ENV: Symbol('env'), init: jest.fn(), database: jest.fn(() => fake.db), getWXContext: jest.fn(() => ({})) };
  const certified = STATIONS.filter((s) => CERTIFIED_STATUSES.includes(s.status)).sort((a, b) => (a.code < b.code ? -1 : 1));
  const bundles = useBuiltBundles({
    only: ['opendata'],
    modules: { 'wx-server-sdk': sdk },
    seed: () => createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf }).upsertMany(STATIONS),
  });
  const main = bundles.main<Main>('opendata');

  test('carries the station store only: other stores are left out of the bundle', () => {
    const code = bundles.code('opendata');
    expect(code).toContain('"stations"');
    // Collection names of stores the handler does not use (complaints, roles, ratings, rate limits).
    for (const name of ['complaint_history', 'role_bindings', 'rating_aggregates', 'rate_limits']) expect(code).not.toContain(name);
  });

  test('pages services as HSDS, schema-valid, with CORS and cache headers', async () => {
    const res = await main({ path: '/open/hsds/services', httpMethod: 'GET', queryStringParameters: { per_page: '2', page: '1' } }, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ total_items: certified.length, page_number: 1, size: 2, first_page: true });
    expect(body.contents.map((c: { id: string }) => c.id)).toEqual(certified.slice(0, 2).map((s) => stationUuid(s.code)));
    expect(hsdsPageErrors('service', body)).toEqual([]);
  });

  test('finds a location by id; 404 for a station not certified; 405 for writes', async () => {
    const res = await main({ path: `/open/hsds/locations/${stationUuid(certified[0].code)}`, httpMethod: 'GET' }, {});
    expect(res.statusCode).toBe(200);
    expect(hsdsErrors('location', JSON.parse(res.body))).toEqual([]);
    const hidden = STATIONS.find((s) => !CERTIFIED_STATUSES.includes(s.status))!;
    expect((await main({ path: `/open/hsds/services/${stationUuid(hidden.code)}`, httpMethod: 'GET' }, {})).statusCode).toBe(404);
    expect((await main({ path: '/open/hsds/services', httpMethod: 'POST' }, {})).statusCode).toBe(405);
    expect((await main({ path: '/open/hsds/organizations', httpMethod: 'GET' }, {})).statusCode).toBe(200);
  });
});
