/** Cloud entry of `ledger`: CloudBase stores, no open API. */
import { audit, ledger, rateLimits, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createLedgerHandler } from './handler';

export const main = cloudEntry('ledger', (cloud) => {
  return createLedgerHandler(
    {
      ...cloudStores(cloud, { stations, regions, ledger, roles, audit, rateLimits } satisfies StoresFor<typeof createLedgerHandler>),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
