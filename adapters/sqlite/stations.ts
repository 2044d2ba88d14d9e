/**
 * SQLite station and region repositories. Nearby: an R*Tree box pre-filter, exact distance in JS,
 * nearest first. Search: FTS5 over one token per Chinese character (phrase = substring) and
 * pinyin tokens (prefix match); region through an indexed (code, rid) table.
 */
import type { NearbyQuery, Page, RegionRepository, RegisterQuery, SearchQuery, StationRepository } from '../../core/ports';
import { boundingBox, distanceMeters } from '../../core/shared/geo';
import { charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';
import type { Region, Station } from '../../core/station/model';
import type { StationLevel } from '../../core/station/vocabulary';
import { guarded, type Db } from './db';
import { docOf, docsOf, pageOf } from './sql';

const LEVEL_RANK: Record<StationLevel, number> = { county: 0, township: 1, village: 2 };

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

export function createSqliteStationRepository(db: Db, pinyin: PinyinFn): StationRepository {
  const insert = db.prepare(
    'INSERT INTO stations (id, code, level, level_rank, status, lat, lng, doc) VALUES (@id, @code, @level, @rank, @status, @lat, @lng, @doc)',
  );
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
        for (const stmt of [deleteGeo, deleteFts, deleteServices, deleteRegions, deleteRow]) stmt.run(old);
      }
      const rid = Number(
        insert.run({ id: s.id, code: s.code, level: s.level, rank: LEVEL_RANK[s.level], status: s.status, lat: s.location.lat, lng: s.location.lng, doc: JSON.stringify(s) })
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
    nearby: (q: NearbyQuery) =>
      guarded(() => {
        const box = boundingBox(q, q.radiusM);
        const params: unknown[] = [box.minLat, box.maxLat, box.minLng, box.maxLng];
        // Overlap, not containment: the R*Tree stores 32-bit floats rounded outwards, so a point
        // just inside the box edge may be stored as a box poking out of it. Exact distance filters below.
        const sql =
          // CROSS JOIN pins the R*Tree as the outer loop; a plain JOIN lets the planner scan every
          // listed station by status and probe the R*Tree per row (measured: ~50× slower).
          'SELECT s.rid, s.lat, s.lng FROM stations_geo g CROSS JOIN stations s ON s.rid = g.rid' +
          ' WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lng >= ? AND g.min_lng <= ?' +
          filterSql(q, params);
        const rows = prepared(sql).raw().all(...params) as [number, number, number][];
        const hits: { rid: number; d: number }[] = [];
        for (const [rid, lat, lng] of rows) {
          const d = distanceMeters(q, { lat, lng });
          if (d <= q.radiusM) hits.push({ rid, d });
        }
        hits.sort((a, b) => a.d - b.d || a.rid - b.rid);
        const page = hits.slice(q.offset, q.offset + q.limit);
        const docs = loadDocs(page.map((h) => h.rid));
        return { items: page.map((h) => ({ station: docs.get(h.rid) as Station, distanceM: h.d })), hasMore: hits.length > q.offset + q.limit };
      }),

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

    count: () => guarded(() => countAll.get() as number),

    list: (q: RegisterQuery) =>
      guarded((): Page<Station> => {
        const params: unknown[] = [];
        let sql = 'SELECT s.doc FROM stations s WHERE 1 = 1';
        if (q.regionCode) {
          sql += ' AND s.rid IN (SELECT rid FROM station_regions WHERE code = ?)';
          params.push(q.regionCode);
        }
        if (q.codes) {
          if (q.codes.length === 0) return { items: [], hasMore: false };
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
        if (q.afterCode !== undefined) {
          sql += ' AND s.code > ?';
          params.push(q.afterCode);
        }
        sql += ' ORDER BY s.code LIMIT ?';
        params.push(q.limit + 1);
        const docs = prepared(sql).pluck().all(...params) as string[];
        return { items: docs.slice(0, q.limit).map((d) => JSON.parse(d) as Station), hasMore: docs.length > q.limit };
      }),
  };

  function loadDocs(rids: number[]): Map<number, Station> {
    const map = new Map<number, Station>();
    if (rids.length === 0) return map;
    const rows = prepared(`SELECT rid, doc FROM stations WHERE rid IN (${placeholders(rids.length)})`).raw().all(...rids) as [number, string][];
    for (const [rid, doc] of rows) map.set(rid, JSON.parse(doc) as Station);
    return map;
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
