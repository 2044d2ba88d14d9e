/**
 * Values mirrored from core/station/api.ts. That module pulls in zod (hundreds of KB), so the app
 * imports only its types; keep these in step with DEFAULT_RADIUS_M and MAX_PAGE there
 * (test/components/constants.test.tsx checks they match).
 */
/** Radius the `nearby` action uses when none is given. */
export const DEFAULT_RADIUS_M = 20_000;
/** Largest `limit` a page may ask for. */
export const MAX_PAGE = 50;
