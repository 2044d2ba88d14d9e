/**
 * Cloud entry of `notices`: public notices (公示) and real-name objections over CloudBase;
 * msgSecCheck for objections; objectors' phones encrypted with ZDT_DATA_KEYS. Resolving the last
 * open objection of a suspended notice appoints the candidate, which writes the station's contact
 * person (stationsForAppointments: that field only, so no pinyin dictionary in this bundle).
 */
import { appointmentStations, audit, calendars, certifications, notices, rateLimits, recruitment, roles } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps, personalTextDeps } from '../_shared/deps';
import { createNoticesHandler } from './handler';

export const main = cloudEntry('notices', (cloud) => {
  return createNoticesHandler(
    {
      ...cloudStores(cloud, { notices, recruitment, stations: appointmentStations, certifications, roles, audit, calendars, rateLimits } satisfies StoresFor<typeof createNoticesHandler>),
      ...personalTextDeps(cloud),
      ...basicDeps(),
    },
    jsonLogger,
  );
});
