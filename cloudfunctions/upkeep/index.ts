/**
 * Cloud entry of `upkeep` (station edits, temporary closures, rectification). Approving an edit or
 * closing a station writes the whole station, so its station store carries the pinyin option
 * (search tokens are made on write); pinyin-pro is installed by the cloud, not bundled.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { systemClock } from '../../core/ports';
import { limitsFrom } from '../../core/shared/rate-limit';
import { audit, calendars, complaints, mediaChecks, rateLimits, ratings, rectifications, regions, roles, settings, stationEdits, stations, unlisted } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createUpkeepHandler } from './handler';

export const main = cloudEntry('upkeep', (cloud) => {
  // Loaded with the handler, not with the module (npm run deploy:check requires every bundle outside the cloud).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pinyinOf } = require('../../adapters/pinyin') as typeof import('../../adapters/pinyin');
  const stores = cloudStores(
    cloud,
    { stations, rectifications, complaints, ratings, calendars, settings, roles, audit, mediaChecks, rateLimits, unlisted, regions, edits: stationEdits } satisfies StoresFor<typeof createUpkeepHandler>,
    { pinyin: pinyinOf },
  );
  return createUpkeepHandler(
    {
      ...stores,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      // Photos of edits and rectification answers: the complaints' upload path and content check.
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      mediaChecker: wechatMediaChecker(cloud as never),
      clock: systemClock,
      ids: randomIds,
    },
    jsonLogger,
  );
});
