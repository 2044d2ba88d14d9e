/**
 * CloudBase (WeChat cloud development) station and region repositories over the document
 * database API that wx-server-sdk and @cloudbase/node-sdk both expose.
 *
 * One document per station: `_id` = station id, the full record under `station`, plus
 * denormalised fields the queries filter on (see StationDoc). Nearby uses `_.geoNear` on the
 * GeoPoint `location` (needs the geo index of indexes.json); search uses equality/`_.in` filters,
 * a RegExp over the station's character tokens or a `^prefix` RegExp over its pinyin tokens, and
 * orders by level then code. Every read pages internally with `limit(≤ 100)`, the most one `get()`
 * returns inside a cloud function. Behaviour matches the SQLite adapter (the contract suite in
 * test/contract runs against both).
 *
 * `db` is passed in (the kit's CbDb, ./sdk.ts): this module never loads an SDK.
 */
import { distanceMeters } from '../../core/shared/geo';
import type { NearbyQuery, Page, RegionRepository, RegisterQuery, SearchQuery, StationFilter, StationRepository } from '../../core/ports';
import { charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';
import type { Region, Station } from '../../core/station/model';
import type { StationLevel } from '../../core/station/vocabulary';
import { byId, context, countOf, EVERYTHING, fetchRange, getDocs, pageOf, setDoc, type CbDb, type StoreOptions } from './sdk';

export interface CloudbaseOptions extends StoreOptions {
  /**
   * Pinyin conversion, needed only to write stations. The read-only `stations` function leaves
   * it out, which keeps the pinyin dictionary out of its bundle.
   */
  pinyin?: PinyinFn;
}

export const COLLECTIONS = { stations: 'stations', regions: 'regions' } as const;

/** Top level of the region tree: the province of Jiangxi. */
const PROVINCE_CODE = '36';

const LEVEL_RANK: Record<StationLevel, number> = { county: 0, township: 1, village: 2 };

/**
 * geoNear measures on MongoDB's sphere (radius 6,378,100 m), ours on 6,371,008.8 m, so the same
 * pair of points is ~0.11 % farther for the database. Ask for a little more and cut exactly in JS.
 */
const GEO_MARGIN = 1.002;

/** Stored shape of a station document (besides `_id`). */
export interface StationDoc {
  code: string;
  level: StationLevel;
  levelRank: number;
  status: Station['status'];
  services: string[];
  /** Every code of the region path, for "in this region" at any level. */
  regionCodes: string[];
  /** GeoPoint (lng, lat) for geoNear. */
  location: unknown;
  /** Character tokens of name, places and address, space-joined: "江 西 … 水 头 村 …". */
  chars: string;
  /** Pinyin initials and full pinyin of the name and each place: ["stcfwd", "shuitoucun", …]. */
  latin: string[];
  station: Station;
}

export interface RegionDoc {
  code: string;
  name: string;
  level: Region['level'];
  parentCode: string | null;
  centre?: { lat: number; lng: number };
}

// ---------------------------------------------------------------------------------------------
// Helpers (SDK calls: ./sdk)

function regexEscape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Run `fn` over items with at most `width` requests in flight. */
async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

// ---------------------------------------------------------------------------------------------
// Stations

export function toStationDoc(db: CbDb, s: Station, pinyin: PinyinFn): StationDoc {
  const places = s.regionPath.slice(2).map((r) => r.name); // county and below: what villagers type
  const latin = pinyinTokens([s.name, ...places], pinyin);
  return {
    code: s.code,
    level: s.level,
    levelRank: LEVEL_RANK[s.level],
    status: s.status,
    services: [...new Set(s.services)],
    regionCodes: [...new Set(s.regionPath.map((r) => r.code))],
    location: new db.Geo.Point(s.location.lng, s.location.lat),
    chars: charTokens([s.name, ...places, s.address].join(' ')),
    latin: latin ? latin.split(' ') : [],
    station: s,
  };
}

export function createCloudbaseStationRepository(db: CbDb, options: CloudbaseOptions = {}): StationRepository {
  const ctx = context(db, COLLECTIONS, options);
  const _ = db.command;
  const stations = () => ctx.coll(ctx.names.stations);

  function filterWhere(q: StationFilter): Record<string, unknown> {
    const where: Record<string, unknown> = { status: _.in([...q.statuses]) };
    if (q.level) where.level = q.level;
    if (q.service) where.services = q.service; // array field: matches when it contains the value
    return where;
  }

  /** Condition for free text, or null when nothing searchable remains (→ no results). */
  function textWhere(text: string): Record<string, unknown> | null {
    const q = text.trim();
    if (!q) return null;
    if (isLatinQuery(q)) {
      // Prefix of any pinyin token (like FTS5 `"q" *`).
      return { latin: db.RegExp({ regexp: '^' + regexEscape(q.replace(/\s+/g, '').toLowerCase()) }) };
    }
    const tokens = charTokens(q);
    if (!tokens) return null;
    // The phrase as whole tokens: "水 头" matches "… 水 头 村 …", "a1" does not match "a12".
    return { chars: db.RegExp({ regexp: `(^| )${regexEscape(tokens)}( |$)` }) };
  }

  return {
    async nearby(q: NearbyQuery) {
      const where = {
        ...filterWhere(q),
        location: _.geoNear({ geometry: new db.Geo.Point(q.lng, q.lat), maxDistance: q.radiusM * GEO_MARGIN + 1 }),
      };
      // geoNear already orders nearest first; an orderBy would replace that order.
      const docs = await fetchRange<StationDoc>(() => stations().where(where).field({ station: true }), q.offset, q.limit + 1);
      const hits: { station: Station; distanceM: number }[] = [];
      for (const doc of docs) {
        const distanceM = distanceMeters(q, doc.station.location);
        if (distanceM <= q.radiusM) hits.push({ station: doc.station, distanceM });
      }
      return { items: hits.slice(0, q.limit), hasMore: hits.length > q.limit };
    },

    async search(q: SearchQuery): Promise<Page<Station>> {
      const where = filterWhere(q);
      if (q.text) {
        const text = textWhere(q.text);
        if (!text) return { items: [], hasMore: false };
        Object.assign(where, text);
      }
      if (q.regionCode) where.regionCodes = q.regionCode;
      const docs = await fetchRange<StationDoc>(
        () => stations().where(where).orderBy('levelRank', 'asc').orderBy('code', 'asc').orderBy('_id', 'asc').field({ station: true }),
        q.offset,
        q.limit + 1,
      );
      return pageOf(docs.map((d) => d.station), q.limit);
    },

    async get(id: string) {
      // A query rather than doc(id).get(): wx-server-sdk throws on a missing document.
      const [doc] = await getDocs<StationDoc>(stations().where({ _id: id }).field({ station: true }).limit(1));
      return doc?.station ?? null;
    },

    async upsertMany(list: Station[]) {
      const pinyin = options.pinyin;
      if (!pinyin) throw new Error('createCloudbaseStationRepository: writing stations needs the pinyin option');
      const latest = new Map(list.map((s) => [s.id, s])); // last version of an id wins, as in SQLite
      // set() replaces the whole document (no merge), so dropped services or a moved location leave no trace.
      await inBatches([...latest.values()], 10, (s) =>
        setDoc(ctx, ctx.names.stations, s.id, toStationDoc(db, s, pinyin)),
      );
    },

    count: () => countOf(stations()),

    async list(q: RegisterQuery): Promise<Page<Station>> {
      if (q.codes && q.codes.length === 0) return { items: [], hasMore: false };
      const where: Record<string, unknown> = {};
      if (q.regionCode) where.regionCodes = q.regionCode;
      if (q.level) where.level = q.level;
      if (q.status) where.status = q.status;
      // Codes and the cursor both constrain `code`: with a list, the cursor filters in JS.
      if (q.codes) where.code = _.in([...q.codes]);
      else if (q.afterCode !== undefined) where.code = _.gt(q.afterCode);
      const docs = await fetchRange<StationDoc>(() => stations().where(where).orderBy('code', 'asc').field({ station: true }), 0, q.codes ? EVERYTHING : q.limit + 1);
      const after = q.codes && q.afterCode !== undefined ? docs.filter((d) => d.station.code > (q.afterCode as string)) : docs;
      return { items: after.slice(0, q.limit).map((d) => d.station), hasMore: after.length > q.limit };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Regions

function toRegion(doc: RegionDoc): Region {
  return {
    code: doc.code,
    name: doc.name,
    level: doc.level,
    parentCode: doc.parentCode ?? null,
    ...(doc.centre ? { centre: { lat: doc.centre.lat, lng: doc.centre.lng } } : {}),
  };
}

export function createCloudbaseRegionRepository(db: CbDb, options: StoreOptions = {}): RegionRepository {
  const ctx = context(db, COLLECTIONS, options);
  const regions = () => ctx.coll(ctx.names.regions);

  return {
    async children(parentCode) {
      const where = { parentCode: parentCode ?? PROVINCE_CODE };
      // A township can have more villages than one get() returns: read until a short batch.
      const docs = await fetchRange<RegionDoc>(() => regions().where(where).orderBy('code', 'asc'), 0, EVERYTHING);
      return docs.map(toRegion);
    },

    async get(code) {
      const doc = await byId<RegionDoc>(ctx, ctx.names.regions, code);
      return doc ? toRegion(doc) : null;
    },

    async upsertMany(list) {
      const latest = new Map(list.map((r) => [r.code, r]));
      await inBatches([...latest.values()], 10, (r) => {
        const doc: RegionDoc = { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode };
        if (r.centre) doc.centre = { lat: r.centre.lat, lng: r.centre.lng };
        return setDoc(ctx, ctx.names.regions, r.code, doc);
      });
    },
  };
}
