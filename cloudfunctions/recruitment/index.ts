/**
 * Cloud entry of `recruitment`: posts, applications, scoring, selection, the reserve pool and
 * training records over CloudBase; msgSecCheck for applicants' texts; ID numbers and phones
 * encrypted with the AES key ring of ZDT_DATA_KEYS (outside the database). No action here writes a
 * station (appointment happens when a notice closes: `notices` and `scheduler`), so the pinyin
 * dictionary stays out of this bundle.
 */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity } from '../../adapters/platform/wechat';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { audit, rateLimits, recruitment, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { createRecruitmentHandler } from './handler';

export const main = cloudEntry('recruitment', (cloud) => {
  return createRecruitmentHandler(
    {
      ...cloudStores(cloud, { recruitment, stations, regions, roles, audit, rateLimits } satisfies StoresFor<typeof createRecruitmentHandler>),
      content: wechatContentSecurity(cloud as never),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      ids: randomIds,
      // Rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS.
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
