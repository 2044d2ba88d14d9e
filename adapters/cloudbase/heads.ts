/**
 * Heads in CloudBase (core/assessment/store.ts): `training_sessions` (`_id` = session id; codeHash,
 * operatorName, createdAt, expiresAt for the queries; the record as JSON text under `session`),
 * `assessment_decisions` (`_id` = station.period.kind, so a second one of a kind fails as a duplicate;
 * period and regionCodes for the county's list). The weights are region settings
 * (adapters/cloudbase/settings.ts, which carries the old `settings` document over on first read).
 * Contract: test/contract/heads.contract.ts.
 */
import type { AssessmentDecision } from '../../core/assessment/model';
import type { HeadsRepository } from '../../core/assessment/store';
import type { TrainingSession } from '../../core/assessment/training';
import { AppError } from '../../core/shared/errors';
import { addIfAbsent, by, context, recordCollection, unavailable, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const HEADS_COLLECTIONS = { sessions: 'training_sessions', decisions: 'assessment_decisions' } as const;

const sessionDoc = (s: TrainingSession) => ({ session: JSON.stringify(s), codeHash: s.codeHash, operatorName: s.operatorName, createdAt: s.createdAt, expiresAt: s.expiresAt });
const decisionDoc = (d: AssessmentDecision) => ({ decision: JSON.stringify(d), period: d.period, stationId: d.stationId, kind: d.kind, regionCodes: d.regionCodes });

export function createCloudbaseHeadsRepository(db: CbDb, options: StoreOptions = {}): HeadsRepository {
  const ctx = context(db, HEADS_COLLECTIONS, options);
  const { names, _ } = ctx;
  const addNew = (collection: string, id: string, doc: object) => addIfAbsent(ctx, collection, id, doc);
  const decisions = versionedCollection(ctx, names.decisions, { toDoc: decisionDoc, fromDoc: (d: ReturnType<typeof decisionDoc>) => JSON.parse(d.decision) as AssessmentDecision, what: '这项决定' });
  const sessions = recordCollection(ctx, names.sessions, { fromDoc: (d: ReturnType<typeof sessionDoc>) => JSON.parse(d.session) as TrainingSession });

  return {
    async insertSession(s) {
      if (!(await addNew(names.sessions, s.id, sessionDoc(s)))) throw unavailable(new Error('duplicate session id'));
    },
    sessionByCode: (codeHash, now) => sessions.findOne({ where: { codeHash, expiresAt: _.gt(now) }, order: [['createdAt', 'desc']] }),
    listSessions: (q) => sessions.findAll({ where: { operatorName: q.operatorName }, order: by('createdAt', 'desc') }, q.limit),
    async insertDecision(d) {
      if (!(await addNew(names.decisions, d.id, decisionDoc(d)))) throw new AppError('CONFLICT', '已经有这项决定了，请刷新');
    },
    getDecision: decisions.get,
    listDecisions: (q) => decisions.findAll({ where: { period: q.period }, anyOf: { regionCodes: q.regionCodes }, order: [['stationId', 'asc'], ['kind', 'asc']] }),
  };
}
