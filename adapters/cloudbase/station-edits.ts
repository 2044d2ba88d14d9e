/**
 * Station edits (core/station/edits.ts) in CloudBase: collection `station_edits`, `_id` = edit id,
 * the record under `edit` plus the fields queries filter on (stationId, kind, status, createdAt,
 * regionCodes) and `version` for the optimistic update.
 */
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { ageDir, by, context, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const STATION_EDIT_COLLECTIONS = { edits: 'station_edits' } as const;

const toDoc = (e: StationEdit) => ({ edit: e, stationId: e.stationId, kind: e.kind, status: e.status, createdAt: e.createdAt, regionCodes: [...new Set(e.regionCodes)], version: e.version });
type EditDoc = ReturnType<typeof toDoc>;

export function createCloudbaseStationEditRepository(db: CbDb, options: StoreOptions = {}): StationEditRepository {
  const ctx = context(db, STATION_EDIT_COLLECTIONS, options);
  const edits = versionedCollection(ctx, ctx.names.edits, { toDoc, fromDoc: (d: EditDoc) => d.edit, what: '这条记录' });
  return {
    insert: edits.insert,
    get: edits.get,
    update: edits.update,
    list: (q) => edits.find({ anyOf: { stationId: q.stationIds, status: q.statuses, kind: q.kinds, regionCodes: q.regionCodes }, order: by('createdAt', ageDir(q.order)) }, q),
  };
}
