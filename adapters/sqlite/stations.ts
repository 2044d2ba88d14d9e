/**
 * SQLite station and region repositories. Nearby: the in-memory grid of station-grid.ts (kept in
 * step with this repository's writes, rebuilt after another connection's), then only the page's
 * documents, parsed once and kept by row id. Search: FTS5 over one token per Chinese character
 * (phrase = substring) and pinyin tokens (prefix match); region through an indexed (code, rid) table.
 */
import type { NearbyPage, NearbyQuery, OperatorEntry, Page, RegionRepository, RegisterQuery, SearchQuery, StationContactWriter, StationRepository } from '../../core/ports';
import { openHourMask, type OpeningHours } from '../../core/station/hours';
import { charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';
import type { Region, Station } from '../../core/station/model';
import { LEVEL_RANK } from '../../core/station/vocabulary';
import { stationUuid } from '../../core/station/hsds';
import { guarded, type Db } from './db';
import { docOf, docsOf, Filter, marks, pageOf } from './sql';
import { createStationGrid, type GridHit, type GridStation, type StationGrid } from './station-grid';

/** Parsed stations kept by row id; past this many the cache starts over (a full province is ~24k). */
const CACHE_MAX = 60_000;

/** FTS5 query for what a person typed; null when nothing searchable remains. */
export function ftsQuery(text: string): string | null {
  const q = text.trim();
  if (!q) return null;
  if (isLatinQuery(q)) return `latin : "${q.replace(/\s+/g, '').toLowerCase()}" *`;
  const tokens = charTokens(q);
  if (!tokens) return null;
  return `chars : "${tokens.replace(/"/g, '')}"`;
}

const IN_REGION = 's.rid IN (SELECT rid FROM station_regions WHERE code = ?)';

/** The WHERE of a register query (without the cursor); null when it can match nothing. */
function registerWhere(q: Omit<RegisterQuery, 'afterCode' | 'limit' | 'offset'>): Filter | null {
  if (q.codes?.length === 0 || q.statuses?.length === 0) return null;
  return new Filter()
    .eq(IN_REGION, q.regionCode)
    .in((l) => `s.code IN (${l})`, q.codes)
    .eq('s.level = ?', q.level)
    .eq('s.status = ?', q.status)
    .in((l) => `s.status IN (${l})`, q.statuses);
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
  const deleteFts = db.prepare('DELETE FROM stations_fts WHERE rowid = ?');
  const deleteServices = db.prepare('DELETE FROM station_services WHERE rid = ?');
  const deleteRegions = db.prepare('DELETE FROM station_regions WHERE rid = ?');
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
  /** Distinct opening hours (and their hour masks) by stored text: stations share a handful of schedules. */
  const hoursByText = new Map<string, { hours: OpeningHours; mask: GridStation['mask'] }>();
  /** Positions for nearby: built on the first query, kept in step with this repository's writes. */
  let grid: StationGrid | null = null;
  /** Row ids offering a service, by service; dropped on any write. */
  const serviceRids = new Map<string, Set<number>>();
  /** PRAGMA data_version when the caches were last known current; it changes with other connections' commits. */
  let seenVersion = -1;
  // Prepared once: db.pragma() would prepare it again on every query.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // Queries vary only by which filters are present: a handful of shapes, each prepared once.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };

  /** The shared hours of this stored text, parsed and masked once. */
  function hoursOf(text: string): { hours: OpeningHours; mask: GridStation['mask'] } {
    let h = hoursByText.get(text);
    if (!h) {
      if (hoursByText.size >= CACHE_MAX) hoursByText.clear();
      const hours = JSON.parse(text) as OpeningHours;
      hoursByText.set(text, (h = { hours, mask: openHourMask(hours) }));
    }
    return h;
  }

  function gridStation(rid: number, id: string, lat: number, lng: number, status: string, level: string, hoursText: string): GridStation {
    return { rid, id, lat, lng, status, level, ...hoursOf(hoursText) };
  }

  /** Rows written in a transaction: applied to the grid only once it has committed. */
  const writeRows = db.transaction((stations: Station[]) => {
    const changes: { old?: number; station: GridStation }[] = [];
    for (const s of stations) {
      const old = findRid.get(s.id) as number | undefined;
      if (old !== undefined) {
        for (const stmt of [deleteFts, deleteServices, deleteRegions, deleteRow]) stmt.run(old);
      }
      const hours = JSON.stringify(s.hours);
      const rid = Number(
        insert.run({ id: s.id, code: s.code, level: s.level, rank: LEVEL_RANK[s.level], status: s.status, lat: s.location.lat, lng: s.location.lng, hours, uuid: stationUuid(s.code), doc: JSON.stringify(s) })
          .lastInsertRowid,
      );
      changes.push({ old, station: gridStation(rid, s.id, s.location.lat, s.location.lng, s.status, s.level, hours) });
      const places = s.regionPath.slice(2).map((r) => r.name);
      insertFts.run(rid, charTokens([s.name, ...places, s.address].join(' ')), pinyinTokens([s.name, ...places], pinyin));
      for (const service of new Set(s.services)) insertService.run(service, rid);
      for (const r of s.regionPath) insertRegion.run(r.code, rid);
    }
    return changes;
  });

  function write(stations: Station[]): void {
    const changes = writeRows(stations);
    serviceRids.clear();
    for (const { old, station } of changes) {
      // A rewritten station gets a new row id, but SQLite may hand the old one out again.
      if (old !== undefined) {
        parsed.delete(old);
        grid?.remove(old);
      }
      parsed.delete(station.rid);
      grid?.put(station);
    }
  }

  return {
    nearby: (q: NearbyQuery) => guarded(() => nearby(q)),

    search: (q: SearchQuery) =>
      guarded((): Page<Station> => {
        const fts = q.text ? ftsQuery(q.text) : null;
        if (q.text && !fts) return { items: [], hasMore: false };
        const f = new Filter()
          .eq('s.rid IN (SELECT rowid FROM stations_fts WHERE stations_fts MATCH ?)', fts)
          .eq(IN_REGION, q.regionCode)
          .in((l) => `s.status IN (${l})`, q.statuses)
          .eq('s.level = ?', q.level)
          .eq('s.rid IN (SELECT rid FROM station_services WHERE service = ?)', q.service);
        const docs = prepared(`SELECT s.doc FROM stations s${f.sql} ORDER BY s.level_rank, s.code LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
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
        if (q.afterCode !== undefined) where.and('s.code > ?', q.afterCode);
        const docs = prepared(`SELECT s.doc FROM stations s${where.sql} ORDER BY s.code LIMIT ? OFFSET ?`).pluck().all(...where.params, q.limit + 1, q.offset ?? 0) as string[];
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
        return prepared(`SELECT COUNT(*) FROM stations s${where.sql}`).pluck().get(...where.params) as number;
      }),

    operators: (statuses) =>
      guarded(() => {
        if (!statuses.length) return [];
        const args: unknown[] = [...statuses];
        const rows = prepared(
          `SELECT json_extract(doc, '$.operator.name') AS name, MIN(json_extract(doc, '$.operator.hotline')) AS hotline, COUNT(*) AS stations
           FROM stations WHERE status IN (${marks(statuses.length)}) GROUP BY name ORDER BY name`,
        ).raw().all(...args) as [string, string, number][];
        return rows.map(([name, hotline, stations]): OperatorEntry => ({ name, hotline, stations }));
      }),
  };

  /** Another connection (e.g. scripts/stations.ts loading a province) committed: forget what was known. */
  function dropIfChangedElsewhere(): void {
    const version = dataVersion.get() as number;
    if (version !== seenVersion) {
      if (seenVersion !== -1) {
        parsed.clear();
        grid = null;
        serviceRids.clear();
      }
      seenVersion = version;
    }
  }

  function currentGrid(): StationGrid {
    if (grid) return grid;
    const g = createStationGrid();
    const rows = db.prepare('SELECT rid, id, lat, lng, status, level, hours FROM stations').raw().all() as [number, string, number, number, string, string, string][];
    for (const [rid, id, lat, lng, status, level, hours] of rows) g.put(gridStation(rid, id, lat, lng, status, level, hours));
    return (grid = g);
  }

  function ridsOffering(service: string): Set<number> {
    let rids = serviceRids.get(service);
    if (!rids) serviceRids.set(service, (rids = new Set(db.prepare('SELECT rid FROM station_services WHERE service = ?').pluck().all(service) as number[])));
    return rids;
  }

  function nearby(q: NearbyQuery): NearbyPage {
    dropIfChangedElsewhere();
    const statuses = new Set<string>(q.statuses);
    const offering = q.service ? ridsOffering(q.service) : null;
    const accept = (s: GridStation) => statuses.has(s.status) && (!q.level || s.level === q.level) && (!offering || offering.has(s.rid));
    const found = currentGrid().nearby(q, accept);
    const items = page(found.hits);
    if (items) return { items, hasMore: found.hasMore, last: found.last };
    // A row vanished behind the repository's back (deleted by hand in this connection): rebuild once.
    grid = null;
    const again = currentGrid().nearby(q, accept);
    return { items: page(again.hits) ?? [], hasMore: again.hasMore, last: again.last };
  }

  /** The page's stations, from the cache or parsed once; null when a row is missing. */
  function page(hits: GridHit[]): NearbyPage['items'] | null {
    const missing = hits.filter((h) => !parsed.has(h.station.rid)).map((h) => h.station.rid);
    if (missing.length) {
      if (parsed.size + missing.length > CACHE_MAX) parsed.clear();
      const rows = prepared(`SELECT rid, doc FROM stations WHERE rid IN (${marks(missing.length)})`).raw().all(...missing) as [number, string][];
      for (const [rid, doc] of rows) parsed.set(rid, JSON.parse(doc) as Station);
      if (rows.length < missing.length) return null;
    }
    return hits.map((h) => {
      const station = parsed.get(h.station.rid) as Station;
      // The grid's hours are shared by every station with the same schedule, so "open now" and the
      // hours text are compiled once per schedule, not once per station.
      if (station.hours !== h.station.hours) station.hours = h.station.hours;
      return { station, distanceM: h.d };
    });
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
