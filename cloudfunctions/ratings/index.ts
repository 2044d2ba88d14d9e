/** Cloud entry of `ratings`: CloudBase stores, msgSecCheck, HMAC signing keys, mini-program codes. */
import { hmacSigner, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatCodeImages, wechatContentSecurity } from '../../adapters/platform/wechat';
import { createCloudbaseStationRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { createCloudbaseAuditRepository, createCloudbaseRoleRepository } from '../../adapters/cloudbase/complaints';
import { createCloudbaseRatingRepository } from '../../adapters/cloudbase/ratings';
import { createCloudbaseRateLimitStore } from '../../adapters/cloudbase/rate-limits';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger, requiredEnv } from '../_shared/cloud';
import { createRatingsHandler } from './handler';

export const main = cloudEntry('ratings', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  // A separate signing ring when configured; else the data keys (the signer derives purpose-bound keys).
  const keys = process.env.ZDT_SIGNING_KEYS || requiredEnv('ZDT_DATA_KEYS');
  return createRatingsHandler(
    {
      ratings: createCloudbaseRatingRepository(db),
      stations: createCloudbaseStationRepository(db),
      roles: createCloudbaseRoleRepository(db),
      audit: createCloudbaseAuditRepository(db),
      content: wechatContentSecurity(cloud as never),
      signer: hmacSigner(parseKeyRing(keys)),
      codes: wechatCodeImages(cloud as never),
      ids: randomIds,
      rateLimits: createCloudbaseRateLimitStore(db),
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
