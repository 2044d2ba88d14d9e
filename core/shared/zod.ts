/**
 * The one place the core imports zod. `zod/mini` keeps each function bundle and the
 * mini-program small (full `zod` bundles ~760 KB of locales); messages are ours, in Chinese.
 */
import * as z from 'zod/mini';
import { CALLBACK_PHONE, visibleLength } from './limits';

export { z };

export interface TextRule {
  /** Fewest visible characters (default 1: not blank). */
  min?: number;
  /** Message when shorter (default: 请填写<label> / <label>至少 N 个字). */
  tooShort?: string;
  /** Message when longer (default: <label>最多 N 个字). */
  tooLong?: string;
}

/**
 * Trimmed text of at most `max` characters with at least `min` visible ones: zero-width and
 * other invisible characters do not count (z.trim() keeps them). Every text with a minimum uses it.
 */
export const text = (max: number, label = '内容', rule: TextRule = {}) => {
  const min = rule.min ?? 1;
  const tooShort = rule.tooShort ?? (min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`);
  return z.string().check(
    z.trim(),
    // minLength documents the minimum in the schema (and the API reference); the refinement
    // counts what a reader sees. Only one of them reports, so a field gets one message.
    z.minLength(min, tooShort),
    z.refine((s) => s.length < min || visibleLength(s) >= min, tooShort),
    z.maxLength(max, rule.tooLong ?? `${label}最多 ${max} 个字`),
  );
};

export const optionalText = (max: number, label = '内容') =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`)));

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
export const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:MM'));
/** A published phone number (a station's, an operator's hotline): hotlines and 400 numbers included. */
export const phone = z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12345|12315|400-?\d{3}-?\d{4})$/, '电话号码格式不对'));
/** A number to call someone back on: mobile or landline only (core/shared/limits.ts). */
export const callbackPhone = z.string().check(z.regex(CALLBACK_PHONE, '电话号码不对：手机 11 位，座机请带区号'));
export const regionCode = z.string().check(z.regex(/^36(\d{2}|\d{4}|\d{7}|\d{10})?$/, '地区代码不对'));
export const latitude = z.number().check(z.gte(-90, '纬度应在 -90 到 90 之间'), z.lte(90, '纬度应在 -90 到 90 之间'));
export const longitude = z.number().check(z.gte(-180, '经度应在 -180 到 180 之间'), z.lte(180, '经度应在 -180 到 180 之间'));
