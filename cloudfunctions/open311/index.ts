/**
 * Cloud entry of `open311` (Open311 GeoReport v2 over the HTTP access service): `exports.main(event)`.
 * Platforms are identified by their api_key; no WeChat identity is read. Stores are made once per
 * container.
 */
import { randomApiKeys } from '../../adapters/platform/api-keys';
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { systemClock } from '../../core/ports';
import { limitsFrom } from '../../core/shared/rate-limit';
import { apiKeys, audit, calendars, complaints, mediaChecks, rateLimits, roles, stations } from '../../adapters/cloudbase/stores';
import { bootCloud, cloudStores, jsonLogger, requiredEnv, type StoresFor } from '../_shared/cloud';
import { createGeoReport, createOpen311Handler, type HttpAnswer, type HttpEvent } from './handler';

let handle: ((event: HttpEvent) => Promise<HttpAnswer>) | null = null;

export async function main(event: unknown, _context: unknown): Promise<HttpAnswer> {
  if (!handle) {
    try {
      const cloud = bootCloud();
      const deps = {
        ...cloudStores(cloud, { complaints, roles, audit, calendars, stations, mediaChecks, apiKeys, rateLimits } satisfies StoresFor<typeof createGeoReport>),
        content: wechatContentSecurity(cloud as never),
        files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id),
        mediaChecker: wechatMediaChecker(cloud as never),
        cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))),
        ids: randomIds,
        limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
        clock: systemClock,
        apiKeySource: randomApiKeys(),
      };
      handle = createOpen311Handler(createGeoReport(deps), jsonLogger);
    } catch (err) {
      jsonLogger.error({ fn: 'open311', action: 'boot', code: 'INTERNAL', error: (err as Error)?.name ?? typeof err });
      return { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '[{"code":500,"description":"服务暂时不可用"}]', isBase64Encoded: false };
    }
  }
  return handle((event ?? {}) as HttpEvent);
}
