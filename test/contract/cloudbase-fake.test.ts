/**
 * The storage contract against the CloudBase adapter over the SDK test double, once per SDK
 * flavour (wx-server-sdk in the deployed function, @cloudbase/node-sdk for scripts and the real
 * contract run); then the double's own enforcement of CloudBase's limits.
 */
import { pinyinOf } from '../../adapters/pinyin';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository, toStationDoc } from '../../adapters/cloudbase/stations';
import { writeArg } from '../../adapters/cloudbase/sdk';
import { AppError } from '../../core/shared/errors';
import { createFakeCloudbase, FakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { bulkStations, CENTRE, S, STATIONS } from '../support/stations';
import { createDirectory } from '../../core/station/service';
import { distanceMeters } from '../../core/shared/geo';
import type { Station } from '../../core/station/model';
import { onFakeCloudbase } from '../support/store-runners';
import { describeStationStoreContract } from './stations.contract';

function stores(fake: FakeCloudbase, prefix = '') {
  const sdk = fake.flavour;
  return {
    stations: createCloudbaseStationRepository(fake.db, { sdk, prefix, pinyin: pinyinOf }),
    regions: createCloudbaseRegionRepository(fake.db, { sdk, prefix }),
  };
}

for (const [name, open] of onFakeCloudbase((fake) => ({
  ...stores(fake, 't_'),
  // As the adapter wrote stations before the open data uuid: the same document without it.
  writeLegacy: async (s: Station) => {
    const { uuid: _uuid, ...doc } = toStationDoc(fake.db, s, pinyinOf);
    await fake.db.collection('t_stations').doc(s.id).set(writeArg(fake.flavour, doc));
  },
}))) {
  describeStationStoreContract(name, open);
}

describe('cloudbase adapter details', () => {
  test('never asks the SDK for more than 100 documents at once', async () => {
    const fake = createFakeCloudbase();
    const { stations } = stores(fake);
    await stations.upsertMany(STATIONS);
    await stations.nearby({ ...CENTRE, radiusM: 50_000, statuses: ['active'], limit: 150 });
    await stations.search({ statuses: ['active'], offset: 90, limit: 150 });
    const gets = fake.log.filter((e) => e.op === 'get');
    expect(gets.length).toBeGreaterThan(0);
    for (const g of gets) expect(g.limit).toBeLessThanOrEqual(100);
  });

  test('stores one document per station, keyed by id, with the denormalised fields', async () => {
    const fake = createFakeCloudbase();
    const { stations } = stores(fake);
    await stations.upsertMany([S.shuitou, S.shuitou]);
    const [doc] = fake.dump('stations');
    expect(fake.dump('stations')).toHaveLength(1);
    expect(doc).toMatchObject({
      _id: 'st-village',
      code: 'YD-V-001',
      level: 'village',
      levelRank: 2,
      status: 'active',
      services: ['express', 'purchasing'],
      regionCodes: ['36', '3607', '360731', '360731100', '360731100201'],
      location: { type: 'Point', coordinates: [S.shuitou.location.lng, S.shuitou.location.lat] },
      station: S.shuitou,
    });
    expect(doc.latin).toEqual(expect.arrayContaining(['stcfwd', 'shuitoucunfuwudian', 'stc', 'gjz', 'ydx']));
    expect(doc.chars).toContain('水 头 村');
  });

  test('a server error answered as { code } (node-sdk) or a rejection (wx-server-sdk) becomes UNAVAILABLE, once', async () => {
    for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
      const fake = createFakeCloudbase({ flavour });
      const { stations } = stores(fake);
      await stations.upsertMany([S.shuitou]);
      fake.failNext();
      await expect(stations.get('st-village')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await expect(stations.get('st-village')).resolves.toEqual(S.shuitou);
    }
  });

  test('a missing geo index surfaces as UNAVAILABLE, not as wrong answers', async () => {
    const fake = createFakeCloudbase({ collections: { stations: [], regions: [] } });
    const { stations } = stores(fake);
    await stations.upsertMany([S.shuitou]);
    const err = await stations.nearby({ ...CENTRE, radiusM: 5000, statuses: ['active'], limit: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAVAILABLE');
  });

  test('writing stations without a pinyin function is a programming error', async () => {
    const fake = createFakeCloudbase();
    const stations = createCloudbaseStationRepository(fake.db);
    await expect(stations.upsertMany([S.shuitou])).rejects.toThrow(/pinyin/);
  });
});

/** The documents a get() answered. */
async function rows(query: { get(): Promise<unknown> }): Promise<Record<string, unknown>[]> {
  return ((await query.get()) as { data: Record<string, unknown>[] }).data;
}

describe('cloudbase nearby: what it reads, counted on the SDK double', () => {
  // 300 active stations spiralling out from CENTRE (100 m … 7.6 km), all open 08:00–18:00.
  const many = bulkStations(300);
  const WED_NOON = new Date('2026-05-13T04:00:00.000Z');
  const WED_3AM = new Date('2026-05-12T19:00:00.000Z');
  let now = WED_NOON;
  let fake: FakeCloudbase;
  let directory: ReturnType<typeof createDirectory>;
  beforeAll(async () => {
    fake = createFakeCloudbase();
    const s = stores(fake);
    await s.stations.upsertMany(many);
    directory = createDirectory({ ...s, clock: { now: () => now } });
  });
  beforeEach(() => {
    now = WED_NOON;
  });

  /** Documents answered with their whole station record, and every get() of the stations collection. */
  function reads(run: () => Promise<unknown>) {
    return async () => {
      const before = fake.log.length;
      await run();
      const gets = fake.log.slice(before).filter((e) => e.op === 'get');
      return {
        calls: gets.length,
        stationDocs: gets.filter((g) => !g.fields || g.fields.includes('station')).reduce((n, g) => n + (g.returned ?? 0), 0),
        skips: gets.filter((g) => g.skip !== undefined).length,
        gets,
      };
    };
  }

  test('a page of 20 reads 20 station records (none when this container has them), in two calls', async () => {
    const fresh = createDirectory({ ...stores(fake), clock: { now: () => now } });
    const cold = await reads(() => fresh.nearby({ ...CENTRE, radiusM: 20_000 }))();
    expect(cold).toMatchObject({ calls: 2, stationDocs: 20, skips: 0 });
    // The first call reads only location and revision, one more than the page.
    expect(cold.gets[0]).toMatchObject({ fields: ['location', 'rev'], limit: 21, returned: 21 });
    const warm = await reads(() => fresh.nearby({ ...CENTRE, radiusM: 20_000 }))();
    expect(warm).toMatchObject({ calls: 1, stationDocs: 0, skips: 0 });
  });

  test('later pages continue by distance, never skip, and together list every station once in order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const before = fake.log.length;
    for (let i = 0; i < 20; i++) {
      const page = await directory.nearby({ ...CENTRE, radiusM: 20_000, limit: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = [...many].sort((a, b) => distanceMeters(CENTRE, a.location) - distanceMeters(CENTRE, b.location) || (a.id < b.id ? -1 : 1)).map((s) => s.id);
    expect(seen).toEqual(expected);
    expect(fake.log.slice(before).filter((e) => e.op === 'get' && e.skip !== undefined)).toEqual([]);
  });

  test('open now at night: a bounded number of calls, whole records only for what it returns', async () => {
    now = WED_3AM;
    const night = await reads(() => directory.nearby({ ...CENTRE, radiusM: 20_000, openNow: true }))();
    // 300 candidates, 100 per call, hours read beside the location: 3 full calls and a short one at most.
    expect(night.calls).toBeLessThanOrEqual(4);
    expect(night.stationDocs).toBe(0);
    expect(night.skips).toBe(0);
    now = WED_NOON;
    const noon = await reads(() => directory.nearby({ ...CENTRE, radiusM: 20_000, openNow: true }))();
    expect(noon.calls).toBeLessThanOrEqual(2);
    expect(noon.stationDocs).toBeLessThanOrEqual(20);
  });

  test('a rewritten station is read again (its revision changed); an unchanged one is not', async () => {
    const first = many[0];
    await directory.nearby({ ...CENTRE, radiusM: 20_000 });
    await stores(fake).stations.upsertMany([{ ...first, name: `${first.name}（新址）` }]);
    const after = await reads(() => directory.nearby({ ...CENTRE, radiusM: 20_000 }))();
    expect(after.stationDocs).toBe(1);
    const page = await directory.nearby({ ...CENTRE, radiusM: 20_000 });
    expect(page.items.find((s) => s.id === first.id)?.name).toBe(`${first.name}（新址）`);
  });
});

describe('fake-cloudbase enforces CloudBase limits', () => {
  const point = (fake: FakeCloudbase) => fake.db.Geo.Point(CENTRE.lng, CENTRE.lat);

  // Each document has its own `code`: stations.code is a unique index (a missing key counts as null, as in MongoDB).
  async function seeded(n = 120, collections?: ConstructorParameters<typeof FakeCloudbase>[0]) {
    const fake = createFakeCloudbase(collections);
    for (let i = 0; i < n; i++) {
      await fake.db.collection('stations').doc(`d${String(i).padStart(3, '0')}`).set({ data: { code: `c${i}`, n: i, tag: i % 2 ? 'odd' : 'even', location: fake.db.Geo.Point(CENTRE.lng + i * 0.001, CENTRE.lat) } });
    }
    return fake;
  }

  test('limit() above 100 throws; get() without limit returns at most 100', async () => {
    const fake = await seeded();
    const stations = fake.db.collection('stations');
    expect(() => stations.limit(101)).toThrow(/at most 100/);
    expect(() => stations.limit(0)).toThrow();
    expect(() => stations.limit(2.5)).toThrow();
    expect(await rows(stations)).toHaveLength(100);
    expect(await rows(stations.skip(100))).toHaveLength(20);
  });

  test('geoNear needs a declared 2dsphere index', async () => {
    const fake = await seeded(3, { collections: { stations: [] } });
    const _ = fake.db.command;
    await expect(fake.db.collection('stations').where({ location: _.geoNear({ geometry: point(fake) }) }).get()).rejects.toThrow(/index/);
  });

  test('geoNear orders by distance and combines with other conditions; skip/limit apply after', async () => {
    const fake = await seeded(10);
    const _ = fake.db.command;
    const near = fake.db.Geo.Point(CENTRE.lng + 0.0051, CENTRE.lat);
    const res = await rows(fake.db.collection('stations').where({ tag: 'odd', location: _.geoNear({ geometry: near, maxDistance: 300 }) }));
    expect(res.map((d) => d.n)).toEqual([5, 7, 3]);
    const page = await rows(fake.db.collection('stations').where({ location: _.geoNear({ geometry: near }) }).skip(1).limit(2));
    expect(page.map((d) => d.n)).toEqual([6, 4]);
  });

  test('geoNear with orderBy, inside _.or, twice, or in count() is refused', async () => {
    const fake = await seeded(3);
    const _ = fake.db.command;
    const geo = () => _.geoNear({ geometry: point(fake) });
    const stations = fake.db.collection('stations');
    await expect(stations.where({ location: geo() }).orderBy('n', 'asc').get()).rejects.toThrow(/orderBy together with geoNear/);
    expect(() => stations.where(_.or([{ location: geo() }, { n: 1 }]))).toThrow(/_.or/);
    expect(() => stations.where(_.and([{ location: geo() }, { other: geo() }]))).toThrow(/only one geoNear/);
    expect(() => stations.where({ location: geo() }).count()).toThrow(/count/);
  });

  test('unsupported commands, undefined conditions and bad values throw', async () => {
    const fake = await seeded(1);
    const _ = fake.db.command as unknown as Record<string, () => unknown>;
    expect(() => _.elemMatch()).toThrow(/not supported/);
    expect(() => _.geoWithin()).toThrow(/not supported/);
    expect(() => fake.db.collection('stations').where({ n: undefined })).toThrow(/undefined/);
    expect(() => fake.db.Geo.Point(200, 10)).toThrow(/longitude/);
    expect(() => fake.db.RegExp({ regexp: 'a', options: 'g' })).toThrow(/options/);
    expect(() => fake.db.collection('stations').orderBy('n', 'up')).toThrow(/direction/);
  });

  test('_id is unique; set() replaces, rejects _id in data and (wx-server-sdk) a missing { data }', async () => {
    const fake = await seeded(0);
    const doc = fake.db.collection('stations').doc('a');
    await doc.set({ data: { x: 1, y: 2 } });
    await doc.set({ data: { x: 3 } });
    expect(fake.dump('stations')).toEqual([{ _id: 'a', x: 3 }]);
    expect(() => doc.set({ data: { _id: 'b', x: 1 } })).toThrow(/_id/);
    expect(() => doc.set({ x: 1 })).toThrow(/data/);
    await expect(doc.get()).resolves.toMatchObject({ data: { _id: 'a', x: 3 } });
    await expect(fake.db.collection('stations').doc('missing').get()).rejects.toThrow(/does not exist/);
  });

  test('node-sdk flavour: set(data) directly, doc.get() of a missing document answers an empty list', async () => {
    const fake = createFakeCloudbase({ flavour: 'node-sdk' });
    await fake.db.collection('stations').doc('a').set({ x: 1 });
    expect(fake.dump('stations')).toEqual([{ _id: 'a', x: 1 }]);
    await expect(fake.db.collection('stations').doc('b').get()).resolves.toMatchObject({ data: [] });
    expect(() => fake.db.Geo.Point(CENTRE.lng, CENTRE.lat)).toThrow(/without 'new'/);
    expect(new fake.db.Geo.Point(CENTRE.lng, CENTRE.lat)).toMatchObject({ longitude: CENTRE.lng, latitude: CENTRE.lat });
  });

  test('collections must exist; outages fail requests until restored', async () => {
    const fake = await seeded(2);
    await expect(fake.db.collection('nope').get()).rejects.toThrow(/does not exist/);
    fake.setDown(true);
    await expect(fake.db.collection('stations').get()).rejects.toThrow(/outage/);
    fake.setDown(false);
    fake.failNext(2);
    await expect(fake.db.collection('stations').count()).rejects.toThrow(/failure/);
    await expect(fake.db.collection('stations').count()).rejects.toThrow(/failure/);
    await expect(fake.db.collection('stations').count()).resolves.toEqual({ total: 2 });
  });

  test('array fields match by element; RegExp applies to strings and array elements', async () => {
    const fake = createFakeCloudbase();
    const stations = fake.db.collection('stations');
    await stations.doc('a').set({ data: { code: 'a', tags: ['abc', 'xyz'], name: '水头村' } });
    await stations.doc('b').set({ data: { code: 'b', tags: ['bcd'], name: '小溪村' } });
    const ids = async (where: Record<string, unknown>) => (await rows(stations.where(where))).map((d) => d._id);
    expect(await ids({ tags: 'xyz' })).toEqual(['a']);
    expect(await ids({ tags: fake.db.RegExp({ regexp: '^bc' }) })).toEqual(['b']);
    expect(await ids({ name: fake.db.RegExp({ regexp: '溪' }) })).toEqual(['b']);
    expect(await ids({ tags: fake.db.command.in(['abc', 'bcd']) })).toEqual(['a', 'b']);
  });
});
