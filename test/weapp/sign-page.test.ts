/**
 * 服务信息公示牌 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers): the
 * station head sees the sign of their station with its signed 到店评价 code; the mini-program
 * cannot print, so it copies the desk link to open on a PC.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TextEncoder } from 'node:util';
import { join } from 'node:path';
import { aesCipher, deriveKey, hmacSigner } from '../../adapters/platform/crypto';
import { localFileStore } from '../../adapters/platform/local-files';
import { bootstrapAdmins } from '../../core/account/service';
import { systemClock } from '../../core/ports';
import { demoIdentities } from '../../seed/identities';
import { createLocalFunctions, createLocalStores, localPlatform } from '../../server/functions';
import { renderPage, setupWeapp, teardownWeapp, type PageHandle, type WxEnv } from './support/simulate';

jest.setTimeout(30_000);

// The code image is drawn by the `qrcode` package, which needs TextEncoder; this test environment
// (jsdom) lacks it, Node and the cloud runtime have it.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

const HEAD = 'demo-station-head-1';
const STATION = 'st-360731100-000';
let env: WxEnv;
let page: PageHandle | null = null;

beforeAll(async () => {
  env = await setupWeapp({ openid: HEAD });
  const stores = createLocalStores(env.db);
  const ring = [{ id: 'k', key: randomBytes(32) }];
  const files = localFileStore(mkdtempSync(join(tmpdir(), 'zdt-weapp-sign-')), deriveKey(ring, 'files'), systemClock);
  const platform = localPlatform(aesCipher(ring), files, { signer: hmacSigner(ring) });
  await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'test');
  Object.assign(env.functions, createLocalFunctions(stores, platform).functions);
});

afterAll(() => teardownWeapp());

afterEach(() => {
  page?.unmount();
  page = null;
  env.clearCalls();
});

test('the head sees the sign with the certificate and the code, and copies the PC print link', async () => {
  page = await renderPage(`packages/official/sign/index?id=${STATION}`);
  await page.waitFor('btn-copy-sign-link');
  const sign = page.text('station-sign');
  expect(sign).toContain('服务信息公示牌');
  expect(sign).toContain('贡江镇');
  expect(sign).toContain('证书编号');
  expect(page.has('btn-print-sign')).toBe(false);
  await page.tap('btn-copy-sign-link');
  const copied = (await env.waitForCall('setClipboardData')) as { data: string }[];
  expect(copied[0].data).toContain(`/packages/official/sign/index?id=${STATION}`);
});
