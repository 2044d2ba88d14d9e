/**
 * Cloud entry of `notices`: public notices (公示) and real-name objections over CloudBase;
 * msgSecCheck for objections; objectors' phones encrypted with ZDT_DATA_KEYS. Resolving the last
 * open objection of a suspended notice appoints the candidate, which writes the station's contact
 * person (stationsForAppointments: that field only, so no pinyin dictionary in this bundle).
 */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity } from '../../adapters/platform/wechat';
import { createCloudbaseRegionRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { cloudbaseRecruitmentStores, stationsForAppointments } from '../../adapters/cloudbase/recruitment';
import { createCloudbaseRateLimitStore } from '../../adapters/cloudbase/rate-limits';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger, requiredEnv } from '../_shared/cloud';
import { createNoticesHandler } from './handler';

export const main = cloudEntry('notices', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const { roles, audit, calendars } = cloudbaseComplaintStores(db);
  return createNoticesHandler(
    {
      ...cloudbaseRecruitmentStores(db),
      stations: stationsForAppointments(db),
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
