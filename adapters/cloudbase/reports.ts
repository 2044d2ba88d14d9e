/**
 * Report submissions (报送) in CloudBase (core/report/submission.ts). Collection
 * `report_submissions` (`_id` = `${period}:${regionCode}`; the record under `report` plus period,
 * regionCodes, version for the province's list). Behaviour matches adapters/sqlite/reports.ts
 * (test/contract/reports.test.ts).
 */
import { AppError } from '../../core/shared/errors';
import type { ReportRepository, ReportSubmission } from '../../core/report/submission';
import { context, transact, txGet, txSaveVersioned, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const REPORT_COLLECTIONS = { reports: 'report_submissions' } as const;

/** The code and its ancestors (`regionCodes`), so a prefix query is an equality on an array field. */
const ancestors = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
const docOf = (s: ReportSubmission) => ({ period: s.period, regionCode: s.regionCode, regionCodes: ancestors(s.regionCode), version: s.version, report: s });
type ReportDoc = ReturnType<typeof docOf>;

export function createCloudbaseReportRepository(db: CbDb, options: StoreOptions = {}): ReportRepository {
  const ctx = context(db, REPORT_COLLECTIONS, options);
  const reports = versionedCollection(ctx, ctx.names.reports, { toDoc: docOf, fromDoc: (d: ReportDoc) => d.report, what: '这份报告' });
  return {
    get: reports.get,
    async save(next, expectedVersion) {
      await transact(ctx, async (tx) => {
        if (expectedVersion === null && (await txGet(ctx, tx, ctx.names.reports, next.id))) throw new AppError('CONFLICT', '本期报告已经有了，请刷新后再试');
        await txSaveVersioned(ctx, tx, ctx.names.reports, next.id, docOf(next), expectedVersion, '这份报告');
      });
    },
    list: (q) => reports.findAll({ where: { period: q.period, regionCodes: q.regionCode }, order: [['regionCode', 'asc']] }),
  };
}
