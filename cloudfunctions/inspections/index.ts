/** Cloud entry of `inspections`: CloudBase stores, cloud storage for visit photos, their content check (open API). */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { audit, calendars, complaints, mediaChecks, rateLimits, ratings, rectifications, roles, settings, stations, visits } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createInspectionsHandler } from './handler';

export const main = cloudEntry('inspections', (cloud) => {
  return createInspectionsHandler(
    {
      ...cloudStores(cloud, { visits, stations, rectifications, complaints, ratings, calendars, settings, mediaChecks, roles, audit, rateLimits } satisfies StoresFor<typeof createInspectionsHandler>),
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      // Visit photos: checked asynchronously; the verdict arrives at the mediacheck function.
      mediaChecker: wechatMediaChecker(cloud as never),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
