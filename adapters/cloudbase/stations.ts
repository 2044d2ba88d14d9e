/**
 * CloudBase (WeChat cloud development) station and region repositories over the document
 * database API that wx-server-sdk and @cloudbase/node-sdk both expose.
 *
 * One document per station: `_id` = station id, the full record under `station`, plus
 * denormalised fields the queries filter on (see StationDoc). Nearby uses `_.geoNear` on the
 * GeoPoint `location` (needs the geo index of indexes.json): it reads only location, revision (and
 * hours for "open now") until it knows the page, continues from the previous page's distance with
 * `minDistance` (never `skip`), then reads the page's stations — none that this container already
 * parsed at the same revision. Search uses equality/`_.in` filters,
 * a RegExp over the station's character tokens or a `^prefix` RegExp over its pinyin tokens, and
 * orders by level then code. Every read pages internally with `limit(≤ 100)`, the most one `get()`
 * returns inside a cloud function. Behaviour matches the SQLite adapter (the contract suite in
 * test/contract runs against both).
 *
 * `db` is passed in (the kit's CbDb, ./sdk.ts): this module never loads an SDK.
 */
import { createHash } from 'node:crypto';
import { distanceMeters } from '../../core/shared/geo';
import type { NearbyPage, NearbyPosition, NearbyQuery, Page, RegionRepository, RegisterQuery, SearchQuery, StationFilter, StationRepository } from '../../core/ports';
import type { OpeningHours } from '../../core/station/hours';
import { charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';
import type { Region, Station } from '../../core/station/model';
import { LEVEL_RANK, type StationLevel } from '../../core/station/vocabulary';
import { stationUuid } from '../../core/station/hsds';
import { context, countOf, EVERYTHING, getDocs, grouped, MAX_BATCH, pageOf, recordCollection, request, setDoc, whereAll, type CbDb, type StoreOptions, type WithId } from './sdk';

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


/**
 * geoNear measures on MongoDB's sphere (radius 6,378,100 m), ours on 6,371,008.8 m, so the same
 * pair of points is ~0.11 % farther for the database. Ask for a little more and cut exactly in JS.
 */
const GEO_MARGIN = 1.002;
/** The database's distance over ours for the same two points (the ratio of the two radii). */
const DB_OVER_OURS = 6_378_100 / 6_371_008.8;
/**
 * Two distances closer than this (metres) may come back from the database in either order
 * (different formulas, rounding): nearby re-reads that much before a page's end and never trusts
 * the order of a batch's last stations within it.
 */
const DISTANCE_SLACK_M = 0.01;
/** Parsed stations kept per container; past this many the cache starts over. */
const CACHE_MAX = 20_000;
/** Legacy documents given their uuid per lookup that missed (getByUuid). */
const UUID_BACKFILL_MAX = 2_000;

/** Stored shape of a station document (besides `_id`). */
export interface StationDoc {
  code: string;
  /** Open data id (core/station/hsds.ts stationUuid of the code); absent on documents written before it. */
  uuid?: string;
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
  /** The station's opening hours, so "open now" can be tested without reading the whole record. */
  hours: OpeningHours;
  /** Changes whenever the record does: a container's parsed copy with the same revision is current. */
  rev: string;
  station: Station;
}

/** The fields nearby reads for every station it examines. */
type NearbyFields = Pick<StationDoc, 'rev'> & { location: { longitude: number; latitude: number }; hours?: OpeningHours };

interface Candidate {
  id: string;
  d: number;
  doc: WithId<NearbyFields>;
}

/** Nearby's order: distance, then station id. */
function before(a: { d: number; id: string }, b: { d: number; id: string }): number {
  return a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isAfter(c: { d: number; id: string }, p: NearbyPosition | undefined): boolean {
  return !p || c.d > p.distanceM || (c.d === p.distanceM && c.id > p.id);
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

/**
 * The `rev` of a stored station. Containers reuse a station they parsed while its rev is the
 * same, so every write of a station document must store a new one: from the whole record, or
 * (for a partial update) from what changed and when.
 */
export function revisionOf(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

export function toStationDoc(db: CbDb, s: Station, pinyin: PinyinFn): StationDoc {
  const places = s.regionPath.slice(2).map((r) => r.name); // county and below: what villagers type
  const latin = pinyinTokens([s.name, ...places], pinyin);
  const json = JSON.stringify(s);
  return {
    code: s.code,
    uuid: stationUuid(s.code),
    level: s.level,
    levelRank: LEVEL_RANK[s.level],
    status: s.status,
    services: [...new Set(s.services)],
    regionCodes: [...new Set(s.regionPath.map((r) => r.code))],
    location: new db.Geo.Point(s.location.lng, s.location.lat),
    chars: charTokens([s.name, ...places, s.address].join(' ')),
    latin: latin ? latin.split(' ') : [],
    hours: s.hours,
    rev: revisionOf(json),
    station: s,
  };
}

/** More operators than this in one province would be a data error; the aggregation reads at most this many. */
const MAX_OPERATORS = 1000;

export function createCloudbaseStationRepository(db: CbDb, options: CloudbaseOptions = {}): StationRepository {
  const ctx = context(db, COLLECTIONS, options);
  const _ = db.command;
  const records = recordCollection(ctx, ctx.names.stations, { fromDoc: (d: StationDoc) => d.station, field: 'station' });
  const stations = records.coll;

  /**
   * Legacy documents (written before `uuid` existed) get it from their code: an update of that
   * one field (the station record and its `rev` stay as they are). At most UUID_BACKFILL_MAX per
   * call, so one request stays short; the next miss carries on. How many were filled in.
   */
  async function backfillUuids(): Promise<number> {
    let done = 0;
    while (done < UUID_BACKFILL_MAX) {
      const batch = await getDocs<Pick<StationDoc, 'code'>>(stations().where({ uuid: _.exists(false) }).field({ code: true }).limit(MAX_BATCH));
      await inBatches(batch, 10, (d) => request(() => stations().where({ _id: d._id, uuid: _.exists(false) }).update(ctx.arg({ uuid: stationUuid(d.code) }))));
      done += batch.length;
      if (batch.length < MAX_BATCH) break;
    }
    return done;
  }

  /** The `where` of a register query (without the cursor); null when it can match nothing. */
  function registerWhere(q: Omit<RegisterQuery, 'afterCode' | 'limit' | 'offset'>): Record<string, unknown> | null {
    if (q.status && q.statuses && !q.statuses.includes(q.status)) return null;
    const where: Record<string, unknown> = {};
    if (q.regionCode) where.regionCodes = q.regionCode;
    if (q.level) where.level = q.level;
    if (q.status) where.status = q.status;
    return whereAll(ctx, { status: q.status ? undefined : q.statuses, code: q.codes }, where);
  }

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

  /** Parsed stations of this container by id, with the revision they were read at. */
  const parsed = new Map<string, { rev: string; station: Station }>();

  /** Stations by id, reading (in batches of ≤ 100) only those not parsed here at this revision. */
  async function stationsOf(want: { id: string; rev?: string }[]): Promise<Map<string, Station>> {
    const out = new Map<string, Station>();
    const missing: string[] = [];
    for (const w of want) {
      const hit = parsed.get(w.id);
      if (hit && w.rev && hit.rev === w.rev) out.set(w.id, hit.station);
      else missing.push(w.id);
    }
    for (let i = 0; i < missing.length; i += MAX_BATCH) {
      const ids = missing.slice(i, i + MAX_BATCH);
      const docs = await getDocs<Pick<StationDoc, 'station' | 'rev'>>(stations().where({ _id: _.in(ids) }).field({ station: true, rev: true }).limit(ids.length));
      if (parsed.size + docs.length > CACHE_MAX) parsed.clear();
      for (const doc of docs) {
        out.set(doc._id, doc.station);
        if (doc.rev) parsed.set(doc._id, { rev: doc.rev, station: doc.station });
      }
    }
    return out;
  }

  async function pageStations(items: Candidate[]): Promise<NearbyPage['items']> {
    const known = await stationsOf(items.map((c) => ({ id: c.id, rev: c.doc.rev })));
    // A station removed between the two reads is left out rather than shown half-known.
    return items.filter((c) => known.has(c.id)).map((c) => ({ station: known.get(c.id) as Station, distanceM: c.d }));
  }

  /** Documents written before `hours` was stored beside the record: take the hours from the record. */
  async function fillHours(found: Candidate[]): Promise<void> {
    const old = found.filter((c) => !c.doc.hours);
    if (!old.length) return;
    const known = await stationsOf(old.map((c) => ({ id: c.id, rev: c.doc.rev })));
    for (const c of old) c.doc.hours = known.get(c.id)?.hours ?? { weekly: [], exceptions: [] };
  }

  return {
    async nearby(q: NearbyQuery): Promise<NearbyPage> {
      const filter = q.hoursFilter;
      const scanLimit = filter ? (q.scanLimit ?? Infinity) : Infinity;
      // Without a filter one more than the page tells whether more exist; with one, read full batches.
      const batch = filter ? MAX_BATCH : Math.min(MAX_BATCH, q.limit + 1);
      const fields: Record<string, boolean> = filter ? { location: true, rev: true, hours: true } : { location: true, rev: true };
      const items: Candidate[] = [];
      let from = q.after;
      let examined = 0;
      let last: NearbyPosition | null = null;
      for (;;) {
        const near: { geometry: unknown; maxDistance: number; minDistance?: number } = { geometry: new db.Geo.Point(q.lng, q.lat), maxDistance: q.radiusM * GEO_MARGIN + 1 };
        if (from) near.minDistance = Math.max(0, from.distanceM * DB_OVER_OURS - DISTANCE_SLACK_M);
        // geoNear already orders nearest first; an orderBy would replace that order.
        const docs = await getDocs<NearbyFields>(stations().where({ ...filterWhere(q), location: _.geoNear(near) }).field(fields).limit(batch));
        const full = docs.length === batch;
        let found: Candidate[] = docs
          .map((doc) => ({ id: doc._id, d: distanceMeters(q, { lat: doc.location.latitude, lng: doc.location.longitude }), doc }))
          .filter((c) => c.d <= q.radiusM && isAfter(c, from))
          .sort(before);
        let unsettled = 0;
        if (full && found.length) {
          // Stations just beyond this batch may tie with its last ones: take those from the next read.
          const edge = found[found.length - 1].d - DISTANCE_SLACK_M;
          const settled = found.filter((c) => c.d < edge);
          if (settled.length) {
            unsettled = found.length - settled.length;
            found = settled;
          }
        }
        if (filter) await fillHours(found);
        for (const c of found) {
          if (items.length === q.limit || examined === scanLimit) return { items: await pageStations(items), hasMore: true, last };
          examined++;
          last = { distanceM: c.d, id: c.id };
          if (!filter || filter(c.doc.hours as OpeningHours)) items.push(c);
        }
        // Done, and the held-back stations show that more exist: no need to read them now.
        if (unsettled && (items.length === q.limit || examined === scanLimit)) return { items: await pageStations(items), hasMore: true, last };
        if (!full || !found.length) return { items: await pageStations(items), hasMore: false, last };
        from = last ?? from;
      }
    },

    async search(q: SearchQuery): Promise<Page<Station>> {
      const where = filterWhere(q);
      if (q.text) {
        const text = textWhere(q.text);
        if (!text) return { items: [], hasMore: false };
        Object.assign(where, text);
      }
      if (q.regionCode) where.regionCodes = q.regionCode;
      return records.find({ where, order: [['levelRank', 'asc'], ['code', 'asc'], ['_id', 'asc']] }, q);
    },

    get: records.get,

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
      const where = registerWhere(q);
      if (!where) return { items: [], hasMore: false };
      // Codes and the cursor both constrain `code`: with a list, the cursor filters in JS.
      if (!q.codes && q.afterCode !== undefined) where.code = _.gt(q.afterCode);
      const build = () => stations().where(where).orderBy('code', 'asc');
      if (!q.codes) return records.page(build, { offset: q.offset ?? 0, limit: q.limit });
      const after = q.afterCode;
      if (after === undefined) return pageOf(await records.list(build, EVERYTHING, q.offset ?? 0), q.limit);
      return pageOf((await records.list(build)).filter((s) => s.code > after).slice(q.offset ?? 0), q.limit);
    },

    async getByUuid(uuid) {
      const find = () => records.findOne({ where: { uuid } });
      const found = await find();
      // Documents written before the uuid field cannot be found by it: give them theirs, then look again.
      if (found || !(await backfillUuids())) return found;
      return find();
    },

    async countList(q) {
      const where = registerWhere(q);
      return where ? countOf(stations().where(where)) : 0;
    },

    async operators(statuses) {
      if (!statuses.length) return [];
      const $ = db.command.aggregate;
      // Operators are few (one or two per county); one request whatever the number of stations.
      const rows = await grouped<{ _id: string; hotline: string; stations: number }>(ctx, ctx.names.stations, {
        match: { status: _.in([...statuses]) },
        group: { _id: '$station.operator.name', hotline: $.first('$station.operator.hotline'), stations: $.sum(1) },
        sort: { _id: 1 },
        limit: MAX_OPERATORS,
      });
      return rows.map((r) => ({ name: r._id, hotline: r.hotline, stations: r.stations }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Regions

/** A region as stored and as read back (documents may lack parentCode; the centre only when known). */
function toRegion(r: RegionDoc): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode ?? null,
    ...(r.centre ? { centre: { lat: r.centre.lat, lng: r.centre.lng } } : {}),
  };
}

export function createCloudbaseRegionRepository(db: CbDb, options: StoreOptions = {}): RegionRepository {
  const ctx = context(db, COLLECTIONS, options);
  const regions = recordCollection(ctx, ctx.names.regions, { fromDoc: toRegion });

  return {
    // A township can have more villages than one get() returns: findAll reads until a short batch.
    children: (parentCode) => regions.findAll({ where: { parentCode: parentCode ?? PROVINCE_CODE }, order: [['code', 'asc']] }),
    get: regions.get,

    async upsertMany(list) {
      const latest = new Map(list.map((r) => [r.code, r]));
      await inBatches([...latest.values()], 10, (r) => setDoc(ctx, ctx.names.regions, r.code, toRegion(r)));
    },
  };
}
