/**
 * `complaints` client for residents: "already reported?", file (with the draft's request id so a
 * retry after a lost answer cannot file twice), "我也遇到了", my complaints, one complaint,
 * withdraw, evaluate, and the station's public figures. Only types come from
 * core/complaint/api.ts (the module itself pulls in zod).
 */
import type * as api from '@core/complaint/api';
import type { ComplaintListItem, ComplaintView, PublicStationStats, SimilarItem } from '@core/complaint/api';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

export type { ComplaintListItem, ComplaintView, PublicStationStats, SimilarItem, TimelineItem } from '@core/complaint/api';

type In<S extends z.ZodMiniType> = z.infer<S>;

export type SubmitComplaintInput = In<typeof api.submitInput>;
export type EvaluateInput = In<typeof api.evaluateInput>;

export interface MyComplaintsPage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

export interface JoinResult {
  supporters: number;
  /** false: this person had already joined. */
  added: boolean;
}

const FN = 'complaints';

export const complaints = {
  similar: (input: In<typeof api.similarInput>) => callFunction<SimilarItem[]>(FN, 'similar', input),
  /** `requestId` is the draft's: the same id on every retry of the same complaint. */
  submit: (input: SubmitComplaintInput, requestId: string) => callFunction<ComplaintView>(FN, 'submit', input, { requestId }),
  join: (input: In<typeof api.joinInput>) => callFunction<JoinResult>(FN, 'join', input, { write: true }),
  mine: (input: In<typeof api.mineInput> = {}) => callFunction<MyComplaintsPage>(FN, 'mine', input),
  get: (input: In<typeof api.getInput>) => callFunction<ComplaintView>(FN, 'get', input),
  withdraw: (input: In<typeof api.withdrawInput>) => callFunction<ComplaintView>(FN, 'withdraw', input, { write: true }),
  evaluate: (input: EvaluateInput) => callFunction<ComplaintView>(FN, 'evaluate', input, { write: true }),
  publicStats: (input: In<typeof api.publicStatsInput>) => callFunction<PublicStationStats>(FN, 'publicStats', input),
};
