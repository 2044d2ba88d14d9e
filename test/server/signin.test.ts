/**
 * Scan-to-sign-in over HTTP (issue 11 §1): an anonymous PC starts a code, the official confirms in
 * the "phone" (X-WX-OPENID), the PC's poll gets a session token once, `Authorization: Bearer` then
 * stands for the official; expired and signed-out sessions are refused; X-WX-OPENID keeps working;
 * audit and logs carry no token.
 */
import { SESSION_TTL_S } from '../../core/auth/signin';
import { DEMO, countRows, appForTests } from '../support/local-app';

const logs: unknown[] = [];
const t = appForTests({ now: '2026-12-05T01:00:00.000Z', logger: { info: (e) => logs.push(e), error: (e) => logs.push(e) }, accessLog: (e) => logs.push(e) });

async function bearer(token: string, fn: string, action: string, data: unknown = {}) {
  const res = await t.raw(`/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function signIn(openid: string): Promise<{ ticket: string; session: string }> {
  const started = await t.ok('auth', 'start', {});
  await t.ok('auth', 'confirm', { ticket: started.ticket, approve: true }, openid);
  const polled = await t.ok('auth', 'poll', { ticket: started.ticket });
  expect(polled.state).toBe('signedIn');
  return { ticket: started.ticket, session: polled.session };
}

test('the whole flow: code → confirm by the county official → one poll signs in → Bearer is the official → sign-out', async () => {
  const started = await t.ok('auth', 'start', {});
  expect(started.ticket).toMatch(/^[\w-]{32}$/);
  expect(started.page).toBe('packages/official/signin-confirm/index');
  expect(started.code.contentType).toBe('image/png');
  expect(Buffer.from(started.code.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  expect(await t.ok('auth', 'poll', { ticket: started.ticket })).toEqual({ state: 'pending', expiresAt: '2026-12-05T01:02:00.000Z' });

  // The phone: what is being signed in, then confirm.
  expect(await t.ok('auth', 'inspect', { ticket: started.ticket }, DEMO.county)).toMatchObject({ state: 'pending', allowed: true, roles: ['县级主管部门'] });
  expect(await t.ok('auth', 'confirm', { ticket: started.ticket, approve: true }, DEMO.county)).toEqual({ state: 'confirmed' });

  const polled = await t.ok('auth', 'poll', { ticket: started.ticket });
  expect(polled).toMatchObject({ state: 'signedIn', roles: ['县级主管部门'], expiresAt: '2026-12-05T13:00:00.000Z' });
  expect(polled.cloudTicket).toBeUndefined(); // no CloudBase locally
  expect(await t.ok('auth', 'poll', { ticket: started.ticket })).toEqual({ state: 'expired' });

  const me = await bearer(polled.session, 'account', 'me');
  expect(me.status).toBe(200);
  expect(me.body.data.openid).toBe(DEMO.county);
  // The officials' work goes through as the official.
  const queue = await bearer(polled.session, 'complaints', 'queue', {});
  expect(queue.body.ok).toBe(true);

  expect(await bearer(polled.session, 'auth', 'signOut', { session: polled.session })).toMatchObject({ status: 200, body: { ok: true } });
  const after = await bearer(polled.session, 'account', 'me');
  expect(after.status).toBe(401);
  expect(after.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期或已退出，请重新扫码登录' });

  const audit = (await t.app.stores.audit.list({ offset: 0, limit: 200 })).items.filter((e) => e.action.startsWith('auth.'));
  expect(audit.map((e) => e.action).sort()).toEqual(['auth.confirm', 'auth.signIn', 'auth.signOut']);
  const text = JSON.stringify(audit) + JSON.stringify(logs);
  expect(text).not.toContain(started.ticket);
  expect(text).not.toContain(polled.session);
});

test('a resident cannot confirm (403, audited); cancel tells the PC', async () => {
  const started = await t.ok('auth', 'start', {});
  const refused = await t.call('auth', 'confirm', { ticket: started.ticket, approve: true }, DEMO.resident1);
  expect(refused.status).toBe(403);
  const anonymous = await t.call('auth', 'confirm', { ticket: started.ticket, approve: true }, null);
  expect(anonymous.status).toBe(401);
  expect(await t.ok('auth', 'confirm', { ticket: started.ticket, approve: false }, DEMO.county)).toEqual({ state: 'cancelled' });
  expect(await t.ok('auth', 'poll', { ticket: started.ticket })).toEqual({ state: 'cancelled' });
  const denied = (await t.app.stores.audit.list({ action: 'auth.confirm', offset: 0, limit: 50 })).items.filter((e) => e.outcome === 'denied');
  expect(denied.map((e) => e.actorOpenid).sort()).toEqual([DEMO.county, DEMO.resident1]);
});

test('an expired session is refused; a made-up or malformed Bearer is refused, not read as anonymous', async () => {
  const { session } = await signIn(DEMO.city);
  expect((await bearer(session, 'account', 'me')).body.data.openid).toBe(DEMO.city);
  t.clock.set(new Date(t.clock.now().getTime() + SESSION_TTL_S * 1000).toISOString());
  expect((await bearer(session, 'account', 'me')).status).toBe(401);
  expect((await bearer('x'.repeat(32), 'account', 'me')).status).toBe(401);
  const bad = await t.raw('/api/account', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: JSON.stringify({ action: 'me', data: {} }) });
  expect(bad.status).toBe(401);
});

test('X-WX-OPENID keeps working as before; unknown fields and bad codes are refused in Chinese', async () => {
  expect((await t.ok('account', 'me', {}, DEMO.province)).openid).toBe(DEMO.province);
  const extra = await t.call('auth', 'start', { who: 'me' });
  expect(extra.status).toBe(400);
  expect(extra.body).toMatchObject({ ok: false, error: { message: '提交的内容里有不支持的字段' } });
  const bad = await t.call('auth', 'poll', { ticket: 'short' });
  expect(bad.body).toMatchObject({ ok: false, error: { message: '登录码不对，请重新扫码' } });
});

test('uploads accept a PC session too', async () => {
  const { session } = await signIn(DEMO.county);
  const res = await t.raw('/api/upload', { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${session}` }, body: new Uint8Array([1, 2, 3]) });
  // Past identity: the bytes are judged (not an image), not the caller.
  const body = (await res.json()) as { error?: { code: string } };
  expect(body.error?.code).not.toBe('UNAUTHENTICATED');
});

test('the scheduler removes expired codes and sessions', async () => {
  await signIn(DEMO.county);
  await t.ok('auth', 'start', {});
  expect(countRows(t.app, 'signin_tickets')).toBeGreaterThan(0);
  expect(countRows(t.app, 'signin_sessions')).toBeGreaterThan(0);
  t.clock.set(new Date(t.clock.now().getTime() + SESSION_TTL_S * 1000 + 1000).toISOString());
  const run = await t.app.runScheduler();
  expect(run).toMatchObject({ ok: true, data: { signInsPurged: expect.any(Number) } });
  expect(countRows(t.app, 'signin_tickets')).toBe(0);
  expect(countRows(t.app, 'signin_sessions')).toBe(0);
});
