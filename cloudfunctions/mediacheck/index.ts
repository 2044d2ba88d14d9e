/**
 * Cloud entry of `mediacheck`: the target of the `wxa_media_check` message push (see handler.ts and
 * docs/cloudbase.md, "Photo checks"). Deletes photos that fail, so it needs no open API permission.
 */
import { wechatMediaChecker } from '../../adapters/platform/wechat';
import type { CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { createCloudbaseMediaCheckRepository } from '../../adapters/cloudbase/media-checks';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger } from '../_shared/cloud';
import { createMediaCheckHandler } from './handler';

export const main = cloudEntry('mediacheck', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const handle = createMediaCheckHandler(
    {
      complaints: cloudbaseComplaintStores(db).complaints,
      mediaChecks: createCloudbaseMediaCheckRepository(db),
      mediaChecker: wechatMediaChecker(cloud as never),
      clock: systemClock,
    },
    jsonLogger,
  );
  return (event) => handle(event);
});
