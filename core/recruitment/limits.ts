/** Recruitment and notice numbers for the server and the app. Zod-free: the app imports it by value. */

/** An objection to a notice: fewest visible characters (facts and reasons), most characters. */
export const MIN_OBJECTION = 10;
export const MAX_OBJECTION = 1000;
