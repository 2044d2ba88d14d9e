/**
 * `ratings` client for residents: proof of visit from a scanned code, rate (with a request id
 * kept for retries), my ratings, a station's published ratings and summary, and the "pressured
 * to rate" report. Only types come from core/rating/api.ts (the module itself pulls in zod).
 */
import type * as api from '@core/rating/api';
import type { RatingView, SubmitResult, SummaryView } from '@core/rating/api';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

export type { RatingView, SubmitResult, SummaryView } from '@core/rating/api';

type In<S extends z.ZodMiniType> = z.infer<S>;

export type SubmitRatingInput = In<typeof api.submitInput>;
export type ReportInput = In<typeof api.reportInput>;

export interface VisitResult {
  stationId: string;
  stationName: string;
  visitToken: string;
  expiresAt: string;
}

export interface RatingPage {
  items: RatingView[];
  nextCursor: string | null;
}

const FN = 'ratings';

export const ratings = {
  visit: (input: In<typeof api.visitInput>) => callFunction<VisitResult>(FN, 'visit', input),
  /** `requestId` stays the same while the same rating is retried. */
  submit: (input: SubmitRatingInput, requestId: string) => callFunction<SubmitResult>(FN, 'submit', input, { requestId }),
  mine: (input: In<typeof api.mineInput> = {}) => callFunction<RatingPage>(FN, 'mine', input),
  list: (input: In<typeof api.listInput>) => callFunction<RatingPage>(FN, 'list', input),
  summary: (input: In<typeof api.summaryInput>) => callFunction<SummaryView>(FN, 'summary', input),
  report: (input: ReportInput) => callFunction<{ received: boolean }>(FN, 'report', input, { write: true }),
};
