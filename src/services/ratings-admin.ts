/**
 * `ratings` client for officials: held ratings (publish / reject), per-station trends and
 * "pressured to rate" reports; the station's printable code for heads and officials.
 * Typed by `RatingsApi`.
 */
import type { RatingsApi } from '../../cloudfunctions/ratings/handler';
import { client, type Input, type Output } from './transport';

export type { RatingView } from '@core/rating/api';

type In<K extends keyof RatingsApi> = Input<RatingsApi, K>;

export type TrendsView = Output<RatingsApi, 'trends'>;
export type TrendRow = TrendsView['stations'][number];
export type PressureReport = TrendsView['pressureReports'][number];
export type StationCode = Output<RatingsApi, 'code'>;
export type HeldPage = Output<RatingsApi, 'held'>;

const call = client<RatingsApi>('ratings');

export const ratingsAdmin = {
  held: (input: In<'held'> = {}) => call('held', input),
  publish: (input: In<'publish'>) => call('publish', input, { write: true }),
  reject: (input: In<'reject'>) => call('reject', input, { write: true }),
  trends: (input: In<'trends'> = {}) => call('trends', input),
  code: (input: In<'code'>) => call('code', input),
};
