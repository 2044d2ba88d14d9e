/**
 * Sign-in tickets and PC sessions on CloudBase: collections `signin_tickets` and `signin_sessions`,
 * `_id` = the hash of the secret (the secret is never stored), read by `_id` only. A ticket moves
 * with a guarded update `where({ _id, status: from })`, atomic per document, so of two polls only
 * one consumes it. `expiresAt` is indexed for the purge. Contract: test/contract/signin.contract.ts.
 */
import type { SignInRepository, SignInSession, SignInTicket } from '../../core/auth/signin';
import { context, keyedRecords, removeExpired, replacing, updateWhere, type CbDb, type StoreOptions } from './sdk';

export const SIGNIN_COLLECTIONS = { tickets: 'signin_tickets', sessions: 'signin_sessions' } as const;

export function createCloudbaseSignInRepository(db: CbDb, options: StoreOptions = {}): SignInRepository {
  const ctx = context(db, SIGNIN_COLLECTIONS, options);
  const { tickets, sessions } = ctx.names;

  const ticket = keyedRecords<SignInTicket>(ctx, tickets, 'id');
  const session = keyedRecords<SignInSession>(ctx, sessions, 'id', (r) => ({ ...r, revokedAt: r.revokedAt ?? null }));

  return {
    insertTicket: ticket.insert,
    getTicket: ticket.get,
    async moveTicket(next, from) {
      const { id, ...doc } = next;
      return (await updateWhere(ctx, ctx.coll(tickets).where({ _id: id, status: from }), replacing(ctx, doc))) > 0;
    },
    insertSession: session.insert,
    getSession: session.get,
    revokeSession: async (id, at) => (await updateWhere(ctx, ctx.coll(sessions).where({ _id: id, revokedAt: null }), { revokedAt: at })) > 0,
    async purge(before, limit) {
      // One batch from each collection per call.
      const t = (await removeExpired(ctx, tickets, before, limit)).removed;
      return t + (await removeExpired(ctx, sessions, before, limit - t)).removed;
    },
  };
}
