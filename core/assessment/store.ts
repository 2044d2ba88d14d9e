/**
 * The heads repository port (adapters/sqlite/heads.ts, adapters/cloudbase/heads.ts;
 * test/contract/heads.contract.ts): training sessions, the county's assessment decisions and the
 * assessment weights setting.
 */
import type { AssessmentSettings } from '../settings/assessment';
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
  /** The saved weights, or null (the defaults apply). */
  getSettings(): Promise<AssessmentSettings | null>;
  /** Save when the stored version is still `expectedVersion` (0: none saved yet); CONFLICT otherwise. */
  putSettings(next: AssessmentSettings, expectedVersion: number): Promise<void>;
}
