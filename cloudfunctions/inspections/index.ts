/** Cloud entry of `inspections`: CloudBase stores, cloud storage for visit photos, no open API. */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatFileStore } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { audit, calendars, complaints, rateLimits, ratings, rectifications, roles, settings, stations, visits } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createInspectionsHandler } from './handler';

export const main = cloudEntry('inspections', (cloud) => {
  return createInspectionsHandler(
    {
      ...cloudStores(cloud, { visits, stations, rectifications, complaints, ratings, calendars, settings, roles, audit, rateLimits } satisfies StoresFor<typeof createInspectionsHandler>),
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
