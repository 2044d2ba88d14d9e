/**
 * The deployed artefact works end to end: build the `stations` bundle into a temp dir, give it a
 * fake `wx-server-sdk` (a node_modules folder next to it, as the cloud would install the real one)
 * whose database() is the CloudBase test double seeded with fixtures, and call its `main`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { buildFunctions } from '../../scripts/build-functions';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { CENTRE, REGIONS, STATIONS } from '../support/stations';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; fields?: Record<string, string> } }>;

const SIZE_BUDGET = 200 * 1024;

describe('stations cloud function bundle', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'zdt-functions-'));
  const fake = createFakeCloudbase();
  const sdk = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: jest.fn(),
    database: jest.fn(() => fake.db),
    getWXContext: jest.fn(() => ({ OPENID: 'o-resident-1', APPID: 'wx-test' })),
  };
  let main: Main;
  let bytes = 0;
  const logged: string[] = [];

  beforeAll(async () => {
    const [built] = await buildFunctions({ outDir, only: ['stations'], log: false });
    bytes = built.bytes;
    // The bundle's require('wx-server-sdk') resolves to this module, which hands over `sdk`.
    const fakeSdkDir = join(outDir, 'node_modules', 'wx-server-sdk');
    mkdirSync(fakeSdkDir, { recursive: true });
    writeFileSync(join(fakeSdkDir, 'index.js'), 'module.exports = globalThis.__fakeWxServerSdk;\n');
    (globalThis as Record<string, unknown>).__fakeWxServerSdk = sdk;

    await createCloudbaseRegionRepository(fake.db).upsertMany(REGIONS);
    await createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf }).upsertMany(STATIONS);

    jest.spyOn(console, 'info').mockImplementation((line: string) => void logged.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void logged.push(line));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    main = (require(join(built.dir, 'index.js')) as { main: Main }).main;
  }, 60_000);

  afterAll(() => {
    jest.restoreAllMocks();
    delete (globalThis as Record<string, unknown>).__fakeWxServerSdk;
    rmSync(outDir, { recursive: true, force: true });
  });

  test('is a small CommonJS bundle that leaves wx-server-sdk to the cloud', () => {
    expect(bytes).toBeLessThanOrEqual(SIZE_BUDGET);
    const dir = join(outDir, 'stations');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': expect.any(String) } });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies)).toEqual(['wx-server-sdk']);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty('timeout');
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(code).toMatch(/require\("wx-server-sdk"\)/);
    expect(code).not.toMatch(/pinyin-pro|better-sqlite3/);
  });

  test('nearby: the envelope of PRODUCT §9, nearest first, platform userInfo ignored', async () => {
    const res = await main(
      { action: 'nearby', data: { lat: CENTRE.lat, lng: CENTRE.lng, radiusM: 5000, limit: 3 }, userInfo: { appId: 'wx-test', openId: 'o-resident-1' } },
      {},
    );
    expect(res.ok).toBe(true);
    const data = res.data as { items: { id: string; distanceM: number; statusLabel: string }[]; nextCursor: string | null };
    expect(data.items.map((s) => s.id)).toEqual(['yd-county', 'gj-township', 'st-village']);
    expect(data.items[0].distanceM).toBeCloseTo(300, 0);
    expect(typeof data.nextCursor).toBe('string');
    const next = await main({ action: 'nearby', data: { lat: CENTRE.lat, lng: CENTRE.lng, radiusM: 5000, limit: 3, cursor: data.nextCursor } }, {});
    expect((next.data as { items: { id: string }[] }).items.map((s) => s.id)).toEqual(['xx-village', 'hq-village', 'hs-village']);
  });

  test('search, get and regions work through the bundle', async () => {
    const search = await main({ action: 'search', data: { q: 'stc' }, tcbContext: {} }, {});
    expect((search.data as { items: { id: string }[] }).items.map((s) => s.id)).toEqual(['st-village']);
    const get = await main({ action: 'get', data: { id: 'st-village' } }, {});
    expect(get).toMatchObject({ ok: true, data: { id: 'st-village', regionPath: expect.any(Array) } });
    const regions = await main({ action: 'regions', data: {} }, {});
    expect((regions.data as { code: string }[]).map((r) => r.code)).toEqual(['3601', '3607', '3608']);
  });

  test('errors: unknown fields, unknown ids, an unreachable database', async () => {
    expect(await main({ action: 'nearby', data: { lat: 25.9, lng: 115.4, openid: 'forged' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', fields: { 'data.openid': '不支持的字段' } },
    });
    expect(await main({ action: 'nearby', data: { lat: 25.9, lng: 115.4 }, extra: 1 }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await main({ action: 'get', data: { id: 'no-such-station' } }, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    fake.setDown(true);
    try {
      expect(await main({ action: 'search', data: { q: '水头' } }, {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      fake.setDown(false);
    }
  });

  test('boots once per container in the current environment; identity comes from the WeChat context', () => {
    expect(sdk.init).toHaveBeenCalledTimes(1);
    expect(sdk.init).toHaveBeenCalledWith({ env: sdk.DYNAMIC_CURRENT_ENV });
    expect(sdk.database).toHaveBeenCalledTimes(1);
    expect(sdk.getWXContext).toHaveBeenCalled();
  });

  test('logs one JSON line per call, without the input', () => {
    expect(logged.length).toBeGreaterThan(5);
    for (const line of logged) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ fn: 'stations', level: expect.any(String) });
      expect(line).not.toMatch(/25\.9|水头|stc|forged|no-such-station/);
    }
  });
});
