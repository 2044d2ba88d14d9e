/**
 * Scan-to-sign-in through the deployed bundles (`auth` and `account`), with a fake wx-server-sdk
 * whose database is the CloudBase test double and a fake @cloudbase/node-sdk: an anonymous PC
 * starts a code, the official confirms by OPENID, the poll answers a custom-login ticket for the
 * official's openid; then a custom-login call (TCB_CUSTOM_USER_ID in the function context, both
 * documented shapes) is the official only with a live session token, and 退出登录 ends it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCloudbaseRegionRepository } from '../../adapters/cloudbase/stations';
import { fakeWxServerSdk, useBuiltBundles } from '../support/bundles';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { REGIONS } from '../support/stations';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COUNTY = 'o-county-0001';
const RESIDENT = 'o-resident-0001';
const fake = createFakeCloudbase();
let openid = '';
const sdk = fakeWxServerSdk(fake, () => openid, {
  openapi: { wxacode: { getUnlimited: jest.fn(async () => ({ errCode: 0, contentType: 'image/jpeg', buffer: Buffer.from('jpeg') })) } },
});
const createTicket = jest.fn((uid: string) => `key-id/@@/ticket-for-${uid}`);
const nodeSdk = { init: jest.fn(() => ({ auth: () => ({ createTicket }) })) };
const KEY = { private_key_id: 'key-id', private_key: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n', env_id: 'zdt-env' };
const env: Record<string, string> = { ZDT_ADMINS: `${COUNTY}:county_official:360731`, ZDT_CUSTOM_LOGIN_KEY: JSON.stringify(KEY) };
const bundles = useBuiltBundles({
  only: ['auth', 'account'],
  modules: { 'wx-server-sdk': sdk, '@cloudbase/node-sdk': nodeSdk },
  env,
  seed: () => createCloudbaseRegionRepository(fake.db).upsertMany(REGIONS),
});
const { logged, outDir } = bundles;

async function call(fn: string, who: string | null, event: unknown, context: unknown = {}) {
  openid = who ?? '';
  return bundles.main<Main>(fn)(event, context);
}
const custom = (uid: string) => ({ environment: JSON.stringify({ TCB_CUSTOM_USER_ID: uid, TCB_UUID: 'cb-user' }) });

test('the auth bundle leaves wx-server-sdk and @cloudbase/node-sdk to the cloud', () => {
  const pkg = JSON.parse(readFileSync(join(outDir, 'auth', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(Object.keys(pkg.dependencies).sort()).toEqual(['@cloudbase/node-sdk', 'wx-server-sdk']);
  expect(bundles.code('auth')).toMatch(/require\("@cloudbase\/node-sdk"\)/);
});

test('code → confirm → custom-login ticket → custom-login calls are the official while the session lives', async () => {
  // The first account call ensures the configured county official.
  expect((await call('account', COUNTY, { action: 'me', data: {} })).data.openid).toBe(COUNTY);

  const started = await call('auth', null, { action: 'start', data: {} }, { environment: JSON.stringify({ TCB_UUID: 'anon-pc' }) });
  expect(started).toMatchObject({ ok: true, data: { page: 'packages/official/signin-confirm/index', code: { contentType: 'image/jpeg' } } });
  const ticket = started.data.ticket as string;
  expect(sdk.openapi.wxacode.getUnlimited).toHaveBeenCalledWith(expect.objectContaining({ scene: ticket, page: 'packages/official/signin-confirm/index' }));

  expect(await call('auth', RESIDENT, { action: 'confirm', data: { ticket, approve: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await call('auth', COUNTY, { action: 'confirm', data: { ticket, approve: true } })).toMatchObject({ ok: true, data: { state: 'confirmed' } });
  const polled = await call('auth', null, { action: 'poll', data: { ticket } });
  expect(polled).toMatchObject({ ok: true, data: { state: 'signedIn', cloudTicket: `key-id/@@/ticket-for-${COUNTY}` } });
  expect(nodeSdk.init).toHaveBeenCalledWith({ env: 'zdt-env', credentials: KEY });
  expect(createTicket).toHaveBeenCalledWith(COUNTY, { expire: Date.parse(polled.data.expiresAt) });
  const session = polled.data.session as string;

  // A custom-login caller with its session token: the official (newer and older context shapes).
  expect(await call('account', null, { action: 'me', data: {}, session }, custom(COUNTY))).toMatchObject({ ok: true, data: { openid: COUNTY } });
  expect(await call('account', null, { action: 'me', data: {}, session }, { environ: `SCF_NAMESPACE=zdt-env;TCB_CUSTOM_USER_ID=${COUNTY}` })).toMatchObject({ ok: true, data: { openid: COUNTY } });
  // Without the token, or with a custom id that is not the session's, it is refused.
  expect(await call('account', null, { action: 'me', data: {} }, custom(COUNTY))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await call('account', null, { action: 'me', data: {}, session }, custom(RESIDENT))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  expect(await call('auth', null, { action: 'signOut', data: { session }, session }, custom(COUNTY))).toMatchObject({ ok: true });
  expect(await call('account', null, { action: 'me', data: {}, session }, custom(COUNTY))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已过期或已退出，请重新扫码登录' } });

  // Stored as hashes; no code or token in the database dumps or the logs.
  const stored = JSON.stringify([fake.dump('signin_tickets'), fake.dump('signin_sessions'), fake.dump('audit_log')]) + logged.join('\n');
  expect(stored).not.toContain(ticket);
  expect(stored).not.toContain(session);
}, 30_000);
