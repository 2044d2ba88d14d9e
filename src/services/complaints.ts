/**
 * `complaints` client for residents: "already reported?", file (with the draft's request id so a
 * retry after a lost answer cannot file twice), "我也遇到了", my complaints, one complaint,
 * withdraw, evaluate, and the station's public figures. Typed by `ComplaintsApi` (types only:
 * the server modules pull in zod).
 */
import type { ComplaintsApi } from '../../cloudfunctions/complaints/handler';
import { client, type Input, type Output } from './transport';

export type { ComplaintListItem, ComplaintView, PublicStationStats, SimilarItem, TimelineItem } from '@core/complaint/api';

type In<K extends keyof ComplaintsApi> = Input<ComplaintsApi, K>;

export type SubmitComplaintInput = In<'submit'>;
export type EvaluateInput = In<'evaluate'>;
export type MyComplaintsPage = Output<ComplaintsApi, 'mine'>;
/** `added: false`: this person had already joined. */
export type JoinResult = Output<ComplaintsApi, 'join'>;

const call = client<ComplaintsApi>('complaints');

export const complaints = {
  similar: (input: In<'similar'>) => call('similar', input),
  /** `requestId` is the draft's: the same id on every retry of the same complaint. */
  submit: (input: SubmitComplaintInput, requestId: string) => call('submit', input, { requestId }),
  join: (input: In<'join'>) => call('join', input, { write: true }),
  /** A 代录 complaint becomes the caller's: its tracking number and the call-back phone given. */
  claim: (input: In<'claim'>) => call('claim', input, { write: true }),
  mine: (input: In<'mine'> = {}) => call('mine', input),
  get: (input: In<'get'>) => call('get', input),
  withdraw: (input: In<'withdraw'>) => call('withdraw', input, { write: true }),
  evaluate: (input: EvaluateInput) => call('evaluate', input, { write: true }),
  /** 补充材料 while the case is open (text, photos). */
  supplement: (input: In<'supplement'>) => call('supplement', input, { write: true }),
  /** The answer to "问题还在吗？". */
  recheck: (input: In<'recheck'>) => call('recheck', input, { write: true }),
  publicStats: (input: In<'publicStats'>) => call('publicStats', input),
};
