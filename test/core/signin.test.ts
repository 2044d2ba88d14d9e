/**
 * Scan-to-sign-in (core/auth/signin.ts): the ticket's state machine (expiry, single use, confirm
 * only by staff, cancel), sessions (expiry, sign-out), audit without tokens, rate limits.
 */
import {
  CONFIRM_GRACE_S, SESSION_TTL_S, TICKET_TTL_S, cancelTicket, confirmTicket, consumeTicket, createSignInService, newSession, newTicket, sessionOpenid, ticketState,
  type SignInRepository, type SignInSession, type SignInTicket,
} from '../../core/auth/signin';
import type { RoleBinding } from '../../core/authz/roles';
import type { AuditEntry } from '../../core/ports';
import { DEFAULT_LIMITS } from '../../core/shared/rate-limit';

const T0 = new Date('2026-12-05T01:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

function memoryRepo(): SignInRepository {
  const tickets = new Map<string, SignInTicket>();
  const sessions = new Map<string, SignInSession>();
  return {
    insertTicket: async (t) => void tickets.set(t.id, { ...t }),
    getTicket: async (id) => (tickets.has(id) ? { ...tickets.get(id)! } : null),
    moveTicket: async (next, from) => {
      if (tickets.get(next.id)?.status !== from) return false;
      tickets.set(next.id, { ...next });
      return true;
    },
    insertSession: async (s) => void sessions.set(s.id, { ...s }),
    getSession: async (id) => (sessions.has(id) ? { ...sessions.get(id)! } : null),
    revokeSession: async (id, when) => {
      const s = sessions.get(id);
      if (!s || s.revokedAt) return false;
      sessions.set(id, { ...s, revokedAt: when });
      return true;
    },
    purge: async () => 0,
  };
}

const binding = (openid: string, role: RoleBinding['role']): RoleBinding => ({ id: `b-${openid}`, openid, role, scope: { kind: 'region', regionCode: '360731' }, grantedBy: 'x', grantedAt: T0.toISOString() });

function setup() {
  let now = T0;
  const audit: AuditEntry[] = [];
  const counters = new Map<string, number>();
  let n = 0;
  const bindings: Record<string, RoleBinding[]> = { county: [binding('county', 'county_official')], head: [binding('head', 'station_head')] };
  const s = createSignInService({
    signins: memoryRepo(),
    secrets: { newSecret: () => `secret-${String(++n).padStart(25, '0')}`, hash: (x) => `h(${x})` },
    customLogin: { issue: async (openid) => `cloud-ticket-for-${openid}` },
    codes: { stationCode: async (scene, page) => ({ contentType: 'image/png', base64: Buffer.from(`${page}?${scene}`).toString('base64') }) },
    roles: { activeFor: async (o) => bindings[o] ?? [], list: jest.fn(), get: jest.fn(), insert: jest.fn(), revoke: jest.fn(), claim: jest.fn() },
    audit: { append: async (e) => void audit.push(e), list: jest.fn() },
    rateLimits: {
      take: async (key, max) => {
        const c = counters.get(key) ?? 0;
        if (c >= max) return false;
        counters.set(key, c + 1);
        return true;
      },
      purge: async () => 0,
    },
    ids: { id: () => `id${++n}`, code: () => 'X' },
    clock: { now: () => now },
  });
  return { s, audit, setNow: (d: Date) => (now = d) };
}

describe('ticket state machine (pure)', () => {
  test('pending until the expiry, then expired; confirm extends to at least the grace period', () => {
    const t = newTicket('h', T0);
    expect(ticketState(t, at(TICKET_TTL_S - 1))).toBe('pending');
    expect(ticketState(t, at(TICKET_TTL_S))).toBe('expired');
    const c = confirmTicket(t, 'county', at(TICKET_TTL_S - 5));
    expect(c.status).toBe('confirmed');
    expect(ticketState(c, at(TICKET_TTL_S + CONFIRM_GRACE_S - 6))).toBe('confirmed');
    expect(ticketState(c, at(TICKET_TTL_S + CONFIRM_GRACE_S))).toBe('expired');
  });

  test('only a pending ticket can be confirmed or cancelled; only a confirmed one consumed', () => {
    const t = newTicket('h', T0);
    expect(() => consumeTicket(t, at(1))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => confirmTicket(t, 'county', at(TICKET_TTL_S))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const cancelled = cancelTicket(t, 'county', at(1));
    expect(() => confirmTicket(cancelled, 'county', at(2))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const used = consumeTicket(confirmTicket(t, 'county', at(1)), at(2));
    expect(used.status).toBe('consumed');
    expect(() => consumeTicket(used, at(3))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  test('a session stands for its openid until it expires or is revoked', () => {
    const s = newSession('h', 'r', 'county', T0);
    expect(sessionOpenid(s, at(SESSION_TTL_S - 1))).toBe('county');
    expect(sessionOpenid(s, at(SESSION_TTL_S))).toBeNull();
    expect(sessionOpenid({ ...s, revokedAt: at(5).toISOString() }, at(6))).toBeNull();
    expect(sessionOpenid(null, T0)).toBeNull();
  });
});

describe('sign-in service', () => {
  test('the whole flow: start → confirm by an official → one poll signs in → sign-out ends it', async () => {
    const { s, audit, setNow } = setup();
    const started = await s.start('127.0.0.1');
    expect(started.expiresAt).toBe(at(TICKET_TTL_S).toISOString());
    expect(Buffer.from(started.code.base64, 'base64').toString()).toBe(`packages/official/signin-confirm/index?${started.ticket}`);
    expect(await s.poll({ ticket: started.ticket })).toEqual({ state: 'pending', expiresAt: started.expiresAt });
    expect(await s.inspect('county', { ticket: started.ticket })).toMatchObject({ state: 'pending', allowed: true, roles: ['县级主管部门'] });
    expect(await s.confirm('county', { ticket: started.ticket, approve: true })).toEqual({ state: 'confirmed' });
    setNow(at(10));
    const signed = await s.poll({ ticket: started.ticket });
    expect(signed).toMatchObject({ state: 'signedIn', roles: ['县级主管部门'], cloudTicket: 'cloud-ticket-for-county', expiresAt: at(10 + SESSION_TTL_S).toISOString() });
    if (signed.state !== 'signedIn') throw new Error('not signed in');
    // Single use: the next poll gets nothing.
    expect(await s.poll({ ticket: started.ticket })).toEqual({ state: 'expired' });
    expect(await s.openidOf(signed.session)).toBe('county');
    setNow(at(20));
    expect(await s.signOut({ session: signed.session })).toEqual({ signedOut: true });
    expect(await s.openidOf(signed.session)).toBeNull();
    // Audited: the confirmation, the sign-in, the sign-out; no secret or token anywhere.
    expect(audit.map((e) => [e.action, e.outcome, e.actorOpenid])).toEqual([
      ['auth.confirm', 'allowed', 'county'],
      ['auth.signIn', 'done', 'county'],
      ['auth.signOut', 'done', 'county'],
    ]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(started.ticket);
    expect(text).not.toContain(signed.session);
  });

  test('a session expires after 12 hours', async () => {
    const { s, setNow } = setup();
    const { ticket } = await s.start('pc');
    await s.confirm('head', { ticket, approve: true });
    const signed = await s.poll({ ticket });
    if (signed.state !== 'signedIn') throw new Error('not signed in');
    setNow(at(SESSION_TTL_S - 1));
    expect(await s.openidOf(signed.session)).toBe('head');
    setNow(at(SESSION_TTL_S));
    expect(await s.openidOf(signed.session)).toBeNull();
    expect(await s.openidOf('not a token')).toBeNull();
  });

  test('a resident cannot confirm: refused and audited, the ticket stays pending', async () => {
    const { s, audit } = setup();
    const { ticket } = await s.start('pc');
    expect(await s.inspect('resident', { ticket })).toMatchObject({ allowed: false, roles: [] });
    await expect(s.confirm('resident', { ticket, approve: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.confirm(null, { ticket, approve: true })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(audit).toEqual([expect.objectContaining({ action: 'auth.confirm', outcome: 'denied', actorOpenid: 'resident' })]);
    expect(await s.poll({ ticket })).toMatchObject({ state: 'pending' });
  });

  test('cancel: the PC is told, nobody can confirm afterwards, the refusal is audited', async () => {
    const { s, audit } = setup();
    const { ticket } = await s.start('pc');
    expect(await s.confirm('county', { ticket, approve: false })).toEqual({ state: 'cancelled' });
    await expect(s.confirm('county', { ticket, approve: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await s.poll({ ticket })).toEqual({ state: 'cancelled' });
    expect(audit).toEqual([expect.objectContaining({ action: 'auth.confirm', outcome: 'denied', detail: 'cancelled by official' })]);
  });

  test('an expired code cannot be confirmed; a confirmed code not collected in time expires', async () => {
    const { s, setNow } = setup();
    const a = await s.start('pc');
    setNow(at(TICKET_TTL_S));
    await expect(s.confirm('county', { ticket: a.ticket, approve: true })).rejects.toMatchObject({ code: 'CONFLICT', message: '登录码已失效，请在电脑上刷新后重新扫码' });
    expect(await s.poll({ ticket: a.ticket })).toEqual({ state: 'expired' });
    const b = await s.start('pc');
    await s.confirm('county', { ticket: b.ticket, approve: true });
    setNow(at(TICKET_TTL_S + TICKET_TTL_S + CONFIRM_GRACE_S));
    expect(await s.poll({ ticket: b.ticket })).toEqual({ state: 'expired' });
    // An unknown code reads as expired too.
    expect(await s.poll({ ticket: 'x'.repeat(32) })).toEqual({ state: 'expired' });
  });

  test('rate limits: start per PC, confirm per official', async () => {
    const { s } = setup();
    for (let i = 0; i < DEFAULT_LIMITS['auth.start'].max; i++) await s.start('pc-a');
    await expect(s.start('pc-a')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const other = await s.start('pc-b');
    for (let i = 0; i < DEFAULT_LIMITS['auth.confirm'].max; i++) await s.confirm('county', { ticket: other.ticket, approve: true }).catch(() => undefined);
    await expect(s.confirm('county', { ticket: other.ticket, approve: true })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
