/**
 * The storage contract of StationRepository and RegionRepository (core/ports.ts): one suite that
 * every adapter (SQLite, CloudBase through the fake SDK, CloudBase for real) must pass as is.
 */
import type { NearbyQuery, RegionRepository, SearchQuery, StationRepository } from '../../core/ports';
import { distanceMeters } from '../../core/shared/geo';
import { isOpenAt, type OpeningHours } from '../../core/station/hours';
import type { Station } from '../../core/station/model';
import { stationUuid } from '../../core/station/hsds';
import { CERTIFIED_STATUSES, LISTED_STATUSES, PUBLIC_STATUSES } from '../../core/station/vocabulary';
import { bulkStations, bulkVillages, CENTRE, offset, R, REGIONS, S, STATIONS } from '../support/stations';
import { timedTest, useStore, type StoreLifecycle } from '../support/store-hooks';
import { expectCode } from './expect';

export interface StoreHandle extends StoreLifecycle {
  stations: StationRepository;
  regions: RegionRepository;
  /** Store `s` as a document written before the open data `uuid` field existed (none on it). */
  writeLegacy?(s: Station): Promise<void>;
}

export interface ContractOptions {
  /** Per-hook and per-test timeout (a real cloud environment is slow). */
  timeoutMs?: number;
}

const ids = (items: { id: string }[]) => items.map((s) => s.id);
const nearIds = (page: { items: { station: Station }[] }) => page.items.map((r) => r.station.id);

function nearbyQ(q: Partial<NearbyQuery> = {}): NearbyQuery {
  return { ...CENTRE, radiusM: 5000, statuses: LISTED_STATUSES, limit: 50, ...q };
}

function searchQ(q: Partial<SearchQuery> = {}): SearchQuery {
  return { statuses: LISTED_STATUSES, offset: 0, limit: 50, ...q };
}

/** The ids of the stations a search for `text` finds (with `more` of the query). */
async function found(stations: StationRepository, text: string, more: Partial<SearchQuery> = {}): Promise<string[]> {
  return ids((await stations.search(searchQ({ text, ...more }))).items);
}

/** The reference answer for a nearby query over `all`, computed from the fixtures. */
function expectedNearby(all: Station[], q: NearbyQuery): string[] {
  return all
    .filter((s) => q.statuses.includes(s.status) && (!q.level || s.level === q.level) && (!q.service || s.services.includes(q.service)))
    .map((s) => ({ id: s.id, d: distanceMeters(q, s.location) }))
    .filter((x) => x.d <= q.radiusM)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

const LEVEL_ORDER = { county: 0, township: 1, village: 2 } as const;
function byLevelThenCode(a: Station, b: Station): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

const expectUnavailable = (p: Promise<unknown>) => expectCode(p, 'UNAVAILABLE');

export function describeStationStoreContract(name: string, makeStores: () => Promise<StoreHandle>, options: ContractOptions = {}): void {
  const timeout = options.timeoutMs ?? 5000;
  const timed = timedTest(timeout);

  describe(`${name}: station store contract`, () => {
    describe('a seeded directory', () => {
      let h: StoreHandle;
      useStore(makeStores, (opened) => (h = opened), {
        once: true,
        prepare: async (h) => {
          await h.regions.upsertMany(REGIONS);
          await h.stations.upsertMany(STATIONS);
        },
        openTimeout: timeout * 4,
        disposeTimeout: timeout * 4,
      });

      describe('nearby', () => {
        timed('finds listed stations within the radius, nearest first, with their distance', async () => {
          const page = await h.stations.nearby(nearbyQ());
          expect(nearIds(page)).toEqual(['yd-county', 'gj-township', 'st-village', 'xx-village', 'hq-village', 'hs-village', 'edge-in']);
          expect(nearIds(page)).toEqual(expectedNearby(STATIONS, nearbyQ()));
          expect(page.hasMore).toBe(false);
          for (const { station, distanceM } of page.items) {
            expect(Math.abs(distanceM - distanceMeters(CENTRE, station.location))).toBeLessThan(0.5);
          }
          const distances = page.items.map((r) => r.distanceM);
          expect([...distances].sort((a, b) => a - b)).toEqual(distances);
          expect(page.items[0].distanceM).toBeCloseTo(300, 0);
        });

        timed('returns whole, unchanged station records', async () => {
          const page = await h.stations.nearby(nearbyQ({ limit: 1 }));
          expect(page.items[0].station).toEqual(S.yuduCounty);
        });

        timed('the radius is exact at its edge: 4997 m is in, 5010 m is out', async () => {
          const found = nearIds(await h.stations.nearby(nearbyQ({ radiusM: 5000 })));
          expect(found).toContain('edge-in');
          expect(found).not.toContain('edge-out');
          const wider = nearIds(await h.stations.nearby(nearbyQ({ radiusM: 5020 })));
          expect(wider.slice(-2)).toEqual(['edge-in', 'edge-out']);
        });

        timed('a small radius or an empty area finds nothing', async () => {
          expect(await h.stations.nearby(nearbyQ({ radiusM: 200 }))).toEqual({ items: [], hasMore: false, last: null });
          const nanchang = { lat: 28.68, lng: 115.86 };
          expect(await h.stations.nearby(nearbyQ({ ...nanchang, radiusM: 50_000 }))).toEqual({ items: [], hasMore: false, last: null });
        });

        timed('filters by level, by service, and both', async () => {
          expect(nearIds(await h.stations.nearby(nearbyQ({ level: 'village' })))).toEqual(['st-village', 'xx-village', 'hq-village', 'hs-village', 'edge-in']);
          expect(nearIds(await h.stations.nearby(nearbyQ({ service: 'bill_payment' })))).toEqual(['gj-township', 'xx-village']);
          const q = nearbyQ({ level: 'township', service: 'express', radiusM: 20_000 });
          expect(nearIds(await h.stations.nearby(q))).toEqual(['gj-township', 'tsl-township']);
          expect(nearIds(await h.stations.nearby(q))).toEqual(expectedNearby(STATIONS, q));
        });

        timed('only the statuses asked for', async () => {
          const pub = nearIds(await h.stations.nearby(nearbyQ({ statuses: PUBLIC_STATUSES })));
          expect(pub.slice(0, 2)).toEqual(['yd-county', 'lt-closed']);
          expect(pub).not.toContain('xx-planned');
          expect(nearIds(await h.stations.nearby(nearbyQ({ statuses: ['planned'] })))).toEqual(['xx-planned']);
          expect(nearIds(await h.stations.nearby(nearbyQ({ statuses: ['notice', 'rectification'] })))).toEqual(['xx-village', 'hs-village']);
          expect((await h.stations.nearby(nearbyQ({ statuses: [] }))).items).toEqual([]);
        });

        timed('pages by position: after the last station of a page; hasMore says whether another item exists', async () => {
          const all = expectedNearby(STATIONS, nearbyQ());
          const p1 = await h.stations.nearby(nearbyQ({ limit: 3 }));
          const p2 = await h.stations.nearby(nearbyQ({ limit: 3, after: p1.last ?? undefined }));
          const p3 = await h.stations.nearby(nearbyQ({ limit: 3, after: p2.last ?? undefined }));
          expect([p1.hasMore, p2.hasMore, p3.hasMore]).toEqual([true, true, false]);
          expect([...nearIds(p1), ...nearIds(p2), ...nearIds(p3)]).toEqual(all);
          expect(p1.last).toEqual({ id: all[2], distanceM: p1.items[2].distanceM });
          expect((await h.stations.nearby(nearbyQ({ limit: all.length }))).hasMore).toBe(false);
          expect((await h.stations.nearby(nearbyQ({ limit: all.length - 1 }))).hasMore).toBe(true);
          expect(await h.stations.nearby(nearbyQ({ after: p3.last ?? undefined }))).toEqual({ items: [], hasMore: false, last: null });
          expect(await h.stations.nearby(nearbyQ({ after: { distanceM: 4999, id: 'zz' } }))).toEqual({ items: [], hasMore: false, last: null });
        });

        timed('hoursFilter: only passing stations, at most scanLimit examined, last = the last examined', async () => {
          const all = expectedNearby(STATIONS, nearbyQ());
          // Called once per station examined, in nearby's order: keep every other one.
          let calls = 0;
          const hoursFilter = (hours: OpeningHours) => hours.weekly.length > 0 && calls++ % 2 === 0;
          const expected = all.filter((_, i) => i % 2 === 0);
          const page = await h.stations.nearby(nearbyQ({ hoursFilter }));
          expect(nearIds(page)).toEqual(expected);
          expect(page.hasMore).toBe(false);
          const few = await h.stations.nearby(nearbyQ({ hoursFilter: () => false, scanLimit: 3 }));
          expect(few.items).toEqual([]);
          expect(few.hasMore).toBe(true);
          expect(few.last?.id).toBe(all[2]);
          const rest = await h.stations.nearby(nearbyQ({ hoursFilter: () => true, after: few.last ?? undefined }));
          expect(nearIds(rest)).toEqual(all.slice(3));
        });
      });

      describe('search', () => {
        // Each row: what a search finds, as searches for a text (with more of the query) and the ids they answer.
        test.each<[string, [text: string, ids: string[], more?: Partial<SearchQuery>][]]>([
          [
            'Chinese text: a substring of the name',
            [
              ['水头', ['st-village']],
              ['运营中心', ['xg-county', 'yd-county']],
              ['边界服务', ['edge-in']],
            ],
          ],
          [
            'Chinese text: a village or township name the station name does not contain',
            [
              ['溪背', ['hq-village']],
              ['溪背村', ['hq-village']],
              ['贡江', ['gj-township', 'st-village', 'xx-village', 'hq-village']],
            ],
          ],
          ['Chinese text: the address', [['长征大道', ['yd-county']]]],
          [
            'pinyin: initials and full-pinyin prefixes of the name and of places, any case, spaces ignored',
            [
              ['stc', ['st-village']],
              ['STC', ['st-village']],
              ['shuit', ['st-village']],
              ['shui tou', ['st-village']],
              ['hqbm', ['hq-village']], // station name
              ['xbc', ['hq-village']], // its village
              ['gjz', ['gj-township', 'st-village', 'xx-village', 'hq-village']],
              ['yudu', ['yd-county'], { level: 'county' }], // 于都县 (county)
            ],
          ],
        ])('%s', async (_name, searches) => {
          for (const [text, want, more] of searches) expect([text, await found(h.stations, text, more)]).toEqual([text, want]);
        }, timeout);

        timed('Chinese text must be contiguous, and punctuation or regex characters are not operators', async () => {
          expect((await h.stations.search(searchQ({ text: '水村' }))).items).toEqual([]);
          expect(await found(h.stations, ' 水头 ')).toEqual(['st-village']);
          expect(await found(h.stations, '水头.*')).toEqual(['st-village']);
          expect(await found(h.stations, '(水头|溪背)')).toEqual([]);
          expect(await h.stations.search(searchQ({ text: '.*' }))).toEqual({ items: [], hasMore: false });
          expect(await h.stations.search(searchQ({ text: '！？' }))).toEqual({ items: [], hasMore: false });
        });

        timed('pinyin matches prefixes only, and not the stripped brand or the province and city', async () => {
          expect((await h.stations.search(searchQ({ text: 'toucun' }))).items).toEqual([]);
          expect((await h.stations.search(searchQ({ text: 'jxds' }))).items).toEqual([]);
          expect((await h.stations.search(searchQ({ text: 'ganzhou' }))).items).toEqual([]);
        });

        timed('by region code at every level', async () => {
          const listed = STATIONS.filter((s) => LISTED_STATUSES.includes(s.status)).sort(byLevelThenCode);
          expect(ids((await h.stations.search(searchQ({ regionCode: '36' }))).items)).toEqual(ids(listed));
          expect(ids((await h.stations.search(searchQ({ regionCode: '3607' }))).items)).toEqual(ids(listed));
          expect(ids((await h.stations.search(searchQ({ regionCode: '360732' }))).items)).toEqual(['xg-county', 'cg-township']);
          expect(ids((await h.stations.search(searchQ({ regionCode: '360731100' }))).items)).toEqual(['gj-township', 'st-village', 'xx-village', 'hq-village']);
          expect(ids((await h.stations.search(searchQ({ regionCode: '360731100201' }))).items)).toEqual(['st-village']);
          expect((await h.stations.search(searchQ({ regionCode: '3601' }))).items).toEqual([]);
        });

        timed('orders county → township → village, then by code', async () => {
          const got = (await h.stations.search(searchQ({ regionCode: '360731' }))).items;
          expect(ids(got)).toEqual(['yd-county', 'gj-township', 'tsl-township', 'st-village', 'xx-village', 'hq-village', 'hs-village', 'edge-in', 'edge-out']);
          expect(ids(got)).toEqual(ids([...got].sort(byLevelThenCode)));
        });

        timed('without text or region: every station of the statuses, filters applied', async () => {
          expect(ids((await h.stations.search(searchQ({ statuses: ['closed', 'planned'] }))).items)).toEqual(['lt-closed', 'xx-planned']);
          expect(ids((await h.stations.search(searchQ({ level: 'county' }))).items)).toEqual(['xg-county', 'yd-county']);
        });

        timed('combines text, region, level, service and statuses', async () => {
          expect(ids((await h.stations.search(searchQ({ regionCode: '360731', level: 'village', service: 'express' }))).items)).toEqual(['st-village', 'hq-village', 'hs-village']);
          expect(await found(h.stations, '服务点', { regionCode: '360731101' })).toEqual(['hs-village', 'edge-in', 'edge-out']);
          expect(await found(h.stations, 'hsc', { service: 'training' })).toEqual(['edge-in', 'edge-out']);
          expect(await found(h.stations, '小溪')).toEqual(['xx-village']);
          expect(await found(h.stations, '小溪', { statuses: PUBLIC_STATUSES.concat('planned') })).toEqual(['xx-village', 'xx-planned']);
          expect((await h.stations.search(searchQ({ text: '罗田' }))).items).toEqual([]);
          expect(await found(h.stations, '罗田', { statuses: PUBLIC_STATUSES })).toEqual(['lt-closed']);
          expect((await h.stations.search(searchQ({ text: '水头', level: 'township' }))).items).toEqual([]);
        });

        timed('pages with offset/limit and hasMore', async () => {
          const all = ids((await h.stations.search(searchQ({ regionCode: '36' }))).items);
          expect(all).toHaveLength(11);
          const seen: string[] = [];
          const flags: boolean[] = [];
          for (let offsetN = 0; offsetN < all.length; offsetN += 4) {
            const page = await h.stations.search(searchQ({ regionCode: '36', offset: offsetN, limit: 4 }));
            seen.push(...ids(page.items));
            flags.push(page.hasMore);
          }
          expect(seen).toEqual(all);
          expect(flags).toEqual([true, true, false]);
          expect((await h.stations.search(searchQ({ regionCode: '36', limit: 11 }))).hasMore).toBe(false);
          expect(await h.stations.search(searchQ({ regionCode: '36', offset: 11 }))).toEqual({ items: [], hasMore: false });
        });
      });

      describe('get and count', () => {
        timed('get returns the whole record, or null', async () => {
          expect(await h.stations.get('st-village')).toEqual(S.shuitou);
          expect(await h.stations.get('lt-closed')).toEqual(S.luotian);
          expect(await h.stations.get('no-such-station')).toBeNull();
        });

        timed('count counts every station, whatever its status', async () => {
          expect(await h.stations.count()).toBe(STATIONS.length);
        });
      });

      describe('the register (list)', () => {
        const byCode = (a: Station, b: Station) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
        timed('every status, ordered by code, filtered by region, codes, level and status', async () => {
          const all = [...STATIONS].sort(byCode);
          expect(ids((await h.stations.list({ limit: 100 })).items)).toEqual(ids(all));
          const inGongjiang = all.filter((s) => s.regionPath.some((r) => r.code === R.gongjiang.code));
          expect(ids((await h.stations.list({ regionCode: R.gongjiang.code, limit: 100 })).items)).toEqual(ids(inGongjiang));
          const two = [all[3], all[1]].map((s) => s.code);
          expect(ids((await h.stations.list({ codes: two, limit: 100 })).items)).toEqual(ids([all[1], all[3]]));
          expect(ids((await h.stations.list({ codes: [], limit: 100 })).items)).toEqual([]);
          expect(ids((await h.stations.list({ level: 'village', limit: 100 })).items)).toEqual(ids(all.filter((s) => s.level === 'village')));
          expect(ids((await h.stations.list({ status: 'closed', limit: 100 })).items)).toEqual(ids(all.filter((s) => s.status === 'closed')));
        });

        timed('pages by the last code seen, with or without a code list', async () => {
          const all = [...STATIONS].sort(byCode);
          const first = await h.stations.list({ limit: 2 });
          expect(ids(first.items)).toEqual(ids(all.slice(0, 2)));
          expect(first.hasMore).toBe(true);
          const rest = await h.stations.list({ afterCode: all[1].code, limit: 100 });
          expect(ids(rest.items)).toEqual(ids(all.slice(2)));
          expect(rest.hasMore).toBe(false);
          const codes = all.map((s) => s.code);
          const coded = await h.stations.list({ codes, afterCode: all[0].code, limit: 1 });
          expect(ids(coded.items)).toEqual([all[1].id]);
          expect(coded.hasMore).toBe(true);
        });

        timed('several statuses, pages by offset, counts what list answers (open data)', async () => {
          const all = [...STATIONS].sort(byCode);
          const certified = all.filter((s) => CERTIFIED_STATUSES.includes(s.status));
          expect(certified.length).toBeGreaterThan(2);
          const q = { statuses: CERTIFIED_STATUSES };
          expect(ids((await h.stations.list({ ...q, limit: 100 })).items)).toEqual(ids(certified));
          const second = await h.stations.list({ ...q, offset: 1, limit: 1 });
          expect(ids(second.items)).toEqual([certified[1].id]);
          expect(second.hasMore).toBe(true);
          const beyond = await h.stations.list({ ...q, offset: certified.length, limit: 10 });
          expect(beyond).toEqual({ items: [], hasMore: false });
          expect(await h.stations.countList(q)).toBe(certified.length);
          expect(await h.stations.countList({})).toBe(all.length);
          expect(await h.stations.countList({ statuses: [] })).toBe(0);
          expect(await h.stations.countList({ ...q, status: 'closed' })).toBe(0);
          const inGongjiang = certified.filter((s) => s.regionPath.some((r) => r.code === R.gongjiang.code));
          expect(await h.stations.countList({ ...q, regionCode: R.gongjiang.code })).toBe(inGongjiang.length);
          expect(ids((await h.stations.list({ ...q, regionCode: R.gongjiang.code, limit: 100 })).items)).toEqual(ids(inGongjiang));
        });

        timed('getByUuid finds a station by the UUID of its code, and nothing else', async () => {
          const s = STATIONS[1];
          expect((await h.stations.getByUuid(stationUuid(s.code)))?.id).toBe(s.id);
          expect(await h.stations.getByUuid(stationUuid('NO-SUCH-CODE'))).toBeNull();
          expect(await h.stations.getByUuid(s.id)).toBeNull();
        });


        timed('operators: distinct by name over the given statuses, with a hotline and a count', async () => {
          const certified = STATIONS.filter((s) => CERTIFIED_STATUSES.includes(s.status));
          const names = [...new Set(certified.map((s) => s.operator.name))].sort();
          const got = await h.stations.operators(CERTIFIED_STATUSES);
          expect(got.map((o) => o.name)).toEqual(names);
          for (const o of got) {
            const mine = certified.filter((s) => s.operator.name === o.name);
            expect(o.stations).toBe(mine.length);
            expect(mine.map((s) => s.operator.hotline)).toContain(o.hotline);
          }
          expect(await h.stations.operators([])).toEqual([]);
        });
      });

      describe('regions', () => {
        timed('top level: the cities of the province (36), sorted by code', async () => {
          expect(await h.regions.children(null)).toEqual([R.nanchang, R.ganzhou, R.jian]);
        });

        timed('children of a city, a county and a township; none below a village', async () => {
          expect(await h.regions.children('3607')).toEqual([R.yudu, R.xingguo]);
          expect(await h.regions.children('360731')).toEqual([R.gongjiang, R.tieshanlong]);
          expect(await h.regions.children('360731100')).toEqual([R.shuitou, R.xiaoxi, R.xibei]);
          expect(await h.regions.children('360731100201')).toEqual([]);
          expect(await h.regions.children('3601')).toEqual([]);
        });

        timed('get: with the centre when known, without the key otherwise; null when absent', async () => {
          expect(await h.regions.get('360731')).toEqual(R.yudu);
          const township = await h.regions.get('360731100');
          expect(township).toEqual(R.gongjiang);
          expect(township).not.toHaveProperty('centre');
          expect(await h.regions.get('36')).toEqual(R.jiangxi);
          expect(await h.regions.get('369999')).toBeNull();
        });
      });
    });

    describe('writes', () => {
      let h: StoreHandle;
      useStore(makeStores, (opened) => (h = opened), { prepare: (h) => h.stations.upsertMany(STATIONS), openTimeout: timeout * 4, disposeTimeout: timeout * 4 });

      timed('upserting an existing id replaces it: no duplicate', async () => {
        const changed = { ...S.shuitou, contact: { phone: '13907975678' } };
        await h.stations.upsertMany([changed]);
        expect(await h.stations.count()).toBe(STATIONS.length);
        expect(await h.stations.get('st-village')).toEqual(changed);
        expect(nearIds(await h.stations.nearby(nearbyQ())).filter((id) => id === 'st-village')).toHaveLength(1);
        expect(await found(h.stations, '水头')).toEqual(['st-village']);
      });

      timed('the last version of an id in one call wins', async () => {
        const v1 = { ...S.shuitou, address: '贡江镇水头村一组' };
        const v2 = { ...S.shuitou, address: '贡江镇水头村二组' };
        await h.stations.upsertMany([v1, v2]);
        expect(await h.stations.count()).toBe(STATIONS.length);
        expect((await h.stations.get('st-village'))?.address).toBe('贡江镇水头村二组');
      });

      timed('a moved station is found at its new place only', async () => {
        const far = offset(CENTRE, 30_000, 20_000);
        await h.stations.upsertMany([{ ...S.shuitou, location: { ...far, datum: 'GCJ-02' } }]);
        expect(nearIds(await h.stations.nearby(nearbyQ()))).not.toContain('st-village');
        const there = await h.stations.nearby(nearbyQ({ ...far, radiusM: 1000 }));
        expect(nearIds(there)).toEqual(['st-village']);
        expect(there.items[0].distanceM).toBeLessThan(1);
      });

      timed('a removed service no longer matches; an added one does', async () => {
        await h.stations.upsertMany([{ ...S.shuitou, services: ['purchasing', 'medical_booking'] }]);
        expect(nearIds(await h.stations.nearby(nearbyQ({ service: 'express' })))).not.toContain('st-village');
        expect(ids((await h.stations.search(searchQ({ regionCode: '360731100201', service: 'express' }))).items)).toEqual([]);
        expect(ids((await h.stations.search(searchQ({ regionCode: '360731100201', service: 'medical_booking' }))).items)).toEqual(['st-village']);
      });

      timed('a renamed station is found by its new name, not its old one', async () => {
        await h.stations.upsertMany([{ ...S.hongqi, name: '江西电商扶贫工程新桥便民服务点' }]);
        expect(await found(h.stations, '新桥')).toEqual(['hq-village']);
        expect(await found(h.stations, 'xqbm')).toEqual(['hq-village']);
        expect((await h.stations.search(searchQ({ text: '红旗' }))).items).toEqual([]);
        expect((await h.stations.search(searchQ({ text: 'hqbm' }))).items).toEqual([]);
        expect(await found(h.stations, '溪背')).toEqual(['hq-village']); // the village is unchanged
      });

      timed('a status change moves the station in and out of listings', async () => {
        await h.stations.upsertMany([{ ...S.shuitou, status: 'closed', certification: null }]);
        expect(nearIds(await h.stations.nearby(nearbyQ()))).not.toContain('st-village');
        expect((await h.stations.search(searchQ({ text: '水头' }))).items).toEqual([]);
        expect(await found(h.stations, '水头', { statuses: PUBLIC_STATUSES })).toEqual(['st-village']);
      });

      timed('a moved region path changes region matches', async () => {
        await h.stations.upsertMany([{ ...S.shuitou, regionPath: [...S.shuitou.regionPath.slice(0, 4), { code: R.xiaoxi.code, name: R.xiaoxi.name }] }]);
        expect((await h.stations.search(searchQ({ regionCode: R.shuitou.code }))).items).toEqual([]);
        expect(ids((await h.stations.search(searchQ({ regionCode: R.xiaoxi.code }))).items)).toEqual(['st-village', 'xx-village']);
      });

      timed('regions: upsert replaces by code', async () => {
        await h.regions.upsertMany(REGIONS);
        await h.regions.upsertMany([{ ...R.gongjiang, name: '贡江镇（新）' }]);
        expect(await h.regions.get(R.gongjiang.code)).toEqual({ ...R.gongjiang, name: '贡江镇（新）' });
        expect(await h.regions.children('360731')).toEqual([{ ...R.gongjiang, name: '贡江镇（新）' }, R.tieshanlong]);
      });
    });

    describe('open now with the openAt hint (stations that cannot be open this hour may be skipped)', () => {
      let h: StoreHandle;
      const day = (open: string, close: string, days = [1, 2, 3, 4, 5, 6, 7]) => days.map((d) => ({ day: d, intervals: [{ open, close }] }));
      const SCHEDULES: OpeningHours[] = [
        { weekly: day('08:00', '18:00', [1, 2, 3, 4, 5]), exceptions: [] },
        { weekly: day('14:00', '20:30'), exceptions: [] },
        // Past midnight, and a Saturday opened specially by an exception.
        { weekly: day('22:00', '02:00', [5, 6]), exceptions: [{ date: '2026-05-16', intervals: [{ open: '09:00', close: '11:00' }] }] },
        { weekly: day('00:00', '24:00'), exceptions: [{ date: '2026-05-13', intervals: [] }] },
        { weekly: [], exceptions: [] },
      ];
      const mixed = bulkStations(60).map((s, i) => ({ ...s, hours: SCHEDULES[i % SCHEDULES.length] }));
      useStore(makeStores, (opened) => (h = opened), { once: true, prepare: (h) => h.stations.upsertMany(mixed), openTimeout: timeout * 12, disposeTimeout: timeout * 12 });

      timed('every third hour of the week from Monday 2026-05-11: exactly the stations open then, nearest first', async () => {
        let someOpen = 0;
        for (let hour = 0; hour < 7 * 24; hour += 3) {
          const at = new Date(Date.UTC(2026, 4, 10, 16 + hour, 30));
          const hoursFilter = (hours: OpeningHours) => isOpenAt(hours, at);
          const expected = expectedNearby(mixed.filter((s) => isOpenAt(s.hours, at)), nearbyQ());
          const page = await h.stations.nearby(nearbyQ({ hoursFilter, openAt: at, limit: 100 }));
          expect([hour, nearIds(page)]).toEqual([hour, expected]);
          expect(page.hasMore).toBe(false);
          if (expected.length) someOpen++;
        }
        expect(someOpen).toBeGreaterThan(20);
      }, 12);
    });

    describe('answers larger than one storage batch (130 stations, 120 villages)', () => {
      let h: StoreHandle;
      const bulk = bulkStations(130);
      const villages = bulkVillages(120);
      useStore(makeStores, (opened) => (h = opened), {
        once: true,
        prepare: async (h) => {
          await h.stations.upsertMany(bulk);
          await h.regions.upsertMany([...REGIONS, ...villages]);
        },
        openTimeout: timeout * 12,
        disposeTimeout: timeout * 12,
      });

      timed('nearby with a large limit, continued from a position', async () => {
        const all = expectedNearby(bulk, nearbyQ());
        expect(all).toHaveLength(130);
        const p1 = await h.stations.nearby(nearbyQ({ limit: 120 }));
        expect(nearIds(p1)).toEqual(all.slice(0, 120));
        expect(p1.hasMore).toBe(true);
        const at = p1.items[104];
        const p2 = await h.stations.nearby(nearbyQ({ after: { distanceM: at.distanceM, id: at.station.id }, limit: 50 }));
        expect(nearIds(p2)).toEqual(all.slice(105));
        expect(p2.hasMore).toBe(false);
      }, 2);

      timed('search with a large limit and offset', async () => {
        const all = [...bulk].sort(byLevelThenCode).map((s) => s.id);
        const p1 = await h.stations.search(searchQ({ regionCode: R.shuitou.code, limit: 120 }));
        expect(ids(p1.items)).toEqual(all.slice(0, 120));
        expect(p1.hasMore).toBe(true);
        const p2 = await h.stations.search(searchQ({ text: '水头', offset: 100, limit: 40 }));
        expect(ids(p2.items)).toEqual(all.slice(100));
        expect(p2.hasMore).toBe(false);
        expect(await h.stations.count()).toBe(130);
      }, 2);

      timed('the register pages through more than one storage batch', async () => {
        const all = [...bulk].sort((a, b) => (a.code < b.code ? -1 : 1)).map((s) => s.id);
        const p1 = await h.stations.list({ limit: 120 });
        expect(ids(p1.items)).toEqual(all.slice(0, 120));
        expect(p1.hasMore).toBe(true);
        const p2 = await h.stations.list({ afterCode: p1.items[119].code, limit: 120 });
        expect(ids(p2.items)).toEqual(all.slice(120));
        expect(p2.hasMore).toBe(false);
      }, 2);

      timed('all children of a region with many children', async () => {
        const got = await h.regions.children(R.gongjiang.code);
        expect(got.map((r) => r.code)).toEqual([R.shuitou, R.xiaoxi, R.xibei, ...villages].map((r) => r.code).sort());
      }, 2);
    });

    describe('documents written before the uuid field', () => {
      let h: StoreHandle;
      useStore(makeStores, (opened) => (h = opened), { once: true, openTimeout: timeout * 4, disposeTimeout: timeout * 4 });

      timed('getByUuid finds a legacy station by the UUID of its code, and keeps finding it', async () => {
        if (!h.writeLegacy) return; // a real environment has no back door for raw documents
        await h.stations.upsertMany([S.shuitou]);
        const legacy: Station = { ...S.xiaoxi, id: 'st-legacy', code: 'LEGACY-001' };
        await h.writeLegacy(legacy);
        expect(await h.stations.getByUuid(stationUuid('NO-SUCH-CODE'))).toBeNull();
        expect((await h.stations.getByUuid(stationUuid(legacy.code)))?.id).toBe('st-legacy');
        expect((await h.stations.getByUuid(stationUuid(legacy.code)))?.name).toBe(S.xiaoxi.name);
        expect((await h.stations.getByUuid(stationUuid(S.shuitou.code)))?.id).toBe(S.shuitou.id);
        expect(await h.stations.get('st-legacy')).toEqual(legacy);
      }, 2);
    });

    describe('when the store is unavailable', () => {
      let h: StoreHandle;
      useStore(makeStores, (opened) => (h = opened), {
        once: true,
        prepare: async (h) => {
          await h.regions.upsertMany([R.jiangxi, R.ganzhou]);
          await h.stations.upsertMany([S.shuitou]);
          await h.breakStore();
        },
        openTimeout: timeout * 4,
        disposeTimeout: timeout * 4,
      });

      timed('every operation fails with AppError UNAVAILABLE', async () => {
        await expectUnavailable(h.stations.nearby(nearbyQ()));
        await expectUnavailable(h.stations.search(searchQ({ text: '水头' })));
        await expectUnavailable(h.stations.search(searchQ({ text: 'stc' })));
        await expectUnavailable(h.stations.get('st-village'));
        await expectUnavailable(h.stations.count());
        await expectUnavailable(h.stations.upsertMany([S.xiaoxi]));
        await expectUnavailable(h.regions.children(null));
        await expectUnavailable(h.regions.get('36'));
        await expectUnavailable(h.regions.upsertMany([R.nanchang]));
      }, 2);
    });
  });
}
