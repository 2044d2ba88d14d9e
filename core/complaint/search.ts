/**
 * The officials' queue search box (issue 11 §1): one word that is a tracking number (or its
 * beginning), the last 4 digits of a call-back phone, or part of a station name. Pure and zod-free:
 * the app shows the same reading as a hint.
 */

/** What a search word filters on; the store matches exactly one of these. */
export type QueueSearch = { trackingNoPrefix: string } | { phoneLast4: string } | { stationName: string };

/** Longest search word accepted. */
export const MAX_SEARCH = 40;

/** How one search word is read, or null when it is too short to mean anything. */
export function readSearch(raw: string): QueueSearch | null {
  const word = raw.trim();
  const compact = word.replace(/\s+/g, '').toUpperCase();
  // Tracking numbers are TS + date + six characters (core/complaint/machine.ts trackingNumber).
  if (/^TS[0-9A-Z]{2,12}$/.test(compact)) return { trackingNoPrefix: compact };
  if (/^\d{4}$/.test(compact)) return { phoneLast4: compact };
  if (word.length >= 2 && !/^\d+$/.test(compact)) return { stationName: word };
  return null;
}

/**
 * The last 4 digits of a masked call-back phone (138****1234): the only part of a phone a list may
 * be searched by. The full number stays encrypted and never reaches a list.
 */
export function phoneLast4(masked: string | null | undefined): string | null {
  const m = /(\d{4})$/.exec(masked ?? '');
  return m ? m[1] : null;
}
