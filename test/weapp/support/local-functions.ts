/**
 * The real function handlers behind the simulated `wx.cloud.callFunction`, over the test's own
 * SQLite database, with the demo officials and heads bootstrapped: what most page tests need.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aesCipher, deriveKey, hmacSigner } from '../../../adapters/platform/crypto';
import { localFileStore } from '../../../adapters/platform/local-files';
import { bootstrapAdmins } from '../../../core/account/service';
import { systemClock } from '../../../core/ports';
import { demoIdentities } from '../../../seed/identities';
import { createLocalFunctions, createLocalStores, localPlatform } from '../../../server/functions';
import type { WxEnv } from './simulate';

export interface LocalOptions {
  /** Wire only these functions (default: all of them). */
  only?: string[];
  /** Bootstrap the demo officials and heads (default true). */
  admins?: boolean;
}

/** The stores, plus the local photo store (tests that need an uploaded photo put one there) and the signer. */
export async function wireLocalFunctions(env: WxEnv, opts: LocalOptions = {}) {
  const stores = createLocalStores(env.db);
  const ring = [{ id: 'k', key: randomBytes(32) }];
  const files = localFileStore(mkdtempSync(join(tmpdir(), 'zdt-weapp-')), deriveKey(ring, 'files'), systemClock);
  const platform = localPlatform(aesCipher(ring), files, { signer: hmacSigner(ring) });
  if (opts.admins !== false) await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'test');
  const { functions } = createLocalFunctions(stores, platform);
  const wired = opts.only ? Object.fromEntries(opts.only.map((name) => [name, functions[name as keyof typeof functions]])) : functions;
  Object.assign(env.functions, wired);
  return Object.assign(stores, { files, signer: platform.signer });
}
