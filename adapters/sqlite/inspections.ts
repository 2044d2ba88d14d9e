/**
 * Operators' visits (core/inspection/model.ts) in SQLite (migration 18): one row per visit with its
 * document; inspection_regions lists each visit under every code of its region path.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { type Db } from './db';
import { Filter, docTable, listedUnder } from './sql';

export function createSqliteVisitRepository(db: Db): VisitRepository {
  const visits = docTable<Visit>(db, {
    table: 'inspections',
    columns: { station_id: (v) => v.stationId, operator_name: (v) => v.operatorName, kind: (v) => v.kind, visited_on: (v) => v.visitedOn, created_at: (v) => v.createdAt, version: (v) => v.version },
    updates: ['version'],
    side: { sql: 'INSERT INTO inspection_regions (code, visited_on, id) VALUES (?, ?, ?)', rows: (v) => [...new Set(v.regionPath.map((r) => r.code))].map((code) => [code, v.visitedOn, v.id]) },
    what: '这条走访记录',
  });
  return {
    ...visits.store,
    list: (q) => {
      const f = new Filter().anyIn({ station_id: q.stationIds, operator_name: q.operatorNames, kind: q.kinds }).in(listedUnder('inspection_regions'), q.regionCodes);
      return visits.ordered(f.eq('visited_on >= ?', q.from).eq('visited_on <= ?', q.to), 'visited_on', q);
    },
  };
}
