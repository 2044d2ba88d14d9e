/**
 * `reports`: dashboards, period reports (.xlsx) and the 报送 chain (issue 12 §5) for county, city and
 * province officials. Its own function so the register's bundle stays within budget.
 */
import { action, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import * as rep from '../../core/report/api';
import { createReportDesk, type ReportDeskDeps } from '../../core/report/desk';

export function createReportsHandler(deps: ReportDeskDeps & RateLimitDeps, logger?: Logger) {
  const reports = createReportDesk(deps);
  return rateLimitedRouter('reports', deps, logger, serviceActions(reports, {
    options: rep.reportOptionsInput,
    figures: rep.reportFiguresInput,
    export: rep.reportFiguresInput,
    status: rep.reportFiguresInput,
    submission: rep.reportSubmissionInput,
    submit: rep.submitReportInput,
    return: action({ input: rep.returnReportInput, run: (i, c) => reports.returnReport(c.openid, { period: i.period, countyCode: i.countyCode, version: i.version, comment: i.reason }) }),
    forward: action({ input: rep.forwardReportInput, run: (i, c) => reports.forward(c.openid, { period: i.period, comment: i.note }) }),
  }));
}

/** What each action takes and answers; the app's `reports` client is typed by it. */
export type ReportsApi = ApiOf<ReturnType<typeof createReportsHandler>>;
