/** `ledger`: station ledgers (台账, 第十条5). Thin: validate → the ledger service (which authorises) → envelope. */
import * as api from '../../core/ledger/api';
import { createLedgerService } from '../../core/ledger/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';

export const createLedgerHandler = serviceHandler('ledger', createLedgerService, {
  // Station heads (and operators, officials reading a station)
  month: api.monthInput,
  record: api.recordInput,
  correct: api.correctInput,
  // Operator staff
  queue: api.queueInput,
  review: api.reviewInput,
  // County, city and province officials
  totals: api.totalsInput,
});

/** What each action takes and answers; the app's `ledger` client is typed by it. */
export type LedgerApi = ApiOf<ReturnType<typeof createLedgerHandler>>;
