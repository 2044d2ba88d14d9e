/** Cloud entry of `ledger`: CloudBase stores, no open API. */
import { randomIds } from '../../adapters/platform/crypto';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { audit, ledger, rateLimits, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createLedgerHandler } from './handler';

export const main = cloudEntry('ledger', (cloud) => {
  return createLedgerHandler(
    {
      ...cloudStores(cloud, { stations, regions, ledger, roles, audit, rateLimits } satisfies StoresFor<typeof createLedgerHandler>),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
