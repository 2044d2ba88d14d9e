/**
 * The county's digest of new cases (issue 11 §3, core/notify/digest.ts): who gets it (active,
 * claimed county officials only), at most once a working day, only the cases new since their last
 * digest and in their counties, and a payload WeChat accepts (core/notify/subscribe.ts rules).
 */
import type { RoleBinding } from '../../core/authz/roles';
import type { Complaint, OutboxMessage } from '../../core/complaint/model';
import { DIGEST_COUNT_CAP, digestMessage, queueNewCaseDigests, type DigestDeps } from '../../core/notify/digest';
import { buildSubscribeMessage, keywordProblem, keywordType, localTemplates, OFFICIAL_QUEUE_PAGE } from '../../core/notify/subscribe';
import type { ComplaintQuery } from '../../core/ports';
import { referenceList } from '../contract/complaints.contract';
import { CS, makeComplaint } from '../support/complaint-fixtures';

const YUDU = '360731';
const XINGGUO = '360732';

function binding(id: string, openid: string, role: RoleBinding['role'], regionCode: string, extra: Partial<RoleBinding> = {}): RoleBinding {
  return { id, openid, role, scope: { kind: 'region', regionCode }, grantedBy: 'o-admin', grantedAt: '2026-01-01T00:00:00Z', ...extra };
}

/** In-memory stand-ins for the stores the job reads and writes. */
function world(bindings: RoleBinding[], complaints: Complaint[], now: { t: string }) {
  const digests = new Map<string, { day: string; at: string }>();
  const queued: OutboxMessage[] = [];
  let n = 0;
  const lists: ComplaintQuery[] = [];
  const deps: DigestDeps = {
    roles: { list: async ({ offset, limit }) => ({ items: bindings.slice(offset, offset + limit), hasMore: offset + limit < bindings.length }) },
    complaints: {
      list: async (q) => {
        lists.push(q);
        const { ids, hasMore } = referenceList(complaints, q);
        return { items: ids.map((id) => complaints.find((c) => c.id === id)!), hasMore };
      },
    },
    outbox: {
      lastDigestAt: async (openid) => digests.get(openid)?.at ?? null,
      queueDigest: async (m, day) => {
        if (digests.get(m.openid)?.day === day) return false;
        digests.set(m.openid, { day, at: m.createdAt });
        queued.push(m);
        return true;
      },
    },
    calendars: { adminYears: async () => [] },
    clock: { now: () => new Date(now.t) },
    ids: { id: () => `m${++n}`, code: () => 'ABCDEF' },
  };
  return { deps, queued, lists, run: () => queueNewCaseDigests(deps) };
}

/** New (待受理) cases: in 于都 at two stations, in 兴国, and one already accepted in 于都. */
function cases(): Complaint[] {
  return [
    makeComplaint('y1', { submittedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-06T15:59:59.999Z' }),
    makeComplaint('y2', { station: CS.tieshanlong, submittedAt: '2026-03-02T03:00:00.000Z', dueAt: '2026-03-04T15:59:59.999Z' }),
    makeComplaint('y3', { submittedAt: '2026-03-02T03:30:00.000Z', status: 'accepted' }),
    makeComplaint('x1', { station: CS.changgang, submittedAt: '2026-03-02T04:00:00.000Z', dueAt: '2026-03-05T15:59:59.999Z' }),
  ];
}

// 2026-03-02 is a Monday; 09:00 Shanghai is 01:00 UTC.
const MON_1700 = '2026-03-02T09:00:00.000Z';

describe('who gets the digest', () => {
  test('each active county official, for their own county only, counting cases still 待受理', async () => {
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU), binding('b2', 'o-xingguo', 'county_official', XINGGUO)], cases(), { t: MON_1700 });
    expect(await w.run()).toEqual({ digestsQueued: 2 });
    const byOpenid = Object.fromEntries(w.queued.map((m) => [m.openid, m]));
    // y3 is already accepted; x1 belongs to 兴国. The oldest deadline among 于都's is y2's.
    expect(byOpenid['o-yudu']).toMatchObject({ event: 'new_cases_digest', complaintId: 'y2', payload: { count: '2', dueOn: '2026-03-04' } });
    expect(byOpenid['o-xingguo']).toMatchObject({ complaintId: 'x1', payload: { count: '1' } });
  });

  test('not city or province officials, station heads, revoked or still invited bindings', async () => {
    const w = world(
      [
        binding('b1', 'o-city', 'city_supervisor', '3607'),
        binding('b2', 'o-revoked', 'county_official', YUDU, { revokedAt: '2026-02-01T00:00:00Z', revokedBy: 'o-admin' }),
        binding('b3', 'invite:abc', 'county_official', YUDU, { invite: { expiresAt: '2026-04-01T00:00:00Z' } }),
        { id: 'b4', openid: 'o-head', role: 'station_head', scope: { kind: 'station', stationId: CS.shuitou.stationId }, grantedBy: 'o-admin', grantedAt: '2026-01-01T00:00:00Z' },
      ],
      cases(),
      { t: MON_1700 },
    );
    expect(await w.run()).toEqual({ digestsQueued: 0 });
    expect(w.queued).toEqual([]);
  });

  test('an official of two counties gets one digest counting both', async () => {
    const w = world([binding('b1', 'o-both', 'county_official', YUDU), binding('b2', 'o-both', 'county_official', XINGGUO)], cases(), { t: MON_1700 });
    expect(await w.run()).toEqual({ digestsQueued: 1 });
    expect(w.queued).toHaveLength(1);
    expect(w.queued[0].payload.count).toBe('3');
  });

  test('nothing new, no digest', async () => {
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU)], [], { t: MON_1700 });
    expect(await w.run()).toEqual({ digestsQueued: 0 });
  });
});

describe('once a working day, only what is new', () => {
  test('a second run the same day queues nothing; the next day counts only cases since the last digest', async () => {
    const now = { t: MON_1700 };
    const all = cases();
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU)], all, now);
    expect(await w.run()).toEqual({ digestsQueued: 1 });
    all.push(makeComplaint('y4', { submittedAt: '2026-03-02T10:00:00.000Z' }));
    expect(await w.run()).toEqual({ digestsQueued: 0 });
    now.t = '2026-03-03T01:00:00.000Z';
    expect(await w.run()).toEqual({ digestsQueued: 1 });
    expect(w.queued.map((m) => [m.complaintId, m.payload.count])).toEqual([
      ['y2', '2'],
      ['y4', '1'],
    ]);
    expect(w.lists.at(-1)).toMatchObject({ since: MON_1700, statuses: ['submitted'], regionCodes: [YUDU] });
  });

  test('none on a rest day: the weekend cases come with Monday', async () => {
    const now = { t: '2026-03-07T02:00:00.000Z' }; // Saturday
    const weekend = [makeComplaint('w1', { submittedAt: '2026-03-06T12:00:00.000Z' }), makeComplaint('w2', { submittedAt: '2026-03-07T01:00:00.000Z' })];
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU)], weekend, now);
    expect(await w.run()).toEqual({ digestsQueued: 0 });
    now.t = '2026-03-08T02:00:00.000Z'; // Sunday
    expect(await w.run()).toEqual({ digestsQueued: 0 });
    now.t = '2026-03-09T01:00:00.000Z'; // Monday: the first digest looks back 24 hours only
    expect(await w.run()).toEqual({ digestsQueued: 0 });
    weekend.push(makeComplaint('w3', { submittedAt: '2026-03-08T12:00:00.000Z' }));
    expect(await w.run()).toEqual({ digestsQueued: 1 });
  });

  test('a digest another run queued first (a race) is not counted', async () => {
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU)], cases(), { t: MON_1700 });
    w.deps.outbox.queueDigest = async () => false;
    expect(await w.run()).toEqual({ digestsQueued: 0 });
  });

  test('at most DIGEST_COUNT_CAP + 1 cases are read; beyond the cap it says 99+', async () => {
    const many = Array.from({ length: 150 }, (_, i) => makeComplaint(`n${i}`, { submittedAt: '2026-03-02T02:00:00.000Z' }));
    const w = world([binding('b1', 'o-yudu', 'county_official', YUDU)], many, { t: MON_1700 });
    await w.run();
    expect(w.lists[0].limit).toBe(DIGEST_COUNT_CAP + 1);
    expect(w.queued[0].payload.count).toBe('99+');
  });
});

describe('the payload WeChat receives', () => {
  test.each([
    [1, '2026-03-04T15:59:59.999Z'],
    [99, '2026-12-31T15:59:59.999Z'],
    [100, null],
    [5000, '2026-03-04T15:59:59.999Z'],
  ] as const)('%i new cases, oldest due %s: every keyword fits its type; opens the queue', (count, dueAt) => {
    const m = digestMessage({ id: 'm', openid: 'o-yudu', at: MON_1700, count, oldest: { id: 'y1', dueAt } });
    // Without a deadline today stands in: the template's date keyword is never sent empty.
    expect(m.payload.dueOn).toBe(dueAt ? m.payload.dueOn : '2026-03-02');
    const p = buildSubscribeMessage(m, localTemplates())!;
    expect(p.page).toBe(OFFICIAL_QUEUE_PAGE);
    expect(p.touser).toBe('o-yudu');
    for (const [key, { value }] of Object.entries(p.data)) expect([key, keywordProblem(keywordType(key)!, value)]).toEqual([key, null]);
    expect(p.data.number2.value).toBe(String(Math.min(count, DIGEST_COUNT_CAP)));
  });
});
