/**
 * Photo check records (core/media/check.ts) in CloudBase: collection `media_checks`, `_id` = the
 * trace id, read by `_id` only (no index). Written with `doc(id).set` (whole record).
 */
import type { MediaCheckRecord, MediaCheckRepository, MediaVerdict } from '../../core/media/check';
import { context, keyedRecords, type CbDb, type StoreOptions } from './sdk';

export const MEDIA_CHECK_COLLECTIONS = { checks: 'media_checks' } as const;

export function createCloudbaseMediaCheckRepository(db: CbDb, options: StoreOptions = {}): MediaCheckRepository {
  const ctx = context(db, MEDIA_CHECK_COLLECTIONS, options);
  const checks = keyedRecords<MediaCheckRecord>(ctx, ctx.names.checks, 'traceId');
  return {
    insert: checks.set,
    get: checks.get,
    async decide(traceId: string, result: MediaVerdict, at: string) {
      const r = await checks.get(traceId);
      if (!r || r.result) return false;
      await checks.set({ ...r, result, decidedAt: at });
      return true;
    },
  };
}
