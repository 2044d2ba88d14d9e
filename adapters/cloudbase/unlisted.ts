/**
 * 冒名站点举报 in CloudBase (core/station/unlisted.ts). Collection `unlisted_reports` (`_id` =
 * report id; the report under `report` plus regionCodes, status, createdAt, version for the
 * county's list). Behaviour matches adapters/sqlite/unlisted.ts (test/contract/unlisted.contract.ts).
 */
import type { UnlistedReport, UnlistedReportRepository } from '../../core/station/unlisted';
import { byId, context, fetchRange, pageOf, setDoc, updateIfVersion, type CbDb, type StoreOptions } from './sdk';

export const UNLISTED_COLLECTIONS = { reports: 'unlisted_reports' } as const;

interface ReportDoc {
  regionCodes: string[];
  status: UnlistedReport['status'];
  createdAt: string;
  version: number;
  report: UnlistedReport;
}

const docOf = (r: UnlistedReport): ReportDoc => ({ regionCodes: r.regionCodes, status: r.status, createdAt: r.createdAt, version: r.version, report: r });

export function createCloudbaseUnlistedRepository(db: CbDb, options: StoreOptions = {}): UnlistedReportRepository {
  const ctx = context(db, UNLISTED_COLLECTIONS, options);
  const reports = () => ctx.coll(ctx.names.reports);
  return {
    async insert(r) {
      await setDoc(ctx, ctx.names.reports, r.id, docOf(r));
    },
    async get(id) {
      return (await byId<ReportDoc>(ctx, ctx.names.reports, id))?.report ?? null;
    },
    async list(q) {
      const docs = await fetchRange<ReportDoc>(() => reports().where({ regionCodes: q.regionCode, status: q.status }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'), q.offset, q.limit + 1);
      return pageOf(docs.map((d) => d.report), q.limit);
    },
    save: (next, expectedVersion) => updateIfVersion(ctx, ctx.names.reports, next.id, expectedVersion, docOf(next)),
  };
}
