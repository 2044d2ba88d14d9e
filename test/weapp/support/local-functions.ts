/**
 * The real function handlers behind the simulated `wx.cloud.callFunction`, over the test's own
 * SQLite database, with the demo officials and heads bootstrapped: what most page tests need.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aesCipher, deriveKey, hmacSigner } from '../../../adapters/platform/crypto';
import { localFileStore, type LocalFileStore } from '../../../adapters/platform/local-files';
import { bootstrapAdmins } from '../../../core/account/service';
import { systemClock } from '../../../core/ports';
import { demoIdentities } from '../../../seed/identities';
import { createLocalFunctions, createLocalStores, localPlatform, type LocalStores } from '../../../server/functions';
import type { WxEnv } from './simulate';

/** The stores, plus the local photo store (tests that need an uploaded photo put one there). */
export async function wireLocalFunctions(env: WxEnv): Promise<LocalStores & { files: LocalFileStore }> {
  const stores = createLocalStores(env.db);
  const ring = [{ id: 'k', key: randomBytes(32) }];
  const files = localFileStore(mkdtempSync(join(tmpdir(), 'zdt-weapp-')), deriveKey(ring, 'files'), systemClock);
  const platform = localPlatform(aesCipher(ring), files, { signer: hmacSigner(ring) });
  await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'test');
  Object.assign(env.functions, createLocalFunctions(stores, platform).functions);
  return Object.assign(stores, { files });
}
