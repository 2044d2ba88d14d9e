/**
 * The directory use cases (createDirectory) over a real in-memory SQLite store, with a fixed clock:
 * Wednesday 2026-05-13 10:00 in Shanghai.
 */
import { AppError } from '../../core/shared/errors';
import { distanceMeters } from '../../core/shared/geo';
import type { NearbyInput, SearchInput, StationPage } from '../../core/station/api';
import type { OpeningHours } from '../../core/station/hours';
import type { Station } from '../../core/station/model';
import { createDirectory, type Directory } from '../../core/station/service';
import {
  AFTERNOON,
  FULL_DAY,
  YUDU,
  R,
  WED_10AM,
  destination,
  directoryStations,
  makeStation,
  north,
  openTestDirectory,
  type TestDirectory,
} from './station-fixtures';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

const ids = (page: StationPage) => page.items.map((s) => s.id);

let env: TestDirectory;
let dir: Directory;

beforeAll(async () => {
  env = await openTestDirectory(directoryStations());
  dir = createDirectory(env);
});
afterAll(() => env.db.close());

describe('fixtures', () => {
  test('the store holds every fixture (listed or not)', async () => {
    expect(await env.stations.count()).toBe(directoryStations().length);
    expect(WED_10AM.toISOString()).toBe('2026-05-13T02:00:00.000Z');
  });
});

describe('nearby', () => {
  test('nearest first, with distances, default radius 20 km, listed statuses only', async () => {
    const page = await dir.nearby({ ...YUDU });
    expect(page.items.map((s) => [s.id, s.distanceM])).toEqual([
      ['yd-county', 300],
      ['gj-town', 1200],
      ['st-village', 2500],
      ['la-village', 8000],
      ['xw-village', 12000],
    ]);
    expect(page.nextCursor).toBeNull();
    // planned-one, review-one and closed-one are closer than most but never listed; szb-village is 30 km away.
  });

  test('the radius is respected, inclusive of everything inside it', async () => {
    expect(ids(await dir.nearby({ ...YUDU, radiusM: 1199 }))).toEqual(['yd-county']);
    expect(ids(await dir.nearby({ ...YUDU, radiusM: 1201 }))).toEqual(['yd-county', 'gj-town']);
    expect(ids(await dir.nearby({ ...YUDU, radiusM: 40_000 }))).toEqual(['yd-county', 'gj-town', 'st-village', 'la-village', 'xw-village', 'szb-village']);
    expect(ids(await dir.nearby({ ...YUDU, radiusM: 50_000 }))).not.toContain('xh-town');
    expect(ids(await dir.nearby({ ...YUDU, radiusM: 299 }))).toEqual([]);
  });

  test('ordering follows distance from wherever the resident stands', async () => {
    const atLuoao = north(YUDU, -8000);
    const page = await dir.nearby({ ...atLuoao, radiusM: 25_000 });
    expect(page.items.map((s) => [s.id, s.distanceM])).toEqual([
      ['la-village', 0],
      ['gj-town', 6800],
      ['yd-county', 8300],
      ['st-village', 10500],
      ['xw-village', 20000],
    ]);
  });

  test('summaries carry what the list shows', async () => {
    const page = await dir.nearby({ ...YUDU });
    const byId = new Map(page.items.map((s) => [s.id, s]));
    expect(byId.get('yd-county')).toMatchObject({
      name: '于都县电商扶贫服务运营中心',
      level: 'county',
      status: 'active',
      statusLabel: '已认定',
      place: '于都县',
      phone: '13907971234',
      hours: { state: 'open', label: '营业中', detail: '今天 18:00 打烊' },
      certified: true,
      inCultivation: false,
      stale: false,
    });
    expect(byId.get('gj-town')).toMatchObject({ place: '于都县 · 贡江镇', certified: true, inCultivation: true, statusLabel: '已认定' });
    expect(byId.get('st-village')).toMatchObject({
      place: '于都县 · 贡江镇 · 水头村',
      hours: { state: 'closed', label: '未开门', detail: '今天 14:00 开门' },
    });
    expect(byId.get('la-village')).toMatchObject({ status: 'notice', statusLabel: '认定公示中', certified: false, inCultivation: false });
    // Confirmed 2025-10-01: 224 days before 2026-05-13 → stale.
    expect(byId.get('xw-village')).toMatchObject({ status: 'rectification', statusLabel: '整改中', certified: true, stale: true });
    for (const s of page.items) {
      const expected = distanceMeters(YUDU, s.location);
      expect(Math.abs((s.distanceM as number) - expected)).toBeLessThanOrEqual(0.5);
    }
  });

  test('filters: level, service, open now', async () => {
    expect(ids(await dir.nearby({ ...YUDU, level: 'village' }))).toEqual(['st-village', 'la-village', 'xw-village']);
    expect(ids(await dir.nearby({ ...YUDU, level: 'county' }))).toEqual(['yd-county']);
    expect(ids(await dir.nearby({ ...YUDU, service: 'rural_finance' }))).toEqual(['gj-town', 'xw-village']);
    expect(ids(await dir.nearby({ ...YUDU, service: 'express', level: 'village' }))).toEqual(['st-village', 'la-village']);
    expect(ids(await dir.nearby({ ...YUDU, service: 'medical_booking' }))).toEqual([]);
    const open = await dir.nearby({ ...YUDU, openNow: true });
    expect(ids(open)).toEqual(['yd-county', 'gj-town', 'la-village', 'xw-village']);
    expect(open.items.every((s) => s.hours.state === 'open')).toBe(true);
  });

  test('paging with limit: consecutive pages, then a null cursor', async () => {
    const p1 = await dir.nearby({ ...YUDU, limit: 2 });
    expect(ids(p1)).toEqual(['yd-county', 'gj-town']);
    expect(typeof p1.nextCursor).toBe('string');
    const p2 = await dir.nearby({ ...YUDU, limit: 2, cursor: p1.nextCursor as string });
    expect(ids(p2)).toEqual(['st-village', 'la-village']);
    const p3 = await dir.nearby({ ...YUDU, limit: 2, cursor: p2.nextCursor as string });
    expect(ids(p3)).toEqual(['xw-village']);
    expect(p3.nextCursor).toBeNull();
    // Exactly filling the last page ends the list too.
    const exact = await dir.nearby({ ...YUDU, limit: 5 });
    expect(exact.items).toHaveLength(5);
    expect(exact.nextCursor).toBeNull();
  });

  test('a cursor is tied to its query: tampered, other filters or other action → VALIDATION_ERROR', async () => {
    const p1 = await dir.nearby({ ...YUDU, limit: 2 });
    const cursor = p1.nextCursor as string;
    const tampered = `${cursor.split('.')[0] === '2' ? '3' : '2'}.${cursor.split('.')[1]}`;
    for (const input of [
      { ...YUDU, limit: 2, cursor: tampered },
      { ...YUDU, limit: 3, cursor },
      { ...YUDU, limit: 2, openNow: true, cursor },
      { ...YUDU, limit: 2, radiusM: 30_000, cursor },
      { lat: YUDU.lat + 0.01, lng: YUDU.lng, limit: 2, cursor },
    ] as NearbyInput[]) {
      const err = await rejection(dir.nearby(input));
      expect(err.code).toBe('VALIDATION_ERROR');
      expect(err.fields).toEqual({ cursor: '翻页参数无效' });
    }
    const err = await rejection(dir.search({ q: '于都', limit: 2, cursor }));
    expect(err.code).toBe('VALIDATION_ERROR');
  });

  test('stations just inside the radius are found in every direction', async () => {
    const centre = { lat: 27.6, lng: 115.9 };
    const radiusM = 20_000;
    const bearings = [0, 45, 89, 90, 91, 135, 180, 225, 269, 270, 271, 315];
    const edge: Station[] = [];
    bearings.forEach((b, i) => {
      for (const [j, inset] of [0.05, 0.2, 0.45].entries()) {
        edge.push(makeStation({ id: `edge-${i}-${j}`, location: { ...destination(centre, b, radiusM - inset), datum: 'GCJ-02' } }));
      }
    });
    // And a few just outside.
    for (const [i, b] of [0, 90, 180, 270].entries()) {
      edge.push(makeStation({ id: `out-${i}`, location: { ...destination(centre, b, radiusM + 0.5), datum: 'GCJ-02' } }));
    }
    const local = await openTestDirectory(edge);
    try {
      const page = await createDirectory(local).nearby({ ...centre, radiusM, limit: 50 });
      expect(ids(page).filter((id) => id.startsWith('edge-')).sort()).toEqual(edge.filter((s) => s.id.startsWith('edge-')).map((s) => s.id).sort());
      expect(ids(page).filter((id) => id.startsWith('out-'))).toEqual([]);
    } finally {
      local.db.close();
    }
  });
});

describe('open now across batches (cursor continuation)', () => {
  // 130 active village stations due north every 50 m; every third one is open at 10:00.
  const N = 130;
  const grid = Array.from({ length: N }, (_, i) =>
    makeStation({
      id: `grid-${String(i).padStart(3, '0')}`,
      name: `江西电商扶贫工程网格${i}村服务点`,
      location: { ...north(YUDU, 100 + i * 50), datum: 'GCJ-02' },
      hours: i % 3 === 0 ? FULL_DAY : AFTERNOON,
    }),
  );
  const openIds = grid.filter((_, i) => i % 3 === 0).map((s) => s.id);
  let local: TestDirectory;
  let gridDir: Directory;
  beforeAll(async () => {
    local = await openTestDirectory(grid);
    gridDir = createDirectory(local);
  });
  afterAll(() => local.db.close());

  async function walk(fetch: (cursor?: string) => Promise<StationPage>, maxPages = 200): Promise<{ pages: string[][]; all: string[] }> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const page = await fetch(cursor);
      pages.push(ids(page));
      if (page.nextCursor === null) return { pages, all: pages.flat() };
      cursor = page.nextCursor;
    }
    throw new Error('paging did not terminate');
  }

  test.each([1, 7, 14, 44, 50])('nearby openNow, limit %d: every open station once, in distance order', async (limit) => {
    const { pages, all } = await walk((cursor) => gridDir.nearby({ ...YUDU, openNow: true, limit, cursor }));
    expect(all).toEqual(openIds);
    expect(new Set(all).size).toBe(all.length);
    for (const p of pages.slice(0, -1)) expect(p).toHaveLength(limit);
  });

  test('nearby without openNow, limit 7: all 130 in order', async () => {
    const { pages, all } = await walk((cursor) => gridDir.nearby({ ...YUDU, limit: 7, cursor }));
    expect(all).toEqual(grid.map((s) => s.id));
    expect(pages).toHaveLength(Math.ceil(N / 7));
  });

  test.each([3, 11, 50])('search openNow by region, limit %d: every open station once, in code order', async (limit) => {
    const { all } = await walk((cursor) => gridDir.search({ regionCode: R.shuitou.code, openNow: true, limit, cursor }));
    expect(all).toEqual(openIds);
  });

  test('small windows: one page, and an empty page with no cursor when nothing is open', async () => {
    // Within 140 m: grid-000 (100 m, open); grid-001 is at 150 m.
    expect(await gridDir.nearby({ ...YUDU, openNow: true, radiusM: 140 })).toMatchObject({ nextCursor: null, items: [{ id: 'grid-000' }] });
    // 网格1村 is grid-001 only (网格10村 has the token "10", not "1"), and it is closed at 10:00.
    expect(ids(await gridDir.search({ q: '网格1村' }))).toEqual(['grid-001']);
    expect(await gridDir.search({ q: '网格1村', openNow: true })).toEqual({ items: [], nextCursor: null });
  });
});

describe('open now scan limit', () => {
  // Open all day by their week, but closed today (2026-05-13) for a holiday: they may be open at
  // this hour of the week, so they must be examined.
  const CLOSED_TODAY = { ...FULL_DAY, exceptions: [{ date: '2026-05-13', intervals: [], note: '设备检修' }] };

  /** 2100 stations with `hours` from 10 m north of Yudu, 1 m apart, and `far-open` 5 km out open all day: a directory over them, closed after `use`. */
  async function overCandidates(prefix: string, hours: OpeningHours, use: (d: Directory) => Promise<void>) {
    const many = Array.from({ length: 2100 }, (_, i) =>
      makeStation({ id: `${prefix}-${String(i).padStart(4, '0')}`, location: { ...north(YUDU, 10 + i), datum: 'GCJ-02' }, hours }),
    );
    many.push(makeStation({ id: 'far-open', location: { ...north(YUDU, 5000), datum: 'GCJ-02' }, hours: FULL_DAY }));
    const local = await openTestDirectory(many);
    try {
      await use(createDirectory(local));
    } finally {
      local.db.close();
    }
  }

  test('more than 2000 closed candidates: an empty page with a cursor, then the open station', async () => {
    await overCandidates('c', CLOSED_TODAY, async (d) => {
      const first = await d.nearby({ ...YUDU, openNow: true, limit: 10 });
      expect(first.items).toEqual([]);
      expect(first.nextCursor).not.toBeNull();
      const second = await d.nearby({ ...YUDU, openNow: true, limit: 10, cursor: first.nextCursor as string });
      expect(ids(second)).toEqual(['far-open']);
      expect(second.nextCursor).toBeNull();
    });
  });

  test('stations that cannot be open at this hour of the week are skipped, not examined: one page', async () => {
    await overCandidates('a', AFTERNOON, async (d) => {
      const first = await d.nearby({ ...YUDU, openNow: true, limit: 10 });
      expect(ids(first)).toEqual(['far-open']);
      expect(first.nextCursor).toBeNull();
    });
  });
});

describe('search', () => {
  const search = (input: SearchInput) => dir.search(input).then(ids);

  test('by Chinese: name, place and address, ordered by level then code', async () => {
    expect(await search({ q: '贡江' })).toEqual(['gj-town', 'st-village']);
    expect(await search({ q: '水头' })).toEqual(['st-village']);
    expect(await search({ q: '水头村' })).toEqual(['st-village']);
    expect(await search({ q: '长征大道' })).toEqual(['yd-county']);
    expect(await search({ q: '于都' })).toEqual(['yd-county', 'gj-town', 'la-village', 'st-village', 'xw-village']);
    expect(await search({ q: '服务站' })).toEqual(['gj-town', 'xh-town']);
    expect(await search({ q: '罗坳' })).toEqual(['la-village', 'xw-village']);
  });

  test('a Chinese query matches a phrase, not scattered characters', async () => {
    // 头 and 水 both occur in 水头村, but not as "头水".
    expect(await search({ q: '头水' })).toEqual([]);
    expect(await search({ q: '北京' })).toEqual([]);
  });

  test('by pinyin initials and full pinyin (prefix), any case', async () => {
    expect(await search({ q: 'gjz' })).toEqual(['gj-town', 'st-village']);
    expect(await search({ q: 'GJZ' })).toEqual(['gj-town', 'st-village']);
    expect(await search({ q: 'gongjiang' })).toEqual(['gj-town', 'st-village']);
    expect(await search({ q: 'stc' })).toEqual(['st-village']);
    expect(await search({ q: 'shuitou' })).toEqual(['st-village']);
    expect(await search({ q: 'ydx' })).toEqual(['yd-county', 'gj-town', 'la-village', 'st-village', 'xw-village']);
    expect(await search({ q: 'yudu' })).toEqual(['yd-county', 'gj-town', 'la-village', 'st-village', 'xw-village']);
    expect(await search({ q: 'yu du' })).toEqual(['yd-county', 'gj-town', 'la-village', 'st-village', 'xw-village']);
    expect(await search({ q: 'rjs' })).toEqual(['xh-town', 'szb-village']);
    expect(await search({ q: 'qqq' })).toEqual([]);
  });

  test('by region code at any level, alone or with a query', async () => {
    expect(await search({ regionCode: R.gongjiang.code })).toEqual(['gj-town', 'st-village']);
    expect(await search({ regionCode: R.ruijin.code })).toEqual(['xh-town', 'szb-village']);
    expect(await search({ regionCode: R.yudu.code, q: '罗坳' })).toEqual(['la-village', 'xw-village']);
    expect(await search({ regionCode: R.luoao.code, q: '贡江' })).toEqual([]);
    expect(await search({ regionCode: '3699' })).toEqual([]);
  });

  test('filters apply to search; unlisted statuses never appear', async () => {
    expect(await search({ q: '于都', level: 'village' })).toEqual(['la-village', 'st-village', 'xw-village']);
    expect(await search({ q: '于都', service: 'rural_finance' })).toEqual(['gj-town', 'xw-village']);
    expect(await search({ q: '于都', openNow: true })).toEqual(['yd-county', 'gj-town', 'la-village', 'xw-village']);
    // closed-one is named 旧圩村, planned-one and review-one sit in 贡江镇 · 水头村.
    expect(await search({ q: '旧圩' })).toEqual([]);
    expect(await search({ regionCode: R.shuitou.code })).toEqual(['st-village']);
  });

  test('a query with nothing searchable finds nothing instead of failing', async () => {
    expect(await dir.search({ q: '！？。' })).toEqual({ items: [], nextCursor: null });
    expect(await dir.search({ q: '"*^:()' })).toEqual({ items: [], nextCursor: null });
    expect(await dir.search({ q: 'NEAR AND OR NOT' })).toEqual({ items: [], nextCursor: null });
  });

  test('search paging', async () => {
    const p1 = await dir.search({ q: 'ydx', limit: 3 });
    expect(ids(p1)).toEqual(['yd-county', 'gj-town', 'la-village']);
    const p2 = await dir.search({ q: 'ydx', limit: 3, cursor: p1.nextCursor as string });
    expect(ids(p2)).toEqual(['st-village', 'xw-village']);
    expect(p2.nextCursor).toBeNull();
    expect((await rejection(dir.search({ q: 'gjz', limit: 3, cursor: p1.nextCursor as string }))).code).toBe('VALIDATION_ERROR');
  });

  test('search results carry no distance', async () => {
    const page = await dir.search({ q: '贡江' });
    for (const s of page.items) expect(s.distanceM).toBeUndefined();
  });
});

describe('get', () => {
  test('a listed station in full', async () => {
    const d = await dir.get({ id: 'gj-town' });
    expect(d).toMatchObject({
      id: 'gj-town',
      code: 'GJ-TOWN',
      name: '江西电商扶贫工程贡江镇服务站',
      place: '于都县 · 贡江镇',
      locationDatum: 'GCJ-02',
      certification: { certificateNo: 'YD-2026-007', certifiedOn: '2026-01-15', authority: '于都县商务局' },
      certified: true,
      inCultivation: true,
      cultivationEndsOn: '2026-07-15',
      infoConfirmedOn: '2026-03-01',
      infoAgeDays: 73,
      contactPerson: '刘站长',
      demo: false,
      week: [{ days: '周一至周日', text: '08:00-18:00' }],
      hours: { state: 'open', label: '营业中', detail: '今天 18:00 打烊' },
    });
    expect(d.distanceM).toBeUndefined();
    expect(d.complaintChannels).toEqual([{ kind: 'hotline_12345', label: '12345 政务服务便民热线', value: '12345' }]);
  });

  test('a station in 公示 shows no certificate', async () => {
    expect(await dir.get({ id: 'la-village' })).toMatchObject({ status: 'notice', certified: false, certification: null });
  });

  test('a closed station stays readable by id, without its certificate', async () => {
    const d = await dir.get({ id: 'closed-one' });
    expect(d).toMatchObject({ id: 'closed-one', status: 'closed', statusLabel: '已关停', certified: false, certification: null, inCultivation: false });
  });

  test.each(['planned-one', 'review-one', 'no-such-station'])('%s → NOT_FOUND', async (id) => {
    const err = await rejection(dir.get({ id }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('没有找到这个站点，可能已被撤销');
    expect(err.fields).toEqual({ id: '站点不存在' });
  });
});

describe('regions', () => {
  test('top level: the cities of Jiangxi', async () => {
    const top = [{ code: '3607', name: '赣州市', level: 'city', hasChildren: true }];
    expect(await dir.regions({})).toEqual(top);
    expect(await dir.regions({ parentCode: null })).toEqual(top);
    expect(await dir.regions({ parentCode: '36' })).toEqual(top);
  });

  test('children sorted by code; villages have no children', async () => {
    expect(await dir.regions({ parentCode: '3607' })).toEqual([
      { code: '360731', name: '于都县', level: 'county', hasChildren: true },
      { code: '360781', name: '瑞金市', level: 'county', hasChildren: true },
    ]);
    expect(await dir.regions({ parentCode: '360731' })).toEqual([
      { code: '360731100', name: '贡江镇', level: 'township', hasChildren: true },
      { code: '360731101', name: '罗坳镇', level: 'township', hasChildren: true },
    ]);
    expect(await dir.regions({ parentCode: '360731101' })).toEqual([
      { code: '360731101203', name: '罗坳村', level: 'village', hasChildren: false },
      { code: '360731101208', name: '新屋村', level: 'village', hasChildren: false },
    ]);
    expect(await dir.regions({ parentCode: '360731100201' })).toEqual([]);
  });

  test('an unknown parent → NOT_FOUND naming parentCode', async () => {
    const err = await rejection(dir.regions({ parentCode: '3699' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('没有这个地区');
    expect(err.fields).toEqual({ parentCode: '地区不存在' });
  });
});
