/**
 * `upkeep`: keeping stations true after they are certified — station edits and temporary closures
 * reviewed by the county (第十条3, ./edits.ts), idle candidates and rectification orders (第十一条6,
 * ./rectify.ts). Apart from `register` so each bundle stays within its budget.
 */
import { createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import type { RectificationDeskDeps } from '../../core/station/rectification-desk';
import { editActions, type EditActionDeps } from './edits';
import { rectifyActions } from './rectify';

export function createUpkeepHandler(deps: RectificationDeskDeps & EditActionDeps & RateLimitDeps, logger?: Logger) {
  return createRouter('upkeep', rateLimited('upkeep', { ...editActions(deps), ...rectifyActions(deps) }, deps), logger);
}

/** What each action takes and answers; the app's edits and rectification clients are typed by it. */
export type UpkeepApi = ApiOf<ReturnType<typeof createUpkeepHandler>>;
