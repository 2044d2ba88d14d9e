/** The contract of the report actions on the `register` function (issue 12 §5): zod inputs. */
import { regionCode, text, optionalText, z } from '../shared/zod';
import { PERIOD_PATTERN } from './period';

const period = z.string().check(z.regex(PERIOD_PATTERN, '报表期间应为 2026Q4 或 2026 这样的季度或年度'));
const county = z.string().check(z.regex(/^36\d{4}$/, '请选择一个县（市、区）'));

export const reportOptionsInput = z.strictObject({});
export const reportFiguresInput = z.strictObject({ regionCode: z.optional(regionCode), period: z.optional(period) });
export const reportSubmissionInput = z.strictObject({ regionCode, period });
export const submitReportInput = z.strictObject({ period });
export const returnReportInput = z.strictObject({ period, countyCode: county, version: z.int().check(z.gte(1)), reason: text(300, '退回原因', { min: 2, tooShort: '请写明退回原因' }) });
export const forwardReportInput = z.strictObject({ period, note: optionalText(300, '说明') });
