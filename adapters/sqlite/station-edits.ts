/**
 * Station edits (core/station/edits.ts) in SQLite: one row per edit with its document, region codes
 * in their own table for the officials' queue (migration 10).
 */
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { type Db } from './db';
import { Filter, docTable, listedUnder } from './sql';

export function createSqliteStationEditRepository(db: Db): StationEditRepository {
  const edits = docTable<StationEdit>(db, {
    table: 'station_edits',
    columns: { station_id: (e) => e.stationId, kind: (e) => e.kind, status: (e) => e.status, created_at: (e) => e.createdAt, version: (e) => e.version },
    updates: ['status', 'version'],
    side: { sql: 'INSERT INTO station_edit_regions (code, edit_id) VALUES (?, ?)', rows: (e) => [...new Set(e.regionCodes)].map((code) => [code, e.id]) },
    what: '这条记录',
  });
  return {
    ...edits.store,
    list: (q) => edits.ordered(new Filter().anyIn({ station_id: q.stationIds, status: q.statuses, kind: q.kinds }).in(listedUnder('station_edit_regions', 'edit_id'), q.regionCodes), 'created_at', q),
  };
}
