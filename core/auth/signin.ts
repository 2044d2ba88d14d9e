/**
 * Scan-to-sign-in for the officials' PC desk (issue 11 §1). A PC without identity starts a one-time
 * ticket (a random secret shown as a code, 2 minutes); an official signed in to the mini-program
 * scans it, sees what is being signed in and confirms (or cancels); the PC, polling, then consumes
 * the confirmed ticket exactly once and gets a session: a random token, stored only as a hash,
 * 12 hours, revoked by 退出登录. Every sign-in, refusal and sign-out is audited, without tokens.
 *
 * The ticket moves pending → confirmed → consumed (or pending → cancelled); a pending or confirmed
 * ticket past its expiry is expired. Stores move a ticket only from the status it was read in
 * (`moveTicket`), so two polls cannot both consume it.
 */
import { createAccess } from '../authz/access';
import { ROLE_LABELS, type Actor } from '../authz/roles';
import type { AuditRepository, Clock, CodeImages, IdSource, RateLimitStore, RoleRepository } from '../ports';
import { AppError } from '../shared/errors';
import { DEFAULT_LIMITS, retryMessage, windowOf, type Limit } from '../shared/rate-limit';
import { z } from '../shared/zod';
import { sessionOpenid, type SignInSession } from './session';

export const TICKET_TTL_S = 120;
/** A confirmed ticket stays consumable this long even past its expiry: the PC polls every 2 s. */
export const CONFIRM_GRACE_S = 60;
export const SESSION_TTL_S = 12 * 3600;
/** The page the code opens (the official subpackage); also where H5 opens it locally. */
export const CONFIRM_PAGE = 'packages/official/signin-confirm/index';

/** Secrets and tokens: 32 characters of base64url (a mini-program code's scene holds at most 32). */
export const SECRET_PATTERN = /^[\w-]{32}$/;

export type TicketStatus = 'pending' | 'confirmed' | 'cancelled' | 'consumed';
export type TicketState = TicketStatus | 'expired';

export interface SignInTicket {
  /** Hash of the secret (SignInSecrets.hash); the secret itself is never stored. */
  id: string;
  status: TicketStatus;
  createdAt: string;
  expiresAt: string;
  /** The official who confirmed or cancelled. */
  decidedBy: string | null;
  decidedAt: string | null;
  consumedAt: string | null;
}

export type { SignInSession } from './session';

/** Storage of tickets and sessions (adapters/*\/signin.ts; test/contract/signin.contract.ts). */
export interface SignInRepository {
  insertTicket(t: SignInTicket): Promise<void>;
  getTicket(id: string): Promise<SignInTicket | null>;
  /** Replace the ticket only while its stored status is still `from`; false when another call moved it first. */
  moveTicket(next: SignInTicket, from: TicketStatus): Promise<boolean>;
  insertSession(s: SignInSession): Promise<void>;
  getSession(id: string): Promise<SignInSession | null>;
  /** Revoke once: false when unknown or already revoked. */
  revokeSession(id: string, at: string): Promise<boolean>;
  /** Remove tickets and sessions that expired before `before`; returns how many (at most `limit`). */
  purge(before: string, limit: number): Promise<number>;
}

/** Random secrets and their hashes (adapters/platform/signin-secrets.ts). */
export interface SignInSecrets {
  newSecret(): string;
  hash(secret: string): string;
}

/**
 * CloudBase custom login: a ticket the PC's js-sdk signs in with (`auth().signInWithTicket`), its
 * user id the official's openid. Null where there is no CloudBase (the local server uses the session).
 */
export interface CustomLoginTickets {
  issue(openid: string, expiresAt: Date): Promise<string | null>;
}

// ——— Pure rules ———

const iso = (d: Date) => d.toISOString();
const addS = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

export function newTicket(id: string, now: Date): SignInTicket {
  return { id, status: 'pending', createdAt: iso(now), expiresAt: iso(addS(now, TICKET_TTL_S)), decidedBy: null, decidedAt: null, consumedAt: null };
}

export function ticketState(t: SignInTicket, now: Date): TicketState {
  if ((t.status === 'pending' || t.status === 'confirmed') && now.getTime() >= Date.parse(t.expiresAt)) return 'expired';
  return t.status;
}

const GONE = '登录码已失效，请在电脑上刷新后重新扫码';

/** Staff roles may sign in to the desk; a resident may not. */
export function maySignIn(actor: Actor): boolean {
  return actor.bindings.some((b) => b.role !== 'resident');
}

export function confirmTicket(t: SignInTicket, openid: string, now: Date): SignInTicket {
  if (ticketState(t, now) !== 'pending') throw new AppError('CONFLICT', GONE);
  const graceEnd = addS(now, CONFIRM_GRACE_S);
  const expiresAt = graceEnd.getTime() > Date.parse(t.expiresAt) ? iso(graceEnd) : t.expiresAt;
  return { ...t, status: 'confirmed', decidedBy: openid, decidedAt: iso(now), expiresAt };
}

export function cancelTicket(t: SignInTicket, openid: string, now: Date): SignInTicket {
  if (ticketState(t, now) !== 'pending') throw new AppError('CONFLICT', GONE);
  return { ...t, status: 'cancelled', decidedBy: openid, decidedAt: iso(now) };
}

export function consumeTicket(t: SignInTicket, now: Date): SignInTicket {
  if (ticketState(t, now) !== 'confirmed' || !t.decidedBy) throw new AppError('CONFLICT', GONE);
  return { ...t, status: 'consumed', consumedAt: iso(now) };
}

export function newSession(id: string, ref: string, openid: string, now: Date): SignInSession {
  return { id, ref, openid, createdAt: iso(now), expiresAt: iso(addS(now, SESSION_TTL_S)), revokedAt: null };
}

// In its own module: every cloud entry checks sessions, and must not bundle this file's schemas.
export { sessionOpenid };

// ——— Inputs ———

const secret = (label: string) => z.string().check(z.regex(SECRET_PATTERN, `${label}不对，请重新扫码`));
export const startInput = z.strictObject({});
export const pollInput = z.strictObject({ ticket: secret('登录码') });
export const inspectInput = z.strictObject({ ticket: secret('登录码') });
export const confirmInput = z.strictObject({ ticket: secret('登录码'), approve: z.boolean() });
export const signOutInput = z.strictObject({ session: z.string().check(z.regex(SECRET_PATTERN, '登录凭证不对')) });

// ——— Service ———

export interface SignInDeps {
  signins: SignInRepository;
  secrets: SignInSecrets;
  customLogin: CustomLoginTickets;
  codes: CodeImages;
  roles: RoleRepository;
  audit: AuditRepository;
  rateLimits: RateLimitStore;
  ids: IdSource;
  clock: Clock;
  limits?: Readonly<Record<string, Limit>>;
}

export type PollAnswer =
  | { state: 'pending'; expiresAt: string }
  | { state: 'confirmed'; expiresAt: string }
  | { state: 'expired' | 'cancelled' }
  | { state: 'signedIn'; session: string; expiresAt: string; roles: string[]; cloudTicket?: string };

function roleLabels(actor: Actor): string[] {
  return [...new Set(actor.bindings.filter((b) => b.role !== 'resident').map((b) => ROLE_LABELS[b.role]))];
}

export function createSignInService(deps: SignInDeps) {
  const { signins, secrets, clock } = deps;
  const access = createAccess(deps);
  const limits = deps.limits ?? DEFAULT_LIMITS;

  /** Count a call against `key` for `who` (an openid, a client address or a ticket); RATE_LIMITED when over. */
  async function limit(key: string, who: string): Promise<void> {
    const l = limits[key];
    if (!l) return;
    const now = clock.now();
    const { counterKey, endsAt } = windowOf(who, key, l, now);
    if (!(await deps.rateLimits.take(counterKey, l.max, endsAt.toISOString()))) throw new AppError('RATE_LIMITED', retryMessage(now, endsAt));
  }

  async function ticketOf(secretText: string): Promise<SignInTicket | null> {
    return signins.getTicket(secrets.hash(secretText));
  }

  async function staff(openid: string | null): Promise<Actor> {
    return access.actorOf(openid, '请先在微信小程序里打开');
  }

  return {
    /** An anonymous PC asks for a code. `client` identifies the caller for the rate limit (an address or an anonymous id). */
    async start(client: string): Promise<{ ticket: string; expiresAt: string; page: string; code: { contentType: string; base64: string } }> {
      await limit('auth.start', `client:${client}`);
      const s = secrets.newSecret();
      const t = newTicket(secrets.hash(s), clock.now());
      await signins.insertTicket(t);
      const code = await deps.codes.stationCode(s, CONFIRM_PAGE);
      return { ticket: s, expiresAt: t.expiresAt, page: CONFIRM_PAGE, code };
    },

    /** The PC asks how its code is doing; a confirmed ticket is consumed here, once, into a session. */
    async poll(input: z.output<typeof pollInput>): Promise<PollAnswer> {
      const id = secrets.hash(input.ticket);
      await limit('auth.poll', `ticket:${id}`);
      const t = await signins.getTicket(id);
      const now = clock.now();
      if (!t) return { state: 'expired' };
      const state = ticketState(t, now);
      if (state === 'pending') return { state, expiresAt: t.expiresAt };
      if (state !== 'confirmed') return { state: state === 'cancelled' ? 'cancelled' : 'expired' };
      const next = consumeTicket(t, now);
      // Another poll consumed it first: this one gets nothing.
      if (!(await signins.moveTicket(next, 'confirmed'))) return { state: 'expired' };
      const openid = next.decidedBy as string;
      const token = secrets.newSecret();
      const session = newSession(secrets.hash(token), deps.ids.id(), openid, now);
      await signins.insertSession(session);
      await access.record({ actorOpenid: openid, action: 'auth.signIn', outcome: 'done', resource: `session:${session.ref}`, detail: 'pc' });
      const actor = await staff(openid);
      const cloudTicket = await deps.customLogin.issue(openid, new Date(session.expiresAt));
      return { state: 'signedIn', session: token, expiresAt: session.expiresAt, roles: roleLabels(actor), ...(cloudTicket ? { cloudTicket } : {}) };
    },

    /** What the confirm page shows before asking: the code's state and who would be signed in. */
    async inspect(openid: string | null, input: z.output<typeof inspectInput>): Promise<{ state: TicketState; expiresAt: string | null; allowed: boolean; roles: string[] }> {
      const actor = await staff(openid);
      const t = await ticketOf(input.ticket);
      return { state: t ? ticketState(t, clock.now()) : 'expired', expiresAt: t?.expiresAt ?? null, allowed: maySignIn(actor), roles: roleLabels(actor) };
    },

    /** The official confirms (approve) or cancels. Only staff may confirm; refusals are audited. */
    async confirm(openid: string | null, input: z.output<typeof confirmInput>): Promise<{ state: 'confirmed' | 'cancelled' }> {
      const actor = await staff(openid);
      await limit('auth.confirm', actor.openid);
      const t = await ticketOf(input.ticket);
      const now = clock.now();
      if (!t) throw new AppError('CONFLICT', GONE);
      if (input.approve && !maySignIn(actor)) {
        await access.record({ actorOpenid: actor.openid, action: 'auth.confirm', outcome: 'denied', resource: 'signin', detail: 'no staff role' });
        throw new AppError('FORBIDDEN', '电脑工作台只供主管部门和站点工作人员使用');
      }
      const next = input.approve ? confirmTicket(t, actor.openid, now) : cancelTicket(t, actor.openid, now);
      if (!(await signins.moveTicket(next, 'pending'))) throw new AppError('CONFLICT', GONE);
      await access.record({ actorOpenid: actor.openid, action: 'auth.confirm', outcome: input.approve ? 'allowed' : 'denied', resource: 'signin', detail: input.approve ? 'confirmed' : 'cancelled by official' });
      return { state: next.status === 'confirmed' ? 'confirmed' : 'cancelled' };
    },

    /** 退出登录: the session ends at once. An unknown or ended session answers the same (nothing to end). */
    async signOut(input: z.output<typeof signOutInput>): Promise<{ signedOut: true }> {
      const id = secrets.hash(input.session);
      await limit('auth.signOut', `session:${id}`);
      const s = await signins.getSession(id);
      if (s && !s.revokedAt && (await signins.revokeSession(id, iso(clock.now())))) {
        await access.record({ actorOpenid: s.openid, action: 'auth.signOut', outcome: 'done', resource: `session:${s.ref}`, detail: 'pc' });
      }
      return { signedOut: true };
    },

    /** The openid of a live session token, or null: what a Bearer header or a custom-login call stands for. */
    async openidOf(token: string): Promise<string | null> {
      if (!SECRET_PATTERN.test(token)) return null;
      return sessionOpenid(await signins.getSession(secrets.hash(token)), clock.now());
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
