/**
 * `upkeep`: keeping stations true after they are certified — station edits and temporary closures
 * reviewed by the county (第十条3, ./edits.ts), idle candidates and rectification orders (第十一条6,
 * ./rectify.ts), and 冒名站点举报 (第十一条7). Apart from `register` so each bundle stays within its budget.
 */
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import type { RectificationDeskDeps } from '../../core/station/rectification-desk';
import { editActions, type EditActionDeps } from './edits';
import { rectifyActions } from './rectify';
import * as unl from '../../core/station/unlisted';

export function createUpkeepHandler(deps: RectificationDeskDeps & EditActionDeps & unl.UnlistedDeps & RateLimitDeps, logger?: Logger) {
  const unlisted = unl.createUnlistedReports(deps);
  return rateLimitedRouter('upkeep', deps, logger, {
    ...editActions(deps),
    ...rectifyActions(deps),
    // 冒名站点举报 sent in by villagers (第十一条7): the county checks and closes them
    ...serviceActions(unlisted, { unlistedReports: ['list', unl.unlistedReportsInput], handleUnlisted: ['handle', unl.handleUnlistedInput] }),
  });
}

/** What each action takes and answers; the app's edits and rectification clients are typed by it. */
export type UpkeepApi = ApiOf<ReturnType<typeof createUpkeepHandler>>;
