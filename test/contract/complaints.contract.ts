/**
 * The storage contract of ComplaintRepository and OutboxRepository (core/ports.ts; roles, audit
 * and calendar: admin.contract.ts): one suite every adapter (SQLite, CloudBase through the
 * fake SDK, CloudBase for real) must pass as is. Expected answers of list and stats come from a
 * reference implementation over the fixtures (and a few are spelled out by hand).
 */
import type { Complaint, HistoryEntry, OutboxMessage } from '../../core/complaint/model';
import { nextActionAt } from '../../core/complaint/scheduler';
import { TrackingNoTaken, type ComplaintQuery, type ComplaintRepository, type ComplaintStats, type OutboxRepository } from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import {
  at,
  createInput,
  CS,
  historyEntry,
  listFixtures,
  makeComplaint,
  nextVersion,
  OPERATOR_A,
  OPERATOR_B,
  outboxMessage,
  OWNERS,
  submitEntry,
} from '../support/complaint-fixtures';
import { errorOf, expectCode } from './expect';
import { timedTest, useStore, type StoreLifecycle } from '../support/store-hooks';

export interface ComplaintStoreHandle extends StoreLifecycle {
  complaints: ComplaintRepository;
  outbox: OutboxRepository;
  /**
   * Make the next create() or apply() fail after the complaint itself was written and before its
   * history and outbox (SQLite: ComplaintFaults.afterComplaintRow; CloudBase fake: the 2nd write of
   * the transaction). Absent where a store cannot inject faults (a real environment).
   */
  failMidTransaction?(): void;
}

export interface ComplaintContractOptions {
  /** Per-hook and per-test timeout (a real cloud environment is slow). */
  timeoutMs?: number;
  /** Complaints in the paging scenario (more than one SDK batch of 100). */
  bulk?: number;
}

// ---------------------------------------------------------------------------------------------
// Reference semantics (core/ports.ts ComplaintQuery and ComplaintStats)

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function referenceList(all: Complaint[], q: ComplaintQuery): { ids: string[]; hasMore: boolean } {
  const hits = all.filter((c) => {
    if (q.regionCodes !== undefined || q.assignedOperators !== undefined) {
      const byRegion = (q.regionCodes ?? []).some((r) => c.regionCodes.includes(r));
      const byOperator = c.assignee?.kind === 'operator' && (q.assignedOperators ?? []).includes(c.assignee.operatorName);
      if (!byRegion && !byOperator) return false;
    }
    if (q.owner !== undefined && c.complainantOpenid !== q.owner) return false;
    if (q.stationIds && !q.stationIds.includes(c.stationId)) return false;
    if (q.statuses && !q.statuses.includes(c.status)) return false;
    if (q.category && c.category !== q.category) return false;
    if (q.dueBefore && !(c.dueAt !== null && c.dueAt <= q.dueBefore)) return false;
    if (q.actionBefore) {
      const next = nextActionAt(c);
      if (!(next !== null && next <= q.actionBefore)) return false;
    }
    if (q.escalatedOnly && c.escalationLevel < 1) return false;
    if (q.since && c.submittedAt < q.since) return false;
    if (q.trackingNoPrefix !== undefined && !c.trackingNo.startsWith(q.trackingNoPrefix)) return false;
    if (q.phoneLast4 !== undefined && (c.purgedAt || !c.phoneMasked?.endsWith(q.phoneLast4))) return false;
    if (q.stationName !== undefined && !c.stationName.includes(q.stationName)) return false;
    return true;
  });
  hits.sort(
    q.order === 'due'
      ? (a, b) => Number(a.dueAt === null) - Number(b.dueAt === null) || cmp(a.dueAt ?? '', b.dueAt ?? '') || cmp(a.submittedAt, b.submittedAt) || cmp(a.id, b.id)
      : (a, b) => cmp(b.submittedAt, a.submittedAt) || cmp(a.id, b.id),
  );
  return { ids: hits.slice(q.offset, q.offset + q.limit).map((c) => c.id), hasMore: hits.length > q.offset + q.limit };
}

export function referenceStats(all: Complaint[], q: { regionCodes?: string[]; stationIds?: string[]; since: string }): ComplaintStats {
  const hits = all.filter(
    (c) => (q.regionCodes === undefined || q.regionCodes.some((r) => c.regionCodes.includes(r))) && (!q.stationIds || q.stationIds.includes(c.stationId)) && c.submittedAt >= q.since,
  );
  const stats: ComplaintStats = { total: 0, byStatus: {}, byCategory: {}, byStation: [], replied: 0, repliedOnTime: 0, evaluations: {}, supervised: 0, declined: 0, extended: 0 };
  const stations = new Map<string, { stationId: string; stationName: string; count: number }>();
  for (const c of hits) {
    stats.total++;
    stats.byStatus[c.status] = (stats.byStatus[c.status] ?? 0) + 1;
    stats.byCategory[c.category] = (stats.byCategory[c.category] ?? 0) + 1;
    const s = stations.get(c.stationId) ?? { stationId: c.stationId, stationName: c.stationName, count: 0 };
    s.count++;
    stations.set(c.stationId, s);
    if (c.reply !== null || c.replyOnTime !== null) {
      stats.replied++;
      if (c.replyOnTime) stats.repliedOnTime++;
    }
    if (c.status === 'closed' && c.evaluation) stats.evaluations[c.evaluation] = (stats.evaluations[c.evaluation] ?? 0) + 1;
    // Hand-offs (issue 11 §2): cases with a 督办 by hand, a 退单, an extension.
    if (c.supervisions?.length) stats.supervised!++;
    if (c.returns?.length) stats.declined!++;
    if (c.extension) stats.extended!++;
  }
  stats.byStation = [...stations.values()].sort((a, b) => b.count - a.count || cmp(a.stationId, b.stationId)).slice(0, 20);
  return stats;
}

// ---------------------------------------------------------------------------------------------

const ids = (items: { id: string }[]) => items.map((c) => c.id);

function q(partial: Partial<ComplaintQuery>): ComplaintQuery {
  return { order: 'newest', offset: 0, limit: 50, ...partial };
}

async function seed(h: ComplaintStoreHandle, list: Complaint[]): Promise<void> {
  for (const c of list) await h.complaints.create(createInput(c, `seed:${c.id}`));
}

const LIST_QUERIES: [string, Partial<ComplaintQuery>][] = [
  ['everything, newest first', {}],
  ['everything, by deadline', { order: 'due' }],
  ['one owner', { owner: OWNERS.o1 }],
  ['one owner by deadline', { owner: OWNERS.o2, order: 'due' }],
  ['an owner nobody is', { owner: 'o-nobody' }],
  ['some stations', { stationIds: [CS.tieshanlong.stationId, CS.changgang.stationId] }],
  ['no stations at all (empty list)', { stationIds: [] }],
  ['open statuses by deadline', { statuses: ['submitted', 'accepted', 'assigned'], order: 'due' }],
  ['no statuses at all (empty list)', { statuses: [] }],
  ['one category', { category: 'overcharge' }],
  ['a county', { regionCodes: ['360731'], order: 'due' }],
  ['a village', { regionCodes: ['360731100201'] }],
  ['the province', { regionCodes: ['36'] }],
  ['two regions', { regionCodes: ['360731101', '360732'] }],
  ['a region or an operator', { regionCodes: ['360731101'], assignedOperators: [OPERATOR_A], order: 'due' }],
  ['an operator only (regions given but empty)', { regionCodes: [], assignedOperators: [OPERATOR_A] }],
  ['an operator only (regions not given)', { assignedOperators: [OPERATOR_B] }],
  ['a region only (operators given but empty)', { regionCodes: ['360732'], assignedOperators: [] }],
  ['an empty scope sees nothing', { regionCodes: [], assignedOperators: [] }],
  ['a region without complaints', { regionCodes: ['3601'] }],
  ['due at or before an instant', { dueBefore: at(50), order: 'due' }],
  ['the scheduler query', { actionBefore: at(100), statuses: ['submitted', 'accepted', 'assigned', 'replied'], order: 'due' }],
  ['the old scheduler query (dueBefore)', { dueBefore: at(100), statuses: ['submitted', 'accepted', 'assigned', 'replied'], order: 'due' }],
  ['escalated only', { escalatedOnly: true, order: 'due' }],
  ['submitted since an instant (inclusive)', { since: at(70) }],
  ['several filters together', { regionCodes: ['360731'], statuses: ['submitted', 'accepted', 'assigned'], category: 'parcel', order: 'due' }],
  ['the "already reported?" query', { stationIds: [CS.shuitou.stationId], category: 'overcharge', statuses: ['submitted', 'accepted', 'assigned'], limit: 5 }],
  ['search: a tracking number prefix', { trackingNoPrefix: 'TS260302C1', order: 'due' }],
  ['search: a whole tracking number in a county queue', { regionCodes: ['360731'], trackingNoPrefix: 'TS260302C03', order: 'due' }],
  ['search: a tracking number outside the scope', { regionCodes: ['360732'], trackingNoPrefix: 'TS260302C03', order: 'due' }],
  ['search: part of a station name', { stationName: '铁山垅', order: 'due' }],
  ['search: a station name in a county queue with a status', { regionCodes: ['360731'], stationName: '水头村', statuses: ['submitted'], order: 'due' }],
  ['search: station name text with pattern characters is literal', { stationName: '.*' }],
  ['search: phone last 4 nobody has', { phoneLast4: '0000', order: 'due' }],
  ['scope and owner together', { regionCodes: ['360731', '360732'], assignedOperators: [OPERATOR_B], owner: OWNERS.o2, order: 'due' }],
];

export function describeComplaintStoreContract(name: string, makeStores: () => Promise<ComplaintStoreHandle>, options: ComplaintContractOptions = {}): void {
  const timeout = options.timeoutMs ?? 5000;
  const timed = timedTest(timeout);
  const bulk = options.bulk ?? 130;

  describe(`${name}: complaint store contract`, () => {
    describe('list and stats over twelve complaints', () => {
      const all = listFixtures();
      let h: ComplaintStoreHandle;
      useStore(makeStores, (opened) => (h = opened), { once: true, prepare: (h) => seed(h, all), openTimeout: timeout * 6, disposeTimeout: timeout * 4 });

      timed('newest first: submittedAt descending, ties by id', async () => {
        const page = await h.complaints.list(q({}));
        expect(ids(page.items)).toEqual(['c12', 'c11', 'c10', 'c08', 'c09', 'c07', 'c06', 'c05', 'c04', 'c03', 'c02', 'c01']);
        expect(page.hasMore).toBe(false);
        expect(page.items[0]).toEqual(all[11]);
      });

      timed("'due': dueAt ascending with no deadline last, then submittedAt, then id", async () => {
        const page = await h.complaints.list(q({ order: 'due' }));
        expect(ids(page.items)).toEqual(['c02', 'c03', 'c10', 'c01', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c11', 'c12']);
      });

      timed('scope: a region matches any level of the path; operators add their assignments; both empty is nothing', async () => {
        expect(ids((await h.complaints.list(q({ regionCodes: ['360732'], order: 'due' }))).items)).toEqual(['c04', 'c07', 'c11']);
        expect(ids((await h.complaints.list(q({ regionCodes: ['360731101'], assignedOperators: [OPERATOR_A], order: 'due' }))).items)).toEqual(['c03', 'c10', 'c04', 'c06', 'c11']);
        expect((await h.complaints.list(q({ regionCodes: [], assignedOperators: [] }))).items).toEqual([]);
      });

      timed('dueBefore includes the instant itself and never a complaint without a deadline', async () => {
        expect(ids((await h.complaints.list(q({ dueBefore: at(50), order: 'due' }))).items)).toEqual(['c02', 'c03', 'c10']);
        expect(ids((await h.complaints.list(q({ dueBefore: at(49), order: 'due' }))).items)).toEqual([]);
        expect(ids((await h.complaints.list(q({ dueBefore: at(10_000), order: 'due' }))).items)).toEqual(['c02', 'c03', 'c10', 'c01', 'c04', 'c05']);
      });

      test.each(LIST_QUERIES)('list: %s', async (_label, partial) => {
        const query = q(partial);
        const page = await h.complaints.list(query);
        const want = referenceList(all, query);
        expect(ids(page.items)).toEqual(want.ids);
        expect(page.hasMore).toBe(want.hasMore);
      }, timeout);

      timed('paging: offset/limit/hasMore walk the whole order without gaps or repeats', async () => {
        for (const order of ['due', 'newest'] as const) {
          const seen: string[] = [];
          for (let offset = 0; ; offset += 5) {
            const page = await h.complaints.list(q({ order, offset, limit: 5 }));
            seen.push(...ids(page.items));
            expect(page.hasMore).toBe(offset + 5 < all.length);
            if (!page.hasMore) break;
          }
          expect(seen).toEqual(referenceList(all, q({ order, limit: 100 })).ids);
        }
        const last = await h.complaints.list(q({ offset: 12, limit: 5 }));
        expect(last).toEqual({ items: [], hasMore: false });
      }, 2);

      timed('stats over everything: the numbers by hand', async () => {
        const s = await h.complaints.stats({ since: at(0) });
        expect(s).toEqual({
          total: 12,
          byStatus: { submitted: 2, accepted: 1, assigned: 2, replied: 1, closed: 3, refused: 1, withdrawn: 1, merged: 1 },
          byCategory: { overcharge: 5, attitude: 3, parcel: 2, other: 1, fraud: 1 },
          // Ties (3 and 3) in station id order.
          byStation: [
            { stationId: CS.shuitou.stationId, stationName: CS.shuitou.stationName, count: 6 },
            { stationId: CS.changgang.stationId, stationName: CS.changgang.stationName, count: 3 },
            { stationId: CS.tieshanlong.stationId, stationName: CS.tieshanlong.stationName, count: 3 },
          ],
          replied: 4,
          repliedOnTime: 2,
          evaluations: { satisfied: 1, basically: 1, none: 1 },
          supervised: 1,
          declined: 1,
          extended: 2,
        });
      });

      test.each([
        ['a county', { regionCodes: ['360731'], since: at(0) }],
        ['a county and a city', { regionCodes: ['360732', '3607'], since: at(0) }],
        ['one station', { stationIds: [CS.changgang.stationId], since: at(0) }],
        ['a region and stations', { regionCodes: ['360731'], stationIds: [CS.tieshanlong.stationId, CS.changgang.stationId], since: at(0) }],
        ['since (inclusive)', { since: at(60) }],
        ['a region without complaints', { regionCodes: ['3608'], since: at(0) }],
        ['an empty region list', { regionCodes: [], since: at(0) }],
        ['an empty station list', { stationIds: [], since: at(0) }],
        ['a future since', { since: at(100_000) }],
      ] as [string, { regionCodes?: string[]; stationIds?: string[]; since: string }][])('stats: %s', async (_label, query) => {
        expect(await h.complaints.stats(query)).toEqual(referenceStats(all, query));
      }, timeout);

      timed('get and findByTrackingNo answer the record or null', async () => {
        expect(await h.complaints.get('c04')).toEqual(all[3]);
        expect(await h.complaints.findByTrackingNo(all[6].trackingNo)).toEqual(all[6]);
        expect(await h.complaints.get('nope')).toBeNull();
        expect(await h.complaints.findByTrackingNo('TS000000NOPE')).toBeNull();
        expect(await h.complaints.history('nope')).toEqual([]);
      });
    });

    describe(`paging through ${bulk} complaints`, () => {
      const all = Array.from({ length: bulk }, (_, i) =>
        makeComplaint(`b${String(i).padStart(4, '0')}`, { submittedAt: at(i % 7 === 0 ? 0 : i), dueAt: i % 5 === 0 ? null : at(1000 - (i % 50)) }),
      );
      let h: ComplaintStoreHandle;
      useStore(makeStores, (opened) => (h = opened), { once: true, prepare: (h) => seed(h, all), openTimeout: timeout * 20, disposeTimeout: timeout * 4 });

      timed('a page longer than one SDK batch, from an offset, in both orders', async () => {
        for (const order of ['newest', 'due'] as const) {
          const query = q({ order, offset: 7, limit: 110 });
          const page = await h.complaints.list(query);
          const want = referenceList(all, query);
          expect(ids(page.items)).toEqual(want.ids);
          expect(page.hasMore).toBe(want.hasMore);
        }
        const tail = q({ order: 'due', offset: bulk - 3, limit: 10 });
        expect(ids((await h.complaints.list(tail)).items)).toEqual(referenceList(all, tail).ids);
      }, 2);

      timed('stats count them all', async () => {
        expect(await h.complaints.stats({ since: at(0) })).toEqual(referenceStats(all, { since: at(0) }));
      });
    });

    describe('actionBefore: what the scheduler still has to do', () => {
      const escalation = (kind: 'accept' | 'reply', dueOn: string, minutes: number) => ({ kind, dueOn, toLevel: 1, at: at(minutes) });
      /**
       * a1 escalated for its accept deadline (nothing to do); a2 overdue, not escalated; a3 escalated
       * for its old accept deadline, now overdue for its reply; a4 escalated for its reply deadline;
       * a5 replied (evaluation window); a6 closed; a7 due later.
       */
      const fixtures = () => [
        makeComplaint('a1', { status: 'submitted', dueAt: at(100), escalationLevel: 1, escalations: [escalation('accept', '2026-03-05', 101)] }),
        makeComplaint('a2', { status: 'submitted', dueAt: at(200), submittedAt: at(1) }),
        makeComplaint('a3', { status: 'accepted', replyDueOn: '2026-03-12', dueAt: at(50), escalationLevel: 1, escalations: [escalation('accept', '2026-03-05', 20)] }),
        makeComplaint('a4', { status: 'assigned', replyDueOn: '2026-03-12', dueAt: at(60), escalationLevel: 1, escalations: [escalation('reply', '2026-03-12', 61)] }),
        makeComplaint('a5', {
          status: 'replied',
          replyDueOn: '2026-03-12',
          dueAt: at(70),
          escalations: [escalation('reply', '2026-03-12', 61)],
          reply: { text: '已处理。', at: at(65), byRole: 'county_official' },
          replyOnTime: false,
        }),
        makeComplaint('a6', { status: 'closed', dueAt: null, closedAt: at(80), escalations: [escalation('accept', '2026-03-05', 10)] }),
        makeComplaint('a7', { status: 'submitted', dueAt: at(5000) }),
      ];
      let h: ComplaintStoreHandle;
      useStore(makeStores, (opened) => (h = opened), { prepare: (h) => seed(h, fixtures()), openTimeout: timeout * 6, disposeTimeout: timeout * 4 });

      timed('leaves out complaints escalated for their current deadline and those without one; deadline order', async () => {
        const all = fixtures();
        // a6 ended: its 回访 "问题还在吗？" is due 28 days after it closed.
        const recheckAt = 80 + 28 * 24 * 60;
        expect(all.map(nextActionAt)).toEqual([null, at(200), at(50), null, at(70), at(recheckAt), at(5000)]);
        expect(ids((await h.complaints.list(q({ actionBefore: at(recheckAt), statuses: ['closed', 'refused', 'transferred'], order: 'due' }))).items)).toEqual(['a6']);
        expect(ids((await h.complaints.list(q({ actionBefore: at(recheckAt - 1), statuses: ['closed'], order: 'due' }))).items)).toEqual([]);
        const query = q({ actionBefore: at(1000), statuses: ['submitted', 'accepted', 'assigned', 'replied'], order: 'due' });
        expect(ids((await h.complaints.list(query)).items)).toEqual(['a3', 'a5', 'a2']);
        expect(ids((await h.complaints.list(query)).items)).toEqual(referenceList(all, query).ids);
        expect(ids((await h.complaints.list(q({ actionBefore: at(70), order: 'due' }))).items)).toEqual(['a3', 'a5']);
        expect(ids((await h.complaints.list(q({ actionBefore: at(10_000), order: 'due', offset: 1, limit: 2 }))).items)).toEqual(['a5', 'a2']);
        // dueBefore still sees them all (the officials' overdue filter).
        expect(ids((await h.complaints.list(q({ dueBefore: at(1000), order: 'due' }))).items)).toEqual(['a3', 'a4', 'a5', 'a1', 'a2']);
      });

      timed('follows every change: escalating drops a complaint, a new deadline (extension) brings it back', async () => {
        const [, a2, , a4] = fixtures();
        const escalated = nextVersion(a2, at(210), { escalationLevel: 1, escalations: [escalation('accept', a2.acceptDueOn, 210)] });
        await h.complaints.apply({ next: escalated, expectedVersion: a2.version, history: [historyEntry(a2, 'escalate', 'submitted', at(210), { internal: true })], outbox: [] });
        const extended = nextVersion(a4, at(220), { replyDueOn: '2026-03-13', dueAt: at(300), extension: { workdays: 1, reason: '补充调查', at: at(220) } });
        await h.complaints.apply({ next: extended, expectedVersion: a4.version, history: [historyEntry(a4, 'extend', 'assigned', at(220))], outbox: [] });
        expect(ids((await h.complaints.list(q({ actionBefore: at(1000), order: 'due' }))).items)).toEqual(['a3', 'a5', 'a4']);
      });
    });

    describe('search by the last 4 digits of the call-back phone', () => {
      let h: ComplaintStoreHandle;
      const phones = [
        makeComplaint('f1', { phoneMasked: '138****1234', submittedAt: at(10), dueAt: at(300) }),
        makeComplaint('f2', { phoneMasked: '139****1234', station: CS.changgang, submittedAt: at(20), dueAt: at(200) }),
        makeComplaint('f3', { phoneMasked: '138****5678', submittedAt: at(30), dueAt: at(100) }),
        makeComplaint('f4', { phoneMasked: null, submittedAt: at(40), dueAt: at(50) }),
      ];
      useStore(makeStores, (opened) => (h = opened), { prepare: (h) => seed(h, phones), openTimeout: timeout * 2, disposeTimeout: timeout });

      timed('matches the last 4 digits in the scope and in deadline order; a purge removes the key', async () => {
        expect(ids((await h.complaints.list(q({ phoneLast4: '1234', order: 'due' }))).items)).toEqual(['f2', 'f1']);
        expect(ids((await h.complaints.list(q({ phoneLast4: '1234', regionCodes: ['360731'], order: 'due' }))).items)).toEqual(['f1']);
        expect(ids((await h.complaints.list(q({ phoneLast4: '5678', regionCodes: ['360731'], assignedOperators: [], order: 'due' }))).items)).toEqual(['f3']);
        expect(ids((await h.complaints.list(q({ phoneLast4: '1238' }))).items)).toEqual([]);
        // The call-back phone is removed after retention: the case is no longer found by it.
        const f1 = (await h.complaints.get('f1'))!;
        await h.complaints.apply({
          next: nextVersion(f1, at(600), { purgedAt: at(600), phoneMasked: null, phoneCipher: null }),
          expectedVersion: f1.version,
          history: [historyEntry(f1, 'purge', 'submitted', at(600), { internal: true })],
          outbox: [],
        });
        expect(ids((await h.complaints.list(q({ phoneLast4: '1234', order: 'due' }))).items)).toEqual(['f2']);
        // An update that keeps the phone keeps the key.
        const f2 = (await h.complaints.get('f2'))!;
        await h.complaints.apply({ next: nextVersion(f2, at(700), { status: 'accepted' }), expectedVersion: f2.version, history: [historyEntry(f2, 'accept', 'accepted', at(700))], outbox: [] });
        expect(ids((await h.complaints.list(q({ phoneLast4: '1234', statuses: ['accepted'] }))).items)).toEqual(['f2']);
      }, 3);
    });

    describe('purgeable: finished complaints past retention', () => {
      let h: ComplaintStoreHandle;
      beforeEach(async () => {
        h = await makeStores();
        for (const c of [
          makeComplaint('p1', { status: 'closed', submittedAt: at(10), dueAt: null }),
          makeComplaint('p2', { status: 'withdrawn', submittedAt: at(20), dueAt: null }),
          makeComplaint('p3', { status: 'submitted', submittedAt: at(30) }),
          makeComplaint('p4', { status: 'refused', submittedAt: at(500), dueAt: null }),
        ])
          await h.complaints.create(createInput(c, `purge:${c.id}`));
      }, timeout * 2);

      timed('lists only final complaints filed before the cut-off, oldest first, and not once purged', async () => {
        expect(ids(await h.complaints.purgeable(at(100), 10))).toEqual(['p1', 'p2']);
        expect(ids(await h.complaints.purgeable(at(100), 1))).toEqual(['p1']);
        const p1 = (await h.complaints.get('p1'))!;
        await h.complaints.apply({ next: nextVersion(p1, at(600), { purgedAt: at(600), description: '（已清除）' }), expectedVersion: p1.version, history: [historyEntry(p1, 'purge', 'closed', at(600), { internal: true })], outbox: [] });
        expect(ids(await h.complaints.purgeable(at(100), 10))).toEqual(['p2']);
        expect(ids(await h.complaints.purgeable(at(1000), 10))).toEqual(['p2', 'p4']);
      });
    });

    describe('writes', () => {
      let h: ComplaintStoreHandle;
      useStore(makeStores, (opened) => (h = opened), { openTimeout: timeout * 4, disposeTimeout: timeout * 4 });
      /** Complaints k1 and k2 created at the same time under one request key (with body hashes, if given): both answers. */
      const createAtOnce = (requestKey: string, [hashA, hashB]: (string | undefined)[] = []) =>
        Promise.all([
          h.complaints.create(createInput(makeComplaint('k1'), requestKey, hashA ? { bodyHash: hashA } : {})),
          h.complaints.create(createInput(makeComplaint('k2'), requestKey, hashB ? { bodyHash: hashB } : {})),
        ]);

      describe('create', () => {
        timed('a tracking number another complaint holds: TrackingNoTaken, nothing of it written', async () => {
          const a = makeComplaint('k1');
          await h.complaints.create(createInput(a, 'req-a'));
          const b = makeComplaint('k2', { trackingNo: a.trackingNo, complainantOpenid: OWNERS.o2 });
          const err = await errorOf(h.complaints.create(createInput(b, 'req-b', { outbox: [outboxMessage(b, 'm-b', at(1))] })));
          expect(err).toBeInstanceOf(TrackingNoTaken);
          expect(await h.complaints.get('k2')).toBeNull();
          expect(await h.complaints.findByRequestKey('req-b')).toBeNull();
          expect(await h.complaints.history('k2')).toEqual([]);
          expect(await h.outbox.forRecipient(OWNERS.o2, 10)).toEqual([]);
          expect((await h.complaints.findByTrackingNo(a.trackingNo))?.id).toBe('k1');
          // With another number it goes in.
          const fresh = { ...b, trackingNo: `${a.trackingNo.slice(0, 8)}ZZZZZZ` };
          expect(await h.complaints.create(createInput(fresh, 'req-b'))).toEqual({ created: true, complaint: fresh, bodyHash: null });
        });

        timed('writes the complaint, its first history entry and its outbox messages', async () => {
          const c = makeComplaint('k1');
          const m = outboxMessage(c, 'm-k1', at(1));
          const res = await h.complaints.create(createInput(c, 'o1:req-1', { outbox: [m] }));
          expect(res).toEqual({ created: true, complaint: c, bodyHash: null });
          expect(await h.complaints.get('k1')).toEqual(c);
          expect(await h.complaints.findByTrackingNo(c.trackingNo)).toEqual(c);
          expect(await h.complaints.history('k1')).toEqual([submitEntry(c)]);
          expect(await h.outbox.forRecipient(c.complainantOpenid, 10)).toEqual([m]);
        });

        timed('keeps a voice note (说一说) and its check state through create and apply', async () => {
          const c = makeComplaint('k1', { voice: { fileId: 'upl-voice-abcdefghijk', seconds: 42, pending: true } });
          await h.complaints.create(createInput(c, 'o1:req-voice'));
          expect((await h.complaints.get('k1'))?.voice).toEqual({ fileId: 'upl-voice-abcdefghijk', seconds: 42, pending: true });
          const next = { ...c, voice: { ...c.voice!, pending: false }, version: c.version + 1 };
          await h.complaints.apply({ next, expectedVersion: c.version, history: [], outbox: [] });
          expect((await h.complaints.get('k1'))?.voice).toEqual({ fileId: 'upl-voice-abcdefghijk', seconds: 42, pending: false });
          await h.complaints.apply({ next: { ...next, voice: null, version: next.version + 1 }, expectedVersion: next.version, history: [], outbox: [] });
          expect((await h.complaints.get('k1'))?.voice ?? null).toBeNull();
        });

        timed('keeps a 补充材料 voice note on its entry and its check state on the complaint', async () => {
          const c = makeComplaint('k1');
          await h.complaints.create(createInput(c, 'o1:req-entry-voice'));
          const voice = { fileId: 'upl-entry-voice-abcdef', seconds: 8 };
          const entry: HistoryEntry = { ...submitEntry(c), at: at(2), action: 'supplement', fromStatus: c.status, toStatus: c.status, note: '', actorRole: 'resident', attachments: { voice } };
          const next = { ...c, attachedVoices: [{ ...voice, pending: true }], version: c.version + 1 };
          await h.complaints.apply({ next, expectedVersion: c.version, history: [entry], outbox: [] });
          expect((await h.complaints.get('k1'))?.attachedVoices).toEqual([{ ...voice, pending: true }]);
          expect((await h.complaints.history('k1')).at(-1)?.attachments).toEqual({ voice });
          await h.complaints.apply({ next: { ...next, attachedVoices: [{ ...voice, pending: false }], version: next.version + 1 }, expectedVersion: next.version, history: [], outbox: [] });
          expect((await h.complaints.get('k1'))?.attachedVoices).toEqual([{ ...voice, pending: false }]);
        });

        timed('is idempotent by requestKey: the second call answers the first complaint and writes nothing', async () => {
          const first = makeComplaint('k1');
          const again = makeComplaint('k2', { description: '重复提交' });
          await h.complaints.create(createInput(first, 'o1:req-1', { outbox: [outboxMessage(first, 'm-1', at(1))] }));
          const res = await h.complaints.create(createInput(again, 'o1:req-1', { outbox: [outboxMessage(again, 'm-2', at(2))] }));
          expect(res).toEqual({ created: false, complaint: first, bodyHash: null });
          expect(await h.complaints.get('k2')).toBeNull();
          expect(await h.complaints.history('k1')).toHaveLength(1);
          expect(ids(await h.outbox.forRecipient(first.complainantOpenid, 10))).toEqual(['m-1']);
          expect(await h.complaints.findByRequestKey('o1:req-1')).toEqual({ complaint: first, bodyHash: null });
          expect(await h.complaints.findByRequestKey('o1:req-unknown')).toBeNull();
          // Another key is another complaint.
          expect((await h.complaints.create(createInput(again, 'o1:req-2'))).created).toBe(true);
        });

        timed('stores the body hash with the request key and answers it with the first complaint (create and find)', async () => {
          const first = makeComplaint('k1');
          const edited = makeComplaint('k2', { description: '改过的内容' });
          expect(await h.complaints.create(createInput(first, 'o1:req-h', { bodyHash: 'hash-first' }))).toEqual({ created: true, complaint: first, bodyHash: 'hash-first' });
          // The resend carries another hash: the store answers the first one's, the caller compares.
          expect(await h.complaints.create(createInput(edited, 'o1:req-h', { bodyHash: 'hash-edited' }))).toEqual({ created: false, complaint: first, bodyHash: 'hash-first' });
          expect(await h.complaints.findByRequestKey('o1:req-h')).toEqual({ complaint: first, bodyHash: 'hash-first' });
          expect(await h.complaints.get('k2')).toBeNull();
        });

        timed('the same key twice at once with different bodies: one complaint, both callers get it with the winner’s hash', async () => {
          const [ra, rb] = await createAtOnce('o1:race', ['hash-a', 'hash-b']);
          const winner = ra.created ? ra : rb;
          expect(winner.bodyHash).toBe(winner.complaint.id === 'k1' ? 'hash-a' : 'hash-b');
          expect((ra.created ? rb : ra).bodyHash).toBe(winner.bodyHash);
        });

        timed('the same key twice at once creates one complaint; both callers get it', async () => {
          const [ra, rb] = await createAtOnce('o1:same');
          expect([ra.created, rb.created].sort()).toEqual([false, true]);
          expect(ra.complaint.id).toBe(rb.complaint.id);
          const winner = ra.created ? 'k1' : 'k2';
          const loser = ra.created ? 'k2' : 'k1';
          expect(await h.complaints.get(loser)).toBeNull();
          expect(await h.complaints.history(winner)).toHaveLength(1);
          expect(await h.complaints.history(loser)).toEqual([]);
        });

        timed('is atomic: a failure after the complaint was written leaves nothing, and the key stays free', async () => {
          if (!h.failMidTransaction) return; // no fault injection on this store
          const c = makeComplaint('k1');
          const input = createInput(c, 'o1:req-1', { outbox: [outboxMessage(c, 'm-k1', at(1))] });
          h.failMidTransaction();
          expect(await errorOf(h.complaints.create(input))).toBeTruthy();
          expect(await h.complaints.get('k1')).toBeNull();
          expect(await h.complaints.findByTrackingNo(c.trackingNo)).toBeNull();
          expect(await h.complaints.history('k1')).toEqual([]);
          expect(await h.outbox.forRecipient(c.complainantOpenid, 10)).toEqual([]);
          expect(await h.complaints.list(q({}))).toEqual({ items: [], hasMore: false });
          expect((await h.complaints.stats({ since: at(0) })).total).toBe(0);
          // The request key was not kept: the resident's retry goes through.
          expect(await h.complaints.create(input)).toEqual({ created: true, complaint: c, bodyHash: null });
          expect(await h.complaints.history('k1')).toHaveLength(1);
        });
      });

      describe('apply', () => {
        async function created(id = 'k1'): Promise<Complaint> {
          const c = makeComplaint(id);
          await h.complaints.create(createInput(c, `key:${id}`));
          return c;
        }
        const accept = (c: Complaint) => {
          const next = nextVersion(c, at(30), { status: 'accepted', acceptedAt: at(30), replyDueOn: '2026-03-12', dueAt: at(9000) });
          return { next, expectedVersion: c.version, history: [historyEntry(c, 'accept', 'accepted', at(30))], outbox: [outboxMessage(c, `m-accept-${c.id}`, at(30))] };
        };

        timed('writes the new version, appends history in order and queues the outbox messages', async () => {
          const c = await created();
          const change = accept(c);
          await h.complaints.apply(change);
          expect(await h.complaints.get('k1')).toEqual(change.next);
          expect(await h.complaints.history('k1')).toEqual([submitEntry(c), change.history[0]]);
          expect(await h.outbox.forRecipient(c.complainantOpenid, 10)).toEqual(change.outbox);
          // Several entries in one change keep their order; the list indexes follow the record.
          const a = change.next;
          const assign = nextVersion(a, at(40), { status: 'assigned', assignee: { kind: 'operator', operatorName: OPERATOR_B } });
          const entries = [historyEntry(a, 'assign', 'assigned', at(40)), historyEntry(a, 'note', 'assigned', at(40), { internal: true, note: '请运营单位核实' })];
          await h.complaints.apply({ next: assign, expectedVersion: a.version, history: entries, outbox: [] });
          expect(await h.complaints.history('k1')).toEqual([submitEntry(c), change.history[0], ...entries]);
          expect(ids((await h.complaints.list(q({ assignedOperators: [OPERATOR_B] }))).items)).toEqual(['k1']);
          expect(ids((await h.complaints.list(q({ statuses: ['submitted'] }))).items)).toEqual([]);
          expect(ids((await h.complaints.list(q({ dueBefore: at(9000), order: 'due' }))).items)).toEqual(['k1']);
        });

        timed('a change of complainant (a 代录 complaint claimed) moves it to the new owner\'s list', async () => {
          const c = await created();
          const claimed = nextVersion(c, at(35), { complainantOpenid: 'o-claimer-0001' });
          await h.complaints.apply({ next: claimed, expectedVersion: c.version, history: [historyEntry(c, 'claim', 'submitted', at(35))], outbox: [] });
          expect(await h.complaints.get('k1')).toEqual(claimed);
          expect(ids((await h.complaints.list(q({ owner: 'o-claimer-0001' }))).items)).toEqual(['k1']);
          expect(ids((await h.complaints.list(q({ owner: c.complainantOpenid }))).items)).toEqual([]);
        });

        timed('a stale expectedVersion is CONFLICT and writes nothing', async () => {
          const c = await created();
          const change = accept(c);
          await h.complaints.apply(change);
          await expectCode(h.complaints.apply({ ...accept(c), history: [historyEntry(c, 'refuse', 'refused', at(31))], outbox: [outboxMessage(c, 'm-late', at(31))] }), 'CONFLICT');
          expect(await h.complaints.get('k1')).toEqual(change.next);
          expect(await h.complaints.history('k1')).toHaveLength(2);
          expect(ids(await h.outbox.forRecipient(c.complainantOpenid, 10))).toEqual(['m-accept-k1']);
          await expectCode(h.complaints.apply({ ...accept(makeComplaint('missing')) }), 'CONFLICT');
        });

        timed('two applies with the same expectedVersion at once: one wins, the other is CONFLICT', async () => {
          const c = await created();
          const accepted = accept(c);
          const refused = {
            next: nextVersion(c, at(31), { status: 'refused', refusal: { reason: 'no_facts', text: '无具体事实' }, dueAt: null }),
            expectedVersion: c.version,
            history: [historyEntry(c, 'refuse', 'refused', at(31))],
            outbox: [outboxMessage(c, 'm-refuse-k1', at(31), 'complaint_refused')],
          };
          const results = await Promise.allSettled([h.complaints.apply(accepted), h.complaints.apply(refused)]);
          const fulfilled = results.filter((r) => r.status === 'fulfilled');
          const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(fulfilled).toHaveLength(1);
          expect(rejected).toHaveLength(1);
          expect(rejected[0].reason).toBeInstanceOf(AppError);
          expect((rejected[0].reason as AppError).code).toBe('CONFLICT');
          const winner = results[0].status === 'fulfilled' ? accepted : refused;
          expect(await h.complaints.get('k1')).toEqual(winner.next);
          expect(await h.complaints.history('k1')).toEqual([submitEntry(c), winner.history[0]]);
          expect(await h.outbox.forRecipient(c.complainantOpenid, 10)).toEqual(winner.outbox);
        });

        timed('签收 and 退单 (issue 11 §2): the assignment, its receipt and the hand-backs are kept as written', async () => {
          const c = await created();
          const a = accept(c);
          await h.complaints.apply(a);
          const assigned = nextVersion(a.next, at(40), { status: 'assigned', assignee: { kind: 'operator', operatorName: OPERATOR_B }, assignedAt: at(40), receivedAt: null });
          await h.complaints.apply({ next: assigned, expectedVersion: a.next.version, history: [historyEntry(a.next, 'assign', 'assigned', at(40))], outbox: [] });
          expect(await h.complaints.get('k1')).toEqual(assigned);
          const declined = nextVersion(assigned, at(41), {
            status: 'accepted',
            assignee: null,
            assignedAt: null,
            receivedAt: null,
            returns: [{ at: at(41), reason: '不是本单位的事', assignee: { kind: 'operator', operatorName: OPERATOR_B } }],
          });
          await h.complaints.apply({ next: declined, expectedVersion: assigned.version, history: [historyEntry(assigned, 'decline', 'accepted', at(41), { internal: true, note: '退单：不是本单位的事' })], outbox: [] });
          expect(await h.complaints.get('k1')).toEqual(declined);
          // Handed back: the operator no longer sees it in its queue.
          expect(ids((await h.complaints.list(q({ assignedOperators: [OPERATOR_B] }))).items)).toEqual([]);
          const again = nextVersion(declined, at(42), { status: 'assigned', assignee: { kind: 'station', stationId: c.stationId }, assignedAt: at(42), receivedAt: null });
          await h.complaints.apply({ next: again, expectedVersion: declined.version, history: [historyEntry(declined, 'assign', 'assigned', at(42))], outbox: [] });
          // 延期申请 waiting for the county, then decided.
          const received = nextVersion(again, at(43), { receivedAt: at(43), extensionRequest: { dueOn: '2026-03-20', workdays: 6, reason: '需要证明', at: at(43), decision: null } });
          await h.complaints.apply({ next: received, expectedVersion: again.version, history: [historyEntry(again, 'receive', 'assigned', at(43))], outbox: [] });
          expect(await h.complaints.get('k1')).toEqual(received);
          const approved = nextVersion(received, at(44), {
            replyDueOn: '2026-03-20',
            extension: { workdays: 6, reason: '需要证明', at: at(44) },
            extensionRequest: { ...received.extensionRequest!, decision: { approved: true, note: null, at: at(44) } },
          });
          await h.complaints.apply({ next: approved, expectedVersion: received.version, history: [historyEntry(received, 'approveExtension', 'assigned', at(44))], outbox: [outboxMessage(received, 'm-ext-k1', at(44), 'complaint_extended')] });
          expect(await h.complaints.get('k1')).toEqual(approved);
          expect((await h.outbox.forRecipient(c.complainantOpenid, 10)).map((m) => m.event)).toEqual(['complaint_extended', 'complaint_accepted']); // newest first
          expect((await h.complaints.history('k1')).map((e) => e.action)).toEqual(['submit', 'accept', 'assign', 'decline', 'assign', 'receive', 'approveExtension']);
        });

        timed('a history-only change (same version, e.g. an internal note) may repeat', async () => {
          const c = await created();
          const note = (n: number) => ({ next: c, expectedVersion: c.version, history: [historyEntry(c, 'note', 'submitted', at(n), { internal: true, note: `备注${n}` })], outbox: [] });
          await h.complaints.apply(note(1));
          await h.complaints.apply(note(2));
          expect(await h.complaints.get('k1')).toEqual(c);
          expect((await h.complaints.history('k1')).map((e) => e.note)).toEqual([submitEntry(c).note, '备注1', '备注2']);
        });

        timed('is atomic: a failure after the complaint was written leaves the old version, history and outbox', async () => {
          if (!h.failMidTransaction) return;
          const c = await created();
          const change = accept(c);
          h.failMidTransaction();
          expect(await errorOf(h.complaints.apply(change))).toBeTruthy();
          expect(await h.complaints.get('k1')).toEqual(c);
          expect(await h.complaints.history('k1')).toEqual([submitEntry(c)]);
          expect(await h.outbox.forRecipient(c.complainantOpenid, 10)).toEqual([]);
          expect(ids((await h.complaints.list(q({ statuses: ['accepted'] }))).items)).toEqual([]);
          await h.complaints.apply(change); // and the retry goes through
          expect(await h.complaints.get('k1')).toEqual(change.next);
        });
      });

      describe('supporters', () => {
        timed('count once per openid', async () => {
          const c = makeComplaint('k1');
          await h.complaints.create(createInput(c, 'k'));
          expect(await h.complaints.addSupporter('k1', OWNERS.o2, at(5))).toBe(true);
          expect(await h.complaints.addSupporter('k1', OWNERS.o2, at(6))).toBe(false);
          expect(await h.complaints.addSupporter('k1', OWNERS.o3, at(7))).toBe(true);
          expect((await h.complaints.get('k1'))?.supporters).toBe(2);
          // Two at once both count.
          const both = await Promise.all([h.complaints.addSupporter('k1', 'o-resident-0004', at(8)), h.complaints.addSupporter('k1', 'o-resident-0005', at(8))]);
          expect(both).toEqual([true, true]);
          expect((await h.complaints.get('k1'))?.supporters).toBe(4);
          // Who supports it (they follow its handling); the owner and strangers do not.
          expect(await h.complaints.isSupporter('k1', OWNERS.o2)).toBe(true);
          expect(await h.complaints.isSupporter('k1', 'o-resident-0005')).toBe(true);
          expect(await h.complaints.isSupporter('k1', OWNERS.o1)).toBe(false);
          expect(await h.complaints.isSupporter('k2', OWNERS.o2)).toBe(false);
        });

        timed('a change made from a copy read before a supporter joined keeps that supporter counted', async () => {
          const c = makeComplaint('k1');
          await h.complaints.create(createInput(c, 'k'));
          const read = (await h.complaints.get('k1')) as Complaint;
          expect(await h.complaints.addSupporter('k1', OWNERS.o2, at(5))).toBe(true);
          const next = nextVersion(read, at(30), { status: 'accepted', acceptedAt: at(30) });
          await h.complaints.apply({ next, expectedVersion: read.version, history: [historyEntry(read, 'accept', 'accepted', at(30))], outbox: [] });
          expect(await h.complaints.get('k1')).toEqual({ ...next, supporters: 1 });
        });
      });

      describe('followers', () => {
        /** Main case k1; k2 (o2) merged into it at minute 20; o3 and o-resident-0004 support it; k3 (o3) merged elsewhere. */
        async function followed() {
          const main = makeComplaint('k1', { complainantOpenid: OWNERS.o1 });
          const other = makeComplaint('k4', { complainantOpenid: OWNERS.o1 });
          for (const c of [main, other]) await h.complaints.create(createInput(c, `r-${c.id}`));
          for (const [id, owner, into, minute] of [['k2', OWNERS.o2, 'k1', 20], ['k3', OWNERS.o3, 'k4', 25]] as const) {
            const c = makeComplaint(id, { complainantOpenid: owner });
            await h.complaints.create(createInput(c, `r-${id}`));
            const merged = nextVersion(c, at(minute), { status: 'merged', mergedInto: into, closedAt: at(minute), dueAt: null });
            await h.complaints.apply({ next: merged, expectedVersion: c.version, history: [historyEntry(c, 'merge', 'merged', at(minute))], outbox: [] });
          }
          await h.complaints.addSupporter('k1', OWNERS.o3, at(10));
          await h.complaints.addSupporter('k1', 'o-resident-0004', at(30));
          await h.complaints.addSupporter('k4', OWNERS.o2, at(40));
        }

        timed('followers of a case: supporters and merged complainants, oldest first, up to the limit', async () => {
          await followed();
          expect(await h.complaints.followers('k1', 10)).toEqual([
            { caseId: 'k1', openid: OWNERS.o3, via: 'supporter', complaintId: null, since: at(10) },
            { caseId: 'k1', openid: OWNERS.o2, via: 'merged', complaintId: 'k2', since: at(20) },
            { caseId: 'k1', openid: 'o-resident-0004', via: 'supporter', complaintId: null, since: at(30) },
          ]);
          expect((await h.complaints.followers('k1', 2)).map((f) => f.openid)).toEqual([OWNERS.o3, OWNERS.o2]);
          expect(await h.complaints.followers('k2', 10)).toEqual([]);
          expect(await h.complaints.followers('missing', 10)).toEqual([]);
        });

        timed('cases a person follows, newest first; their own complaints are not among them', async () => {
          await followed();
          expect(await h.complaints.following(OWNERS.o2, 10)).toEqual([
            { caseId: 'k4', openid: OWNERS.o2, via: 'supporter', complaintId: null, since: at(40) },
            { caseId: 'k1', openid: OWNERS.o2, via: 'merged', complaintId: 'k2', since: at(20) },
          ]);
          expect(await h.complaints.following(OWNERS.o3, 1)).toEqual([{ caseId: 'k4', openid: OWNERS.o3, via: 'merged', complaintId: 'k3', since: at(25) }]);
          expect(await h.complaints.following(OWNERS.o1, 10)).toEqual([]);
        });

        timed('one evaluation per follower per case: the first is kept, a second answers it unchanged', async () => {
          await followed();
          const e = { caseId: 'k1', openid: OWNERS.o3, via: 'supporter' as const, evaluation: 'satisfied' as const, comment: '退了钱', at: at(50) };
          expect(await h.complaints.saveFollowerEvaluation(e)).toEqual({ saved: true, evaluation: e });
          expect(await h.complaints.saveFollowerEvaluation({ ...e, evaluation: 'unsatisfied', comment: null, at: at(51) })).toEqual({ saved: false, evaluation: e });
          const other = { caseId: 'k1', openid: OWNERS.o2, via: 'merged' as const, evaluation: 'basically' as const, comment: null, at: at(45) };
          const both = await Promise.all([h.complaints.saveFollowerEvaluation(other), h.complaints.saveFollowerEvaluation({ ...other, evaluation: 'unsatisfied' })]);
          expect(both.filter((r) => r.saved)).toHaveLength(1);
          const kept = both.find((r) => r.saved)!.evaluation;
          expect(both.map((r) => r.evaluation)).toEqual([kept, kept]);
          expect(await h.complaints.followerEvaluations('k1')).toEqual([kept, e]);
          expect(await h.complaints.followerEvaluations('k4')).toEqual([]);
          // The case itself is untouched.
          expect((await h.complaints.get('k1'))?.evaluation).toBeNull();
        });

        timed('clearFollowerComments removes the words of a case’s follower evaluations only, and may run again', async () => {
          await followed();
          const e = (caseId: string, openid: string, comment: string | null) => ({ caseId, openid, via: 'supporter' as const, evaluation: 'satisfied' as const, comment, at: at(50) });
          await h.complaints.saveFollowerEvaluation(e('k1', OWNERS.o3, '退了钱'));
          await h.complaints.saveFollowerEvaluation(e('k1', 'o-resident-0004', null));
          await h.complaints.saveFollowerEvaluation(e('k4', OWNERS.o2, '没退钱'));
          await h.complaints.clearFollowerComments('k1');
          await h.complaints.clearFollowerComments('k1');
          expect(await h.complaints.followerEvaluations('k1')).toEqual([e('k1', OWNERS.o3, null), e('k1', 'o-resident-0004', null)]);
          expect(await h.complaints.followerEvaluations('k4')).toEqual([e('k4', OWNERS.o2, '没退钱')]);
        });
      });

      describe('outbox', () => {
        /** Five messages to two people, created out of order, via a complaint and a change. */
        async function queued() {
          const c = makeComplaint('k1');
          const m = {
            a: outboxMessage(c, 'm-a', at(3)),
            b: outboxMessage(c, 'm-b', at(1)),
            c: outboxMessage(c, 'm-c', at(2), 'complaint_assigned', OWNERS.o3),
            d: outboxMessage(c, 'm-d', at(2)),
            e: outboxMessage(c, 'm-e', at(5), 'complaint_replied'),
          };
          await h.complaints.create(createInput(c, 'k', { outbox: [m.a, m.b, m.c] }));
          const next = nextVersion(c, at(5), { status: 'accepted' });
          await h.complaints.apply({ next, expectedVersion: 1, history: [historyEntry(c, 'accept', 'accepted', at(5))], outbox: [m.d, m.e] });
          return m;
        }

        timed('pending: unsent, fewer failed attempts than the maximum, oldest first (ties by id), up to the limit', async () => {
          const m = await queued();
          expect(await h.outbox.pending(10, 5)).toEqual([m.b, m.c, m.d, m.a, m.e]);
          expect(ids(await h.outbox.pending(2, 5))).toEqual(['m-b', 'm-c']);
          expect(await h.outbox.markSent('m-c', at(10))).toBe(true);
          await h.outbox.markFailed('m-b', 'TimeoutError', at(10));
          await h.outbox.markFailed('m-b', 'TimeoutError', at(11));
          expect(ids(await h.outbox.pending(10, 3))).toEqual(['m-b', 'm-d', 'm-a', 'm-e']);
          expect(ids(await h.outbox.pending(10, 2))).toEqual(['m-d', 'm-a', 'm-e']);
          const [failed] = (await h.outbox.forRecipient(OWNERS.o1, 10)).filter((x) => x.id === 'm-b');
          expect(failed).toEqual({ ...m.b, attempts: 2, lastError: 'TimeoutError' });
        });

        timed('markSent succeeds once, also when two senders race; a sent message ignores markFailed', async () => {
          const m = await queued();
          const race = await Promise.all([h.outbox.markSent('m-a', at(10)), h.outbox.markSent('m-a', at(10))]);
          expect(race.filter(Boolean)).toHaveLength(1);
          expect(await h.outbox.markSent('m-a', at(11))).toBe(false);
          expect(await h.outbox.markSent('no-such-message', at(11))).toBe(false);
          await h.outbox.markFailed('m-a', 'late failure', at(12));
          const [sent] = (await h.outbox.forRecipient(OWNERS.o1, 10)).filter((x) => x.id === 'm-a');
          expect(sent).toEqual({ ...m.a, sentAt: at(10) });
          expect(ids(await h.outbox.pending(10, 5))).not.toContain('m-a');
        });

        timed('markFailed keeps a short error (at most 60 characters)', async () => {
          await queued();
          await h.outbox.markFailed('m-e', 'x'.repeat(200), at(10));
          const [e] = (await h.outbox.forRecipient(OWNERS.o1, 10)).filter((x) => x.id === 'm-e');
          expect(e.attempts).toBe(1);
          expect(e.lastError).toBe('x'.repeat(60));
        });

        timed('forRecipient: one person, newest first (ties by id), up to the limit', async () => {
          const m = await queued();
          expect(await h.outbox.forRecipient(OWNERS.o1, 10)).toEqual([m.e, m.a, m.d, m.b]);
          expect(ids(await h.outbox.forRecipient(OWNERS.o1, 2))).toEqual(['m-e', 'm-a']);
          expect(await h.outbox.forRecipient(OWNERS.o3, 10)).toEqual([m.c]);
          expect(await h.outbox.forRecipient('o-nobody', 10)).toEqual([]);
        });

        /** The county's digest of new cases (core/notify/digest.ts) as the job builds it. */
        const digest = (id: string, openid: string, createdAt: string): OutboxMessage => ({
          id,
          openid,
          event: 'new_cases_digest',
          complaintId: 'k1',
          payload: { count: '3', dueOn: '2026-03-04' },
          createdAt,
          sentAt: null,
          attempts: 0,
          lastError: null,
        });

        timed('queueDigest: one a day per person, kept as given and delivered like any message; lastDigestAt is the last one queued', async () => {
          expect(await h.outbox.lastDigestAt('o-county-a')).toBeNull();
          const first = digest('d-1', 'o-county-a', at(0));
          expect(await h.outbox.queueDigest(first, '2026-03-02')).toBe(true);
          // The same day again (a later run, another id): refused, nothing queued, the last one stays.
          expect(await h.outbox.queueDigest(digest('d-2', 'o-county-a', at(60)), '2026-03-02')).toBe(false);
          expect(await h.outbox.lastDigestAt('o-county-a')).toBe(at(0));
          // Someone else the same day: their own.
          expect(await h.outbox.queueDigest(digest('d-3', 'o-county-b', at(1)), '2026-03-02')).toBe(true);
          // The next day: queued, and it becomes the last one.
          const next = digest('d-4', 'o-county-a', at(1440));
          expect(await h.outbox.queueDigest(next, '2026-03-03')).toBe(true);
          expect(await h.outbox.lastDigestAt('o-county-a')).toBe(at(1440));
          expect(await h.outbox.lastDigestAt('o-county-b')).toBe(at(1));
          expect(await h.outbox.forRecipient('o-county-a', 10)).toEqual([next, first]);
          expect(ids(await h.outbox.pending(10, 5))).toEqual(['d-1', 'd-3', 'd-4']);
          expect(await h.outbox.markSent('d-1', at(5))).toBe(true);
          expect(ids(await h.outbox.pending(10, 5))).toEqual(['d-3', 'd-4']);
        });

        timed('queueDigest: of two runs racing for the same person and day, one queues', async () => {
          const race = await Promise.all([h.outbox.queueDigest(digest('d-a', 'o-county-a', at(0)), '2026-03-02'), h.outbox.queueDigest(digest('d-b', 'o-county-a', at(0)), '2026-03-02')]);
          expect(race.filter(Boolean)).toHaveLength(1);
          expect(await h.outbox.forRecipient('o-county-a', 10)).toHaveLength(1);
        });

        timed('inbox: one person, only the kinds asked for, newest first (ties by id); markRead marks one case of that person', async () => {
          const c = makeComplaint('k1');
          const d = makeComplaint('k2');
          const m = {
            r1: outboxMessage(c, 'i-r1', at(1), 'complaint_returned', 'o-county-a'),
            s1: outboxMessage(c, 'i-s1', at(2), 'complaint_supervised', 'o-county-a'),
            x2: outboxMessage(d, 'i-x2', at(2), 'extension_requested', 'o-county-a'),
            other: outboxMessage(d, 'i-other', at(3), 'complaint_returned', 'o-county-b'),
            own: outboxMessage(c, 'i-own', at(4), 'complaint_accepted', 'o-county-a'),
          };
          await h.complaints.create(createInput(c, 'k1', { outbox: [m.r1, m.s1, m.own] }));
          await h.complaints.create(createInput(d, 'k2', { outbox: [m.x2, m.other] }));
          const kinds = ['complaint_returned', 'complaint_supervised', 'extension_requested'];
          expect(await h.outbox.inbox('o-county-a', kinds, 10)).toEqual([m.s1, m.x2, m.r1]);
          expect(ids(await h.outbox.inbox('o-county-a', kinds, 2))).toEqual(['i-s1', 'i-x2']);
          expect(ids(await h.outbox.inbox('o-county-a', ['complaint_returned'], 10))).toEqual(['i-r1']);
          expect(await h.outbox.inbox('o-nobody', kinds, 10)).toEqual([]);
          await h.outbox.markRead('o-county-a', 'k1', at(10));
          expect(await h.outbox.inbox('o-county-a', kinds, 10)).toEqual([{ ...m.s1, readAt: at(10) }, m.x2, { ...m.r1, readAt: at(10) }]);
          // Someone else's messages about another case are untouched; delivery still sees them unsent.
          expect(await h.outbox.inbox('o-county-b', kinds, 10)).toEqual([m.other]);
          expect(ids(await h.outbox.pending(10, 5))).toEqual(['i-r1', 'i-s1', 'i-x2', 'i-other', 'i-own']);
        });

        timed('undeliverable: unsent messages with at least maxAttempts failed attempts; sent ones never count', async () => {
          await queued();
          expect(await h.outbox.undeliverable(2)).toBe(0);
          await h.outbox.markFailed('m-b', 'TimeoutError', at(10));
          await h.outbox.markFailed('m-b', '43101', at(11));
          await h.outbox.markFailed('m-a', '43101', at(11));
          expect(await h.outbox.undeliverable(2)).toBe(1);
          expect(await h.outbox.undeliverable(1)).toBe(2);
          expect(await h.outbox.markSent('m-a', at(12))).toBe(true);
          expect(await h.outbox.undeliverable(1)).toBe(1);
          // By the last failure: m-b's was 43101 (its first, a timeout, no longer counts).
          expect(await h.outbox.undeliverable(1, '43101')).toBe(1);
          expect(await h.outbox.undeliverable(1, 'TimeoutError')).toBe(0);
          expect(await h.outbox.undeliverable(3, '43101')).toBe(0);
        });
      });

      timed('an unreachable store answers UNAVAILABLE everywhere', async () => {
        const c = makeComplaint('k1');
        await h.complaints.create(createInput(c, 'k'));
        await h.breakStore();
        await expectCode(h.complaints.get('k1'), 'UNAVAILABLE');
        await expectCode(h.complaints.findByTrackingNo(c.trackingNo), 'UNAVAILABLE');
        await expectCode(h.complaints.history('k1'), 'UNAVAILABLE');
        await expectCode(h.complaints.list(q({})), 'UNAVAILABLE');
        await expectCode(h.complaints.stats({ since: at(0) }), 'UNAVAILABLE');
        const d = makeComplaint('k2');
        await expectCode(h.complaints.create(createInput(d, 'k2')), 'UNAVAILABLE');
        await expectCode(h.complaints.apply({ next: nextVersion(c, at(5), { status: 'accepted' }), expectedVersion: 1, history: [], outbox: [] }), 'UNAVAILABLE');
        await expectCode(h.complaints.addSupporter('k1', OWNERS.o2, at(5)), 'UNAVAILABLE');
        await expectCode(h.outbox.pending(10, 5), 'UNAVAILABLE');
        await expectCode(h.outbox.markSent('m', at(5)), 'UNAVAILABLE');
        await expectCode(h.outbox.lastDigestAt('o-county-a'), 'UNAVAILABLE');
        await expectCode(h.outbox.undeliverable(5), 'UNAVAILABLE');
        await expectCode(h.outbox.inbox('o-county-a', ['complaint_returned'], 10), 'UNAVAILABLE');
        await expectCode(h.outbox.markRead('o-county-a', 'k1', at(5)), 'UNAVAILABLE');
        await expectCode(h.outbox.queueDigest({ ...outboxMessage(c, 'd-x', at(5)), event: 'new_cases_digest' }, '2026-03-02'), 'UNAVAILABLE');
      });
    });
  });
}
