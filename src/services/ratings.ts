/**
 * `ratings` client for residents: proof of visit from a scanned code, rate (with a request id
 * kept for retries), my ratings, a station's published ratings and summary, and the "pressured
 * to rate" report. Typed by `RatingsApi` (types only: the server modules pull in zod).
 */
import type { RatingsApi } from '../../cloudfunctions/ratings/handler';
import { client, type Input, type Output } from './transport';

export type { RatingView, SubmitResult, SummaryView } from '@core/rating/api';

type In<K extends keyof RatingsApi> = Input<RatingsApi, K>;

export type SubmitRatingInput = In<'submit'>;
export type ReportInput = In<'report'>;
export type VisitResult = Output<RatingsApi, 'visit'>;
export type RatingPage = Output<RatingsApi, 'list'>;

const call = client<RatingsApi>('ratings');

export const ratings = {
  visit: (input: In<'visit'>) => call('visit', input),
  /** `requestId` stays the same while the same rating is retried. */
  submit: (input: SubmitRatingInput, requestId: string) => call('submit', input, { requestId }),
  mine: (input: In<'mine'> = {}) => call('mine', input),
  list: (input: In<'list'>) => call('list', input),
  summary: (input: In<'summary'>) => call('summary', input),
  report: (input: ReportInput) => call('report', input, { write: true }),
};
