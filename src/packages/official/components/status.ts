import type { ComplaintStatus } from '@core/complaint/model';

/** Words for a case's escalation level (0: none). */
export const ESCALATION_TEXT = ['', '市级督办', '省级督办'];

/** The queue's status filter, on the phone list and the desk alike. */
export const STATUS_CHIPS: [ComplaintStatus | 'all', string][] = [
  ['all', '全部'],
  ['submitted', '待受理'],
  ['accepted', '已受理'],
  ['assigned', '已转办'],
  ['replied', '已答复'],
  ['closed', '已办结'],
  ['refused', '不予受理'],
];
