/**
 * Heads on SQLite (migration 25): training sessions, assessment decisions. The weights are region
 * settings (adapters/sqlite/settings.ts); migration 31 carried the old `settings` row over.
 * Contract: test/contract/heads.contract.ts.
 */
import type { AssessmentDecision } from '../../core/assessment/model';
import type { HeadsRepository } from '../../core/assessment/store';
import type { TrainingSession } from '../../core/assessment/training';
import { AppError } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { marks } from './sql';

const docs = <T>(rows: string[]): T[] => rows.map((d) => JSON.parse(d) as T);

export function createSqliteHeadsRepository(db: Db): HeadsRepository {
  const insertSession = db.prepare('INSERT INTO training_sessions (id, code_hash, operator_name, created_at, expires_at, doc) VALUES (?, ?, ?, ?, ?, ?)');
  const byCode = db.prepare('SELECT doc FROM training_sessions WHERE code_hash = ? AND expires_at > ? ORDER BY created_at DESC LIMIT 1').pluck();
  const byOperator = db.prepare('SELECT doc FROM training_sessions WHERE operator_name = ? ORDER BY created_at DESC, id DESC LIMIT ?').pluck();
  const insertDecision = db.prepare('INSERT OR IGNORE INTO assessment_decisions (id, period, station_id, kind, doc) VALUES (?, ?, ?, ?, ?)');
  const getDecision = db.prepare('SELECT doc FROM assessment_decisions WHERE id = ?').pluck();
  return {
    insertSession: (s) => guarded(() => void insertSession.run(s.id, s.codeHash, s.operatorName, s.createdAt, s.expiresAt, JSON.stringify(s))),
    sessionByCode: (hash, now) =>
      guarded(() => {
        const d = byCode.get(hash, now) as string | undefined;
        return d ? (JSON.parse(d) as TrainingSession) : null;
      }),
    listSessions: (q) => guarded(() => docs<TrainingSession>(byOperator.all(q.operatorName, q.limit) as string[])),
    insertDecision: (d) =>
      guarded(() => {
        if (insertDecision.run(d.id, d.period, d.stationId, d.kind, JSON.stringify(d)).changes === 0) throw new AppError('CONFLICT', '已经有这项决定了，请刷新');
      }),
    getDecision: (id) =>
      guarded(() => {
        const d = getDecision.get(id) as string | undefined;
        return d ? (JSON.parse(d) as AssessmentDecision) : null;
      }),
    listDecisions: (q) =>
      guarded(() => {
        if (!q.regionCodes.length) return [];
        const rows = db
          .prepare(`SELECT doc FROM assessment_decisions WHERE period = ? AND EXISTS (SELECT 1 FROM json_each(doc, '$.regionCodes') WHERE value IN (${marks(q.regionCodes.length)})) ORDER BY station_id, kind`)
          .pluck()
          .all(q.period, ...q.regionCodes) as string[];
        return docs<AssessmentDecision>(rows);
      }),
  };
}
