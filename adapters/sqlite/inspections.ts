/**
 * Operators' visits (core/inspection/model.ts) in SQLite (migration 18): one row per visit with its
 * document; inspection_regions lists each visit under every code of its region path.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { Filter, docOf, docsOf, pageOf } from './sql';

export function createSqliteVisitRepository(db: Db): VisitRepository {
  const insert = db.prepare('INSERT INTO inspections (id, station_id, operator_name, kind, visited_on, created_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRegion = db.prepare('INSERT INTO inspection_regions (code, visited_on, id) VALUES (?, ?, ?)');
  const get = db.prepare('SELECT doc FROM inspections WHERE id = ?').pluck();
  const update = db.prepare('UPDATE inspections SET version = ?, doc = ? WHERE id = ? AND version = ?');
  const add = db.transaction((v: Visit) => {
    insert.run(v.id, v.stationId, v.operatorName, v.kind, v.visitedOn, v.createdAt, v.version, JSON.stringify(v));
    for (const code of new Set(v.regionPath.map((r) => r.code))) insertRegion.run(code, v.visitedOn, v.id);
  });
  return {
    insert: (v) => guarded(() => add(v)),
    get: (id) => guarded(() => docOf<Visit>(get.get(id))),
    update: (next, expected) =>
      guarded(() => {
        if (update.run(next.version, JSON.stringify(next), next.id, expected).changes === 0) throw staleConflict('这条走访记录');
      }),
    list: (q) =>
      guarded(() => {
        const f = new Filter()
          .in((l) => `station_id IN (${l})`, q.stationIds)
          .in((l) => `operator_name IN (${l})`, q.operatorNames)
          .in((l) => `kind IN (${l})`, q.kinds)
          .in((l) => `id IN (SELECT id FROM inspection_regions WHERE code IN (${l}))`, q.regionCodes)
          .eq('visited_on >= ?', q.from)
          .eq('visited_on <= ?', q.to);
        const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
        const rows = db.prepare(`SELECT doc FROM inspections${f.sql} ORDER BY visited_on ${dir}, id ${dir} LIMIT ? OFFSET ?`).pluck().all(...f.params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<Visit>(rows), q.limit);
      }),
  };
}
