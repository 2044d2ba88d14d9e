/**
 * The heads repository port (adapters/sqlite/heads.ts, adapters/cloudbase/heads.ts;
 * test/contract/heads.contract.ts): training sessions and the county's assessment decisions. The
 * weights are region settings (core/settings, read through core/assessment/weights.ts).
 */
import type { AssessmentDecision } from './model';
import type { TrainingSession } from './training';

export interface HeadsRepository {
  insertSession(s: TrainingSession): Promise<void>;
  /** The session with this code hash that has not expired at `now` (the newest, if ever two). */
  sessionByCode(codeHash: string, now: string): Promise<TrainingSession | null>;
  /** An operator's sessions, newest first. */
  listSessions(q: { operatorName: string; limit: number }): Promise<TrainingSession[]>;
  /** CONFLICT when a decision with this id (station, period, kind) exists. */
  insertDecision(d: AssessmentDecision): Promise<void>;
  getDecision(id: string): Promise<AssessmentDecision | null>;
  /** Decisions of a period on stations in any of these regions, by station then kind. */
  listDecisions(q: { period: string; regionCodes: string[] }): Promise<AssessmentDecision[]>;
}
