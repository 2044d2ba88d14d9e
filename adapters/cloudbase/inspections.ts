/**
 * Operators' visits (core/inspection/model.ts) in CloudBase: collection `inspections`, `_id` = visit
 * id, the record as JSON text under `visit` (an update replaces it whole) plus the fields queries
 * filter and sort on: stationId, operatorName, kind, visitedOn, regionCodes (multikey), version.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { ageDir, by, context, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const INSPECTION_COLLECTIONS = { visits: 'inspections' } as const;

const toDoc = (v: Visit) => ({ visit: JSON.stringify(v), stationId: v.stationId, operatorName: v.operatorName, kind: v.kind, visitedOn: v.visitedOn, regionCodes: [...new Set(v.regionPath.map((r) => r.code))], version: v.version });
type VisitDoc = ReturnType<typeof toDoc>;

export function createCloudbaseVisitRepository(db: CbDb, options: StoreOptions = {}): VisitRepository {
  const ctx = context(db, INSPECTION_COLLECTIONS, options);
  const visits = versionedCollection(ctx, ctx.names.visits, { toDoc, fromDoc: (d: VisitDoc) => JSON.parse(d.visit) as Visit, what: '这条走访记录' });
  return {
    insert: visits.insert,
    get: visits.get,
    update: visits.update,
    list: (q) =>
      visits.find(
        { anyOf: { stationId: q.stationIds, operatorName: q.operatorNames, kind: q.kinds, regionCodes: q.regionCodes }, range: { field: 'visitedOn', from: q.from, to: q.to }, order: by('visitedOn', ageDir(q.order)) },
        q,
      ),
  };
}
