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
import { createHash } from 'node:crypto';
import type { RateLimitStore } from '../../core/ports';
import { errorText, getDocs, isErrorAnswer, request, unavailable, writeArg, type CbDb, type CbQuery, type CloudbaseSdk } from './sdk';

/** where().remove(): used by purge only (not part of the kit's CbQuery). */
type Removable = CbQuery & { remove(): unknown };

export const RATE_LIMIT_COLLECTION = 'rate_limits';

export function rateLimitDocId(key: string): string {
  return 'rl_' + createHash('sha256').update(key).digest('hex');
}

function isDuplicate(err: unknown): boolean {
  return /DUPLICATE|duplicate key/i.test(errorText(err));
}

export function createCloudbaseRateLimitStore(db: unknown, options: { prefix?: string; sdk?: CloudbaseSdk } = {}): RateLimitStore {
  const x = db as CbDb;
  const sdk = options.sdk ?? 'wx-server-sdk';
  const coll = () => x.collection((options.prefix ?? '') + RATE_LIMIT_COLLECTION);
  const _ = x.command;
  const updatedCount = (res: unknown): number => {
    const r = res as { updated?: unknown; stats?: { updated?: unknown } } | null;
    const n = sdk === 'wx-server-sdk' ? r?.stats?.updated : r?.updated;
    if (typeof n !== 'number') throw unavailable(new Error('update answered without a count'));
    return n;
  };
  const guardedInc = async (id: string, max: number) =>
    updatedCount(await request(() => coll().where({ _id: id, count: _.lt(max) }).update(writeArg(sdk, { count: _.inc(1) })))) > 0;

  return {
    async take(key, max, expiresAt) {
      if (max < 1) return false;
      const id = rateLimitDocId(key);
      if (await guardedInc(id, max)) return true;
      // Nothing changed: full, or not created yet.
      let res: unknown;
      try {
        res = await coll().add(writeArg(sdk, { _id: id, count: 1, expiresAt }));
      } catch (err) {
        if (isDuplicate(err)) return guardedInc(id, max);
        throw unavailable(err);
      }
      if (isErrorAnswer(res)) {
        if (isDuplicate(res)) return guardedInc(id, max);
        throw unavailable(res);
      }
      return true;
    },
    async purge(before, limit) {
      let removed = 0;
      while (removed < limit) {
        const batch = await getDocs<{ expiresAt: string }>(coll().where({ expiresAt: _.lt(before) }).field({ _id: true }).limit(Math.min(100, limit - removed)));
        if (!batch.length) break;
        const res = await request<{ stats?: { removed?: number }; deleted?: number }>(() => (coll().where({ _id: _.in(batch.map((d) => d._id)) }) as Removable).remove());
        const n = sdk === 'wx-server-sdk' ? res?.stats?.removed : res?.deleted;
        removed += typeof n === 'number' ? n : batch.length;
        if (batch.length < 100) break;
      }
      return removed;
    },
  };
}
