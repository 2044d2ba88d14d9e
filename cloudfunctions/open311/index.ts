/**
 * Cloud entry of `open311` (Open311 GeoReport v2 over the HTTP access service): `exports.main(event)`.
 * Platforms are identified by their api_key; no WeChat identity is read. Stores are made once per
 * container.
 */
import { randomApiKeys } from '../../adapters/platform/api-keys';
import { apiKeys, audit, calendars, complaints, mediaChecks, rateLimits, roles, stations } from '../../adapters/cloudbase/stores';
import { bootCloud, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, personalTextDeps, photoDeps } from '../_shared/deps';
import { createGeoReport, createOpen311Handler, type HttpAnswer, type HttpEvent } from './handler';

let handle: ((event: HttpEvent) => Promise<HttpAnswer>) | null = null;

export async function main(event: unknown, _context: unknown): Promise<HttpAnswer> {
  if (!handle) {
    try {
      const cloud = bootCloud();
      const deps = {
        ...cloudStores(cloud, { complaints, roles, audit, calendars, stations, mediaChecks, apiKeys, rateLimits } satisfies StoresFor<typeof createGeoReport>),
        ...personalTextDeps(cloud),
        ...photoDeps(cloud),
        ...basicDeps(),
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
