/** pinyin-pro behind the core's PinyinFn (used when stations are written, never per query). */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { PinyinFn } from '../core/search/tokens';

// Jiangxi place names the dictionary reads wrongly without context (都 is dū here, not dōu),
// so that full-pinyin searches such as "yudu" find 于都县.
customPinyin({ 于都: 'yú dū', 宁都: 'níng dū', 都昌: 'dū chāng' });

export const pinyinOf: PinyinFn = (text) => ({
  initials: pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
  full: pinyin(text, { toneType: 'none', type: 'array' }).join(''),
});
