/**
 * Values mirrored from core/station/api.ts. That module pulls in zod (hundreds of KB), so the app
 * imports only its types; keep these in step with DEFAULT_RADIUS_M and MAX_PAGE there
 * (test/components/constants.test.tsx checks they match).
 */
/** Radius the `nearby` action uses when none is given. */
export const DEFAULT_RADIUS_M = 20_000;
/** Largest `limit` a page may ask for. */
export const MAX_PAGE = 50;

/**
 * Mirrored from core/complaint/api.ts and core/rating/api.ts (zod modules; the app imports only
 * their types). test/components/feedback-constants.test.tsx checks they match.
 */
/** Longest complaint description (characters). */
export const MAX_DESCRIPTION = 2000;
/** Shortest complaint description the server accepts (after trimming). */
export const MIN_DESCRIPTION = 5;
/** Photos per complaint. */
export const MAX_PHOTOS = 3;
/** Longest rating comment (characters). */
export const MAX_RATING_COMMENT = 300;
/** Largest photo the local server takes (core/shared/image.ts MAX_PHOTO_BYTES). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Working days to accept / to reply, days to evaluate (core/complaint/machine.ts). */
export const ACCEPT_WORKDAYS = 3;
export const REPLY_WORKDAYS = 5;
export const EVALUATION_DAYS = 7;
/** How long a scanned visit counts, in hours (core/rating/rules.ts VISIT_TOKEN_MS). */
export const VISIT_HOURS = 3;
/** Longest comment with a complaint evaluation (core/complaint/api.ts evaluateInput). */
export const MAX_EVALUATION_COMMENT = 300;
