/**
 * `register`: the officials' station register — template, preview and import a spreadsheet, export —
 * certification (./certify.ts) and coverage. Station edits, rectification and 冒名站点举报 are the
 * `upkeep` function's.
 */
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import * as api from '../../core/station/register-api';
import { createRegisterDesk, type RegisterDeskDeps } from '../../core/station/register';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import type { CertificationDeskDeps } from '../../core/station/certification-desk';
import { certifyActions } from './certify';
import * as cov from '../../core/station/coverage-desk';

export function createRegisterHandler(deps: RegisterDeskDeps & CertificationDeskDeps & cov.CoverageDeskDeps & RateLimitDeps, logger?: Logger) {
  const desk = createRegisterDesk(deps);
  const coverage = cov.createCoverageDesk(deps);
  return createRouter(
    'register',
    rateLimited('register', {
      template: action({ input: api.templateInput, run: (_i, c) => desk.template(c.openid) }),
      preview: action({ input: api.previewInput, run: (i, c) => desk.preview(c.openid, i) }),
      import: action({ input: api.importInput, run: (i, c) => desk.import(c.openid, i) }),
      export: action({ input: api.exportInput, run: (i, c) => desk.export(c.openid, i) }),
      ...certifyActions(deps),
      // Coverage of a county's network (issue 12 §4)
      coverageCounties: action({ input: cov.coverageCountiesInput, run: (_i, c) => coverage.counties(c.openid) }),
      coverage: action({ input: cov.coverageInput, run: (i, c) => coverage.coverage(c.openid, i) }),
      // The county's poverty-village list (脱贫村), checked then imported
      povertyPreview: action({ input: cov.povertyImportInput, run: (i, c) => coverage.importPoverty(c.openid, i, true) }),
      povertyImport: action({ input: cov.povertyImportInput, run: (i, c) => coverage.importPoverty(c.openid, i, false) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `register` client is typed by it. */
export type RegisterApi = ApiOf<ReturnType<typeof createRegisterHandler>>;
