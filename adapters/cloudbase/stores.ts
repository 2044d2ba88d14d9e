/**
 * The CloudBase store catalogue: one factory per store key, under the key a handler's deps name it.
 * A cloud entry imports the ones its handler needs and composes them over its database
 * (cloudfunctions/_shared/cloud.ts `cloudStores`), so a bundle carries only those adapters: a new
 * aggregate grows the functions that use it, not every function.
 *
 * Only re-exports here (the cloud entries' `StoresFor` reads this module's keys as the store keys).
 * Each factory is `(db: CbDb, options) => store` (adapters/cloudbase/sdk.ts `StoreFactory`).
 */
export { createCloudbaseApiKeyRepository as apiKeys, createCloudbaseAuditRepository as audit, createCloudbaseCalendarRepository as calendars, createCloudbaseRoleRepository as roles } from './admin';
export { createCloudbaseCertificationRepository as certifications } from './certifications';
export { createCloudbaseComplaintRepository as complaints, createCloudbaseOutboxRepository as outbox } from './complaints';
export { createCloudbaseHeadsRepository as heads } from './heads';
export { createCloudbaseVisitRepository as visits } from './inspections';
export { createCloudbaseLedgerRepository as ledger } from './ledger';
export { createCloudbaseMediaCheckRepository as mediaChecks } from './media-checks';
export { createCloudbaseRateLimitStore as rateLimits } from './rate-limits';
export { createCloudbaseRatingRepository as ratings } from './ratings';
/** `appointmentStations`: the station store of functions that appoint heads (a write sets only the contact person, no pinyin). */
export { createCloudbaseNoticeRepository as notices, createCloudbaseRecruitmentRepository as recruitment, stationsForAppointments as appointmentStations } from './recruitment';
export { createCloudbaseRectificationRepository as rectifications } from './rectifications';
export { createCloudbaseReportRepository as reports } from './reports';
export { createCloudbasePovertyVillageRepository as poverty, createCloudbaseSettingsRepository as settings } from './settings';
export { createCloudbaseSignInRepository as signins } from './signin';
export { createCloudbaseStationEditRepository as stationEdits } from './station-edits';
/** `stations` writes search tokens only with the `pinyin` option (given by the functions that write whole stations). */
export { createCloudbaseRegionRepository as regions, createCloudbaseStationRepository as stations } from './stations';
export { createCloudbaseUnlistedRepository as unlisted } from './unlisted';
