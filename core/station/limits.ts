/** Directory numbers for the server and the app. Zod-free: the app imports it by value. */

/** Radius of `nearby` when none is given, and the largest allowed. */
export const DEFAULT_RADIUS_M = 20_000;
export const MAX_RADIUS_M = 50_000;
/** Largest page a list may ask for. */
export const MAX_PAGE = 50;
/** A villager's 信息有误 report: fewest visible characters, most characters. */
export const REPORT_MIN = 5;
export const REPORT_MAX = 200;
/** Photos: on a station's public page, of the plaque and of the signage on a 申办, with a rectification answer. */
export const STATION_PHOTOS_MAX = 9;
export const CERT_PHOTOS_MAX = 3;
export const ANSWER_PHOTOS_MAX = 3;
