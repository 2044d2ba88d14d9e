/** `ledger`: station ledgers (台账, 第十条5). Thin: validate → the ledger service (which authorises) → envelope. */
import * as api from '../../core/ledger/api';
import { createLedgerService, type LedgerDeps } from '../../core/ledger/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createLedgerHandler(deps: LedgerDeps & RateLimitDeps, logger?: Logger) {
  const s = createLedgerService(deps);
  return createRouter(
    'ledger',
    rateLimited('ledger', {
      // Station heads (and operators, officials reading a station)
      month: action({ input: api.monthInput, run: (i, c) => s.month(c.openid, i) }),
      record: action({ input: api.recordInput, run: (i, c) => s.record(c.openid, i) }),
      correct: action({ input: api.correctInput, run: (i, c) => s.correct(c.openid, i) }),
      // Operator staff
      queue: action({ input: api.queueInput, run: (i, c) => s.queue(c.openid, i) }),
      review: action({ input: api.reviewInput, run: (i, c) => s.review(c.openid, i) }),
      // County, city and province officials
      totals: action({ input: api.totalsInput, run: (i, c) => s.totals(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `ledger` client is typed by it. */
export type LedgerApi = ApiOf<ReturnType<typeof createLedgerHandler>>;
