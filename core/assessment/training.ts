/**
 * Training sessions with a sign-in code (第九条3): the operator opens a session, shows a short-lived
 * code (and its QR); each head scans or types it and their training record is written — no one
 * types heads' names. Pure: codes are drawn by the IdSource, stored only as a keyed hash.
 */
import { AppError } from '../shared/errors';

/** How long a code can be used after the session opens. */
export const SESSION_CODE_MINUTES = 120;
export const SESSION_CODE_LENGTH = 6;
/** Crockford base32 as IdSource.code draws it (no I, L, O, U). */
export const SESSION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{6}$/;

export interface TrainingSession {
  id: string;
  /** cipher.keyedHash of `training:<CODE>`; the code itself is shown once, to the operator. */
  codeHash: string;
  /** The code encrypted (Cipher), so the operator can show it again while it works. */
  codeCipher?: string;
  operatorName: string;
  kind: 'pre_job' | 'annual';
  title: string;
  date: string;
  days: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** What a head typed, as the code is stored: upper case, O read as 0, I/L as 1 (Crockford). */
export function normalizeCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1').replace(/[\s-]/g, '');
}

export const codeHashInput = (code: string) => `training:${code}`;

/** Why a head may not sign in to this session now, or null. */
export function signInProblem(s: TrainingSession, now: string, stationOperator: string): AppError | null {
  if (s.expiresAt <= now) return new AppError('CONFLICT', '签到码已过期，请向培训组织方要新的签到码', { code: '已过期' });
  if (s.operatorName !== stationOperator) return new AppError('NOT_FOUND', '签到码不对', { code: '签到码不对' });
  return null;
}
