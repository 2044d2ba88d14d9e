/** pinyin-pro behind the core's PinyinFn (used when stations are written, never per query). */
import { pinyin } from 'pinyin-pro';
import type { PinyinFn } from '../core/search/tokens';

export const pinyinOf: PinyinFn = (text) => ({
  initials: pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
  full: pinyin(text, { toneType: 'none', type: 'array' }).join(''),
});
