/** `register`: the officials' station register — template, preview and import a spreadsheet, export. */
import type { Caller } from '../../core/shared/caller';
import { action, createRouter, type Logger } from '../../core/shared/router';
import * as api from '../../core/station/register-api';
import { createRegisterDesk, type RegisterDeskDeps } from '../../core/station/register';

export function createRegisterHandler(deps: RegisterDeskDeps, logger?: Logger) {
  const desk = createRegisterDesk(deps);
  return createRouter<Caller>(
    'register',
    {
      template: action({ input: api.templateInput, run: (_i, c) => desk.template(c.openid) }),
      preview: action({ input: api.previewInput, run: (i, c) => desk.preview(c.openid, i) }),
      import: action({ input: api.importInput, run: (i, c) => desk.import(c.openid, i) }),
      export: action({ input: api.exportInput, run: (i, c) => desk.export(c.openid, i) }),
    },
    logger,
  );
}
