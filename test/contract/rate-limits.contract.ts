/**
 * The storage contract of RateLimitStore (core/ports.ts): "count if below max" is atomic, counters
 * are independent per key, expired ones can be purged, an outage is UNAVAILABLE. Every adapter
 * (SQLite, CloudBase over the SDK double) runs it as is.
 */
import type { RateLimitStore } from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface RateLimitStoreHandle extends StoreLifecycle {
  rateLimits: RateLimitStore;
}

const END = '2026-12-04T10:10:00.000Z';

export function describeRateLimitStoreContract(name: string, open: () => Promise<RateLimitStoreHandle>): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    let h: RateLimitStoreHandle;
    useStore(open, (opened) => (h = opened));

    test('counts up to max, then refuses without counting', async () => {
      const got: boolean[] = [];
      for (let i = 0; i < 5; i++) got.push(await h.rateLimits.take('complaints.submit:600:1:o1', 3, END));
      expect(got).toEqual([true, true, true, false, false]);
      // A higher max (staff) continues from the same count: 3 counted, so 2 more fit under 5.
      expect(await h.rateLimits.take('complaints.submit:600:1:o1', 5, END)).toBe(true);
      expect(await h.rateLimits.take('complaints.submit:600:1:o1', 5, END)).toBe(true);
      expect(await h.rateLimits.take('complaints.submit:600:1:o1', 5, END)).toBe(false);
    });

    test('keys are independent (another person, action or window)', async () => {
      expect(await h.rateLimits.take('a:60:1:o1', 1, END)).toBe(true);
      expect(await h.rateLimits.take('a:60:1:o1', 1, END)).toBe(false);
      expect(await h.rateLimits.take('a:60:1:o2', 1, END)).toBe(true);
      expect(await h.rateLimits.take('b:60:1:o1', 1, END)).toBe(true);
      expect(await h.rateLimits.take('a:60:2:o1', 1, END)).toBe(true);
    });

    test('concurrent calls: exactly max are counted', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, () => h.rateLimits.take('burst:60:1:o1', 7, END)));
      expect(results.filter(Boolean)).toHaveLength(7);
    });

    test('purge removes counters whose window ended, and only those', async () => {
      await h.rateLimits.take('old:60:1:o1', 1, '2026-12-04T09:00:00.000Z');
      await h.rateLimits.take('old:60:1:o2', 1, '2026-12-04T09:01:00.000Z');
      await h.rateLimits.take('new:60:1:o1', 1, END);
      expect(await h.rateLimits.purge('2026-12-04T10:00:00.000Z', 100)).toBe(2);
      // The purged counter starts afresh; the current one is still full.
      expect(await h.rateLimits.take('old:60:1:o1', 1, '2026-12-04T09:00:00.000Z')).toBe(true);
      expect(await h.rateLimits.take('new:60:1:o1', 1, END)).toBe(false);
      expect(await h.rateLimits.purge('2026-12-04T10:00:00.000Z', 100)).toBe(1);
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expect(h.rateLimits.take('x:60:1:o1', 3, END)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await expect(h.rateLimits.take('x:60:1:o1', 3, END)).rejects.toBeInstanceOf(AppError);
    });
  });
}
