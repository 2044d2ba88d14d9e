/**
 * Rate-limit counters on CloudBase (collection `rate_limits`), one document per counter with
 * `_id` = "rl_" + SHA-256 of the key (the key holds an openid), `count` and `expiresAt`.
 *
 * "Count if below max" without a transaction (one document, many instances, bursts: a transaction
 * per call would mostly conflict): a guarded update `where({ _id, count: _.lt(max) }).update(_.inc(1))`
 * is atomic per document, so of any number of concurrent calls at most `max` change it. When it
 * changes nothing the counter is either full or missing: `add` creates it with count 1; a duplicate
 * `_id` means another instance created it first, so the guarded update runs once more.
 * Contract: test/contract/rate-limits.contract.ts (SQLite and this adapter over the SDK double).
 */
import type { RateLimitStore } from '../../core/ports';
import { addIfAbsent, context, hashedId, MAX_BATCH, removeExpired, request, type CbDb, type StoreOptions } from './sdk';

export const RATE_LIMIT_COLLECTION = 'rate_limits';

export const rateLimitDocId = (key: string) => hashedId('rl', key);

export function createCloudbaseRateLimitStore(db: CbDb, options: StoreOptions = {}): RateLimitStore {
  const ctx = context(db, { counters: RATE_LIMIT_COLLECTION }, options);
  const { _ } = ctx;
  const coll = () => ctx.coll(ctx.names.counters);
  const guardedInc = async (id: string, max: number) => ctx.updated(await request(() => coll().where({ _id: id, count: _.lt(max) }).update(ctx.arg({ count: _.inc(1) })))) > 0;

  return {
    async take(key, max, expiresAt) {
      if (max < 1) return false;
      const id = rateLimitDocId(key);
      if (await guardedInc(id, max)) return true;
      // Nothing changed: full, or not created yet. Created meanwhile by another instance: count there.
      return (await addIfAbsent(ctx, ctx.names.counters, id, { count: 1, expiresAt })) || guardedInc(id, max);
    },
    async purge(before, limit) {
      let removed = 0;
      while (removed < limit) {
        const batch = await removeExpired(ctx, ctx.names.counters, before, limit - removed);
        removed += batch.removed;
        if (batch.found < MAX_BATCH) break;
      }
      return removed;
    },
  };
}
