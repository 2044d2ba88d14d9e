/** src/constants.ts mirrors values of core/station/api.ts (which the app must not import: zod). */
import { DEFAULT_RADIUS_M as CORE_RADIUS, MAX_PAGE as CORE_MAX_PAGE } from '@core/station/api';
import { DEFAULT_RADIUS_M, MAX_PAGE } from '@/constants';

test('mirrored constants match the contract', () => {
  expect(DEFAULT_RADIUS_M).toBe(CORE_RADIUS);
  expect(MAX_PAGE).toBe(CORE_MAX_PAGE);
});
