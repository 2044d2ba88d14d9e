/**
 * Operators' visits (core/inspection/model.ts) in CloudBase: collection `inspections`, `_id` = visit
 * id, the record as JSON text under `visit` (an update replaces it whole) plus the fields queries
 * filter and sort on: stationId, operatorName, kind, visitedOn, regionCodes (multikey), version.
 */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { staleConflict } from '../../core/shared/errors';
import { byId, context, fetchRange, filtered, insertDoc, pageOf, updateIfVersion, whereIn, type CbDb, type StoreOptions } from './sdk';

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
  const { names, _ } = ctx;
  return {
    async insert(v) {
      await insertDoc(ctx, names.visits, v.id, toDoc(v));
    },
    async get(id) {
      const doc = await byId<VisitDoc>(ctx, names.visits, id);
      return doc ? (JSON.parse(doc.visit) as Visit) : null;
    },
    async update(next, expected) {
      if (!(await updateIfVersion(ctx, names.visits, next.id, expected, toDoc(next)))) throw staleConflict('这条走访记录');
    },
    async list(q) {
      const where: Record<string, unknown> = {};
      if (!whereIn(ctx, where, 'stationId', q.stationIds)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'operatorName', q.operatorNames)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'kind', q.kinds)) return pageOf([], 0);
      if (!whereIn(ctx, where, 'regionCodes', q.regionCodes)) return pageOf([], 0);
      const parts: Record<string, unknown>[] = [where];
      if (q.from) parts.push({ visitedOn: _.gte(q.from) });
      if (q.to) parts.push({ visitedOn: _.lte(q.to) });
      const dir = q.order === 'oldest' ? 'asc' : 'desc';
      const build = () => (parts.length > 1 ? ctx.coll(names.visits).where(_.and(parts)) : filtered(ctx, names.visits, where)).orderBy('visitedOn', dir).orderBy('_id', dir);
      const docs = await fetchRange<VisitDoc>(build, q.offset, q.limit + 1);
      return pageOf(docs.map((d) => JSON.parse(d.visit) as Visit), q.limit);
    },
  };
}
