/**
 * Cloud entry of `opendata` (HSDS 3.0 open data over the HTTP access service): `exports.main(event)`.
 * No caller identity is read: the answers are public. wx-server-sdk is required lazily (the cloud
 * installs it) and the stores are made once per container.
 */
import { stations } from '../../adapters/cloudbase/stores';
import { bootCloud, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createOpendataHandler, type HttpAnswer, type HttpEvent } from './handler';

let handle: ((event: HttpEvent) => Promise<HttpAnswer>) | null = null;

export async function main(event: unknown, _context: unknown): Promise<HttpAnswer> {
  if (!handle) {
    try {
      handle = createOpendataHandler(cloudStores(bootCloud(), { stations } satisfies StoresFor<typeof createOpendataHandler>), jsonLogger);
    } catch (err) {
      jsonLogger.error({ fn: 'opendata', action: 'boot', code: 'INTERNAL', error: (err as Error)?.name ?? typeof err });
      return { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"error":{"code":"INTERNAL","message":"服务暂时不可用"}}', isBase64Encoded: false };
    }
  }
  return handle((event ?? {}) as HttpEvent);
}
