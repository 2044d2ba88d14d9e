/** Cloud entry of `settings`: CloudBase stores, no open API. */
import { randomIds } from '../../adapters/platform/crypto';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, cloudStores, jsonLogger } from '../_shared/cloud';
import { createSettingsHandler } from './handler';

export const main = cloudEntry('settings', (cloud) => {
  const stores = cloudStores(cloud);
  // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
  return createSettingsHandler({ ...stores, ids: randomIds, limits: limitsFrom(process.env.ZDT_RATE_LIMITS), clock: systemClock }, jsonLogger);
});
