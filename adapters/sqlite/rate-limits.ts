/**
 * Rate-limit counters on SQLite: one UPSERT per call. `DO UPDATE … WHERE count < max` leaves a full
 * counter untouched and then RETURNING yields no row, so "count if below max" is one atomic
 * statement (the port's contract: test/contract/rate-limits.contract.ts).
 */
import type { RateLimitStore } from '../../core/ports';
import { guarded, type Db } from './db';

export function createSqliteRateLimitStore(db: Db): RateLimitStore {
  const take = db.prepare(
    `INSERT INTO rate_limits (key, count, expires_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET count = count + 1 WHERE count < ?
     RETURNING count`,
  );
  const purge = db.prepare('DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE expires_at < ? LIMIT ?)');
  return {
    take: (key, max, expiresAt) => guarded(() => max >= 1 && take.get(key, expiresAt, max) !== undefined),
    purge: (before, limit) => guarded(() => purge.run(before, limit).changes),
  };
}
