/**
 * Photo check records (core/media/check.ts) in CloudBase: collection `media_checks`, `_id` = the
 * trace id, read by `_id` only (no index). Written with `doc(id).set` (whole record).
 */
import type { MediaCheckRecord, MediaCheckRepository, MediaVerdict } from '../../core/media/check';
import { byId, context, setDoc, type CbDb, type StoreOptions } from './sdk';

export const MEDIA_CHECK_COLLECTIONS = { checks: 'media_checks' } as const;

type Doc = Omit<MediaCheckRecord, 'traceId'>;

export function createCloudbaseMediaCheckRepository(db: CbDb, options: StoreOptions = {}): MediaCheckRepository {
  const ctx = context(db, MEDIA_CHECK_COLLECTIONS, options);
  const read = async (traceId: string): Promise<MediaCheckRecord | null> => {
    const d = await byId<Doc>(ctx, ctx.names.checks, traceId);
    if (!d) return null;
    const { _id, ...rest } = d;
    return { ...rest, traceId: _id };
  };
  const write = ({ traceId, ...doc }: MediaCheckRecord) => setDoc(ctx, ctx.names.checks, traceId, doc);
  return {
    insert: write,
    get: read,
    async decide(traceId: string, result: MediaVerdict, at: string) {
      const r = await read(traceId);
      if (!r || r.result) return false;
      await write({ ...r, result, decidedAt: at });
      return true;
    },
  };
}
