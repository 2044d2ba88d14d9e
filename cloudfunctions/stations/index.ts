/**
 * Cloud entry of `stations` (the public directory): `exports.main(event, context)`.
 *
 * cloudEntry (../_shared/cloud.ts) requires wx-server-sdk lazily (the cloud installs it; it is not
 * bundled), builds the handler once per container, takes the caller from the WeChat context's
 * OPENID (never from the event), strips the platform's `userInfo` / `tcbContext` before routing
 * and logs JSON lines without input.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore } from '../../adapters/platform/wechat';
import { cleanPhoto } from '../../core/shared/image';
import { rateLimits, regions, settings, stationEdits, stations, unlisted } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createStationsHandler } from './handler';

export const main = cloudEntry('stations', (cloud) => {
  const files = wechatFileStore(cloud as never, cleanPhoto, randomIds.id);
  return createStationsHandler(
    // Read-only function: the stores carry no pinyin option, which keeps the dictionary out of the bundle.
    // No roles: the directory's limits have no staff tier.
    {
      ...cloudStores(cloud, { stations, regions, settings, rateLimits, unlisted, edits: stationEdits, roles: null } satisfies StoresFor<typeof createStationsHandler>),
      content: wechatContentSecurity(cloud as never), files, uploads: files, ...basicDeps() },
    jsonLogger,
  );
});
