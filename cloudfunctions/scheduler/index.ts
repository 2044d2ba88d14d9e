/**
 * Cloud entry of `scheduler`, called by its timer trigger (config.json). Any other caller —
 * a client with an OPENID, or an event that is not this trigger — is refused.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatNotifier, type TemplateConfig } from '../../adapters/platform/wechat';
import type { CbDatabase } from '../../adapters/cloudbase/stations';
import { cloudbaseComplaintStores } from '../../adapters/cloudbase/complaints';
import { systemClock } from '../../core/ports';
import { cloudEntry, jsonLogger } from '../_shared/cloud';
import { createSchedulerHandler } from './handler';

export const main = cloudEntry('scheduler', (cloud) => {
  const db = cloud.database() as unknown as CbDatabase;
  const templates = JSON.parse(process.env.ZDT_SUBSCRIBE_TEMPLATES ?? '{}') as TemplateConfig;
  const handle = createSchedulerHandler({ ...cloudbaseComplaintStores(db), notifier: wechatNotifier(cloud as never, templates), ids: randomIds, clock: systemClock }, jsonLogger);
  return (event, caller) => handle(event, caller);
});
