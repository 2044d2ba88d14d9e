/**
 * Search tokens for the directory: Chinese text becomes one token per character (so a phrase
 * query finds any substring), places also get pinyin initials and full pinyin for latin input.
 * Pure: the pinyin conversion is injected, so this file stays free of the pinyin dictionary.
 */
export const BRAND_PREFIX = /^江西(省)?电商扶贫(工程)?/;

/** "于都 县A1" → "于 都 县 a1" */
export function charTokens(text: string): string {
  const out: string[] = [];
  let word = '';
  for (const ch of text.toLowerCase()) {
    if (/[\p{Script=Han}]/u.test(ch)) {
      if (word) {
        out.push(word);
        word = '';
      }
      out.push(ch);
    } else if (/[a-z0-9]/.test(ch)) {
      word += ch;
    } else if (word) {
      out.push(word);
      word = '';
    }
  }
  if (word) out.push(word);
  return out.join(' ');
}

export type PinyinFn = (text: string) => { initials: string; full: string };

/** Latin tokens for the names a villager would type: the station's own name and each place. */
export function pinyinTokens(names: string[], pinyin: PinyinFn): string {
  const tokens = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(BRAND_PREFIX, '').replace(/[^\p{Script=Han}a-zA-Z0-9]/gu, '');
    if (!name) continue;
    const { initials, full } = pinyin(name);
    if (initials) tokens.add(initials.toLowerCase());
    if (full) tokens.add(full.toLowerCase());
  }
  return [...tokens].join(' ');
}

/** True for input a villager typed as pinyin (initials or full), e.g. "ydx", "yudu". */
export function isLatinQuery(q: string): boolean {
  return /^[a-zA-Z]{1,30}$/.test(q.replace(/\s+/g, ''));
}
