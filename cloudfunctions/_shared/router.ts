/**
 * The router of a function whose actions are limited per caller: the `<fn>.<action>` entries of the
 * rate-limit table (core/shared/rate-limit.ts). Apart from core/shared/router.ts so that functions
 * without an action router (mediacheck, scheduler) do not carry the table.
 */
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import { createRouter, type ActionMap, type Logger, type Router } from '../../core/shared/router';

export function rateLimitedRouter<const A extends ActionMap>(fn: string, deps: RateLimitDeps, logger: Logger | undefined, actions: A): Router<A> {
  return createRouter(fn, rateLimited(fn, actions, deps), logger);
}
