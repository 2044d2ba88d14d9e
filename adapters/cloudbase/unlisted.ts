/**
 * 冒名站点举报 in CloudBase (core/station/unlisted.ts). Collection `unlisted_reports` (`_id` =
 * report id; the report under `report` plus regionCodes, status, createdAt, version for the
 * county's list). Behaviour matches adapters/sqlite/unlisted.ts (test/contract/unlisted.contract.ts).
 */
import type { UnlistedReport, UnlistedReportRepository } from '../../core/station/unlisted';
import { by, context, setDoc, updateIfVersion, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const UNLISTED_COLLECTIONS = { reports: 'unlisted_reports' } as const;

const docOf = (r: UnlistedReport) => ({ regionCodes: r.regionCodes, status: r.status, createdAt: r.createdAt, version: r.version, report: r });
type ReportDoc = ReturnType<typeof docOf>;

export function createCloudbaseUnlistedRepository(db: CbDb, options: StoreOptions = {}): UnlistedReportRepository {
  const ctx = context(db, UNLISTED_COLLECTIONS, options);
  const reports = versionedCollection(ctx, ctx.names.reports, { toDoc: docOf, fromDoc: (d: ReportDoc) => d.report, what: '这条举报' });
  return {
    insert: (r) => setDoc(ctx, ctx.names.reports, r.id, docOf(r)),
    get: reports.get,
    list: (q) => reports.find({ where: { regionCodes: q.regionCode, status: q.status }, order: by('createdAt', 'desc', 'asc') }, q),
    save: (next, expectedVersion) => updateIfVersion(ctx, ctx.names.reports, next.id, expectedVersion, docOf(next)),
  };
}
