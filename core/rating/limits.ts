/** Rating numbers for the server and the app. Zod-free: the app imports it by value. */

/** Longest rating comment, and longest reply of a station head. */
export const MAX_COMMENT = 300;
export const MAX_REPLY = 300;
/** How long a scanned station code counts as a visit, in hours. */
export const VISIT_HOURS = 3;
