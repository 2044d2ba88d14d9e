/**
 * Photo check records (core/media/check.ts) in SQLite: one row per trace id. The table is created
 * here (IF NOT EXISTS) so this store needs no numbered migration.
 */
import type { MediaCheckRecord, MediaCheckRepository } from '../../core/media/check';
import { guarded, type Db } from './db';

export function createSqliteMediaCheckRepository(db: Db): MediaCheckRepository {
  db.exec('CREATE TABLE IF NOT EXISTS media_checks (trace_id TEXT PRIMARY KEY, result TEXT, doc TEXT NOT NULL) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO media_checks (trace_id, result, doc) VALUES (?, NULL, ?)');
  const get = db.prepare('SELECT doc FROM media_checks WHERE trace_id = ?').pluck();
  const decide = db.prepare(
    "UPDATE media_checks SET result = ?, doc = json_set(doc, '$.result', ?, '$.decidedAt', ?) WHERE trace_id = ? AND result IS NULL",
  );
  return {
    insert: (r) => guarded(() => void insert.run(r.traceId, JSON.stringify(r))),
    get: (traceId) =>
      guarded(() => {
        const doc = get.get(traceId) as string | undefined;
        return doc ? (JSON.parse(doc) as MediaCheckRecord) : null;
      }),
    decide: (traceId, result, at) => guarded(() => decide.run(result, result, at, traceId).changes > 0),
  };
}
