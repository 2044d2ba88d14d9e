/** Cloud entry of `inspections`: CloudBase stores, cloud storage for visit photos, their content check (open API). */
import { audit, calendars, complaints, mediaChecks, rateLimits, ratings, rectifications, roles, settings, stations, visits } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, photoDeps } from '../_shared/deps';
import { createInspectionsHandler } from './handler';

export const main = cloudEntry('inspections', (cloud) => {
  return createInspectionsHandler(
    {
      ...cloudStores(cloud, { visits, stations, rectifications, complaints, ratings, calendars, settings, mediaChecks, roles, audit, rateLimits } satisfies StoresFor<typeof createInspectionsHandler>),
      // Visit photos: checked asynchronously; the verdict arrives at the mediacheck function.
      ...photoDeps(cloud),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
