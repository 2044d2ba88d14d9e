/** The `heads` function's contracts: training sign-in, the assessment, rewards and replacement (weights: the `settings` function). */
import { isIsoDate } from '../shared/time';
import { isoDate as isoDateFormat, optionalText, regionCode, text, z } from '../shared/zod';

const isoDate = isoDateFormat.check(z.refine(isIsoDate, '没有这一天，请检查日期'));
const period = z.string().check(z.regex(/^20\d\d(Q[1-4])?$/, '考核期写成 2026Q4 或 2026'));
const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对'));

// Heads
export const myTrainingInput = z.strictObject({});
export const signInInput = z.strictObject({ code: z.string().check(z.trim(), z.minLength(4, '请输入签到码'), z.maxLength(12, '签到码不对')) });
export const mineInput = z.strictObject({ period: z.optional(period) });

// Operators
export const openSessionInput = z.strictObject({
  kind: z.enum(['pre_job', 'annual'], '请选择培训类型'),
  title: text(60, '培训名称'),
  date: isoDate,
  days: z.number().check(z.gt(0, '天数要大于 0'), z.lte(60, '天数太多了')),
});
export const sessionsInput = z.strictObject({});

// Officials
export const listInput = z.strictObject({ period: z.optional(period), regionCode: z.optional(regionCode) });
export const rewardInput = z.strictObject({ stationId, period, note: text(200, '表彰说明') });
export const replaceInput = z.strictObject({ stationId, period, note: text(200, '更换原因'), applicationId: z.optional(id) });
export const reserveInput = z.strictObject({ stationId });
export const noteInput = optionalText;
