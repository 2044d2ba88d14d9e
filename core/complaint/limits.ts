/**
 * The complaint loop's numbers, for the server (schemas, state machine) and the app (forms,
 * deadline texts). Zod-free: the app imports it by value.
 */

/** Shortest description (visible characters) and longest (characters). */
export const MIN_DESCRIPTION = 5;
export const MAX_DESCRIPTION = 2000;
/** Photos per complaint. */
export const MAX_PHOTOS = 3;
/** Shortest official reply (visible characters). */
export const MIN_REPLY = 5;
/** Longest comment with an evaluation. */
export const MAX_EVALUATION_COMMENT = 300;
/** Working days to accept and to reply; days the complainant has to evaluate. */
export const ACCEPT_WORKDAYS = 3;
export const REPLY_WORKDAYS = 5;
export const EVALUATION_DAYS = 7;
/** Most working days one extension may add. */
export const MAX_EXTENSION_WORKDAYS = 10;
/** Most cases one batch accept or batch assign takes (the desk's selection). */
export const MAX_BATCH = 20;
/** Photos on one reply, progress update or 补充材料. */
export const MAX_ENTRY_PHOTOS = 3;
/** 补充材料 per complaint, and the shortest one (visible characters). */
export const MAX_SUPPLEMENTS = 5;
export const MIN_SUPPLEMENT = 5;
/** Days after a case ends before the complainant is asked "问题还在吗？". */
export const RECHECK_DAYS = 28;
