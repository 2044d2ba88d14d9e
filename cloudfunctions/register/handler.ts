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

export function createRegisterHandler(deps: RegisterDeskDeps & RectificationDeskDeps & CertificationDeskDeps & EditActionDeps & RateLimitDeps, logger?: Logger) {
  const desk = createRegisterDesk(deps);
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
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `register` client is typed by it. */
export type RegisterApi = ApiOf<ReturnType<typeof createRegisterHandler>>;
