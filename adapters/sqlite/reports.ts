/**
 * Report submissions (报送) on SQLite (core/report/submission.ts): the document plus the period and
 * region code the province's list needs. test/contract/reports.test.ts runs the same contract on CloudBase.
 */
import { AppError, staleConflict } from '../../core/shared/errors';
import type { ReportRepository, ReportSubmission } from '../../core/report/submission';
import { guarded, type Db } from './db';
import { docOf, docsOf } from './sql';

export function createSqliteReportRepository(db: Db): ReportRepository {
  const one = db.prepare('SELECT doc FROM report_submissions WHERE id = ?').pluck();
  const insert = db.prepare('INSERT OR IGNORE INTO report_submissions (id, period, region_code, version, doc) VALUES (@id, @period, @regionCode, @version, @doc)');
  const update = db.prepare('UPDATE report_submissions SET version = @version, doc = @doc WHERE id = @id AND version = @expectedVersion');
  const list = db.prepare('SELECT doc FROM report_submissions WHERE period = ? AND substr(region_code, 1, ?) = ? ORDER BY region_code').pluck();
  const row = (s: ReportSubmission) => ({ id: s.id, period: s.period, regionCode: s.regionCode, version: s.version, doc: JSON.stringify(s) });
  return {
    get: (id) => guarded(() => docOf<ReportSubmission>(one.get(id))),
    save: (next, expectedVersion) =>
      guarded(() => {
        if (expectedVersion === null) {
          if (insert.run(row(next)).changes === 0) throw new AppError('CONFLICT', '本期报告已经有了，请刷新后再试');
        } else if (update.run({ ...row(next), expectedVersion }).changes === 0) throw staleConflict('这份报告');
      }),
    list: (q) => guarded(() => docsOf<ReportSubmission>(list.all(q.period, q.regionCode.length, q.regionCode) as string[])),
  };
}
