/**
 * The one place the core imports zod. `zod/mini` keeps each function bundle and the
 * mini-program small (full `zod` bundles ~760 KB of locales); messages are ours, in Chinese.
 */
import * as z from 'zod/mini';

export { z };

export const text = (max: number, label = '内容') =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));

export const optionalText = (max: number, label = '内容') =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)));

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
export const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:MM'));
export const phone = z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12345|12315|400-?\d{3}-?\d{4})$/, '电话号码格式不对'));
export const regionCode = z.string().check(z.regex(/^36(\d{2}|\d{4}|\d{7}|\d{10})?$/, '地区代码不对'));
export const latitude = z.number().check(z.gte(-90, '纬度应在 -90 到 90 之间'), z.lte(90, '纬度应在 -90 到 90 之间'));
export const longitude = z.number().check(z.gte(-180, '经度应在 -180 到 180 之间'), z.lte(180, '经度应在 -180 到 180 之间'));
