/** Cloud entry of `complaints`: CloudBase stores, msgSecCheck, AES keys from the environment. */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { createCloudbaseStationRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { createCloudbaseRateLimitStore } from '../../adapters/cloudbase/rate-limits';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger, requiredEnv } from '../_shared/cloud';
import { createComplaintsHandler } from './handler';

export const main = cloudEntry('complaints', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const stores = cloudbaseComplaintStores(db);
  return createComplaintsHandler(
    {
      ...stores,
      stations: createCloudbaseStationRepository(db),
      content: wechatContentSecurity(cloud as never),
      files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
      cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
      ids: randomIds,
      rateLimits: createCloudbaseRateLimitStore(db),
      limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
      clock: systemClock,
    },
    jsonLogger,
  );
});
