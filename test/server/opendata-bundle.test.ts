/**
 * The `opendata` bundle as deployed: built with esbuild, run with a fake wx-server-sdk over the
 * CloudBase test double, called with HTTP access service events (path, method, query).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { stationUuid } from '../../core/station/hsds';
import { CERTIFIED_STATUSES } from '../../core/station/vocabulary';
import { buildFunctions } from '../../scripts/build-functions';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { fakeModule } from '../support/fake-module';
import { hsdsErrors, hsdsPageErrors } from '../support/hsds-schema';
import { STATIONS } from '../support/stations';

type Main = (event: unknown, context: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

describe('opendata cloud function bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'zdt-opendata-'));
  const fake = createFakeCloudbase();
  const sdk = { DYNAMIC_CURRENT_ENV: Symbol('env'), init: jest.fn(), database: jest.fn(() => fake.db), getWXContext: jest.fn(() => ({})) };
  let main: Main;
  let code = '';
  const certified = STATIONS.filter((s) => CERTIFIED_STATUSES.includes(s.status)).sort((a, b) => (a.code < b.code ? -1 : 1));

  beforeAll(async () => {
    const [built] = await buildFunctions({ outDir, only: ['opendata'], log: false });
    code = readFileSync(join(built.dir, 'index.js'), 'utf8');
    fakeModule(outDir, 'wx-server-sdk', '__fakeWxServerSdk', sdk);
    await createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf }).upsertMany(STATIONS);
    jest.spyOn(console, 'info').mockImplementation(() => {});
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    main = (require(join(built.dir, 'index.js')) as { main: Main }).main;
  }, 60_000);

  afterAll(() => {
    jest.restoreAllMocks();
    delete (globalThis as Record<string, unknown>).__fakeWxServerSdk;
    rmSync(outDir, { recursive: true, force: true });
  });

  test('carries the station store only: other stores are left out of the bundle', () => {
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
