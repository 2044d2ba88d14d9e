/** Cloud entry of `settings`: CloudBase stores, no open API. */
import { randomIds } from '../../adapters/platform/crypto';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { audit, rateLimits, regions, roles, settings } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createSettingsHandler } from './handler';

export const main = cloudEntry('settings', (cloud) => {
  const stores = cloudStores(cloud, { settings, regions, roles, audit, rateLimits } satisfies StoresFor<typeof createSettingsHandler>);
  // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
  return createSettingsHandler({ ...stores, ids: randomIds, limits: limitsFrom(process.env.ZDT_RATE_LIMITS), clock: systemClock }, jsonLogger);
});
