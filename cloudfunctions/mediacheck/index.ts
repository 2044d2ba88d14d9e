/**
 * Cloud entry of `mediacheck`: the target of the `wxa_media_check` message push (see handler.ts and
 * docs/cloudbase.md, "Photo checks"). It deletes photos that fail from storage.
 */
import { wechatMediaChecker } from '../../adapters/platform/wechat';
import { systemClock } from '../../core/ports';
import { complaints, mediaChecks } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { createMediaCheckHandler } from './handler';

export const main = cloudEntry('mediacheck', (cloud) => {
  const handle = createMediaCheckHandler({ ...cloudStores(cloud, { complaints, mediaChecks } satisfies StoresFor<typeof createMediaCheckHandler>), mediaChecker: wechatMediaChecker(cloud as never), clock: systemClock }, jsonLogger);
  return (event) => handle(event);
});
