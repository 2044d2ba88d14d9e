/**
 * Station edits (core/station/edits.ts) in SQLite: one row per edit with its document, region codes
 * in their own table for the officials' queue (migration 10).
 */
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { Filter, docOf, docsOf, pageOf } from './sql';

export function createSqliteStationEditRepository(db: Db): StationEditRepository {
  const insert = db.prepare('INSERT INTO station_edits (id, station_id, kind, status, created_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertRegion = db.prepare('INSERT INTO station_edit_regions (code, edit_id) VALUES (?, ?)');
  const get = db.prepare('SELECT doc FROM station_edits WHERE id = ?').pluck();
  const update = db.prepare('UPDATE station_edits SET status = ?, version = ?, doc = ? WHERE id = ? AND version = ?');
  const add = db.transaction((e: StationEdit) => {
    insert.run(e.id, e.stationId, e.kind, e.status, e.createdAt, e.version, JSON.stringify(e));
    for (const code of new Set(e.regionCodes)) insertRegion.run(code, e.id);
  });
  return {
    insert: (e) => guarded(() => add(e)),
    get: (id) => guarded(() => docOf<StationEdit>(get.get(id))),
    update: (next, expected) =>
      guarded(() => {
        if (update.run(next.status, next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('这条记录');
      }),
    list: (q) =>
      guarded(() => {
        const f = new Filter()
          .in((l) => `station_id IN (${l})`, q.stationIds)
          .in((l) => `status IN (${l})`, q.statuses)
          .in((l) => `kind IN (${l})`, q.kinds)
          .in((l) => `id IN (SELECT edit_id FROM station_edit_regions WHERE code IN (${l}))`, q.regionCodes);
        const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
        const rows = db.prepare(`SELECT doc FROM station_edits${f.sql} ORDER BY created_at ${dir}, id ${dir} LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<StationEdit>(rows), q.limit);
      }),
  };
}
