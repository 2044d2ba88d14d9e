/**
 * The function handlers the local server exposes, wired to the SQLite adapters and the local
 * platform services — the same handlers the cloud entries wire to CloudBase and WeChat.
 */
import { createSqliteComplaintRepository, createSqliteOutboxRepository, type ComplaintFaults } from '../adapters/sqlite/complaints';
import { sqliteAdminStores } from '../adapters/sqlite/admin';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../adapters/sqlite/stations';
import { pinyinOf } from '../adapters/pinyin';
import { localContentSecurity, localMediaChecker, qrCodeImages, recordingNotifier } from '../adapters/platform/local';
import { createSqliteMediaCheckRepository } from '../adapters/sqlite/media-checks';
import { createSqliteStationEditRepository } from '../adapters/sqlite/station-edits';
import { createMediaCheckHandler } from '../cloudfunctions/mediacheck/handler';
import { hmacSigner, randomIds } from '../adapters/platform/crypto';
import { createSqliteRatingRepository } from '../adapters/sqlite/ratings';
import { createSqliteRateLimitStore } from '../adapters/sqlite/rate-limits';
import { limitsFrom, takeLimit, type Limit } from '../core/shared/rate-limit';
import { createSqliteNoticeRepository, createSqliteRecruitmentRepository } from '../adapters/sqlite/recruitment';
import { createRecruitmentHandler } from '../cloudfunctions/recruitment/handler';
import { createNoticesHandler } from '../cloudfunctions/notices/handler';
import { jobSettings, scheduledJobs } from '../core/jobs';
import { randomBytes } from 'node:crypto';
import type { Db } from '../adapters/sqlite/db';
import { systemClock, type Cipher, type Clock, type CodeImages, type ContentSecurity, type DocumentFiles, type FileStore, type IdSource, type Notifier, type Signer } from '../core/ports';
import type { Region } from '../core/station/model';
import { spreadsheets } from '../adapters/platform/spreadsheet';
import { localDocumentFiles } from '../adapters/platform/local-documents';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegisterHandler } from '../cloudfunctions/register/handler';
import { createUpkeepHandler } from '../cloudfunctions/upkeep/handler';
import { createReportsHandler } from '../cloudfunctions/reports/handler';
import { createSqliteRectificationRepository } from '../adapters/sqlite/rectifications';
import { createSqliteUnlistedRepository } from '../adapters/sqlite/unlisted';
import { createSqliteReportRepository } from '../adapters/sqlite/reports';
import { createSqliteCertificationRepository } from '../adapters/sqlite/certifications';
import { createSqliteSignInRepository } from '../adapters/sqlite/signin';
import { createSqliteHeadsRepository } from '../adapters/sqlite/heads';
import type { Caller } from '../core/shared/caller';
import type { Envelope } from '../core/shared/errors';
import type { Logger, Router } from '../core/shared/router';
import { createStationsHandler } from '../cloudfunctions/stations/handler';
import { createComplaintsHandler } from '../cloudfunctions/complaints/handler';
import { createAccountHandler } from '../cloudfunctions/account/handler';
import { randomInviteCodes } from '../adapters/platform/invite-codes';
import { randomApiKeys } from '../adapters/platform/api-keys';
import { createSchedulerHandler } from '../cloudfunctions/scheduler/handler';
import { createRatingsHandler } from '../cloudfunctions/ratings/handler';
import { createGeoReport } from '../cloudfunctions/open311/handler';
import { createSqliteLedgerRepository } from '../adapters/sqlite/ledger';
import { createSqliteVisitRepository } from '../adapters/sqlite/inspections';
import { createSqlitePovertyVillageRepository, createSqliteSettingsRepository } from '../adapters/sqlite/settings';
import { createLedgerHandler } from '../cloudfunctions/ledger/handler';
import { createInspectionsHandler } from '../cloudfunctions/inspections/handler';
import { createHeadsHandler } from '../cloudfunctions/heads/handler';
import { createSettingsHandler } from '../cloudfunctions/settings/handler';
import { createAuthHandler } from '../cloudfunctions/auth/handler';
import { createSignInService } from '../core/auth/signin';
import { noCustomLogin, randomSignInSecrets } from '../adapters/platform/signin';

export type FunctionHandler = (event: unknown, caller: Caller) => Promise<Envelope<unknown>>;

export function createLocalStores(db: Db, faults: ComplaintFaults = {}) {
  return {
    stations: createSqliteStationRepository(db, pinyinOf),
    regions: createSqliteRegionRepository(db),
    complaints: createSqliteComplaintRepository(db, faults),
    outbox: createSqliteOutboxRepository(db),
    ...sqliteAdminStores(db),
    ratings: createSqliteRatingRepository(db),
    recruitment: createSqliteRecruitmentRepository(db),
    notices: createSqliteNoticeRepository(db),
    rateLimits: createSqliteRateLimitStore(db),
    mediaChecks: createSqliteMediaCheckRepository(db),
    rectifications: createSqliteRectificationRepository(db),
    unlisted: createSqliteUnlistedRepository(db),
    stationEdits: createSqliteStationEditRepository(db),
    certifications: createSqliteCertificationRepository(db),
    ledger: createSqliteLedgerRepository(db),
    visits: createSqliteVisitRepository(db),
    signins: createSqliteSignInRepository(db),
    heads: createSqliteHeadsRepository(db),
    reports: createSqliteReportRepository(db),
    settings: createSqliteSettingsRepository(db),
    poverty: createSqlitePovertyVillageRepository(db),
  };
}
export type LocalStores = ReturnType<typeof createLocalStores>;

export interface LocalPlatform {
  clock: Clock;
  content: ContentSecurity;
  cipher: Cipher;
  ids: IdSource;
  notifier: Notifier;
  files: FileStore;
  /** Signs station scenes and visit tokens (server/app.ts: from the local key ring). */
  signer: Signer;
  /** Station codes: a QR image locally. */
  codes: CodeImages;
  /** Rate limits per action (core/shared/rate-limit.ts; ZDT_RATE_LIMITS overrides entries). */
  limits: Record<string, Limit>;
  /** Photo checks: pass after one scheduler run locally (adapters/platform/local.ts). */
  mediaChecker: ReturnType<typeof localMediaChecker>;
  /** Officials' spreadsheets in and out (the register). */
  documents: DocumentFiles;
}

export function localPlatform(cipher: Cipher, files: FileStore, overrides: Partial<LocalPlatform> = {}): LocalPlatform {
  return {
    clock: systemClock,
    content: localContentSecurity(),
    cipher,
    files,
    ids: randomIds,
    notifier: recordingNotifier(),
    // Without a configured ring: a key for this process only (codes stop verifying on restart).
    signer: overrides.signer ?? hmacSigner([{ id: 'k1', key: randomBytes(32) }]),
    codes: qrCodeImages(),
    limits: limitsFrom(process.env.ZDT_RATE_LIMITS),
    mediaChecker: localMediaChecker(),
    // Without a folder: a temporary one for this process (server/app.ts passes the data folder's).
    documents: overrides.documents ?? localDocumentFiles(mkdtempSync(join(tmpdir(), 'zdt-documents-')), randomBytes(32), overrides.clock ?? systemClock),
    ...overrides,
  };
}

export function createLocalFunctions(stores: LocalStores, platform: LocalPlatform, logger?: Logger) {
  const { clock, content, cipher, ids, notifier, files, signer, codes, mediaChecker, documents, limits } = platform;
  const regionsFor = async (codes: string[]) => {
    const found = new Map<string, Region>();
    for (const code of codes) {
      const r = await stores.regions.get(code);
      if (r) found.set(code, r);
    }
    return found;
  };
  // Scan-to-sign-in: no CloudBase locally, so the PC's session token (Bearer) is its identity.
  const signInDeps = { ...stores, secrets: randomSignInSecrets, customLogin: noCustomLogin, codes, ids, clock, limits };
  /** The openid a Bearer session token stands for (server/http.ts), or null. */
  const sessionOpenid = createSignInService(signInDeps).openidOf;
  // Routers (not just FunctionHandlers): the API reference reads their actions.
  // The register and upkeep functions share their stores (upkeep: edits and rectification).
  const registerDeps = { stations: stores.stations, regions: stores.regions, regionsFor, roles: stores.roles, audit: stores.audit, rateLimits: stores.rateLimits, limits, sheets: spreadsheets, documents, clock, ids, edits: stores.stationEdits, rectifications: stores.rectifications, complaints: stores.complaints, ratings: stores.ratings, calendars: stores.calendars, certifications: stores.certifications, notices: stores.notices, files, unlisted: stores.unlisted, mediaChecker, mediaChecks: stores.mediaChecks, settings: stores.settings, poverty: stores.poverty };
  const functions: Record<string, Router> = {
    stations: createStationsHandler({ stations: stores.stations, regions: stores.regions, settings: stores.settings, rateLimits: stores.rateLimits, edits: stores.stationEdits, unlisted: stores.unlisted, uploads: files, content, files, ids, limits, clock }, logger),
    register: createRegisterHandler(registerDeps, logger),
    upkeep: createUpkeepHandler(registerDeps, logger),
    reports: createReportsHandler({ ...stores, limits, sheets: spreadsheets, documents, clock, ids }, logger),
    complaints: createComplaintsHandler({ ...stores, content, files, mediaChecker, cipher, ids, clock, limits, sheets: spreadsheets, documents }, logger),
    account: createAccountHandler({ ...stores, ids, clock, limits, inviteCodes: randomInviteCodes(), apiKeySource: randomApiKeys() }, logger),
    ratings: createRatingsHandler({ ...stores, content, signer, codes, ids, clock, limits }, logger),
    recruitment: createRecruitmentHandler({ ...stores, content, cipher, ids, clock, limits }, logger),
    notices: createNoticesHandler({ ...stores, content, cipher, ids, clock, limits }, logger),
    ledger: createLedgerHandler({ stations: stores.stations, regions: stores.regions, ledger: stores.ledger, roles: stores.roles, audit: stores.audit, rateLimits: stores.rateLimits, ids, clock, limits }, logger),
    inspections: createInspectionsHandler({ stations: stores.stations, visits: stores.visits, files, mediaChecker, mediaChecks: stores.mediaChecks, rectifications: stores.rectifications, complaints: stores.complaints, ratings: stores.ratings, calendars: stores.calendars, roles: stores.roles, audit: stores.audit, rateLimits: stores.rateLimits, ids, clock, limits }, logger),
    settings: createSettingsHandler({ settings: stores.settings, regions: stores.regions, roles: stores.roles, audit: stores.audit, rateLimits: stores.rateLimits, ids, clock, limits }, logger),
    auth: createAuthHandler(signInDeps, logger),
    heads: createHeadsHandler({ ...stores, cipher, ids, clock, limits, codes }, logger),
  };
  /** The photo upload route's limit (the cloud uploads straight to storage; submit limits the use). */
  const limitUpload = (openid: string) => takeLimit({ rateLimits: stores.rateLimits, roles: stores.roles, clock, limits }, 'upload', openid);
  // Not in `functions`: clients cannot call it; the server runs it on a timer and the dev route.
  // The message push of photo checks: WeChat's part is played by the local checker on each run.
  const mediacheck = createMediaCheckHandler({ ...stores, mediaChecker, clock }, logger);
  const scheduler = createSchedulerHandler({ ...stores, notifier, ids, clock }, logger, [
    async () => {
      let photosChecked = 0;
      for (const event of mediaChecker.deliver()) if ((await mediacheck(event)).ok) photosChecked++;
      return { photosChecked };
    },
    ...scheduledJobs({ ...stores, registerStations: stores.stations, content, cipher, ids, clock }, jobSettings(process.env)),
  ]);
  // Open311 GeoReport v2 for hotline platforms (served under /open/georeport/v2, not /api).
  const georeport = createGeoReport({ ...stores, content, files, mediaChecker, cipher, ids, clock, limits, apiKeySource: randomApiKeys() });
  return { functions, scheduler, limitUpload, georeport, sessionOpenid };
}
