/**
 * `complaints` client for officials, handlers and station heads: the queue, a case with the
 * actions the server allows, statistics, and the station's own list. Every write passes the
 * case's `version`; a CONFLICT answer means someone else acted first.
 */
import type * as api from '@core/complaint/api';
import type { ComplaintCaseView, ComplaintListItem, StatsView } from '@core/complaint/api';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

export type { ComplaintCaseView, ComplaintListItem, StatsView, TimelineItem } from '@core/complaint/api';

type In<S extends z.ZodMiniType> = z.infer<S>;

export type QueueInput = In<typeof api.queueInput>;

export interface QueuePage {
  items: ComplaintListItem[];
  nextCursor: string | null;
  calendarWarning: string | null;
}

export interface ComplaintPage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

const FN = 'complaints';
const write = <T>(action: string, data: object) => callFunction<T>(FN, action, data, { write: true });

export const complaintsAdmin = {
  queue: (input: QueueInput) => callFunction<QueuePage>(FN, 'queue', input),
  detail: (input: In<typeof api.detailInput>) => callFunction<ComplaintCaseView>(FN, 'detail', input),
  accept: (input: In<typeof api.acceptInput>) => write<ComplaintCaseView>('accept', input),
  refuse: (input: In<typeof api.refuseInput>) => write<ComplaintCaseView>('refuse', input),
  assign: (input: In<typeof api.assignInput>) => write<ComplaintCaseView>('assign', input),
  reply: (input: In<typeof api.replyInput>) => write<ComplaintCaseView>('reply', input),
  extend: (input: In<typeof api.extendInput>) => write<ComplaintCaseView>('extend', input),
  merge: (input: In<typeof api.mergeInput>) => write<ComplaintCaseView>('merge', input),
  release: (input: In<typeof api.releaseInput>) => write<ComplaintCaseView>('release', input),
  note: (input: In<typeof api.noteInput>) => write<ComplaintCaseView>('note', input),
  stats: (input: In<typeof api.statsInput>) => callFunction<StatsView>(FN, 'stats', input),
  /** Station heads: complaints about their station (no complainant identity unless allowed). */
  station: (input: In<typeof api.stationListInput>) => callFunction<ComplaintPage>(FN, 'station', input),
  stationDetail: (input: In<typeof api.detailInput>) => callFunction<ComplaintCaseView>(FN, 'stationDetail', input),
};
