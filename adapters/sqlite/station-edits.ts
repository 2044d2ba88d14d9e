/**
 * Station edits (core/station/edits.ts) in SQLite: one row per edit with its document, region codes
 * in their own table for the officials' queue (migration 10).
 */
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { type Db } from './db';
import { Filter, docTable } from './sql';

export function createSqliteStationEditRepository(db: Db): StationEditRepository {
  const edits = docTable<StationEdit>(db, {
    table: 'station_edits',
    columns: { station_id: (e) => e.stationId, kind: (e) => e.kind, status: (e) => e.status, created_at: (e) => e.createdAt, version: (e) => e.version },
    updates: ['status', 'version'],
    side: { sql: 'INSERT INTO station_edit_regions (code, edit_id) VALUES (?, ?)', rows: (e) => [...new Set(e.regionCodes)].map((code) => [code, e.id]) },
    what: '这条记录',
  });
  return {
    insert: edits.insert,
    get: edits.get,
    update: edits.update,
    list: (q) => {
      const f = new Filter()
        .in((l) => `station_id IN (${l})`, q.stationIds)
        .in((l) => `status IN (${l})`, q.statuses)
        .in((l) => `kind IN (${l})`, q.kinds)
        .in((l) => `id IN (SELECT edit_id FROM station_edit_regions WHERE code IN (${l}))`, q.regionCodes);
      const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
      return edits.page(f, `created_at ${dir}, id ${dir}`, q);
    },
  };
}
