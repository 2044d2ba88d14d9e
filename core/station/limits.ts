/** Directory numbers for the server and the app. Zod-free: the app imports it by value. */

/** Radius of `nearby` when none is given, and the largest allowed. */
export const DEFAULT_RADIUS_M = 20_000;
export const MAX_RADIUS_M = 50_000;
/** Largest page a list may ask for. */
export const MAX_PAGE = 50;
