/**
 * Photo check records (core/media/check.ts) in CloudBase: collection `media_checks`, `_id` = the
 * trace id, read by `_id` only (no index). Written with `doc(id).set` (whole record).
 */
import type { MediaCheckRecord, MediaCheckRepository, MediaVerdict } from '../../core/media/check';
import { getDocs, request, writeArg, type PageableQuery, type StoreOptions } from './sdk';

export const MEDIA_CHECK_COLLECTIONS = { checks: 'media_checks' } as const;

interface MediaDb {
  collection(name: string): {
    where(condition: Record<string, unknown>): PageableQuery;
    doc(id: string): { set(arg: Record<string, unknown>): unknown };
  };
}

type Doc = Omit<MediaCheckRecord, 'traceId'>;

export function createCloudbaseMediaCheckRepository(db: unknown, options: StoreOptions = {}): MediaCheckRepository {
  const x = db as MediaDb;
  const name = (options.prefix ?? '') + MEDIA_CHECK_COLLECTIONS.checks;
  const sdk = options.sdk ?? 'wx-server-sdk';
  const coll = () => x.collection(name);
  const read = async (traceId: string): Promise<MediaCheckRecord | null> => {
    const [d] = await getDocs<Doc>(coll().where({ _id: traceId }).limit(1));
    if (!d) return null;
    const { _id, ...rest } = d;
    return { ...rest, traceId: _id };
  };
  const write = (r: MediaCheckRecord) => {
    const { traceId, ...doc } = r;
    return request(() => coll().doc(traceId).set(writeArg(sdk, doc)));
  };
  return {
    async insert(r) {
      await write(r);
    },
    get: read,
    async decide(traceId: string, result: MediaVerdict, at: string) {
      const r = await read(traceId);
      if (!r || r.result) return false;
      await write({ ...r, result, decidedAt: at });
      return true;
    },
  };
}
