/**
 * SQLite station and region repositories. Nearby: R*Tree boxes growing outward from the caller
 * (a page of 20 rarely needs more than a few km), exact distance in JS, nearest first, then only
 * that page's documents, parsed once and kept by row id. Search: FTS5 over one token per Chinese
 * character (phrase = substring) and pinyin tokens (prefix match); region through an indexed
 * (code, rid) table.
 */
import type { NearbyPage, NearbyPosition, NearbyQuery, OperatorEntry, Page, RegionRepository, RegisterQuery, SearchQuery, StationContactWriter, StationRepository } from '../../core/ports';
import type { OpeningHours } from '../../core/station/hours';
import { boundingBox, distanceMeters } from '../../core/shared/geo';
import { charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';
import type { Region, Station } from '../../core/station/model';
import { LEVEL_RANK } from '../../core/station/vocabulary';
import { stationUuid } from '../../core/station/hsds';
import { guarded, type Db } from './db';
import { docOf, docsOf, pageOf } from './sql';

/** First search box: ~1.5 km around the caller, doubled until a page is found or the radius is reached. */
const FIRST_RING_M = 1500;
/** Parsed stations kept by row id; past this many the cache starts over (a full province is ~24k). */
const CACHE_MAX = 60_000;
/** Hours by row id are small (shared objects): enough for a 10× province. */
const HOURS_CACHE_MAX = 500_000;

interface Candidate {
  rid: number;
  id: string;
  d: number;
}

/** Nearby's order: distance, then station id. */
function before(a: { d: number; id: string }, b: { d: number; id: string }): number {
  return a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isAfter(c: Candidate, p: NearbyPosition | undefined): boolean {
  return !p || c.d > p.distanceM || (c.d === p.distanceM && c.id > p.id);
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

/** FTS5 query for what a person typed; null when nothing searchable remains. */
export function ftsQuery(text: string): string | null {
  const q = text.trim();
  if (!q) return null;
  if (isLatinQuery(q)) return `latin : "${q.replace(/\s+/g, '').toLowerCase()}" *`;
  const tokens = charTokens(q);
  if (!tokens) return null;
  return `chars : "${tokens.replace(/"/g, '')}"`;
}

/** The WHERE of a register query (without the cursor); null when it can match nothing. */
function registerWhere(q: Omit<RegisterQuery, 'afterCode' | 'limit' | 'offset'>): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [];
  let sql = '1 = 1';
  if (q.regionCode) {
    sql += ' AND s.rid IN (SELECT rid FROM station_regions WHERE code = ?)';
    params.push(q.regionCode);
  }
  if (q.codes) {
    if (q.codes.length === 0) return null;
    sql += ` AND s.code IN (${placeholders(q.codes.length)})`;
    params.push(...q.codes);
  }
  if (q.level) {
    sql += ' AND s.level = ?';
    params.push(q.level);
  }
  if (q.status) {
    sql += ' AND s.status = ?';
    params.push(q.status);
  }
  if (q.statuses) {
    if (q.statuses.length === 0) return null;
    sql += ` AND s.status IN (${placeholders(q.statuses.length)})`;
    params.push(...q.statuses);
  }
  return { sql, params };
}

export function createSqliteStationRepository(db: Db, pinyin: PinyinFn): StationRepository & StationContactWriter {
  const insert = db.prepare(
    'INSERT INTO stations (id, code, level, level_rank, status, lat, lng, hours, uuid, doc) VALUES (@id, @code, @level, @rank, @status, @lat, @lng, @hours, @uuid, @doc)',
  );
  // Rows written before migration 11 get their UUID now (once; later writes set it), and again
  // when a lookup by UUID misses (a row copied in from an older database meanwhile).
  const unnamedRows = db.prepare('SELECT rid, code FROM stations WHERE uuid IS NULL').raw();
  const setUuid = db.prepare('UPDATE stations SET uuid = ? WHERE rid = ?');
  const backfillUuids = db.transaction((): number => {
    const unnamed = unnamedRows.all() as [number, string][];
    for (const [rid, code] of unnamed) setUuid.run(stationUuid(code), rid);
    return unnamed.length;
  });
  backfillUuids();
  const getByUuid = db.prepare('SELECT doc FROM stations WHERE uuid = ?').pluck();
  const findRid = db.prepare('SELECT rid FROM stations WHERE id = ?').pluck();
  const deleteRow = db.prepare('DELETE FROM stations WHERE rid = ?');
  const deleteGeo = db.prepare('DELETE FROM stations_geo WHERE rid = ?');
  const deleteFts = db.prepare('DELETE FROM stations_fts WHERE rowid = ?');
  const deleteServices = db.prepare('DELETE FROM station_services WHERE rid = ?');
  const deleteRegions = db.prepare('DELETE FROM station_regions WHERE rid = ?');
  const insertGeo = db.prepare('INSERT INTO stations_geo (rid, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?)');
  const insertFts = db.prepare('INSERT INTO stations_fts (rowid, chars, latin) VALUES (?, ?, ?)');
  const insertService = db.prepare('INSERT INTO station_services (service, rid) VALUES (?, ?)');
  const insertRegion = db.prepare('INSERT INTO station_regions (code, rid) VALUES (?, ?)');
  const getDoc = db.prepare('SELECT doc FROM stations WHERE id = ?').pluck();
  const countAll = db.prepare('SELECT count(*) FROM stations').pluck();
  const setContact = db.prepare("UPDATE stations SET doc = json_set(doc, '$.contact.personName', ?, '$.updatedAt', ?) WHERE id = ?");
  /**
   * Parsed documents by row id. A rewrite deletes and re-inserts the row (new id), and deletes the
   * old entry; a commit by another connection (PRAGMA data_version) drops everything. Callers never
   * mutate stations (the core builds new objects).
   */
  const parsed = new Map<number, Station>();
  /** Distinct opening hours by their stored text: stations share a handful of schedules. */
  const hoursByText = new Map<string, OpeningHours>();
  /** Each station's hours (shared objects) by row id, for "open now" over many candidates. */
  const hoursByRid = new Map<number, OpeningHours>();
  /** PRAGMA data_version when the caches were last known current; it changes with other connections' commits. */
  let seenVersion = -1;
  // Queries vary only by which filters are present: a handful of shapes, each prepared once.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };

  const write = db.transaction((stations: Station[]) => {
    for (const s of stations) {
      const old = findRid.get(s.id) as number | undefined;
      if (old !== undefined) {
        // A rewritten station gets a new row id, but SQLite may hand the old one out again.
        parsed.delete(old);
        hoursByRid.delete(old);
        for (const stmt of [deleteGeo, deleteFts, deleteServices, deleteRegions, deleteRow]) stmt.run(old);
      }
      const rid = Number(
        insert.run({ id: s.id, code: s.code, level: s.level, rank: LEVEL_RANK[s.level], status: s.status, lat: s.location.lat, lng: s.location.lng, hours: JSON.stringify(s.hours), uuid: stationUuid(s.code), doc: JSON.stringify(s) })
          .lastInsertRowid,
      );
      insertGeo.run(rid, s.location.lat, s.location.lat, s.location.lng, s.location.lng);
      const places = s.regionPath.slice(2).map((r) => r.name);
      insertFts.run(rid, charTokens([s.name, ...places, s.address].join(' ')), pinyinTokens([s.name, ...places], pinyin));
      for (const service of new Set(s.services)) insertService.run(service, rid);
      for (const r of s.regionPath) insertRegion.run(r.code, rid);
    }
  });

  function filterSql(q: { level?: string; service?: string; statuses: readonly string[] }, params: unknown[]): string {
    let sql = ` AND s.status IN (${placeholders(q.statuses.length)})`;
    params.push(...q.statuses);
    if (q.level) {
      sql += ' AND s.level = ?';
      params.push(q.level);
    }
    if (q.service) {
      sql += ' AND s.rid IN (SELECT rid FROM station_services WHERE service = ?)';
      params.push(q.service);
    }
    return sql;
  }

  return {
    nearby: (q: NearbyQuery) => guarded(() => nearby(q)),

    search: (q: SearchQuery) =>
      guarded((): Page<Station> => {
        const params: unknown[] = [];
        let sql = 'SELECT s.doc FROM stations s WHERE 1 = 1';
        const fts = q.text ? ftsQuery(q.text) : null;
        if (q.text && !fts) return { items: [], hasMore: false };
        if (fts) {
          sql += ' AND s.rid IN (SELECT rowid FROM stations_fts WHERE stations_fts MATCH ?)';
          params.push(fts);
        }
        if (q.regionCode) {
          sql += ' AND s.rid IN (SELECT rid FROM station_regions WHERE code = ?)';
          params.push(q.regionCode);
        }
        sql += filterSql(q, params) + ' ORDER BY s.level_rank, s.code LIMIT ? OFFSET ?';
        params.push(q.limit + 1, q.offset);
        const docs = prepared(sql).pluck().all(...params) as string[];
        return pageOf(docsOf<Station>(docs), q.limit);
      }),

    get: (id: string) =>
      guarded(() => docOf<Station>(getDoc.get(id))),

    upsertMany: (stations: Station[]) => guarded(() => write(stations)),

    // The name is not searchable, so the document alone changes (no index rows to rebuild).
    setContactPerson: (stationId: string, personName: string, at: string) =>
      guarded(() => {
        setContact.run(personName, at, stationId);
        // Rewritten in place (same row id): the parsed copy is stale.
        const rid = findRid.get(stationId) as number | undefined;
        if (rid !== undefined) parsed.delete(rid);
      }),

    count: () => guarded(() => countAll.get() as number),

    list: (q: RegisterQuery) =>
      guarded((): Page<Station> => {
        const where = registerWhere(q);
        if (!where) return { items: [], hasMore: false };
        const params = [...where.params];
        let sql = `SELECT s.doc FROM stations s WHERE ${where.sql}`;
        if (q.afterCode !== undefined) {
          sql += ' AND s.code > ?';
          params.push(q.afterCode);
        }
        sql += ' ORDER BY s.code LIMIT ? OFFSET ?';
        params.push(q.limit + 1, q.offset ?? 0);
        const docs = prepared(sql).pluck().all(...params) as string[];
        return { items: docs.slice(0, q.limit).map((d) => JSON.parse(d) as Station), hasMore: docs.length > q.limit };
      }),

    getByUuid: (uuid) =>
      guarded(() => {
        let doc = getByUuid.get(uuid) as string | undefined;
        if (doc === undefined && backfillUuids()) doc = getByUuid.get(uuid) as string | undefined;
        return doc === undefined ? null : (JSON.parse(doc) as Station);
      }),

    countList: (q) =>
      guarded(() => {
        const where = registerWhere(q);
        if (!where) return 0;
        return prepared(`SELECT COUNT(*) FROM stations s WHERE ${where.sql}`).pluck().get(...where.params) as number;
      }),

    operators: (statuses) =>
      guarded(() => {
        if (!statuses.length) return [];
        const args: unknown[] = [...statuses];
        const rows = prepared(
          `SELECT json_extract(doc, '$.operator.name') AS name, MIN(json_extract(doc, '$.operator.hotline')) AS hotline, COUNT(*) AS stations
           FROM stations WHERE status IN (${placeholders(statuses.length)}) GROUP BY name ORDER BY name`,
        ).raw().all(...args) as [string, string, number][];
        return rows.map(([name, hotline, stations]): OperatorEntry => ({ name, hotline, stations }));
      }),
  };

  /**
   * Stations within `ringM` (and the radius) after `from`, nearest first. The box of `ringM`
   * contains the whole circle, so these are exactly the first ones of the full answer.
   */
  function ring(q: NearbyQuery, ringM: number, from: NearbyPosition | undefined): Candidate[] {
    const box = boundingBox(q, ringM);
    const params: unknown[] = [box.minLat, box.maxLat, box.minLng, box.maxLng];
    // Overlap, not containment: the R*Tree stores 32-bit floats rounded outwards, so a point
    // just inside the box edge may be stored as a box poking out of it. Exact distance filters below.
    const sql =
      // CROSS JOIN pins the R*Tree as the outer loop; a plain JOIN lets the planner scan every
      // listed station by status and probe the R*Tree per row (measured: ~50× slower).
      'SELECT s.rid, s.id, s.lat, s.lng FROM stations_geo g CROSS JOIN stations s ON s.rid = g.rid' +
      ' WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lng >= ? AND g.min_lng <= ?' +
      filterSql(q, params);
    const rows = prepared(sql).raw().all(...params) as [number, string, number, number][];
    const limit = Math.min(ringM, q.radiusM);
    const out: Candidate[] = [];
    for (const [rid, id, lat, lng] of rows) {
      const d = distanceMeters(q, { lat, lng });
      const c: Candidate = { rid, id, d };
      if (d <= limit && isAfter(c, from)) out.push(c);
    }
    return out.sort(before);
  }

  /** Another connection (e.g. scripts/stations.ts loading a province) committed: forget what was parsed. */
  function dropIfChangedElsewhere(): void {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== seenVersion) {
      if (seenVersion !== -1) {
        parsed.clear();
        hoursByRid.clear();
      }
      seenVersion = version;
    }
  }

  function nearby(q: NearbyQuery): NearbyPage {
    dropIfChangedElsewhere();
    const items: { rid: number; d: number }[] = [];
    const filter = q.hoursFilter;
    const scanLimit = filter ? (q.scanLimit ?? Infinity) : Infinity;
    let from = q.after;
    let examined = 0;
    let last: NearbyPosition | null = null;
    let ringM = Math.min(q.radiusM, Math.max(FIRST_RING_M, (q.after?.distanceM ?? 0) * 1.5));
    for (;;) {
      const found = ring(q, ringM, from);
      if (filter) loadHours(found.slice(0, scanLimit - examined));
      for (const c of found) {
        // One more than the page (or the scan limit) tells whether more exist.
        if (items.length === q.limit || examined === scanLimit) return { items: page(items), hasMore: true, last };
        examined++;
        last = { distanceM: c.d, id: c.id };
        if (!filter || filter(hoursOf(c))) items.push({ rid: c.rid, d: c.d });
      }
      from = last ?? from;
      if (ringM >= q.radiusM) return { items: page(items), hasMore: false, last };
      ringM = Math.min(q.radiusM, ringM * growth(q, examined, items.length, scanLimit));
    }
  }

  /**
   * How much wider the next box should be: stations within a radius grow with its square, so
   * aim for the number still wanted (given the share that passed the hours test so far).
   */
  function growth(q: NearbyQuery, examined: number, kept: number, scanLimit: number): number {
    const passRate = examined ? Math.max(kept, 1) / examined : 1;
    const want = Math.min(scanLimit, examined + (q.limit + 1 - kept) / passRate);
    return Math.min(8, Math.max(1.5, Math.sqrt(want / Math.max(examined, 1)) * 1.25));
  }

  /** Opening hours of the candidates not yet known, from their own column, shared by text. */
  function loadHours(found: Candidate[]): void {
    const missing = found.filter((c) => !hoursByRid.has(c.rid)).map((c) => c.rid);
    if (!missing.length) return;
    if (hoursByRid.size + missing.length > HOURS_CACHE_MAX) hoursByRid.clear();
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      for (const [rid, text] of prepared(`SELECT rid, hours FROM stations WHERE rid IN (${placeholders(chunk.length)})`).raw().all(...chunk) as [number, string][]) {
        let hours = hoursByText.get(text);
        if (!hours) {
          if (hoursByText.size >= CACHE_MAX) hoursByText.clear();
          hoursByText.set(text, (hours = JSON.parse(text) as OpeningHours));
        }
        hoursByRid.set(rid, hours);
      }
    }
  }

  function hoursOf(c: Candidate): OpeningHours {
    return hoursByRid.get(c.rid) as OpeningHours;
  }

  /** The page's stations, from the cache or parsed once. */
  function page(hits: { rid: number; d: number }[]): NearbyPage['items'] {
    const missing = hits.filter((h) => !parsed.has(h.rid)).map((h) => h.rid);
    if (missing.length) {
      if (parsed.size + missing.length > CACHE_MAX) parsed.clear();
      const rows = prepared(`SELECT rid, doc FROM stations WHERE rid IN (${placeholders(missing.length)})`).raw().all(...missing) as [number, string][];
      for (const [rid, doc] of rows) parsed.set(rid, JSON.parse(doc) as Station);
    }
    return hits.map((h) => ({ station: parsed.get(h.rid) as Station, distanceM: h.d }));
  }
}

export function createSqliteRegionRepository(db: Db): RegionRepository {
  const children = db.prepare('SELECT code, name, level, parent_code, lat, lng FROM regions WHERE parent_code IS ? ORDER BY code');
  const one = db.prepare('SELECT code, name, level, parent_code, lat, lng FROM regions WHERE code = ?');
  const upsert = db.prepare(
    'INSERT INTO regions (code, name, level, parent_code, lat, lng) VALUES (@code, @name, @level, @parentCode, @lat, @lng)' +
      ' ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, lat = excluded.lat, lng = excluded.lng',
  );
  type Row = { code: string; name: string; level: Region['level']; parent_code: string | null; lat: number | null; lng: number | null };
  const toRegion = (r: Row): Region => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    ...(r.lat !== null && r.lng !== null ? { centre: { lat: r.lat, lng: r.lng } } : {}),
  });
  const writeAll = db.transaction((regions: Region[]) => {
    for (const r of regions) upsert.run({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, lat: r.centre?.lat ?? null, lng: r.centre?.lng ?? null });
  });
  return {
    // Top level = the cities of Jiangxi (parent: the province, code 36).
    children: (parentCode) => guarded(() => (children.all(parentCode ?? '36') as Row[]).map(toRegion)),
    get: (code) => guarded(() => {
      const row = one.get(code) as Row | undefined;
      return row ? toRegion(row) : null;
    }),
    upsertMany: (regions) => guarded(() => writeAll(regions)),
  };
}
