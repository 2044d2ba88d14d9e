/**
 * `reports`: dashboards, period reports (.xlsx) and the 报送 chain (issue 12 §5) for county, city and
 * province officials. Its own function so the register's bundle stays within budget.
 */
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import * as rep from '../../core/report/api';
import { createReportDesk, type ReportDeskDeps } from '../../core/report/desk';

export function createReportsHandler(deps: ReportDeskDeps & RateLimitDeps, logger?: Logger) {
  const reports = createReportDesk(deps);
  return createRouter(
    'reports',
    rateLimited('reports', {
      options: action({ input: rep.reportOptionsInput, run: (_i, c) => reports.options(c.openid) }),
      figures: action({ input: rep.reportFiguresInput, run: (i, c) => reports.figures(c.openid, i) }),
      export: action({ input: rep.reportFiguresInput, run: (i, c) => reports.export(c.openid, i) }),
      status: action({ input: rep.reportFiguresInput, run: (i, c) => reports.status(c.openid, i) }),
      submission: action({ input: rep.reportSubmissionInput, run: (i, c) => reports.submission(c.openid, i) }),
      submit: action({ input: rep.submitReportInput, run: (i, c) => reports.submit(c.openid, i) }),
      return: action({ input: rep.returnReportInput, run: (i, c) => reports.returnReport(c.openid, { period: i.period, countyCode: i.countyCode, version: i.version, comment: i.reason }) }),
      forward: action({ input: rep.forwardReportInput, run: (i, c) => reports.forward(c.openid, { period: i.period, comment: i.note }) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `reports` client is typed by it. */
export type ReportsApi = ApiOf<ReturnType<typeof createReportsHandler>>;
