/**
 * `ratings` client for officials: held ratings (publish / reject), per-station trends and
 * "pressured to rate" reports; the station's printable code for heads and officials.
 */
import type * as api from '@core/rating/api';
import type { RatingView } from '@core/rating/api';
import type { createRatingService } from '@core/rating/service';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

export type { RatingView } from '@core/rating/api';

type In<S extends z.ZodMiniType> = z.infer<S>;
type RatingService = ReturnType<typeof createRatingService>;
type Out<K extends keyof RatingService> = Awaited<ReturnType<RatingService[K]>>;

export type TrendsView = Out<'trends'>;
export type TrendRow = TrendsView['stations'][number];
export type PressureReport = TrendsView['pressureReports'][number];
export type StationCode = Out<'code'>;

export interface HeldPage {
  items: RatingView[];
  nextCursor: string | null;
}

const FN = 'ratings';

export const ratingsAdmin = {
  held: (input: In<typeof api.heldInput> = {}) => callFunction<HeldPage>(FN, 'held', input),
  publish: (input: In<typeof api.decideInput>) => callFunction<RatingView>(FN, 'publish', input, { write: true }),
  reject: (input: In<typeof api.decideInput>) => callFunction<RatingView>(FN, 'reject', input, { write: true }),
  trends: (input: In<typeof api.trendsInput> = {}) => callFunction<TrendsView>(FN, 'trends', input),
  code: (input: In<typeof api.codeInput>) => callFunction<StationCode>(FN, 'code', input),
};
