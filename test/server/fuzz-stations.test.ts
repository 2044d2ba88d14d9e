/**
 * Fuzzing the `stations` cloud function (createStationsHandler over in-memory SQLite): whatever
 * arrives, the answer is a well-formed docs/product.md §9 envelope, never INTERNAL; invalid input is a
 * VALIDATION_ERROR with a Chinese message that names the offending field.
 */
import { createSqliteRateLimitStore } from '../../adapters/sqlite/rate-limits';
import { createSqliteUnlistedRepository } from '../../adapters/sqlite/unlisted';
import { createSqliteStationEditRepository } from '../../adapters/sqlite/station-edits';
import { randomIds } from '../../adapters/platform/crypto';
import { localContentSecurity } from '../../adapters/platform/local';
import fc from 'fast-check';
import { createStationsHandler } from '../../cloudfunctions/stations/handler';
import { ERROR_CODES, type Envelope } from '../../core/shared/errors';
import type { Logger } from '../../core/shared/router';
import { MAX_PAGE, MAX_RADIUS_M } from '../../core/station/api';
import { LISTED_STATUSES, SERVICE_CODES, STATION_LEVELS } from '../../core/station/vocabulary';
import { YUDU, directoryStations, openTestDirectory, type TestDirectory } from '../core/station-fixtures';

const HAN = /\p{Script=Han}/u;
const RUNS = { numRuns: 200 };

let env: TestDirectory;
let handle: ReturnType<typeof createStationsHandler>;
const logged: { level: string; entry: Record<string, unknown> }[] = [];
const logger: Logger = {
  info: (entry) => logged.push({ level: 'info', entry }),
  error: (entry) => logged.push({ level: 'error', entry }),
};

beforeAll(async () => {
  env = await openTestDirectory(directoryStations());
  handle = createStationsHandler({ ...env, rateLimits: createSqliteRateLimitStore(env.db), edits: createSqliteStationEditRepository(env.db), unlisted: createSqliteUnlistedRepository(env.db), uploads: { claim: async (id: string) => id }, content: localContentSecurity(), ids: randomIds }, logger);
});
afterAll(() => env.db.close());
afterEach(() => {
  // No input ever made the function fail internally.
  expect(logged.filter((l) => l.level === 'error')).toEqual([]);
  logged.length = 0;
});

type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

/** The envelope shape of docs/product.md §9, never INTERNAL. Returns the error body, if any. */
function checkEnvelope(res: Envelope<unknown>): ErrorBody | null {
  expect(res).not.toBeNull();
  expect(typeof res).toBe('object');
  expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  if (res.ok === true) {
    expect(Object.keys(res).sort()).toEqual(['data', 'ok']);
    return null;
  }
  expect(res.ok).toBe(false);
  expect(Object.keys(res).sort()).toEqual(['error', 'ok']);
  const error = res.error as ErrorBody;
  expect(ERROR_CODES).toContain(error.code);
  expect(error.code).not.toBe('INTERNAL');
  expect(typeof error.message).toBe('string');
  expect(error.message).toMatch(HAN);
  const keys = Object.keys(error).sort();
  expect(keys.filter((k) => k !== 'fields')).toEqual(['code', 'message']);
  if (error.code === 'VALIDATION_ERROR') {
    expect(error.fields).toBeDefined();
    const fields = error.fields as Record<string, string>;
    expect(Object.keys(fields).length).toBeGreaterThan(0);
    for (const msg of Object.values(fields)) {
      expect(typeof msg).toBe('string');
      expect(msg).toMatch(HAN);
    }
  }
  return error;
}

async function call(event: unknown): Promise<{ res: Envelope<unknown>; error: ErrorBody | null }> {
  const res = await handle(event, { openid: null });
  return { res, error: checkEnvelope(res) };
}

// ——— arbitraries ———

const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', ''];
const FIELD_NAMES = ['action', 'data', 'requestId', 'lat', 'lng', 'radiusM', 'q', 'id', 'parentCode', 'cursor', 'limit', 'level', 'service', 'openNow', 'regionCode'];
const key = fc.oneof(fc.constantFrom(...NASTY_KEYS, ...FIELD_NAMES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));

const HUGE = ['x'.repeat(100_000), '于'.repeat(30_000), '\u0000'.repeat(2_000), '"*'.repeat(5_000), 'a'.repeat(51), '贡'.repeat(51), '\uD800'.repeat(100)];
const hugeString = fc.constantFrom(...HUGE);
const WEIRD_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 91, -91, 181, -181, 50_001, 0, -1, 1.5, 51, 90.0000001];
const weirdNumber = fc.constantFrom(...WEIRD_NUMBERS);

const leaf = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hugeString,
  fc.double(),
  fc.integer(),
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

/** Objects are built with Object.fromEntries, so "__proto__" becomes an own key, as JSON.parse makes it. */
const { value: anyValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
}));

const ACTIONS = ['nearby', 'search', 'get', 'regions'] as const;
const actionName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ACTIONS) },
  { weight: 1, arbitrary: fc.constantFrom('NEARBY', 'list', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' nearby', 'x'.repeat(41)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 45 }) },
  { weight: 1, arbitrary: leaf },
);
const requestId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), fc.string({ maxLength: 70 }), leaf);

const eventLike = fc
  .record(
    { action: actionName, data: anyValue, requestId, extra: fc.tuple(key, anyValue) },
    { requiredKeys: [] },
  )
  .map(({ extra, ...rest }) => (extra ? { ...rest, ...Object.fromEntries([extra]) } : rest));

// Valid data per action.
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const lng = fc.double({ min: -180, max: 180, noNaN: true });
const filters = {
  level: fc.constantFrom(...STATION_LEVELS),
  service: fc.constantFrom(...SERVICE_CODES),
  openNow: fc.boolean(),
  limit: fc.integer({ min: 1, max: MAX_PAGE }),
};
const nearbyAround = fc.record({
  lat: fc.oneof(lat, fc.double({ min: YUDU.lat - 0.2, max: YUDU.lat + 0.6, noNaN: true })),
  lng: fc.oneof(lng, fc.double({ min: YUDU.lng - 0.2, max: YUDU.lng + 0.2, noNaN: true })),
});
const validNearby = fc
  .tuple(nearbyAround, fc.record({ radiusM: fc.double({ min: 1e-9, max: MAX_RADIUS_M, noNaN: true }), ...filters }, { requiredKeys: [] }))
  .map(([at, rest]) => ({ ...at, ...rest }));
const query = fc
  .oneof(
    fc.constantFrom('贡江', 'gjz', 'GJZ', 'yudu', 'yu du', '于都', '水头村', '服务站', 'stc', '网格', '"', '*', 'NEAR(', 'a OR b', '-x', '^', ':', '{}', '()', 'latin : x', 'chars:"于"', '⺀', '〇', '々'),
    fc.string({ minLength: 1, maxLength: 50 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.array(fc.constantFrom(...'于都贡江镇水头村服务站点 AbC1"*:^-()'.split('')), { minLength: 1, maxLength: 50 }).map((a) => a.join('')),
  )
  .filter((q) => q.trim().length > 0 && q.trim().length <= 50);
const regionCode = fc.oneof(fc.constantFrom('36', '3607', '360731', '360731100', '360731100201', '360781'), fc.stringMatching(/^36(\d{2}|\d{4}|\d{7}|\d{10})$/));
const validSearch = fc
  .tuple(
    fc.oneof(fc.record({ q: query }), fc.record({ regionCode }), fc.record({ q: query, regionCode })),
    fc.record(filters, { requiredKeys: [] }),
  )
  .map(([what, rest]) => ({ ...what, ...rest }));
const validGet = fc.record({ id: fc.oneof(fc.constantFrom('yd-county', 'gj-town', 'closed-one', 'planned-one', 'no-such'), fc.stringMatching(/^[a-z0-9-]{3,40}$/)) });
const validRegions = fc.oneof(fc.constant({}), fc.constant({ parentCode: null }), fc.record({ parentCode: regionCode }));
const VALID: Record<(typeof ACTIONS)[number], fc.Arbitrary<Record<string, unknown>>> = {
  nearby: validNearby,
  search: validSearch,
  get: validGet,
  regions: validRegions,
};

// One bad value per known field.
const notNumber = fc.oneof(fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}), fc.constantFrom(NaN, Infinity, -Infinity));
const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constant({ $gt: '' }));
const BAD: Record<string, fc.Arbitrary<unknown>> = {
  lat: fc.oneof(notNumber, fc.double({ min: 90, max: 1e308, noNaN: true, minExcluded: true }), fc.double({ min: -1e308, max: -90, noNaN: true, maxExcluded: true })),
  lng: fc.oneof(notNumber, fc.double({ min: 180, max: 1e308, noNaN: true, minExcluded: true }), fc.double({ min: -1e308, max: -180, noNaN: true, maxExcluded: true })),
  radiusM: fc.oneof(notNumber, fc.double({ min: -1e308, max: 0, noNaN: true }), fc.double({ min: MAX_RADIUS_M, max: 1e308, noNaN: true, minExcluded: true })),
  limit: fc.oneof(notNumber, fc.integer({ max: 0 }), fc.integer({ min: MAX_PAGE + 1 }), fc.double({ min: 1.01, max: 49.99, noNaN: true }).filter((n) => !Number.isInteger(n))),
  level: fc.oneof(notString, fc.string({ maxLength: 10 }).filter((s) => !(STATION_LEVELS as readonly string[]).includes(s))),
  service: fc.oneof(notString, fc.string({ maxLength: 10 }).filter((s) => !(SERVICE_CODES as readonly string[]).includes(s))),
  openNow: fc.oneof(fc.constantFrom('true', 'false', 1, 0, null), fc.string()),
  cursor: fc.oneof(notString, fc.string({ minLength: 41, maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 })),
  q: fc.oneof(notString, fc.string({ minLength: 51, maxLength: 300 }).filter((s) => s.trim().length > 50), hugeString.filter((s) => s.trim().length > 50)),
  regionCode: fc.oneof(notString, fc.string({ maxLength: 14 }).filter((s) => !/^36(\d{2}|\d{4}|\d{7}|\d{10})?$/.test(s))),
  id: fc.oneof(notString, fc.string({ maxLength: 60 }).filter((s) => !/^[a-z0-9-]{3,40}$/.test(s))),
  parentCode: fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.string({ maxLength: 14 }).filter((s) => !/^36(\d{2}|\d{4}|\d{7}|\d{10})?$/.test(s))),
};
const FIELDS_OF: Record<(typeof ACTIONS)[number], string[]> = {
  nearby: ['lat', 'lng', 'radiusM', 'limit', 'level', 'service', 'openNow', 'cursor'],
  search: ['q', 'regionCode', 'limit', 'level', 'service', 'openNow', 'cursor'],
  get: ['id'],
  regions: ['parentCode'],
};

/** A valid data object for an action with exactly one field made bad. */
const oneBadField = fc
  .constantFrom(...ACTIONS)
  .chain((name) => fc.tuple(fc.constant(name), VALID[name], fc.constantFrom(...FIELDS_OF[name])))
  .chain(([name, data, field]) => BAD[field].map((bad) => ({ name, field, data: { ...data, [field]: bad } })));

/** A valid data object for an action plus one key the schema does not know. */
const oneUnknownKey = fc
  .constantFrom(...ACTIONS)
  .chain((name) =>
    fc.tuple(
      fc.constant(name),
      VALID[name],
      key.filter((k) => !FIELDS_OF[name].includes(k) && !(name === 'nearby' && k === 'radiusM')),
      anyValue,
    ),
  )
  .map(([name, data, extra, value]) => ({ name, extra, data: { ...data, ...Object.fromEntries([[extra, value]]) } }));

// ——— properties ———

describe('arbitrary events', () => {
  test('any value as the event: a well-formed envelope, never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (event) => {
        const { error } = await call(event);
        if (error) expect(['VALIDATION_ERROR', 'NOT_FOUND']).toContain(error.code);
      }),
      RUNS,
    );
  });

  test('event-shaped objects with arbitrary action, data, requestId and extra keys', async () => {
    await fc.assert(
      fc.asyncProperty(eventLike, async (event) => {
        const { error } = await call(event);
        if (error) expect(['VALIDATION_ERROR', 'NOT_FOUND']).toContain(error.code);
        if (error?.code === 'NOT_FOUND') {
          // Unknown action, or an unknown station / region.
          expect(error.message).toMatch(/^没有/);
        }
      }),
      RUNS,
    );
  });

  test('the same events after a JSON round trip (what the transport delivers)', async () => {
    await fc.assert(
      fc.asyncProperty(eventLike, async (event) => {
        const text = JSON.stringify(event);
        const { error } = await call(JSON.parse(text));
        if (error) expect(['VALIDATION_ERROR', 'NOT_FOUND']).toContain(error.code);
      }),
      RUNS,
    );
  });

  test.each(ACTIONS)('%s with arbitrary data', async (name) => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (data) => {
        const { error } = await call({ action: name, data });
        if (error) expect(['VALIDATION_ERROR', 'NOT_FOUND']).toContain(error.code);
        if (error?.code === 'NOT_FOUND') expect(['get', 'regions']).toContain(name);
      }),
      RUNS,
    );
  });

  test('an unknown action with arbitrary data → NOT_FOUND naming the action', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !(ACTIONS as readonly string[]).includes(s)),
        anyValue,
        async (name, data) => {
          const { error } = await call({ action: name, data });
          expect(error).toEqual({ code: 'NOT_FOUND', message: '没有这个操作', fields: { action: '没有这个操作' } });
        },
      ),
      RUNS,
    );
  });
});

describe('valid inputs', () => {
  test.each(ACTIONS)('%s: valid data is answered (ok, or NOT_FOUND for an unknown id / region)', async (name) => {
    await fc.assert(
      fc.asyncProperty(VALID[name], async (data) => {
        const { res, error } = await call({ action: name, data });
        if (name === 'nearby' || name === 'search') expect(res.ok).toBe(true);
        else if (error) expect(error.code).toBe('NOT_FOUND');
      }),
      RUNS,
    );
  });

  test('nearby pages: within the radius, nearest first, listed statuses, cursor continues without overlap', async () => {
    await fc.assert(
      fc.asyncProperty(validNearby, async (data) => {
        const { res } = await call({ action: 'nearby', data });
        if (!res.ok) throw new Error('expected ok');
        const page = res.data as { items: { id: string; distanceM: number; status: string; level: string; services: string[]; hours: { state: string } }[]; nextCursor: string | null };
        const radius = (data.radiusM as number | undefined) ?? 20_000;
        let last = -1;
        for (const s of page.items) {
          expect(s.distanceM).toBeLessThanOrEqual(Math.round(radius) + 1);
          expect(s.distanceM).toBeGreaterThanOrEqual(last);
          last = s.distanceM;
          expect(LISTED_STATUSES).toContain(s.status);
          if (data.level) expect(s.level).toBe(data.level);
          if (data.service) expect(s.services).toContain(data.service);
          if (data.openNow) expect(s.hours.state).toBe('open');
        }
        expect(page.items.length).toBeLessThanOrEqual((data.limit as number | undefined) ?? 20);
        if (page.nextCursor !== null) {
          const next = await call({ action: 'nearby', data: { ...data, cursor: page.nextCursor } });
          if (!next.res.ok) throw new Error('expected ok');
          const more = (next.res.data as typeof page).items.map((s) => s.id);
          expect(more.filter((id) => page.items.some((s) => s.id === id))).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});

describe('invalid inputs → VALIDATION_ERROR naming the field', () => {
  test('one bad field in otherwise valid data', async () => {
    await fc.assert(
      fc.asyncProperty(oneBadField, async ({ name, field, data }) => {
        const { error } = await call({ action: name, data });
        expect(error?.code).toBe('VALIDATION_ERROR');
        const fields = Object.keys(error?.fields ?? {});
        // A well-formed but forged cursor is caught when decoded and named "cursor".
        expect(fields.includes(`data.${field}`) || (field === 'cursor' && fields.includes('cursor'))).toBe(true);
      }),
      RUNS,
    );
  });

  test('one unknown key in otherwise valid data (including __proto__ and constructor)', async () => {
    await fc.assert(
      fc.asyncProperty(oneUnknownKey, async ({ name, extra, data }) => {
        const { error } = await call({ action: name, data });
        expect(error?.code).toBe('VALIDATION_ERROR');
        expect(error?.fields?.[extra === '' ? 'data' : `data.${extra}`]).toBe('不支持的字段');
      }),
      RUNS,
    );
  });

  test('the same, after a JSON round trip', async () => {
    await fc.assert(
      fc.asyncProperty(oneUnknownKey, async ({ name, extra, data }) => {
        const event = JSON.parse(JSON.stringify({ action: name, data }));
        fc.pre(Object.prototype.hasOwnProperty.call(event.data, extra));
        const { error } = await call(event);
        expect(error?.code).toBe('VALIDATION_ERROR');
        expect(error?.fields?.[extra === '' ? 'data' : `data.${extra}`]).toBe('不支持的字段');
      }),
      RUNS,
    );
  });

  test('an unknown top-level field is named', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTIONS),
        key.filter((k) => !['action', 'data', 'requestId'].includes(k)),
        anyValue,
        async (name, extra, value) => {
          const event = { action: name, data: {}, ...Object.fromEntries([[extra, value]]) };
          const { error } = await call(event);
          expect(error?.code).toBe('VALIDATION_ERROR');
          expect(error?.fields?.[extra]).toBe('不支持的字段');
        },
      ),
      RUNS,
    );
  });

  test('data that is not an object', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTIONS),
        fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.array(anyValue, { maxLength: 3 }), hugeString),
        async (name, data) => {
          const { error } = await call({ action: name, data });
          expect(error?.code).toBe('VALIDATION_ERROR');
          expect(error?.fields).toEqual({ data: '格式不对' });
        },
      ),
      RUNS,
    );
  });
});

describe('the bad inputs named in the spec', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['nearby', { lat: 91, lng: 115 }, 'data.lat', '纬度应在 -90 到 90 之间'],
    ['nearby', { lat: -90.5, lng: 115 }, 'data.lat', '纬度应在 -90 到 90 之间'],
    ['nearby', { lat: 26, lng: -181 }, 'data.lng', '经度应在 -180 到 180 之间'],
    ['nearby', { lat: 26, lng: 180.01 }, 'data.lng', '经度应在 -180 到 180 之间'],
    ['nearby', { lat: 26, lng: 115, radiusM: 50_001 }, 'data.radiusM', '范围最大 50 公里'],
    ['nearby', { lat: 26, lng: 115, radiusM: 0 }, 'data.radiusM', '范围必须大于 0'],
    ['nearby', { lat: 26, lng: 115, limit: 51 }, 'data.limit', '每页最多 50 条'],
    ['nearby', { lat: 26, lng: 115, limit: 0 }, 'data.limit', '每页至少 1 条'],
    ['nearby', { lat: 26, lng: 115, level: 'city' }, 'data.level', '站点级别不对'],
    ['nearby', { lat: 26, lng: 115, service: 'massage' }, 'data.service', '没有这项服务'],
    ['nearby', { lat: Number.NaN, lng: 115 }, 'data.lat', '格式不对'],
    ['nearby', { lat: 26, lng: Infinity }, 'data.lng', '格式不对'],
    ['nearby', { lat: '26', lng: 115 }, 'data.lat', '格式不对'],
    ['nearby', { lng: 115 }, 'data.lat', '必填'],
    ['search', { q: '贡'.repeat(51) }, 'data.q', '搜索词最多 50 个字'],
    ['search', { q: 'a'.repeat(51) }, 'data.q', '搜索词最多 50 个字'],
    ['search', { q: '   ' }, 'data.q', '请输入搜索词或选择地区'],
    ['search', {}, 'data.q', '请输入搜索词或选择地区'],
    ['search', { regionCode: '3701' }, 'data.regionCode', '地区代码不对'],
    ['search', { q: '贡江', cursor: 'x'.repeat(91) }, 'data.cursor', '翻页参数无效'],
    ['get', { id: 'GJ-TOWN' }, 'data.id', '站点编号不对'],
    ['get', {}, 'data.id', '必填'],
    ['regions', { parentCode: '44' }, 'data.parentCode', '地区代码不对'],
    ['nearby', { lat: 26, lng: 115, sort: 'distance' }, 'data.sort', '不支持的字段'],
    ['search', JSON.parse('{"q":"贡江","__proto__":{"admin":true}}'), 'data.__proto__', '不支持的字段'],
    ['regions', JSON.parse('{"constructor":{"prototype":{"admin":true}}}'), 'data.constructor', '不支持的字段'],
  ];

  test.each(cases)('%s %j → %s: %s', async (name, data, field, msg) => {
    const { error } = await call({ action: name, data });
    expect(error?.code).toBe('VALIDATION_ERROR');
    expect(error?.fields?.[field]).toBe(msg);
    // The message names the field in Chinese (our own messages already do), never by its path.
    const label: Record<string, string> = { 'data.lat': '纬度', 'data.lng': '经度', 'data.id': '编号' };
    const summary = msg === '不支持的字段' ? '提交的内容里有不支持的字段' : msg === '必填' ? `请填写${label[field]}` : msg === '格式不对' ? `${label[field]}格式不对` : msg;
    if (Object.keys(error?.fields ?? {}).length === 1) expect(error?.message).toBe(summary);
    expect(error?.message).not.toMatch(/data\.|__proto__|constructor/);
  });

  test('a tampered or foreign cursor', async () => {
    const first = await call({ action: 'nearby', data: { ...YUDU, limit: 2 } });
    if (!first.res.ok) throw new Error('expected ok');
    const cursor = (first.res.data as { nextCursor: string }).nextCursor;
    expect(cursor).toMatch(/\./);
    const [body, sum] = cursor.split('.');
    for (const bad of [`${body === '9' ? '8' : '9'}.${sum}`, `${body}.${sum}x`, `${body}x.${sum}`, 'garbage', '0.0']) {
      const { error } = await call({ action: 'nearby', data: { ...YUDU, limit: 2, cursor: bad } });
      expect(error).toEqual({ code: 'VALIDATION_ERROR', message: '翻页参数无效，请重新加载', fields: { cursor: '翻页参数无效' } });
    }
    // The genuine cursor works; used for another query it does not.
    expect((await call({ action: 'nearby', data: { ...YUDU, limit: 2, cursor } })).res.ok).toBe(true);
    expect((await call({ action: 'nearby', data: { ...YUDU, limit: 3, cursor } })).error?.code).toBe('VALIDATION_ERROR');
    expect((await call({ action: 'search', data: { q: '于都', limit: 2, cursor } })).error?.code).toBe('VALIDATION_ERROR');
  });

  test('an unknown top-level field and a malformed requestId', async () => {
    expect((await call({ action: 'get', data: { id: 'gj-town' }, openid: 'o-forged' })).error).toEqual({
      code: 'VALIDATION_ERROR',
      message: '提交的内容里有不支持的字段',
      fields: { openid: '不支持的字段' },
    });
    expect((await call(JSON.parse('{"action":"get","data":{"id":"gj-town"},"__proto__":{"isAdmin":true}}'))).error).toEqual({
      code: 'VALIDATION_ERROR',
      message: '提交的内容里有不支持的字段',
      fields: Object.fromEntries([['__proto__', '不支持的字段']]),
    });
    expect((await call({ action: 'get', data: { id: 'gj-town' }, requestId: 'short' })).error?.fields).toEqual({ requestId: '请求编号格式不对' });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  test('huge strings are rejected or answered quickly, never INTERNAL', async () => {
    for (const s of HUGE) {
      for (const event of [
        { action: 'search', data: { q: s } },
        { action: 'get', data: { id: s } },
        { action: 'regions', data: { parentCode: s } },
        { action: 'nearby', data: { lat: 26, lng: 115, cursor: s } },
        { action: s, data: {} },
        { action: 'get', data: { id: 'gj-town' }, requestId: s },
      ]) {
        const started = Date.now();
        await call(event);
        expect(Date.now() - started).toBeLessThan(1000);
      }
    }
  });
});
