/**
 * Ratings (docs/product.md §4): four dimensions from 第十条, one rating per person per station per
 * 30 days, proof of visit, smoothed published score, burst holding, one public reply.
 */

import { labelled } from '../shared/labelled';
export const { pairs: DIMENSIONS, codes: DIMENSION_CODES, labels: DIMENSION_LABELS } = labelled([
  ['attitude', '服务态度'],
  ['pricing', '明码标价/收费合理'],
  ['cleanliness', '环境整洁'],
  ['efficiency', '办事效率'],
]);
export type Dimension = (typeof DIMENSION_CODES)[number];

export type Scores = Record<Dimension, number>;

export const { codes: RATING_STATUSES, labels: RATING_STATUS_LABELS } = labelled({ published: '已公开', held: '审核中', rejected: '未通过审核', replaced: '已被新评价替换' });
export type RatingStatus = (typeof RATING_STATUSES)[number];

export type HoldReason = 'burst' | 'new_accounts' | 'content_review' | 'content_error';
export const HOLD_LABELS: Record<HoldReason, string> = {
  burst: '该站点短时间内评价异常增多',
  new_accounts: '新账号集中评价',
  content_review: '评价内容需人工审核',
  content_error: '内容检查暂不可用，待人工审核',
};

export interface Rating {
  id: string;
  stationId: string;
  stationName: string;
  operatorName: string;
  regionCodes: string[];
  raterOpenid: string;
  scores: Scores;
  comment: string;
  /** 到店评价: made with a valid visit token from the station's signed code. */
  visitVerified: boolean;
  status: RatingStatus;
  holdReasons: HoldReason[];
  createdAt: string;
  /** The rating this one replaced inside the 30-day window, if any. */
  replaces: string | null;
  reply: { text: string; at: string } | null;
  version: number;
}

/** Per-station published aggregate; changes in the same transaction as the rating. */
export interface RatingAggregate {
  stationId: string;
  count: number;
  sums: Scores;
  visitVerified: number;
  updatedAt: string;
}

export interface PressureReport {
  id: string;
  stationId: string;
  regionCodes: string[];
  reporterOpenid: string;
  kind: 'induced_praise' | 'harassment';
  text: string;
  createdAt: string;
}
