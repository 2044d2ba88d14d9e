/**
 * Sign-in tickets and PC sessions on CloudBase: collections `signin_tickets` and `signin_sessions`,
 * `_id` = the hash of the secret (the secret is never stored), read by `_id` only. A ticket moves
 * with a guarded update `where({ _id, status: from })`, atomic per document, so of two polls only
 * one consumes it. `expiresAt` is indexed for the purge. Contract: test/contract/signin.contract.ts.
 */
import type { SignInRepository, SignInSession, SignInTicket } from '../../core/auth/signin';
import { byId, context, getDocs, insertDoc, removeWhere, replacing, request, type CbDb, type StoreOptions, type WithId } from './sdk';

export const SIGNIN_COLLECTIONS = { tickets: 'signin_tickets', sessions: 'signin_sessions' } as const;

export function createCloudbaseSignInRepository(db: CbDb, options: StoreOptions = {}): SignInRepository {
  const ctx = context(db, SIGNIN_COLLECTIONS, options);
  const { tickets, sessions } = ctx.names;
  const ticketOf = ({ _id, ...d }: WithId<Omit<SignInTicket, 'id'>>): SignInTicket => ({ ...d, id: _id });
  const sessionOf = ({ _id, ...d }: WithId<Omit<SignInSession, 'id'>>): SignInSession => ({ ...d, id: _id, revokedAt: d.revokedAt ?? null });

  async function purgeFrom(name: string, before: string, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const batch = await getDocs<{ expiresAt: string }>(ctx.coll(name).where({ expiresAt: ctx._.lt(before) }).field({ _id: true }).limit(Math.min(100, limit)));
    if (!batch.length) return 0;
    return removeWhere(ctx, ctx.coll(name).where({ _id: ctx._.in(batch.map((d) => d._id)) }), batch.length);
  }

  return {
    async insertTicket(t) {
      const { id, ...doc } = t;
      await insertDoc(ctx, tickets, id, doc);
    },
    async getTicket(id) {
      const d = await byId<Omit<SignInTicket, 'id'>>(ctx, tickets, id);
      return d ? ticketOf(d) : null;
    },
    async moveTicket(next, from) {
      const { id, ...doc } = next;
      const res = await request(() => ctx.coll(tickets).where({ _id: id, status: from }).update(ctx.arg(replacing(ctx, doc))));
      return ctx.updated(res) > 0;
    },
    async insertSession(s) {
      const { id, ...doc } = s;
      await insertDoc(ctx, sessions, id, doc);
    },
    async getSession(id) {
      const d = await byId<Omit<SignInSession, 'id'>>(ctx, sessions, id);
      return d ? sessionOf(d) : null;
    },
    async revokeSession(id, at) {
      const res = await request(() => ctx.coll(sessions).where({ _id: id, revokedAt: null }).update(ctx.arg({ revokedAt: at })));
      return ctx.updated(res) > 0;
    },
    async purge(before, limit) {
      const t = await purgeFrom(tickets, before, limit);
      return t + (await purgeFrom(sessions, before, limit - t));
    },
  };
}
