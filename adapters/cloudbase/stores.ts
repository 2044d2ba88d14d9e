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
import { createCloudbaseRectificationRepository } from './rectifications';
import { createCloudbaseUnlistedRepository } from './unlisted';
import { createCloudbaseStationEditRepository } from './station-edits';
import { createCloudbaseCertificationRepository } from './certifications';
import { createCloudbaseLedgerRepository } from './ledger';
import { createCloudbaseVisitRepository } from './inspections';
import { createCloudbasePovertyVillageRepository, createCloudbaseSettingsRepository } from './settings';
import { cloudbaseRecruitmentStores, stationsForAppointments } from './recruitment';
import type { CbDb } from './sdk';
import { createCloudbaseSignInRepository } from './signin';
import { createCloudbaseHeadsRepository } from './heads';
import { createCloudbaseReportRepository } from './reports';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository, type CloudbaseOptions } from './stations';

/**
 * `pinyin` goes to the station store only: given by the one function that writes whole stations
 * (`register`); the others leave it out, which keeps the dictionary out of their bundles.
 */
export function cloudbaseStores(db: CbDb, { pinyin, ...options }: CloudbaseOptions = {}) {
  return {
    stations: createCloudbaseStationRepository(db, { ...options, pinyin }),
    regions: createCloudbaseRegionRepository(db, options),
    ...cloudbaseComplaintStores(db, options),
    ...cloudbaseAdminStores(db, options),
    ratings: createCloudbaseRatingRepository(db, options),
    ...cloudbaseRecruitmentStores(db, options),
    /** The station store of functions that appoint heads: a write sets only the contact person. */
    appointmentStations: stationsForAppointments(db, options),
    rateLimits: createCloudbaseRateLimitStore(db, options),
    mediaChecks: createCloudbaseMediaCheckRepository(db, options),
    rectifications: createCloudbaseRectificationRepository(db, options),
    stationEdits: createCloudbaseStationEditRepository(db, options),
    unlisted: createCloudbaseUnlistedRepository(db, options),
    certifications: createCloudbaseCertificationRepository(db, options),
    ledger: createCloudbaseLedgerRepository(db, options),
    visits: createCloudbaseVisitRepository(db, options),
    signins: createCloudbaseSignInRepository(db, options),
    heads: createCloudbaseHeadsRepository(db, options),
    reports: createCloudbaseReportRepository(db, options),
    settings: createCloudbaseSettingsRepository(db, options),
    poverty: createCloudbasePovertyVillageRepository(db, options),
  };
}
export type CloudbaseStores = ReturnType<typeof cloudbaseStores>;
