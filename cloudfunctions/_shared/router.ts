/**
 * The router of a function whose actions are limited per caller: the `<fn>.<action>` entries of the
 * rate-limit table (core/shared/rate-limit.ts). Apart from core/shared/router.ts so that functions
 * without an action router (mediacheck, scheduler) do not carry the table.
 */
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import { createRouter, serviceActions, type ActionMap, type Logger, type Router, type ServiceActions, type ServiceEntry } from '../../core/shared/router';

export function rateLimitedRouter<const A extends ActionMap>(fn: string, deps: RateLimitDeps, logger: Logger | undefined, actions: A): Router<A> {
  return createRouter(fn, rateLimited(fn, actions, deps), logger);
}

/**
 * The handler of a function whose actions are all methods of one service (see `serviceActions`):
 * `serviceHandler('ledger', createLedgerService, { month: api.monthInput, … })` is
 * `(deps, logger?) => rateLimitedRouter('ledger', deps, logger, serviceActions(createLedgerService(deps), { … }))`.
 * Where an entry is an action that needs the service itself, the entries are a function of it:
 * `serviceHandler('ratings', createRatingService, (s) => ({ …, submit: withRequestId(api.submitInput, s.submit) }))`.
 */
export function serviceHandler<D, Svc, const M extends { [K in keyof M]: ServiceEntry<Svc, K> }>(fn: string, create: (deps: D) => Svc, entries: M | ((service: Svc) => M)) {
  return (deps: D & RateLimitDeps, logger?: Logger): Router<ServiceActions<Svc, M>> => {
    const service = create(deps);
    return rateLimitedRouter(fn, deps, logger, serviceActions(service, typeof entries === 'function' ? entries(service) : entries));
  };
}
