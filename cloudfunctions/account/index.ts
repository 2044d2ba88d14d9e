/** Cloud entry of `account`: roles, grants and the calendar; first administrators from ZDT_ADMINS. */
import { randomIds } from '../../adapters/platform/crypto';
import { createCloudbaseStationRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { bootstrapAdmins, parseAdminConfig } from '../../core/account/service';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger } from '../_shared/cloud';
import { createAccountHandler } from './handler';

export const main = cloudEntry('account', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const stores = cloudbaseComplaintStores(db);
  const deps = { ...stores, stations: createCloudbaseStationRepository(db), ids: randomIds, clock: systemClock };
  const handle = createAccountHandler(deps, jsonLogger);
  // Configured administrators are ensured once per container, before the first action.
  let ready: Promise<unknown> | null = null;
  return async (event, caller) => {
    ready ??= bootstrapAdmins(deps, parseAdminConfig(process.env.ZDT_ADMINS ?? '')).catch((err) => {
      ready = null;
      throw err;
    });
    await ready;
    return handle(event, caller);
  };
});
