/**
 * Cloud entry of `upkeep` (station edits, temporary closures, rectification). Approving an edit or
 * closing a station writes the whole station, so its station store carries the pinyin option
 * (search tokens are made on write); pinyin-pro is installed by the cloud, not bundled.
 */
import { audit, calendars, complaints, mediaChecks, rateLimits, ratings, rectifications, regions, roles, settings, stationEdits, stations, unlisted } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, photoDeps } from '../_shared/deps';
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
      // Photos of edits and rectification answers: the complaints' upload path and content check.
      ...photoDeps(cloud),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
