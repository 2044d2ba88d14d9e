/**
 * Cloud entry of `notices`: public notices (公示) and real-name objections over CloudBase;
 * msgSecCheck for objections; objectors' phones encrypted with ZDT_DATA_KEYS. Resolving the last
 * open objection of a suspended notice appoints the candidate, which writes the station's contact
 * person (stationsForAppointments: that field only, so no pinyin dictionary in this bundle).
 */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity } from '../../adapters/platform/wechat';
import { limitsFrom } from '../../core/shared/rate-limit';
import { systemClock } from '../../core/ports';
import { appointmentStations, audit, calendars, certifications, notices, rateLimits, recruitment, roles } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { createNoticesHandler } from './handler';

export const main = cloudEntry('notices', (cloud) => {
  return createNoticesHandler(
    {
      ...cloudStores(cloud, { notices, recruitment, stations: appointmentStations, certifications, roles, audit, calendars, rateLimits } satisfies StoresFor<typeof createNoticesHandler>),
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
