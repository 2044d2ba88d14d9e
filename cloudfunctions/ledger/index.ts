/** Cloud entry of `ledger`: CloudBase stores, no open API. */
import { randomIds } from '../../adapters/platform/crypto';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, cloudStores, jsonLogger } from '../_shared/cloud';
import { createLedgerHandler } from './handler';

export const main = cloudEntry('ledger', (cloud) => {
  const stores = cloudStores(cloud);
  return createLedgerHandler(
    {
      stations: stores.stations,
      regions: stores.regions,
      ledger: stores.ledger,
      roles: stores.roles,
      audit: stores.audit,
      rateLimits: stores.rateLimits,
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
