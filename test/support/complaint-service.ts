/**
 * The complaint service and scheduler over real SQLite stores in memory, with demo stations and
 * demo roles, a fixed clock and a recording notifier: for core tests that need storage but no HTTP.
 */
import { randomBytes } from 'node:crypto';
import { aesCipher, randomIds } from '../../adapters/platform/crypto';
import { localContentSecurity, localMediaChecker, recordingNotifier } from '../../adapters/platform/local';
import { openDatabase } from '../../adapters/sqlite/db';
import { bootstrapAdmins } from '../../core/account/service';
import { runScheduler } from '../../core/complaint/scheduler';
import { createComplaintService } from '../../core/complaint/service';
import type { FileStore } from '../../core/ports';
import { demoIdentities } from '../../seed/identities';
import { createLocalStores } from '../../server/functions';
import { seedIfEmpty } from '../../server/seed';
import { FixedClock } from './local-app';

/** Photos are not under test here: ids pass through. */
const passThroughFiles: FileStore = { claim: async (id) => id, viewUrls: async (ids) => ids };

export async function createComplaintHarness(now = '2026-09-30T02:00:00.000Z') {
  const db = openDatabase(':memory:');
  const stores = createLocalStores(db);
  const clock = new FixedClock(now);
  const notifier = recordingNotifier();
  await seedIfEmpty(stores, clock.now());
  await bootstrapAdmins({ ...stores, ids: randomIds, clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'demo');
  const cipher = aesCipher([{ id: 'k1', key: randomBytes(32) }]);
  const mediaChecker = localMediaChecker();
  const service = createComplaintService({ ...stores, content: localContentSecurity(), files: passThroughFiles, mediaChecker, cipher, ids: randomIds, clock });
  const scheduler = () => runScheduler({ ...stores, notifier, ids: randomIds, clock });
  return { db, stores, clock, notifier, mediaChecker, service, scheduler, close: () => db.close() };
}
export type ComplaintHarness = Awaited<ReturnType<typeof createComplaintHarness>>;
