/** Cloud entry of `settings`: CloudBase stores, no open API. */
import { audit, rateLimits, regions, roles, settings } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createSettingsHandler } from './handler';

export const main = cloudEntry('settings', (cloud) => {
  const stores = cloudStores(cloud, { settings, regions, roles, audit, rateLimits } satisfies StoresFor<typeof createSettingsHandler>);
  return createSettingsHandler({ ...stores, ...basicDeps() }, jsonLogger);
});
