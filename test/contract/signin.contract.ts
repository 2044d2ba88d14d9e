/**
 * The storage contract of SignInRepository (core/auth/signin.ts): tickets and sessions by the hash
 * of their secret, a ticket moved only from the status it was read in (one of two racing polls
 * wins), a session revoked once, expired records purged, an outage UNAVAILABLE.
 */
import { newSession, newTicket, type SignInRepository } from '../../core/auth/signin';
import { AppError } from '../../core/shared/errors';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface SignInHandle extends StoreLifecycle {
  signins: SignInRepository;
}

const NOW = new Date('2026-12-05T01:00:00.000Z');

export function describeSignInContract(name: string, open: () => Promise<SignInHandle>): void {
  describe(`SignInRepository contract: ${name}`, () => {
    let h: SignInHandle;
    useStore(open, (opened) => (h = opened));

    test('a ticket is stored and read back by its hash; an unknown hash is null', async () => {
      const t = newTicket('hash-ticket-1', NOW);
      await h.signins.insertTicket(t);
      expect(await h.signins.getTicket('hash-ticket-1')).toEqual(t);
      expect(await h.signins.getTicket('hash-ticket-2')).toBeNull();
    });

    test('a ticket moves only from the status it was read in', async () => {
      const t = newTicket('hash-ticket-1', NOW);
      await h.signins.insertTicket(t);
      const confirmed = { ...t, status: 'confirmed' as const, decidedBy: 'o1', decidedAt: NOW.toISOString() };
      expect(await h.signins.moveTicket(confirmed, 'pending')).toBe(true);
      expect(await h.signins.moveTicket({ ...t, status: 'cancelled' }, 'pending')).toBe(false);
      expect(await h.signins.getTicket(t.id)).toEqual(confirmed);
      // Two polls consume at once: exactly one wins.
      const consumed = { ...confirmed, status: 'consumed' as const, consumedAt: NOW.toISOString() };
      const results = await Promise.all(Array.from({ length: 6 }, () => h.signins.moveTicket(consumed, 'confirmed')));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await h.signins.getTicket(t.id)).toEqual(consumed);
      expect(await h.signins.moveTicket(consumed, 'pending')).toBe(false);
    });

    test('a session is stored, revoked once, and read back revoked', async () => {
      const s = newSession('hash-session-1', 'ref1', 'o1', NOW);
      await h.signins.insertSession(s);
      expect(await h.signins.getSession('hash-session-1')).toEqual(s);
      expect(await h.signins.getSession('hash-session-2')).toBeNull();
      expect(await h.signins.revokeSession('hash-session-1', '2026-12-05T02:00:00.000Z')).toBe(true);
      expect(await h.signins.revokeSession('hash-session-1', '2026-12-05T03:00:00.000Z')).toBe(false);
      expect(await h.signins.revokeSession('hash-session-2', '2026-12-05T03:00:00.000Z')).toBe(false);
      expect(await h.signins.getSession('hash-session-1')).toEqual({ ...s, revokedAt: '2026-12-05T02:00:00.000Z' });
    });

    test('purge removes tickets and sessions that expired before the given time, and only those', async () => {
      await h.signins.insertTicket(newTicket('t-old', NOW)); // expires 01:02
      await h.signins.insertTicket(newTicket('t-new', new Date('2026-12-05T05:00:00.000Z')));
      await h.signins.insertSession(newSession('s-old', 'r1', 'o1', NOW)); // expires 13:00
      await h.signins.insertSession(newSession('s-new', 'r2', 'o1', new Date('2026-12-05T05:00:00.000Z')));
      expect(await h.signins.purge('2026-12-05T14:00:00.000Z', 100)).toBe(3);
      expect(await h.signins.getTicket('t-old')).toBeNull();
      expect(await h.signins.getSession('s-old')).toBeNull();
      expect(await h.signins.getTicket('t-new')).toBeNull();
      expect(await h.signins.getSession('s-new')).not.toBeNull();
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expect(h.signins.getTicket('x')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await expect(h.signins.insertSession(newSession('s', 'r', 'o', NOW))).rejects.toBeInstanceOf(AppError);
    });
  });
}
