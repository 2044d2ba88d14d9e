/**
 * Text and phone rules shared by the server's schemas (core/shared/zod.ts) and the app's forms.
 * Zod-free on purpose: the app imports this module by value, and zod must stay out of its bundle.
 */

/**
 * A call-back number: a mobile (11 digits) or a landline with its area code (0797-6221234).
 * Not hotlines or service numbers (12345, 12315, 400…): nobody can call a villager back on them.
 */
export const CALLBACK_PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?[2-8]\d{6,7})$/;

/** A mobile number (11 digits). */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/**
 * Characters that show nothing: whitespace, control and format characters (zero-width space and
 * joiners, direction marks, soft hyphen, BOM), fillers and variation selectors. Plain ranges, no
 * `\p{…}`: old WeChat base libraries lack Unicode property escapes.
 */
const INVISIBLE =
  // Control and combining characters are exactly what it removes, one by one.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\s\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\udb40[\udc00-\udc7f\udd00-\uddef]/g;
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** How many characters of `text` a reader sees (an emoji counts once; zero-width characters not at all). */
export function visibleLength(text: string): number {
  return text.replace(INVISIBLE, '').replace(SURROGATE_PAIR, '_').length;
}
