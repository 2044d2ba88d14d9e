/**
 * Cloud entry of `recruitment`: posts, applications, scoring, selection, the reserve pool and
 * training records over CloudBase; msgSecCheck for applicants' texts; ID numbers and phones
 * encrypted with the AES key ring of ZDT_DATA_KEYS (outside the database). No action here writes a
 * station (appointment happens when a notice closes: `notices` and `scheduler`), so the pinyin
 * dictionary stays out of this bundle.
 */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity } from '../../adapters/platform/wechat';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { cloudbaseRecruitmentStores } from '../../adapters/cloudbase/recruitment';
import { createCloudbaseRateLimitStore } from '../../adapters/cloudbase/rate-limits';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger, requiredEnv } from '../_shared/cloud';
import { createRecruitmentHandler } from './handler';

export const main = cloudEntry('recruitment', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const { roles, audit, calendars } = cloudbaseComplaintStores(db);
  return createRecruitmentHandler(
    {
      ...cloudbaseRecruitmentStores(db),
      stations: createCloudbaseStationRepository(db),
      regions: createCloudbaseRegionRepository(db),
      roles,
      audit,
      calendars,
      content: wechatContentSecurity(cloud as never),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      ids: randomIds,
      rateLimits: createCloudbaseRateLimitStore(db),
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
