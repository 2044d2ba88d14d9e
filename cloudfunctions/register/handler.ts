/** `register`: the officials' station register — template, preview and import a spreadsheet, export — station edits (./edits.ts), rectification orders (./rectify.ts) and certification (./certify.ts). */
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import * as api from '../../core/station/register-api';
import { createRegisterDesk, type RegisterDeskDeps } from '../../core/station/register';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import type { RectificationDeskDeps } from '../../core/station/rectification-desk';
import { editActions, type EditActionDeps } from './edits';
import { rectifyActions } from './rectify';
import type { CertificationDeskDeps } from '../../core/station/certification-desk';
import { certifyActions } from './certify';
import * as cov from '../../core/station/coverage-desk';
import * as unl from '../../core/station/unlisted';
import * as rep from '../../core/report/api';
import { createReportDesk, type ReportDeskDeps } from '../../core/report/desk';

export function createRegisterHandler(deps: RegisterDeskDeps & RectificationDeskDeps & CertificationDeskDeps & EditActionDeps & cov.CoverageDeskDeps & unl.UnlistedDeps & ReportDeskDeps & RateLimitDeps, logger?: Logger) {
  const desk = createRegisterDesk(deps);
  const coverage = cov.createCoverageDesk(deps);
  const unlisted = unl.createUnlistedReports(deps);
  const reports = createReportDesk(deps);
  return createRouter(
    'register',
    rateLimited('register', {
      template: action({ input: api.templateInput, run: (_i, c) => desk.template(c.openid) }),
      preview: action({ input: api.previewInput, run: (i, c) => desk.preview(c.openid, i) }),
      import: action({ input: api.importInput, run: (i, c) => desk.import(c.openid, i) }),
      export: action({ input: api.exportInput, run: (i, c) => desk.export(c.openid, i) }),
      ...editActions(deps),
      ...rectifyActions(deps),
      ...certifyActions(deps),
      // Coverage of a county's network (issue 12 §4)
      coverageCounties: action({ input: cov.coverageCountiesInput, run: (_i, c) => coverage.counties(c.openid) }),
      coverage: action({ input: cov.coverageInput, run: (i, c) => coverage.coverage(c.openid, i) }),
      // 冒名站点举报 sent in by villagers (第十一条7)
      unlistedReports: action({ input: unl.unlistedReportsInput, run: (i, c) => unlisted.list(c.openid, i) }),
      handleUnlisted: action({ input: unl.handleUnlistedInput, run: (i, c) => unlisted.handle(c.openid, i) }),
      // Dashboards, period reports and 报送 (issue 12 §5)
      reportOptions: action({ input: rep.reportOptionsInput, run: (_i, c) => reports.options(c.openid) }),
      reportFigures: action({ input: rep.reportFiguresInput, run: (i, c) => reports.figures(c.openid, i) }),
      reportExport: action({ input: rep.reportFiguresInput, run: (i, c) => reports.export(c.openid, i) }),
      reportStatus: action({ input: rep.reportFiguresInput, run: (i, c) => reports.status(c.openid, i) }),
      reportSubmission: action({ input: rep.reportSubmissionInput, run: (i, c) => reports.submission(c.openid, i) }),
      submitReport: action({ input: rep.submitReportInput, run: (i, c) => reports.submit(c.openid, i) }),
      returnReport: action({ input: rep.returnReportInput, run: (i, c) => reports.returnReport(c.openid, { period: i.period, countyCode: i.countyCode, version: i.version, comment: i.reason }) }),
      forwardReport: action({ input: rep.forwardReportInput, run: (i, c) => reports.forward(c.openid, { period: i.period, comment: i.note }) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `register` client is typed by it. */
export type RegisterApi = ApiOf<ReturnType<typeof createRegisterHandler>>;
