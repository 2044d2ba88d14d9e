/**
 * Cloud entry of `recruitment`: posts, applications, scoring, selection, the reserve pool and
 * training records over CloudBase; msgSecCheck for applicants' texts; ID numbers and phones
 * encrypted with the AES key ring of ZDT_DATA_KEYS (outside the database). No action here writes a
 * station (appointment happens when a notice closes: `notices` and `scheduler`), so the pinyin
 * dictionary stays out of this bundle.
 */
import { audit, rateLimits, recruitment, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, personalTextDeps } from '../_shared/deps';
import { createRecruitmentHandler } from './handler';

export const main = cloudEntry('recruitment', (cloud) => {
  return createRecruitmentHandler(
    {
      ...cloudStores(cloud, { recruitment, stations, regions, roles, audit, rateLimits } satisfies StoresFor<typeof createRecruitmentHandler>),
      ...personalTextDeps(cloud),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
