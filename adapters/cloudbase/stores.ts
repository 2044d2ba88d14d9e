/**
 * Every CloudBase store over one database: what a cloud entry wires its handler with
 * (cloudfunctions/_shared/cloud.ts `cloudStores`). Building a store costs nothing until it is
 * used, so each function takes the ones it needs from the same object.
 */
import { cloudbaseAdminStores } from './admin';
import { cloudbaseComplaintStores } from './complaints';
import { createCloudbaseMediaCheckRepository } from './media-checks';
import { createCloudbaseRatingRepository } from './ratings';
import { createCloudbaseRateLimitStore } from './rate-limits';
import { cloudbaseRecruitmentStores, stationsForAppointments } from './recruitment';
import type { CbDb, StoreOptions } from './sdk';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository } from './stations';

export function cloudbaseStores(db: CbDb, options: StoreOptions = {}) {
  return {
    // Without the pinyin option: no cloud function writes whole stations (that keeps the dictionary out of the bundles).
    stations: createCloudbaseStationRepository(db, options),
    regions: createCloudbaseRegionRepository(db, options),
    ...cloudbaseComplaintStores(db, options),
    ...cloudbaseAdminStores(db, options),
    ratings: createCloudbaseRatingRepository(db, options),
    ...cloudbaseRecruitmentStores(db, options),
    /** The station store of functions that appoint heads: a write sets only the contact person. */
    appointmentStations: stationsForAppointments(db, options),
    rateLimits: createCloudbaseRateLimitStore(db, options),
    mediaChecks: createCloudbaseMediaCheckRepository(db, options),
  };
}
export type CloudbaseStores = ReturnType<typeof cloudbaseStores>;
