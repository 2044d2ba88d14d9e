/** The `ratings` function's contract. */
import { optionalText, text, z } from '../shared/zod';
import type { Dimension, HoldReason, RatingStatus } from './model';
import { MAX_COMMENT, MAX_REPLY } from './limits';
import type { ScoreSummary } from './rules';

const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对'));
const star = z.int('请打 1 到 5 星').check(z.gte(1, '最少 1 星'), z.lte(5, '最多 5 星'));
const cursor = z.optional(z.string().check(z.maxLength(40, '翻页参数无效')));
const limit = z.optional(z.int().check(z.gte(1), z.lte(50, '每页最多 50 条')));

export { MAX_COMMENT };

export const visitInput = z.strictObject({ scene: z.string().check(z.minLength(1, '二维码无效'), z.maxLength(32, '二维码无效')) });
export const submitInput = z.strictObject({
  stationId,
  scores: z.strictObject({ attitude: star, pricing: star, cleanliness: star, efficiency: star }),
  comment: optionalText(MAX_COMMENT, '评价内容'),
  visitToken: z.optional(z.string().check(z.maxLength(200, '到店凭证无效'))),
});
export const mineInput = z.strictObject({ cursor, limit });
export const listInput = z.strictObject({ stationId, cursor, limit });
export const summaryInput = z.strictObject({ stationId });
export const replyInput = z.strictObject({ id, text: text(MAX_REPLY, '回复') });
export const heldInput = z.strictObject({ cursor, limit });
export const decideInput = z.strictObject({ id, version: z.int().check(z.gte(1)) });
export const reportInput = z.strictObject({ stationId, kind: z.enum(['induced_praise', 'harassment'], '请选择情况'), text: optionalText(300, '情况说明') });
export const trendsInput = z.strictObject({ days: z.optional(z.int().check(z.gte(7), z.lte(365))) });
export const codeInput = z.strictObject({ stationId });

export interface RatingView {
  id: string;
  stationId: string;
  stationName: string;
  scores: Record<Dimension, number>;
  comment: string;
  visitVerified: boolean;
  status: RatingStatus;
  statusLabel: string;
  createdAt: string;
  reply: { text: string; at: string } | null;
  /** For officials: why it is held. */
  holdReasons?: { code: HoldReason; label: string }[];
  version?: number;
  /** Public lists show no rater identity. */
  mine?: boolean;
}

export interface SummaryView extends ScoreSummary {
  stationId: string;
  /** True when the caller may rate (not a manager of the station). */
  canRate?: boolean;
}

export interface SubmitResult {
  rating: RatingView;
  /** Set when an earlier rating inside the 30-day window was replaced. */
  replacedMessage: string | null;
  /** Set when the rating is held for review instead of published. */
  heldMessage: string | null;
}
