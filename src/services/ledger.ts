/** Station ledgers (台账, 第十条5) in the `ledger` function: the head's month, the operator's review, officials' totals. */
import type { LedgerApi } from '../../cloudfunctions/ledger/handler';
import { client, type Input } from './transport';

export type { EntryView, MonthView, QueuePage, TotalsView } from '@core/ledger/api';
export type { Totals } from '@core/ledger/rollup';

const call = client<LedgerApi>('ledger');

export const ledger = {
  month: (input: Input<LedgerApi, 'month'> = {}) => call('month', input),
  record: (input: Input<LedgerApi, 'record'>) => call('record', input, { write: true }),
  correct: (input: Input<LedgerApi, 'correct'>) => call('correct', input, { write: true }),
  queue: (input: Input<LedgerApi, 'queue'> = {}) => call('queue', input),
  review: (input: Input<LedgerApi, 'review'>) => call('review', input, { write: true }),
  totals: (input: Input<LedgerApi, 'totals'>) => call('totals', input),
};
