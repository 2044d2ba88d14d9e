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
import { addIfAbsent, byId, context, EVERYTHING, fetchRange, getDocs, unavailable, type CbDb, type StoreOptions } from './sdk';

export const HEADS_COLLECTIONS = { sessions: 'training_sessions', decisions: 'assessment_decisions' } as const;

interface SessionDoc {
  session: string;
  codeHash: string;
  operatorName: string;
  createdAt: string;
  expiresAt: string;
}
interface DecisionDoc {
  decision: string;
  period: string;
  stationId: string;
  kind: string;
  regionCodes: string[];
}

export function createCloudbaseHeadsRepository(db: CbDb, options: StoreOptions = {}): HeadsRepository {
  const ctx = context(db, HEADS_COLLECTIONS, options);
  const { names, _ } = ctx;
  const addNew = (collection: string, id: string, doc: object) => addIfAbsent(ctx, collection, id, doc);

  return {
    async insertSession(s) {
      if (!(await addNew(names.sessions, s.id, { session: JSON.stringify(s), codeHash: s.codeHash, operatorName: s.operatorName, createdAt: s.createdAt, expiresAt: s.expiresAt } satisfies SessionDoc))) throw unavailable(new Error('duplicate session id'));
    },
    async sessionByCode(codeHash, now) {
      const docs = await getDocs<SessionDoc>(ctx.coll(names.sessions).where({ codeHash, expiresAt: _.gt(now) }).orderBy('createdAt', 'desc').limit(1));
      return docs.length ? (JSON.parse(docs[0].session) as TrainingSession) : null;
    },
    async listSessions(q) {
      const docs = await fetchRange<SessionDoc>(() => ctx.coll(names.sessions).where({ operatorName: q.operatorName }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'), 0, q.limit);
      return docs.map((d) => JSON.parse(d.session) as TrainingSession);
    },
    async insertDecision(d) {
      const doc: DecisionDoc = { decision: JSON.stringify(d), period: d.period, stationId: d.stationId, kind: d.kind, regionCodes: d.regionCodes };
      if (!(await addNew(names.decisions, d.id, doc))) throw new AppError('CONFLICT', '已经有这项决定了，请刷新');
    },
    async getDecision(id) {
      const d = await byId<DecisionDoc>(ctx, names.decisions, id);
      return d ? (JSON.parse(d.decision) as AssessmentDecision) : null;
    },
    async listDecisions(q) {
      if (!q.regionCodes.length) return [];
      const docs = await fetchRange<DecisionDoc>(() => ctx.coll(names.decisions).where({ period: q.period, regionCodes: _.in(q.regionCodes) }).orderBy('stationId', 'asc').orderBy('kind', 'asc'), 0, EVERYTHING);
      return docs.map((d) => JSON.parse(d.decision) as AssessmentDecision);
    },
  };
}
