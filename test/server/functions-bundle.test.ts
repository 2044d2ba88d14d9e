/**
 * The deployed artefacts work end to end: build the bundles into a temp dir, give them a fake
 * `wx-server-sdk` (a node_modules folder next to them, as the cloud would install the real one)
 * whose database() is the CloudBase test double, and call their `main`:
 * - `stations` over seeded fixtures;
 * - `account` (first administrators from ZDT_ADMINS), `complaints` (submit → queue → accept, with
 *   ZDT_DATA_KEYS, msgSecCheck and a different OPENID per call) and `scheduler` (only its timer
 *   trigger may run it; it delivers the outbox through subscribeMessage.send) over one database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { fakeWxServerSdk, useBuiltBundles } from '../support/bundles';
import { createFakeCloudbase, type FakeCloudbase } from '../support/fake-cloudbase';
import { CENTRE, REGIONS, S, STATIONS } from '../support/stations';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; fields?: Record<string, string> } }>;

const SIZE_BUDGET = 200 * 1024;

/** Seeds the double with the regions and stations of the fixtures. */
const seedDirectory = (fake: FakeCloudbase) => async () => {
  await createCloudbaseRegionRepository(fake.db).upsertMany(REGIONS);
  await createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf }).upsertMany(STATIONS);
};

describe('stations cloud function bundle', () => {
  const fake = createFakeCloudbase();
  const sdk = fakeWxServerSdk(fake, () => 'o-resident-1');
  // The bundle's require('wx-server-sdk') resolves to a module that hands over `sdk`.
  const bundles = useBuiltBundles({ only: ['stations'], modules: { 'wx-server-sdk': sdk }, seed: seedDirectory(fake) });
  const main = bundles.main<Main>('stations');
  const { logged } = bundles;

  test('is a small CommonJS bundle that leaves wx-server-sdk to the cloud', () => {
    expect(bundles.sizes.stations).toBeLessThanOrEqual(SIZE_BUDGET);
    const dir = join(bundles.outDir, 'stations');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': expect.any(String) } });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies)).toEqual(['wx-server-sdk']);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty('timeout');
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(code).toMatch(/require\("wx-server-sdk"\)/);
    expect(code).not.toMatch(/pinyin-pro|better-sqlite3/);
  });

  test('nearby: the envelope of docs/product.md §9, nearest first, platform userInfo ignored', async () => {
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

describe('account, complaints and scheduler bundles end to end', () => {
  const fake = createFakeCloudbase();
  /** The OPENID the WeChat context reports for the next call ('' for a timer trigger). */
  let openid = '';
  const sdk = fakeWxServerSdk(fake, () => openid, {
    openapi: {
      security: { msgSecCheck: jest.fn(async (_req: Record<string, unknown>) => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })) },
      subscribeMessage: { send: jest.fn(async (_req: Record<string, unknown>) => ({ errCode: 0 })) },
    },
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({ fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${fileID}`, status: 0 })) })),
  });
  const RESIDENT = 'o-resident-0001';
  const STRANGER = 'o-resident-0002';
  const COUNTY = 'o-county-0001';
  const env = {
    ZDT_DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    ZDT_ADMINS: `${COUNTY}:county_official:360731`,
    ZDT_SUBSCRIBE_TEMPLATES: JSON.stringify({ complaint_accepted: { id: 'TPL-ACCEPTED', fields: { character_string1: 'trackingNo', thing2: 'station', phrase3: 'status' } } }),
  };
  const bundles = useBuiltBundles({ only: ['account', 'complaints', 'scheduler'], modules: { 'wx-server-sdk': sdk }, env, seed: seedDirectory(fake) });
  const { logged, sizes, outDir } = bundles;

  /** Call a function as `who` (null: no user, as for a timer trigger). */
  async function call(fn: string, who: string | null, event: unknown) {
    openid = who ?? '';
    return bundles.main<Main>(fn)(event, {});
  }

  test('each bundle is small and carries neither SQLite nor the pinyin dictionary', () => {
    for (const name of ['account', 'complaints', 'scheduler']) {
      expect(sizes[name]).toBeLessThanOrEqual(SIZE_BUDGET);
      const code = bundles.code(name);
      expect(code).toMatch(/require\("wx-server-sdk"\)/);
      expect(code).not.toMatch(/pinyin-pro|better-sqlite3/);
    }
    expect(JSON.parse(readFileSync(join(outDir, 'scheduler', 'config.json'), 'utf8'))).toMatchObject({ triggers: [{ name: 'scheduler-every-10-min', type: 'timer' }] });
  });

  test('account: the configured administrator exists after the first call', async () => {
    const me = await call('account', COUNTY, { action: 'me', data: {} });
    expect(me).toMatchObject({ ok: true, data: { openid: COUNTY, isOfficial: true, roles: [{ role: 'county_official', scope: { kind: 'region', regionCode: '360731' } }] } });
    // Bootstrapping is idempotent: one binding, one audit entry.
    await call('account', COUNTY, { action: 'me', data: {} });
    expect(fake.dump('role_bindings')).toHaveLength(1);
    expect(fake.dump('audit_log').filter((a) => a.action === 'role.grant')).toHaveLength(1);
    expect(await call('account', null, { action: 'me', data: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  let complaint: { id: string; version: number; trackingNo: string };

  test('complaints: a resident submits; the same requestId twice is one complaint', async () => {
    const event = {
      action: 'submit',
      data: { stationId: S.shuitou.id, category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。', phone: '13800138000' },
      requestId: 'req-bundle-0001',
    };
    const res = await call('complaints', RESIDENT, event);
    expect(res).toMatchObject({ ok: true, data: { status: 'submitted', stationId: S.shuitou.id, phoneMasked: '138****8000' } });
    complaint = res.data as typeof complaint;
    expect(complaint.trackingNo).toMatch(/^TS\d{6}[0-9A-Z]{6}$/);
    expect(sdk.openapi.security.msgSecCheck).toHaveBeenCalledWith(expect.objectContaining({ openid: RESIDENT, version: 2, content: event.data.description }));
    const again = await call('complaints', RESIDENT, event);
    expect(again).toMatchObject({ ok: true, data: { id: complaint.id } });
    expect(fake.dump('complaints')).toHaveLength(1);
    // The phone is stored encrypted only.
    expect(JSON.stringify(fake.dump('complaints'))).not.toContain('13800138000');
  });

  test('complaints: identity comes from the WeChat context, never from the event', async () => {
    expect(await call('complaints', null, { action: 'mine', data: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('complaints', STRANGER, { action: 'get', data: { id: complaint.id }, userInfo: { openId: RESIDENT } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('complaints', STRANGER, { action: 'queue', data: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const mine = await call('complaints', RESIDENT, { action: 'mine', data: {} });
    expect((mine.data as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([complaint.id]);
  });

  test('complaints: the county official sees it in the queue and accepts it; a stale version is CONFLICT', async () => {
    const queue = await call('complaints', COUNTY, { action: 'queue', data: {} });
    expect(queue.ok).toBe(true);
    expect((queue.data as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([complaint.id]);
    const accepted = await call('complaints', COUNTY, { action: 'accept', data: { id: complaint.id, version: complaint.version } });
    expect(accepted).toMatchObject({ ok: true, data: { id: complaint.id, status: 'accepted', phone: '13800138000' } });
    expect(await call('complaints', COUNTY, { action: 'accept', data: { id: complaint.id, version: complaint.version } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const view = await call('complaints', RESIDENT, { action: 'get', data: { id: complaint.id } });
    expect(view).toMatchObject({ ok: true, data: { status: 'accepted' } });
    expect((view.data as { timeline: { action: string }[] }).timeline.map((t) => t.action)).toEqual(['submit', 'accept']);
    expect(fake.dump('outbox')).toEqual([expect.objectContaining({ openid: RESIDENT, event: 'complaint_accepted', complaintId: complaint.id, sentAt: null })]);
  });

  test('scheduler: refuses callers with an OPENID and events that are not its timer trigger', async () => {
    const timer = { Type: 'Timer', TriggerName: 'scheduler-every-10-min', Time: new Date().toISOString() };
    expect(await call('scheduler', RESIDENT, timer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('scheduler', null, { action: 'run', data: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('scheduler', null, { ...timer, TriggerName: 'another-trigger' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(sdk.openapi.subscribeMessage.send).not.toHaveBeenCalled();
  });

  test('scheduler: its timer trigger delivers the outbox once, and a second run finds nothing to do', async () => {
    const timer = { Type: 'Timer', TriggerName: 'scheduler-every-10-min', Time: new Date().toISOString() };
    const first = await call('scheduler', null, timer);
    expect(first).toMatchObject({ ok: true, data: { sent: 1, failed: 0, escalated: 0, autoClosed: 0 } });
    expect(sdk.openapi.subscribeMessage.send).toHaveBeenCalledTimes(1);
    expect(sdk.openapi.subscribeMessage.send).toHaveBeenCalledWith(
      expect.objectContaining({ touser: RESIDENT, templateId: 'TPL-ACCEPTED', data: expect.objectContaining({ character_string1: { value: complaint.trackingNo } }) }),
    );
    expect(fake.dump('outbox')[0].sentAt).toEqual(expect.any(String));
    expect(await call('scheduler', null, timer)).toMatchObject({ ok: true, data: { sent: 0, failed: 0 } });
    expect(sdk.openapi.subscribeMessage.send).toHaveBeenCalledTimes(1);
  });

  test('each function booted once, and logs carry no input or personal data', () => {
    expect(sdk.init).toHaveBeenCalledTimes(3);
    expect(sdk.database).toHaveBeenCalledTimes(3);
    expect(logged.length).toBeGreaterThan(10);
    for (const line of logged) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(['account', 'complaints', 'scheduler']).toContain(entry.fn);
      expect(line).not.toMatch(/13800138000|多收两元|o-resident-000/);
    }
  });
});

describe('account bundle with a malformed ZDT_ADMINS', () => {
  const fake = createFakeCloudbase();
  const sdk = fakeWxServerSdk(fake, () => 'o-county-0001');
  // The second entry has a role that does not exist; the first is fine.
  const MALFORMED = 'o-county-0001:county_official:360731, oSecretAdmin-777:emperor:36';
  const bundles = useBuiltBundles({ only: ['account'], modules: { 'wx-server-sdk': sdk }, env: { ZDT_ADMINS: MALFORMED } });
  const main = bundles.main<Main>('account');
  const { logged } = bundles;

  test('every call answers an INTERNAL envelope (never throws), logs the config error without values, grants nothing', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(main({ action: 'me', data: {} }, {})).resolves.toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) });
    }
    expect(fake.dump('role_bindings')).toEqual([]);
    const errors = logged.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ fn: 'account', code: 'INTERNAL', error: 'ConfigError', variable: 'ZDT_ADMINS', entry: 2 });
    for (const line of logged) expect(line).not.toMatch(/o-county-0001|oSecretAdmin|emperor|360731/);
  });
});
