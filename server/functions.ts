/**
 * The function handlers the local server exposes, wired to the SQLite adapters and the local
 * platform services — the same handlers the cloud entries wire to CloudBase and WeChat.
 */
import {
  createSqliteAuditRepository,
  createSqliteCalendarRepository,
  createSqliteComplaintRepository,
  createSqliteOutboxRepository,
  createSqliteRoleRepository,
  type ComplaintFaults,
} from '../adapters/sqlite/complaints';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../adapters/sqlite/stations';
import { pinyinOf } from '../adapters/pinyin';
import { localContentSecurity, recordingNotifier } from '../adapters/platform/local';
import { randomIds } from '../adapters/platform/crypto';
import type { Db } from '../adapters/sqlite/db';
import { systemClock, type Cipher, type Clock, type ContentSecurity, type FileStore, type IdSource, type Notifier } from '../core/ports';
import type { Caller } from '../core/shared/caller';
import type { Envelope } from '../core/shared/errors';
import type { Logger } from '../core/shared/router';
import { createStationsHandler } from '../cloudfunctions/stations/handler';
import { createComplaintsHandler } from '../cloudfunctions/complaints/handler';
import { createAccountHandler } from '../cloudfunctions/account/handler';
import { createSchedulerHandler } from '../cloudfunctions/scheduler/handler';

export type FunctionHandler = (event: unknown, caller: Caller) => Promise<Envelope<unknown>>;

export function createLocalStores(db: Db, faults: ComplaintFaults = {}) {
  return {
    stations: createSqliteStationRepository(db, pinyinOf),
    regions: createSqliteRegionRepository(db),
    complaints: createSqliteComplaintRepository(db, faults),
    outbox: createSqliteOutboxRepository(db),
    roles: createSqliteRoleRepository(db),
    audit: createSqliteAuditRepository(db),
    calendars: createSqliteCalendarRepository(db),
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
}

export function localPlatform(cipher: Cipher, files: FileStore, overrides: Partial<LocalPlatform> = {}): LocalPlatform {
  return { clock: systemClock, content: localContentSecurity(), cipher, files, ids: randomIds, notifier: recordingNotifier(), ...overrides };
}

export function createLocalFunctions(stores: LocalStores, platform: LocalPlatform, logger?: Logger) {
  const { clock, content, cipher, ids, notifier, files } = platform;
  const functions: Record<string, FunctionHandler> = {
    stations: createStationsHandler({ stations: stores.stations, regions: stores.regions, clock }, logger),
    complaints: createComplaintsHandler({ ...stores, content, files, cipher, ids, clock }, logger),
    account: createAccountHandler({ ...stores, ids, clock }, logger),
  };
  // Not in `functions`: clients cannot call it; the server runs it on a timer and the dev route.
  const scheduler = createSchedulerHandler({ ...stores, notifier, ids, clock }, logger);
  return { functions, scheduler };
}
