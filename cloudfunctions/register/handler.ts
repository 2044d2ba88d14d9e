/**
 * `register`: the officials' station register — template, preview and import a spreadsheet, export —
 * certification (./certify.ts) and coverage. Station edits, rectification and 冒名站点举报 are the
 * `upkeep` function's.
 */
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import { variants } from '../_shared/actions';
import * as api from '../../core/station/register-api';
import { createRegisterDesk, type RegisterDeskDeps } from '../../core/station/register';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import type { CertificationDeskDeps } from '../../core/station/certification-desk';
import { certifyActions } from './certify';
import * as cov from '../../core/station/coverage-desk';

export function createRegisterHandler(deps: RegisterDeskDeps & CertificationDeskDeps & cov.CoverageDeskDeps & RateLimitDeps, logger?: Logger) {
  const desk = createRegisterDesk(deps);
  const coverage = cov.createCoverageDesk(deps);
  return rateLimitedRouter('register', deps, logger, serviceActions(desk, {
    template: api.templateInput,
    preview: api.previewInput,
    import: api.importInput,
    export: api.exportInput,
    ...certifyActions(deps),
    // Coverage of a county's network (issue 12 §4)
    ...serviceActions(coverage, { coverageCounties: ['counties', cov.coverageCountiesInput], coverage: cov.coverageInput }),
    // The county's poverty-village list (脱贫村), checked then imported
    ...variants(cov.povertyImportInput, coverage.importPoverty, { povertyPreview: true, povertyImport: false }),
  }));
}

/** What each action takes and answers; the app's `register` client is typed by it. */
export type RegisterApi = ApiOf<ReturnType<typeof createRegisterHandler>>;
