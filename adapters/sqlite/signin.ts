/**
 * Sign-in tickets and PC sessions on SQLite (migration 20). A ticket moves only from the status it
 * was read in: `UPDATE … WHERE id = ? AND status = ?` is one atomic statement.
 * Contract: test/contract/signin.contract.ts.
 */
import type { SignInRepository, SignInSession, SignInTicket } from '../../core/auth/signin';
import { guarded, type Db } from './db';

export function createSqliteSignInRepository(db: Db): SignInRepository {
  const insertTicket = db.prepare('INSERT INTO signin_tickets (id, status, expires_at, doc) VALUES (?, ?, ?, ?)');
  const getTicket = db.prepare<[string], { doc: string }>('SELECT doc FROM signin_tickets WHERE id = ?');
  const moveTicket = db.prepare('UPDATE signin_tickets SET status = ?, expires_at = ?, doc = ? WHERE id = ? AND status = ?');
  const insertSession = db.prepare('INSERT INTO signin_sessions (id, expires_at, revoked_at, doc) VALUES (?, ?, NULL, ?)');
  const getSession = db.prepare<[string], { doc: string }>('SELECT doc FROM signin_sessions WHERE id = ?');
  const revoke = db.prepare(
    `UPDATE signin_sessions SET revoked_at = ?, doc = json_set(doc, '$.revokedAt', ?) WHERE id = ? AND revoked_at IS NULL`,
  );
  const purgeTickets = db.prepare('DELETE FROM signin_tickets WHERE id IN (SELECT id FROM signin_tickets WHERE expires_at < ? LIMIT ?)');
  const purgeSessions = db.prepare('DELETE FROM signin_sessions WHERE id IN (SELECT id FROM signin_sessions WHERE expires_at < ? LIMIT ?)');
  return {
    insertTicket: (t) =>
      guarded(() => {
        insertTicket.run(t.id, t.status, t.expiresAt, JSON.stringify(t));
      }),
    getTicket: (id) =>
      guarded(() => {
        const row = getTicket.get(id);
        return row ? (JSON.parse(row.doc) as SignInTicket) : null;
      }),
    moveTicket: (next, from) => guarded(() => moveTicket.run(next.status, next.expiresAt, JSON.stringify(next), next.id, from).changes > 0),
    insertSession: (s) =>
      guarded(() => {
        insertSession.run(s.id, s.expiresAt, JSON.stringify(s));
      }),
    getSession: (id) =>
      guarded(() => {
        const row = getSession.get(id);
        return row ? (JSON.parse(row.doc) as SignInSession) : null;
      }),
    revokeSession: (id, at) => guarded(() => revoke.run(at, at, id).changes > 0),
    purge: (before, limit) =>
      guarded(() => {
        const t = purgeTickets.run(before, limit).changes;
        return t + (t < limit ? purgeSessions.run(before, limit - t).changes : 0);
      }),
  };
}
