/** The rate-limit policy: windows, the retry message, config overrides, the staff tier, the wrapper. */
import type { RateLimitStore } from '../../core/ports';
import { DEFAULT_LIMITS, limitsFrom, rateLimited, retryMessage, takeLimit, windowOf } from '../../core/shared/rate-limit';
import { action, createRouter } from '../../core/shared/router';
import { z } from '../../core/shared/zod';
import type { RoleBinding } from '../../core/authz/roles';

/** A counter map with the port's semantics (count only below max). */
function memoryStore(): RateLimitStore & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    async take(key, max) {
      const n = counts.get(key) ?? 0;
      if (n >= max) return false;
      counts.set(key, n + 1);
      return true;
    },
    async purge() {
      return 0;
    },
  };
}

const head: RoleBinding = { id: 'b1', openid: 'staff', role: 'county_official', scope: { kind: 'region', regionCode: '360731' }, grantedBy: 'x', grantedAt: '2026-01-01T00:00:00Z' };
const roles = { activeFor: async (openid: string) => (openid === 'staff' ? [head] : []) };

describe('windows and messages', () => {
  test('fixed windows aligned to the epoch; the key names action, window, start and person', () => {
    const w = windowOf('o1', 'complaints.submit', { windowS: 600, max: 5 }, new Date('2026-12-04T10:07:30Z'));
    expect(w.endsAt.toISOString()).toBe('2026-12-04T10:10:00.000Z');
    expect(w.counterKey).toBe(`complaints.submit:600:${Date.parse('2026-12-04T10:00:00Z')}:o1`);
    expect(windowOf('o1', 'complaints.submit', { windowS: 600, max: 5 }, new Date('2026-12-04T10:09:59.999Z')).counterKey).toBe(w.counterKey);
    expect(windowOf('o1', 'complaints.submit', { windowS: 600, max: 5 }, new Date('2026-12-04T10:10:00Z')).counterKey).not.toBe(w.counterKey);
  });

  test('the message says when to try again, in seconds, minutes (rounded up) or hours', () => {
    const now = new Date('2026-12-04T10:07:30Z');
    expect(retryMessage(now, new Date('2026-12-04T10:08:00Z'))).toBe('操作太频繁，请 30 秒后再试');
    expect(retryMessage(now, new Date('2026-12-04T10:10:00Z'))).toBe('操作太频繁，请 3 分钟后再试');
    expect(retryMessage(now, new Date('2026-12-05T00:00:00Z'))).toBe('操作太频繁，请 14 小时后再试');
  });

  test('config overrides entries and rejects malformed ones', () => {
    const limits = limitsFrom('complaints.submit=10/60, upload=1/30/4');
    expect(limits['complaints.submit']).toEqual({ max: 10, windowS: 60 });
    expect(limits.upload).toEqual({ max: 1, windowS: 30, staffMax: 4 });
    expect(limits['notices.object']).toEqual(DEFAULT_LIMITS['notices.object']);
    expect(() => limitsFrom('complaints.submit=ten')).toThrow(/ZDT_RATE_LIMITS/);
    expect(() => limitsFrom('complaints.submit=0/60')).toThrow(/ZDT_RATE_LIMITS/);
  });

  test('defaults: every resident write is limited, staff get more where they work in bulk', () => {
    for (const key of ['complaints.submit', 'complaints.join', 'notices.object', 'ratings.submit', 'ratings.report', 'recruitment.apply', 'upload']) expect(DEFAULT_LIMITS[key]).toBeDefined();
    expect(DEFAULT_LIMITS['notices.object'].max).toBeLessThanOrEqual(5);
    expect(DEFAULT_LIMITS['complaints.accept'].staffMax).toBeGreaterThan(DEFAULT_LIMITS['complaints.accept'].max);
  });
});

describe('takeLimit', () => {
  const now = new Date('2026-12-04T10:07:30Z');
  const limits = { 'x.act': { windowS: 600, max: 2, staffMax: 4 } };

  test('max calls pass, the next is RATE_LIMITED with the wait, and refused calls do not count', async () => {
    const store = memoryStore();
    const deps = { rateLimits: store, clock: { now: () => now }, roles, limits };
    await takeLimit(deps, 'x.act', 'o1');
    await takeLimit(deps, 'x.act', 'o1');
    await expect(takeLimit(deps, 'x.act', 'o1')).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 3 分钟后再试' });
    await expect(takeLimit(deps, 'x.act', 'o1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect([...store.counts.values()]).toEqual([2]);
    // Someone else is not affected.
    await takeLimit(deps, 'x.act', 'o2');
  });

  test('people with a role get staffMax; roles are read only once max is reached', async () => {
    const store = memoryStore();
    const lookups: string[] = [];
    const deps = { rateLimits: store, clock: { now: () => now }, roles: { activeFor: async (o: string) => (lookups.push(o), roles.activeFor(o)) }, limits };
    await takeLimit(deps, 'x.act', 'staff');
    await takeLimit(deps, 'x.act', 'staff');
    expect(lookups).toEqual([]);
    await takeLimit(deps, 'x.act', 'staff');
    await takeLimit(deps, 'x.act', 'staff');
    await expect(takeLimit(deps, 'x.act', 'staff')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  test('unlisted actions and callers without an openid are not counted', async () => {
    const store = memoryStore();
    const deps = { rateLimits: store, clock: { now: () => now }, limits };
    await takeLimit(deps, 'x.other', 'o1');
    await takeLimit(deps, 'x.act', null);
    expect(store.counts.size).toBe(0);
  });
});

describe('rateLimited wraps a function’s actions', () => {
  test('limited actions count after validation; others run untouched', async () => {
    const store = memoryStore();
    let runs = 0;
    const handle = createRouter(
      'fn',
      rateLimited(
        'fn',
        {
          limited: action({ input: z.strictObject({ n: z.number() }), run: () => ++runs }),
          free: action({ input: z.strictObject({}), run: () => 'free' }),
        },
        { rateLimits: store, clock: { now: () => new Date('2026-12-04T10:00:00Z') }, limits: { 'fn.limited': { windowS: 60, max: 1 } } },
      ),
    );
    // Invalid input: refused before counting.
    expect(await handle({ action: 'limited', data: { n: 'x' } }, { openid: 'o1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await handle({ action: 'limited', data: { n: 1 } }, { openid: 'o1' })).toEqual({ ok: true, data: 1 });
    expect(await handle({ action: 'limited', data: { n: 1 } }, { openid: 'o1' })).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请 60 秒后再试' } });
    expect(runs).toBe(1);
    for (let i = 0; i < 5; i++) expect(await handle({ action: 'free', data: {} }, { openid: 'o1' })).toEqual({ ok: true, data: 'free' });
  });
});
