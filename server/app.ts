/**
 * Composition of the local mode: SQLite + local platform services + the function handlers +
 * the HTTP server. `npm start`, the HTTP tests, the browser tests and the benchmarks all use it.
 */
import type { Server } from 'node:http';
import { openDatabase, type Db } from '../adapters/sqlite/db';
import { localKeyRing, localMediaChecker } from '../adapters/platform/local';
import { aesCipher, deriveKey, hmacSigner } from '../adapters/platform/crypto';
import { localFileStore, type LocalFileStore } from '../adapters/platform/local-files';
import { settableClock } from '../adapters/platform/clock';
import { localDocumentFiles } from '../adapters/platform/local-documents';
import { dirname, join } from 'node:path';
import { systemClock } from '../core/ports';
import type { ComplaintFaults } from '../adapters/sqlite/complaints';
import { bootstrapAdmins, parseAdminConfig } from '../core/account/service';
import type { Logger } from '../core/shared/router';
import { demoIdentities } from '../seed/identities';
import { createLocalFunctions, createLocalStores, localPlatform, type LocalPlatform, type LocalStores } from './functions';
import { createLocalServer } from './http';
import { createHsdsApi } from '../core/station/hsds-api';
import { seedDemoComplaints, seedDemoLedger, seedDemoVisits, seedIfEmpty } from './seed';
import type { OutboxMessage } from '../core/complaint/model';
import { buildSubscribeMessage, localTemplates, miniprogramStateFrom } from '../core/notify/subscribe';

/**
 * A local outbox entry with `request`: exactly the body subscribeMessage.send receives for it
 * (local template ids), or `requestError` when WeChat would be sent nothing valid.
 */
function withWechatRequest(m: OutboxMessage): OutboxMessage & { request: unknown; requestError?: string } {
  try {
    return { ...m, request: buildSubscribeMessage(m, localTemplates(), miniprogramStateFrom(process.env.ZDT_MINIPROGRAM_STATE)) };
  } catch (err) {
    return { ...m, request: null, requestError: err instanceof Error ? err.message : 'error' };
  }
}

export interface LocalAppOptions {
  dbFile: string;
  keyFile: string;
  /** Folder for uploaded photos (git-ignored in local mode). */
  uploadsDir: string;
  /** Folder for officials' spreadsheets; default: "documents" beside uploadsDir. */
  documentsDir?: string;
  h5Dir?: string;
  /** Seed demo stations, regions and demo identities' roles on an empty database. */
  demo?: boolean;
  /** Also seed a few weeks of demo complaints (npm start; tests start without them). */
  demoComplaints?: boolean;
  platform?: Partial<LocalPlatform>;
  logger?: Logger;
  accessLog?: (entry: Record<string, unknown>) => void;
  faults?: ComplaintFaults;
}

export interface LocalApp {
  db: Db;
  stores: LocalStores;
  platform: LocalPlatform;
  files: LocalFileStore;
  server: Server;
  /** The function handlers the server exposes (by name). */
  functions: ReturnType<typeof createLocalFunctions>['functions'];
  runScheduler: () => ReturnType<ReturnType<typeof createLocalFunctions>['scheduler']>;
  seeded: { seeded: boolean; stations: number };
  close(): Promise<void>;
}

export async function createLocalApp(opts: LocalAppOptions): Promise<LocalApp> {
  const db = openDatabase(opts.dbFile);
  const stores = createLocalStores(db, opts.faults);
  const ring = localKeyRing(opts.keyFile);
  // Demo mode: one clock that /dev/clock can set, read by handlers, the scheduler and file URLs.
  const devClock = opts.demo ? settableClock(opts.platform?.clock ?? systemClock) : null;
  const clock = devClock ?? opts.platform?.clock ?? systemClock;
  const files = localFileStore(opts.uploadsDir, deriveKey(ring, 'zdt-file-urls'), clock);
  const documents = localDocumentFiles(opts.documentsDir ?? join(dirname(opts.uploadsDir), 'documents'), deriveKey(ring, 'zdt-document-urls'), clock);
  const platform = localPlatform(aesCipher(ring), files, { signer: hmacSigner(ring), documents, mediaChecker: localMediaChecker((id) => files.remove(id)), ...opts.platform, clock });
  const seeded = opts.demo ? await seedIfEmpty(stores, platform.clock.now()) : { seeded: false, stations: await stores.stations.count() };
  const identities = opts.demo ? demoIdentities() : [];
  if (opts.demo) {
    await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, identities.filter((i) => i.role !== 'resident'), 'demo');
  }
  if (opts.demo && opts.demoComplaints) await seedDemoComplaints(stores, platform.clock.now());
  if (opts.demo && opts.demoComplaints) await seedDemoLedger(stores, platform.clock.now());
  if (opts.demo && opts.demoComplaints) await seedDemoVisits(stores, platform.clock.now());
  if (process.env.ZDT_ADMINS) {
    await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, parseAdminConfig(process.env.ZDT_ADMINS));
  }
  const { functions, scheduler, limitUpload, georeport, sessionOpenid } = createLocalFunctions(stores, platform, opts.logger);
  const runScheduler = () => scheduler({}, { openid: null, trusted: true });
  const server = createLocalServer({
    functions,
    files,
    limitUpload,
    documents,
    h5Dir: opts.h5Dir,
    log: opts.accessLog,
    opendata: createHsdsApi(stores.stations),
    georeport,
    sessionOpenid,
    dev: devClock
      ? { identities, runScheduler, outbox: async (openid) => (await stores.outbox.forRecipient(openid, 50)).map(withWechatRequest), clock: devClock }
      : undefined,
  });
  return {
    db,
    stores,
    platform,
    files,
    server,
    functions,
    runScheduler,
    seeded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
        if (!server.listening) {
          db.close();
          resolve();
        }
      }),
  };
}
