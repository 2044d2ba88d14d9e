/**
 * Cloud entry of `scheduler`, called by its timer trigger (config.json). Any other caller —
 * a client with an OPENID, or an event that is not this trigger — is refused. Besides the
 * complaint jobs it closes public notices whose period ended (appointing, stopping or suspending)
 * and purges personal data of unsuccessful applications after ZDT_RETENTION_DAYS.
 */
import { randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatNotifier } from '../../adapters/platform/wechat';
import { jobSettings, scheduledJobs } from '../../core/jobs';
import { miniprogramStateFrom, parseSubscribeTemplates } from '../../core/notify/subscribe';
import { systemClock, type Cipher } from '../../core/ports';
import {
  appointmentStations,
  audit,
  calendars,
  certifications,
  complaints,
  notices,
  outbox,
  rateLimits,
  recruitment,
  roles,
  settings,
  signins,
  stationEdits,
  stations,
} from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { CLOUD_RUN_BUDGET_MS, createSchedulerHandler } from './handler';

/** The scheduler's jobs decrypt nothing: it needs no data keys, and fails loudly if that ever changes. */
const noDecryption: Cipher = {
  encrypt: () => {
    throw new Error('scheduler: no data keys');
  },
  decrypt: () => {
    throw new Error('scheduler: no data keys');
  },
  keyedHash: () => {
    throw new Error('scheduler: no data keys');
  },
};

export const main = cloudEntry('scheduler', (cloud) => {
  const templates = parseSubscribeTemplates(process.env.ZDT_SUBSCRIBE_TEMPLATES);
  const stores = cloudStores(cloud, {
    complaints,
    outbox,
    calendars,
    notices,
    recruitment,
    // Closing a notice may appoint a station head, which writes the station's contact person.
    stations: appointmentStations,
    registerStations: stations,
    certifications,
    roles,
    audit,
    rateLimits,
    stationEdits,
    signins,
    settings,
  } satisfies StoresFor<typeof createSchedulerHandler> & StoresFor<typeof scheduledJobs>);
  const jobs = scheduledJobs(
    { ...stores, content: wechatContentSecurity(cloud as never), cipher: noDecryption, ids: randomIds, clock: systemClock },
    jobSettings(process.env),
  );
  const handle = createSchedulerHandler(
    { ...stores, notifier: wechatNotifier(cloud as never, templates, miniprogramStateFrom(process.env.ZDT_MINIPROGRAM_STATE)), ids: randomIds, clock: systemClock },
    jsonLogger,
    jobs,
    { deadlineMs: CLOUD_RUN_BUDGET_MS },
  );
  return (event, caller) => handle(event, caller);
});
