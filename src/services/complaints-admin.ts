/**
 * `complaints` client for officials, handlers and station heads: the queue, a case with the
 * actions the server allows, statistics, and the station's own list. Every write passes the
 * case's `version`; a CONFLICT answer means someone else acted first. Typed by `ComplaintsApi`.
 */
import type { ComplaintsApi } from '../../cloudfunctions/complaints/handler';
import { client, type Input, type Output } from './transport';

export type { ComplaintCaseView, ComplaintListItem, StatsView, TimelineItem } from '@core/complaint/api';
export type { UnitFiguresView } from '@core/complaint/figures-desk';

type In<K extends keyof ComplaintsApi> = Input<ComplaintsApi, K>;

export type QueueInput = In<'queue'>;
export type QueuePage = Output<ComplaintsApi, 'queue'>;
export type ComplaintPage = Output<ComplaintsApi, 'station'>;
/** A batch action's answer: per-case results (the desk). */
export type BatchAnswer = Output<ComplaintsApi, 'batchAccept'>;

const call = client<ComplaintsApi>('complaints');
const write = <K extends keyof ComplaintsApi & string>(action: K, input: In<K>) => call(action, input, { write: true });

export const complaintsAdmin = {
  queue: (input: QueueInput) => call('queue', input),
  detail: (input: In<'detail'>) => call('detail', input),
  /** 代录: a complaint received by phone or in person; the requestId makes a resent form a retry. */
  record: (input: In<'record'>, requestId: string) => call('record', input, { requestId }),
  accept: (input: In<'accept'>) => write('accept', input),
  refuse: (input: In<'refuse'>) => write('refuse', input),
  assign: (input: In<'assign'>) => write('assign', input),
  reply: (input: In<'reply'>) => write('reply', input),
  extend: (input: In<'extend'>) => write('extend', input),
  merge: (input: In<'merge'>) => write('merge', input),
  release: (input: In<'release'>) => write('release', input),
  note: (input: In<'note'>) => write('note', input),
  /** Assignees: 签收 or 退单 an assignment. */
  receive: (input: In<'receive'>) => write('receive', input),
  decline: (input: In<'decline'>) => write('decline', input),
  /** 延期申请: the assignee asks, the county approves or refuses. */
  requestExtension: (input: In<'requestExtension'>) => write('requestExtension', input),
  approveExtension: (input: In<'approveExtension'>) => write('approveExtension', input),
  refuseExtension: (input: In<'refuseExtension'>) => write('refuseExtension', input),
  /** 督办 by hand (city, province) and the county's answer. */
  supervise: (input: In<'supervise'>) => write('supervise', input),
  answerSupervision: (input: In<'answerSupervision'>) => write('answerSupervision', input),
  /** 转其他部门: a final state with the receiving department and its reference. */
  transfer: (input: In<'transfer'>) => write('transfer', input),
  stats: (input: In<'stats'>) => call('stats', input),
  /** 承办单位考核 (issue 11 §4): the figures, and the same as an .xlsx to download. */
  unitFigures: (input: In<'unitFigures'>) => call('unitFigures', input),
  unitFiguresExport: (input: In<'unitFiguresExport'>) => call('unitFiguresExport', input),
  /** Station heads: complaints about their station (no complainant identity unless allowed). */
  station: (input: In<'station'>) => call('station', input),
  stationDetail: (input: In<'stationDetail'>) => call('stationDetail', input),
  /** The desk: the same command on each selected case, each answered on its own. */
  batchAccept: (input: In<'batchAccept'>) => write('batchAccept', input),
  batchAssign: (input: In<'batchAssign'>) => write('batchAssign', input),
};
