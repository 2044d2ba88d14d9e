/**
 * Station edits (core/station/edits.ts) in CloudBase: collection `station_edits`, `_id` = edit id,
 * the record under `edit` plus the fields queries filter on (stationId, kind, status, createdAt,
 * regionCodes) and `version` for the optimistic update.
 */
import { staleConflict } from '../../core/shared/errors';
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { byId, context, fetchRange, filtered, insertDoc, pageOf, updateIfVersion, whereIn, type CbDb, type StoreOptions } from './sdk';

export const STATION_EDIT_COLLECTIONS = { edits: 'station_edits' } as const;

interface EditDoc {
  edit: StationEdit;
  stationId: string;
  kind: StationEdit['kind'];
  status: StationEdit['status'];
  createdAt: string;
  regionCodes: string[];
  version: number;
}

const toDoc = (e: StationEdit): EditDoc => ({ edit: e, stationId: e.stationId, kind: e.kind, status: e.status, createdAt: e.createdAt, regionCodes: [...new Set(e.regionCodes)], version: e.version });

export function createCloudbaseStationEditRepository(db: CbDb, options: StoreOptions = {}): StationEditRepository {
  const ctx = context(db, STATION_EDIT_COLLECTIONS, options);
  const { names } = ctx;
  return {
    async insert(e) {
      await insertDoc(ctx, names.edits, e.id, toDoc(e));
    },
    async get(id) {
      return (await byId<EditDoc>(ctx, names.edits, id))?.edit ?? null;
    },
    async update(next, expected) {
      if (!(await updateIfVersion(ctx, names.edits, next.id, expected, toDoc(next)))) throw staleConflict('这条记录');
    },
    async list(q) {
      const where: Record<string, unknown> = {};
      if (!whereIn(ctx, where, 'stationId', q.stationIds)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'status', q.statuses)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'kind', q.kinds)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'regionCodes', q.regionCodes)) return pageOf([], 0);
      const dir = q.order === 'oldest' ? 'asc' : 'desc';
      const docs = await fetchRange<EditDoc>(() => filtered(ctx, names.edits, where).orderBy('createdAt', dir).orderBy('_id', dir), q.offset, q.limit + 1);
      return pageOf(docs.map((d) => d.edit), q.limit);
    },
  };
}
