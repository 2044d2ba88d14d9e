/**
 * Operators' visits (core/inspection/model.ts) in SQLite (migration 18): one row per visit with its
 * document; inspection_regions lists each visit under every code of its region path.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { type Db } from './db';
import { Filter, docTable } from './sql';

export function createSqliteVisitRepository(db: Db): VisitRepository {
  const visits = docTable<Visit>(db, {
    table: 'inspections',
    columns: { station_id: (v) => v.stationId, operator_name: (v) => v.operatorName, kind: (v) => v.kind, visited_on: (v) => v.visitedOn, created_at: (v) => v.createdAt, version: (v) => v.version },
    updates: ['version'],
    side: { sql: 'INSERT INTO inspection_regions (code, visited_on, id) VALUES (?, ?, ?)', rows: (v) => [...new Set(v.regionPath.map((r) => r.code))].map((code) => [code, v.visitedOn, v.id]) },
    what: '这条走访记录',
  });
  return {
    insert: visits.insert,
    get: visits.get,
    update: visits.update,
    list: (q) => {
      const f = new Filter()
        .in((l) => `station_id IN (${l})`, q.stationIds)
        .in((l) => `operator_name IN (${l})`, q.operatorNames)
        .in((l) => `kind IN (${l})`, q.kinds)
        .in((l) => `id IN (SELECT id FROM inspection_regions WHERE code IN (${l}))`, q.regionCodes)
        .eq('visited_on >= ?', q.from)
        .eq('visited_on <= ?', q.to);
      const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
      return visits.page(f, `visited_on ${dir}, id ${dir}`, q);
    },
  };
}
