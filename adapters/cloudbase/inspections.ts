/**
 * Operators' visits (core/inspection/model.ts) in CloudBase: collection `inspections`, `_id` = visit
 * id, the record as JSON text under `visit` (an update replaces it whole) plus the fields queries
 * filter and sort on: stationId, operatorName, kind, visitedOn, regionCodes (multikey), version.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { context, pageOf, versionedCollection, whereAll, type CbDb, type StoreOptions } from './sdk';

export const INSPECTION_COLLECTIONS = { visits: 'inspections' } as const;

interface VisitDoc {
  visit: string;
  stationId: string;
  operatorName: string;
  kind: Visit['kind'];
  visitedOn: string;
  regionCodes: string[];
  version: number;
}

const toDoc = (v: Visit): VisitDoc => ({ visit: JSON.stringify(v), stationId: v.stationId, operatorName: v.operatorName, kind: v.kind, visitedOn: v.visitedOn, regionCodes: [...new Set(v.regionPath.map((r) => r.code))], version: v.version });

export function createCloudbaseVisitRepository(db: CbDb, options: StoreOptions = {}): VisitRepository {
  const ctx = context(db, INSPECTION_COLLECTIONS, options);
  const { _ } = ctx;
  const visits = versionedCollection(ctx, ctx.names.visits, { toDoc, fromDoc: (d: VisitDoc) => JSON.parse(d.visit) as Visit, what: '这条走访记录' });
  return {
    insert: visits.insert,
    get: visits.get,
    update: visits.update,
    async list(q) {
      const where = whereAll(ctx, { stationId: q.stationIds, operatorName: q.operatorNames, kind: q.kinds, regionCodes: q.regionCodes });
      if (!where) return pageOf([], 0);
      const parts: Record<string, unknown>[] = [where];
      if (q.from) parts.push({ visitedOn: _.gte(q.from) });
      if (q.to) parts.push({ visitedOn: _.lte(q.to) });
      const dir = q.order === 'oldest' ? 'asc' : 'desc';
      return visits.page(() => (parts.length > 1 ? ctx.coll(ctx.names.visits).where(_.and(parts)) : visits.where(where)).orderBy('visitedOn', dir).orderBy('_id', dir), q);
    },
  };
}
