/**
 * The storage contract of RatingRepository (core/ports.ts): one suite that every adapter (SQLite,
 * CloudBase through the fake SDK) must pass as is. It pins what the port's comments leave open:
 * - "current" is the rater's newest rating on the station; a new rating replaces it when it is
 *   published or held and strictly newer than `windowStart`; a rejected one stays rejected;
 * - countBetween counts published and held ratings (not rejected, not replaced);
 *   countByNewAccounts counts every rating but replaced ones, by accounts first seen strictly
 *   after `newerThan`;
 * - the aggregate exists once something was published and follows every change exactly;
 * - lists are newest first (ties: id descending), held ratings oldest first, reports newest first;
 * - trends: recent/previous like countBetween, held now, mean of the ratings published since.
 */
import type { RatingRepository } from '../../core/ports';
import type { PressureReport, Rating, RatingAggregate } from '../../core/rating/model';
import { replyChange, reviewChange, submitInput } from '../../core/rating/change';
import { WINDOW_MS } from '../../core/rating/rules';
import { AppError } from '../../core/shared/errors';
import { expectCode } from './expect';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface RatingStoreHandle extends StoreLifecycle {
  ratings: RatingRepository;
}

export interface RatingContractOptions {
  /** How many concurrent submits the race tests fire. */
  concurrency?: number;
}

const T0 = Date.parse('2026-09-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const YUDU = ['36', '3607', '360731', '360731100'];
const POYANG = ['36', '3611', '361128', '361128001'];

let counter = 0;
export function rating(p: Partial<Rating> = {}): Rating {
  counter++;
  return {
    id: `rt-${String(counter).padStart(7, '0')}`,
    stationId: 'st-a',
    stationName: '甲站',
    operatorName: '运营甲',
    regionCodes: YUDU,
    raterOpenid: 'u1',
    scores: { attitude: 5, pricing: 4, cleanliness: 3, efficiency: 2 },
    comment: '',
    visitVerified: false,
    status: 'published',
    holdReasons: [],
    createdAt: at(0),
    replaces: null,
    reply: null,
    version: 1,
    ...p,
  };
}

/** The aggregate the published ratings imply. */
function expectedAggregate(published: Rating[]): Pick<RatingAggregate, 'count' | 'sums' | 'visitVerified'> {
  const sums = { attitude: 0, pricing: 0, cleanliness: 0, efficiency: 0 };
  for (const r of published) for (const d of Object.keys(sums) as (keyof typeof sums)[]) sums[d] += r.scores[d];
  return { count: published.length, sums, visitVerified: published.filter((r) => r.visitVerified).length };
}

export function describeRatingStoreContract(name: string, open: () => Promise<RatingStoreHandle>, options: RatingContractOptions = {}): void {
  const concurrency = options.concurrency ?? 20;

  describe(`rating store contract: ${name}`, () => {
    let h: RatingStoreHandle;
    let store: RatingRepository;
    let keys = 0;
    const key = () => `key-${++keys}`;

    useStore(open, (opened) => {
      h = opened;
      store = h.ratings;
    });

    /** Submit with a fresh key and the 30-day window before the rating's own instant. */
    const submit = (r: Rating, requestKey = key(), windowStart = new Date(Date.parse(r.createdAt) - WINDOW_MS).toISOString()) =>
      store.submit(submitInput(r, requestKey, windowStart));

    /** An official's decision and the head's reply, as the service plans them (core/rating/change.ts). */
    const setStatus = (id: string, version: number, status: 'published' | 'rejected', when: string) => store.change(id, (cur) => reviewChange(cur, version, status, when));
    const reply = (id: string, text: string, when: string) => store.change(id, (cur) => replyChange(cur, text, when));

    const aggregateOf = async (stationId = 'st-a') => {
      const a = await store.aggregate(stationId);
      return a && { count: a.count, sums: a.sums, visitVerified: a.visitVerified };
    };

    describe('submit', () => {
      test('stores a published rating and adds it to the station aggregate', async () => {
        const r = rating({ visitVerified: true });
        expect(await submit(r)).toEqual({ rating: r, replaced: null, created: true });
        expect(await store.get(r.id)).toEqual(r);
        expect(await store.current('st-a', 'u1')).toEqual(r);
        expect(await aggregateOf()).toEqual(expectedAggregate([r]));
        const agg = await store.aggregate('st-a');
        expect(agg).toMatchObject({ stationId: 'st-a', updatedAt: r.createdAt });
      });

      test('a held rating is stored but stays out of the aggregate', async () => {
        const r = rating({ status: 'held', holdReasons: ['burst'] });
        await submit(r);
        expect(await store.get(r.id)).toEqual(r);
        expect(await store.aggregate('st-a')).toBeNull();
        const p = rating({ raterOpenid: 'u2' });
        await submit(p);
        expect(await aggregateOf()).toEqual(expectedAggregate([p]));
      });

      test('a repeated request key answers the first result and writes nothing', async () => {
        const old = rating({ createdAt: at(0) });
        await submit(old);
        const first = rating({ createdAt: at(HOUR) });
        const k = key();
        const one = await submit(first, k);
        expect(one.created).toBe(true);
        const again = await submit(rating({ createdAt: at(2 * HOUR), scores: { attitude: 1, pricing: 1, cleanliness: 1, efficiency: 1 } }), k);
        expect(again.created).toBe(false);
        expect(again.rating).toEqual(one.rating);
        expect(again.replaced?.id).toBe(old.id);
        expect((await store.listByRater('u1', 0, 50)).items).toHaveLength(2);
        expect(await aggregateOf()).toEqual(expectedAggregate([first]));
      });

      test('inside the window the current rating is replaced: status, version, replaces link and aggregate', async () => {
        const r1 = rating({ createdAt: at(0), visitVerified: true });
        await submit(r1);
        const r2 = rating({ createdAt: at(WINDOW_MS - 1), scores: { attitude: 1, pricing: 2, cleanliness: 1, efficiency: 2 } });
        const res = await submit(r2);
        expect(res.created).toBe(true);
        expect(res.replaced).toEqual({ ...r1, status: 'replaced', version: 2 });
        expect(res.rating).toEqual({ ...r2, replaces: r1.id });
        expect(await store.get(r1.id)).toEqual({ ...r1, status: 'replaced', version: 2 });
        expect(await store.get(r2.id)).toEqual({ ...r2, replaces: r1.id });
        expect(await store.current('st-a', 'u1')).toEqual({ ...r2, replaces: r1.id });
        expect(await aggregateOf()).toEqual(expectedAggregate([r2]));
        expect((await store.listPublished('st-a', 0, 10)).items.map((r) => r.id)).toEqual([r2.id]);
      });

      test('exactly at the window start the earlier rating is outside: both stay published', async () => {
        const r1 = rating({ createdAt: at(0) });
        await submit(r1);
        const r2 = rating({ createdAt: at(WINDOW_MS) });
        const res = await submit(r2);
        expect(res.replaced).toBeNull();
        expect(res.rating.replaces).toBeNull();
        expect((await store.get(r1.id))?.status).toBe('published');
        expect(await aggregateOf()).toEqual(expectedAggregate([r1, r2]));
      });

      test('the window is whatever the caller passes (strictly after windowStart)', async () => {
        const r1 = rating({ createdAt: at(0) });
        await submit(r1);
        const r2 = rating({ createdAt: at(HOUR) });
        expect((await submit(r2, key(), at(0))).replaced).toBeNull();
        const r3 = rating({ createdAt: at(2 * HOUR) });
        expect((await submit(r3, key(), at(HOUR - 1))).replaced?.id).toBe(r2.id);
      });

      test('a held current rating is replaced without touching the aggregate; the new published one enters it', async () => {
        const h1 = rating({ status: 'held', holdReasons: ['content_review'] });
        await submit(h1);
        const p = rating({ createdAt: at(HOUR) });
        const res = await submit(p);
        expect(res.replaced).toMatchObject({ id: h1.id, status: 'replaced', version: 2 });
        expect(await aggregateOf()).toEqual(expectedAggregate([p]));
        expect((await store.listHeld(['36'], 0, 10)).items).toEqual([]);
      });

      test('a held rating replacing a published one takes the published one out of the aggregate', async () => {
        const other = rating({ raterOpenid: 'u2' });
        await submit(other);
        const p = rating({ createdAt: at(HOUR) });
        await submit(p);
        await submit(rating({ createdAt: at(2 * HOUR), status: 'held', holdReasons: ['burst'] }));
        expect(await aggregateOf()).toEqual(expectedAggregate([other]));
      });

      test('a rejected rating is not replaced: it stays rejected and the new one replaces nothing', async () => {
        const h1 = rating({ status: 'held', holdReasons: ['new_accounts'] });
        await submit(h1);
        await setStatus(h1.id, 1, 'rejected', at(1));
        const r2 = rating({ createdAt: at(HOUR) });
        const res = await submit(r2);
        expect(res.replaced).toBeNull();
        expect((await store.get(h1.id))?.status).toBe('rejected');
        expect(await store.current('st-a', 'u1')).toEqual(r2);
      });

      test('raters and stations are independent', async () => {
        const a1 = rating({ raterOpenid: 'u1', stationId: 'st-a' });
        const a2 = rating({ raterOpenid: 'u2', stationId: 'st-a' });
        const b1 = rating({ raterOpenid: 'u1', stationId: 'st-b', stationName: '乙站' });
        for (const r of [a1, a2, b1]) expect((await submit(r)).replaced).toBeNull();
        expect(await store.current('st-a', 'u1')).toEqual(a1);
        expect(await store.current('st-a', 'u2')).toEqual(a2);
        expect(await store.current('st-b', 'u1')).toEqual(b1);
        expect(await store.current('st-b', 'u2')).toBeNull();
        expect(await aggregateOf('st-a')).toEqual(expectedAggregate([a1, a2]));
        expect(await aggregateOf('st-b')).toEqual(expectedAggregate([b1]));
        expect(await store.aggregate('st-none')).toBeNull();
        expect(await store.get('rt-missing')).toBeNull();
      });

      test('station ids that are Object.prototype names are ordinary ids', async () => {
        for (const stationId of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
          expect(await store.current(stationId, 'u1')).toBeNull();
          const r = rating({ stationId });
          expect((await submit(r)).replaced).toBeNull();
          expect(await store.current(stationId, 'u1')).toEqual(r);
          expect(await aggregateOf(stationId)).toEqual(expectedAggregate([r]));
        }
      });

      test('a comment, hold reasons and visit verification round-trip', async () => {
        const r = rating({ comment: '服务热情，价格公道。"引号" \\ 和换行\n', holdReasons: ['burst', 'new_accounts'], status: 'held', visitVerified: true });
        await submit(r);
        expect(await store.get(r.id)).toEqual(r);
      });
    });

    describe('lists', () => {
      test('published ratings of a station, newest first, paged; ties by id descending', async () => {
        const rs: Rating[] = [];
        for (let i = 0; i < 7; i++) rs.push(rating({ raterOpenid: `p${i}`, createdAt: at(i < 3 ? 0 : i * HOUR) }));
        rs.push(rating({ raterOpenid: 'held', status: 'held', holdReasons: ['burst'], createdAt: at(10 * HOUR) }));
        rs.push(rating({ raterOpenid: 'other', stationId: 'st-b', createdAt: at(11 * HOUR) }));
        for (const r of rs) await submit(r);
        const published = rs.filter((r) => r.status === 'published' && r.stationId === 'st-a');
        const expected = [...published].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)).map((r) => r.id);
        const p1 = await store.listPublished('st-a', 0, 4);
        const p2 = await store.listPublished('st-a', 4, 4);
        expect(p1.hasMore).toBe(true);
        expect(p2.hasMore).toBe(false);
        expect([...p1.items, ...p2.items].map((r) => r.id)).toEqual(expected);
        expect(await store.listPublished('st-a', 7, 4)).toEqual({ items: [], hasMore: false });
        expect(await store.listPublished('st-none', 0, 4)).toEqual({ items: [], hasMore: false });
      });

      test("a rater's ratings in every status, newest first, paged", async () => {
        const r1 = rating({ createdAt: at(0) });
        const r2 = rating({ createdAt: at(HOUR) }); // replaces r1
        const r3 = rating({ stationId: 'st-b', createdAt: at(2 * HOUR), status: 'held', holdReasons: ['burst'] });
        for (const r of [r1, r2, r3]) await submit(r);
        await submit(rating({ raterOpenid: 'u2', createdAt: at(3 * HOUR) }));
        const page = await store.listByRater('u1', 0, 2);
        expect(page.items.map((r) => [r.id, r.status])).toEqual([
          [r3.id, 'held'],
          [r2.id, 'published'],
        ]);
        expect(page.hasMore).toBe(true);
        expect((await store.listByRater('u1', 2, 2)).items.map((r) => [r.id, r.status])).toEqual([[r1.id, 'replaced']]);
      });

      test('held ratings in the given regions, oldest first; none for no regions', async () => {
        const h1 = rating({ raterOpenid: 'a', status: 'held', holdReasons: ['burst'], createdAt: at(2 * HOUR) });
        const h2 = rating({ raterOpenid: 'b', status: 'held', holdReasons: ['burst'], createdAt: at(HOUR) });
        const h3 = rating({ raterOpenid: 'c', stationId: 'st-p', regionCodes: POYANG, status: 'held', holdReasons: ['burst'], createdAt: at(0) });
        await submit(rating({ raterOpenid: 'd' }));
        for (const r of [h1, h2, h3]) await submit(r);
        expect((await store.listHeld(['360731'], 0, 10)).items.map((r) => r.id)).toEqual([h2.id, h1.id]);
        expect((await store.listHeld(['3611', '3607'], 0, 10)).items.map((r) => r.id)).toEqual([h3.id, h2.id, h1.id]);
        const first = await store.listHeld(['36'], 0, 2);
        expect(first.hasMore).toBe(true);
        expect((await store.listHeld(['36'], 2, 2)).items.map((r) => r.id)).toEqual([h1.id]);
        expect(await store.listHeld(['3601'], 0, 10)).toEqual({ items: [], hasMore: false });
        expect(await store.listHeld([], 0, 10)).toEqual({ items: [], hasMore: false });
      });
    });

    describe('counts for burst detection', () => {
      test('countBetween: [since, until) on one station, published and held only', async () => {
        await submit(rating({ raterOpenid: 'a', createdAt: at(0) }));
        await submit(rating({ raterOpenid: 'b', createdAt: at(HOUR), status: 'held', holdReasons: ['burst'] }));
        const rej = rating({ raterOpenid: 'c', createdAt: at(2 * HOUR), status: 'held', holdReasons: ['burst'] });
        await submit(rej);
        await setStatus(rej.id, 1, 'rejected', at(2 * HOUR));
        await submit(rating({ raterOpenid: 'd', createdAt: at(3 * HOUR) }));
        await submit(rating({ raterOpenid: 'd', createdAt: at(4 * HOUR) })); // replaces d's first: one person counts once
        await submit(rating({ raterOpenid: 'e', stationId: 'st-b', createdAt: at(HOUR) }));
        expect(await store.countBetween('st-a', at(0), at(5 * HOUR))).toBe(3);
        expect(await store.countBetween('st-a', at(0), at(HOUR))).toBe(1);
        expect(await store.countBetween('st-a', at(1), at(4 * HOUR))).toBe(1);
        expect(await store.countBetween('st-a', at(1), at(4 * HOUR + 1))).toBe(2);
        expect(await store.countBetween('st-a', at(5 * HOUR), at(6 * HOUR))).toBe(0);
        expect(await store.countBetween('st-b', at(0), at(DAY))).toBe(1);
      });

      test('touchAccount records the first sighting only', async () => {
        expect(await store.touchAccount('n1', at(5))).toBe(at(5));
        expect(await store.touchAccount('n1', at(9))).toBe(at(5));
        expect(await store.touchAccount('n2', at(1))).toBe(at(1));
      });

      test('countByNewAccounts: ratings since an instant by accounts first seen strictly after newerThan', async () => {
        await store.touchAccount('old', at(-10 * DAY));
        await store.touchAccount('new1', at(HOUR));
        await store.touchAccount('new2', at(2 * HOUR));
        await store.touchAccount('edge', at(0));
        await submit(rating({ raterOpenid: 'old', createdAt: at(3 * HOUR) }));
        await submit(rating({ raterOpenid: 'new1', createdAt: at(3 * HOUR) }));
        await submit(rating({ raterOpenid: 'new1', createdAt: at(4 * HOUR) })); // replaces: counted once
        const rej = rating({ raterOpenid: 'new2', createdAt: at(3 * HOUR), status: 'held', holdReasons: ['new_accounts'] });
        await submit(rej);
        await setStatus(rej.id, 1, 'rejected', at(5 * HOUR)); // a caught campaign still counts
        await submit(rating({ raterOpenid: 'edge', createdAt: at(3 * HOUR) }));
        await submit(rating({ raterOpenid: 'new1', stationId: 'st-b', createdAt: at(3 * HOUR) }));
        expect(await store.countByNewAccounts('st-a', at(0), at(0))).toBe(2);
        expect(await store.countByNewAccounts('st-a', at(0), at(-11 * DAY))).toBe(4);
        expect(await store.countByNewAccounts('st-a', at(4 * HOUR), at(0))).toBe(1);
        expect(await store.countByNewAccounts('st-a', at(4 * HOUR + 1), at(0))).toBe(0);
        expect(await store.countByNewAccounts('st-b', at(0), at(0))).toBe(1);
      });

      test('a submit without an earlier touch counts the rater as first seen at the rating', async () => {
        await submit(rating({ raterOpenid: 'fresh', createdAt: at(HOUR) }));
        expect(await store.touchAccount('fresh', at(2 * HOUR))).toBe(at(HOUR));
        expect(await store.countByNewAccounts('st-a', at(0), at(0))).toBe(1);
      });
    });

    describe('review and reply', () => {
      test('publishing a held rating bumps its version and adds it to the aggregate', async () => {
        const p = rating({ raterOpenid: 'p' });
        await submit(p);
        const h1 = rating({ status: 'held', holdReasons: ['burst'], visitVerified: true });
        await submit(h1);
        const next = await setStatus(h1.id, 1, 'published', at(DAY));
        expect(next).toEqual({ ...h1, status: 'published', version: 2 });
        expect(await store.get(h1.id)).toEqual(next);
        expect(await aggregateOf()).toEqual(expectedAggregate([p, h1]));
        expect((await store.aggregate('st-a'))?.updatedAt).toBe(at(DAY));
        expect((await store.listPublished('st-a', 0, 10)).items.map((r) => r.id).sort()).toEqual([p.id, h1.id].sort());
        expect(await store.listHeld(['36'], 0, 10)).toEqual({ items: [], hasMore: false });
      });

      test('rejecting leaves the aggregate alone', async () => {
        const h1 = rating({ status: 'held', holdReasons: ['burst'] });
        await submit(h1);
        expect(await setStatus(h1.id, 1, 'rejected', at(DAY))).toMatchObject({ status: 'rejected', version: 2 });
        expect(await store.aggregate('st-a')).toBeNull();
        expect(await store.listPublished('st-a', 0, 10)).toEqual({ items: [], hasMore: false });
      });

      test('a stale version, a decided or replaced rating is CONFLICT; a missing one NOT_FOUND; nothing changes', async () => {
        const h1 = rating({ status: 'held', holdReasons: ['burst'] });
        await submit(h1);
        await expectCode(setStatus(h1.id, 2, 'published', at(1)), 'CONFLICT');
        await setStatus(h1.id, 1, 'published', at(1));
        await expectCode(setStatus(h1.id, 2, 'rejected', at(2)), 'CONFLICT');
        await expectCode(setStatus(h1.id, 1, 'rejected', at(2)), 'CONFLICT');
        const h2 = rating({ raterOpenid: 'u2', status: 'held', holdReasons: ['burst'] });
        await submit(h2);
        await submit(rating({ raterOpenid: 'u2', createdAt: at(HOUR) }));
        await expectCode(setStatus(h2.id, 2, 'published', at(3)), 'CONFLICT');
        await expectCode(setStatus('rt-missing', 1, 'published', at(3)), 'NOT_FOUND');
        expect(await store.get(h1.id)).toMatchObject({ status: 'published', version: 2 });
        expect((await aggregateOf())?.count).toBe(2);
      });

      test('one reply per rating: stored with its instant, a second is CONFLICT', async () => {
        const r = rating();
        await submit(r);
        const replied = await reply(r.id, '感谢您的评价，我们会继续努力。', at(HOUR));
        expect(replied).toEqual({ ...r, reply: { text: '感谢您的评价，我们会继续努力。', at: at(HOUR) }, version: 2 });
        expect(await store.get(r.id)).toEqual(replied);
        expect((await store.listPublished('st-a', 0, 1)).items[0].reply).toEqual(replied.reply);
        await expectCode(reply(r.id, '再回复一次', at(2 * HOUR)), 'CONFLICT');
        expect((await store.get(r.id))?.reply?.text).toBe('感谢您的评价，我们会继续努力。');
        await expectCode(reply('rt-missing', '回复', at(HOUR)), 'NOT_FOUND');
        expect(await aggregateOf()).toEqual(expectedAggregate([r]));
      });
    });

    describe('pressure reports and trends', () => {
      const report = (p: Partial<PressureReport>): PressureReport => ({
        id: `pr-${++counter}`,
        stationId: 'st-a',
        regionCodes: YUDU,
        reporterOpenid: 'u9',
        kind: 'induced_praise',
        text: '站长说给好评送鸡蛋',
        createdAt: at(0),
        ...p,
      });

      test('reports in the given regions, newest first, paged', async () => {
        const a = report({ createdAt: at(HOUR) });
        const b = report({ createdAt: at(3 * HOUR), kind: 'harassment', text: '' });
        const c = report({ stationId: 'st-p', regionCodes: POYANG, createdAt: at(2 * HOUR) });
        for (const r of [a, b, c]) await store.addPressureReport(r);
        expect((await store.listPressureReports(['360731'], 0, 10)).items).toEqual([b, a]);
        const p1 = await store.listPressureReports(['36'], 0, 2);
        expect(p1.items.map((r) => r.id)).toEqual([b.id, c.id]);
        expect(p1.hasMore).toBe(true);
        expect((await store.listPressureReports(['36'], 2, 2)).items.map((r) => r.id)).toEqual([a.id]);
        expect(await store.listPressureReports([], 0, 10)).toEqual({ items: [], hasMore: false });
      });

      test('trends: recent vs previous counts, held now, mean published since; in scope only', async () => {
        const since = at(10 * DAY);
        const previousSince = at(0);
        const s = (p: Partial<Rating>) => submit(rating(p));
        // st-a: 2 previous, 3 recent (one held), one of them replaced and one rejected (neither counts)
        await s({ raterOpenid: 'a1', createdAt: at(DAY) });
        await s({ raterOpenid: 'a2', createdAt: at(2 * DAY) });
        await s({ raterOpenid: 'a3', createdAt: at(11 * DAY), scores: { attitude: 5, pricing: 5, cleanliness: 5, efficiency: 5 } });
        await s({ raterOpenid: 'a4', createdAt: at(11 * DAY), scores: { attitude: 1, pricing: 2, cleanliness: 2, efficiency: 2 } });
        await s({ raterOpenid: 'a4', createdAt: at(12 * DAY), scores: { attitude: 2, pricing: 2, cleanliness: 2, efficiency: 2 } });
        await s({ raterOpenid: 'a5', createdAt: at(12 * DAY), status: 'held', holdReasons: ['burst'] });
        const rej = rating({ raterOpenid: 'a6', createdAt: at(12 * DAY), status: 'held', holdReasons: ['burst'] });
        await submit(rej);
        await setStatus(rej.id, 1, 'rejected', at(12 * DAY));
        // st-b: one old held rating (before previousSince) and one previous
        await s({ stationId: 'st-b', stationName: '乙站', raterOpenid: 'b1', createdAt: at(-5 * DAY), status: 'held', holdReasons: ['burst'] });
        await s({ stationId: 'st-b', stationName: '乙站', raterOpenid: 'b2', createdAt: at(3 * DAY) });
        // st-c: only older than previousSince and published → absent
        await s({ stationId: 'st-c', stationName: '丙站', raterOpenid: 'c1', createdAt: at(-3 * DAY) });
        // st-p: out of scope
        await s({ stationId: 'st-p', stationName: '鄱阳站', regionCodes: POYANG, raterOpenid: 'p1', createdAt: at(11 * DAY) });

        const rows = await store.trends(['360731'], since, previousSince);
        expect(rows).toEqual([
          { stationId: 'st-a', stationName: '甲站', recent: 3, previous: 2, held: 1, mean: 3.5 },
          { stationId: 'st-b', stationName: '乙站', recent: 0, previous: 1, held: 1, mean: null },
        ]);
        expect((await store.trends(['36'], since, previousSince)).map((r) => r.stationId)).toEqual(['st-a', 'st-p', 'st-b']);
        expect(await store.trends(['3601'], since, previousSince)).toEqual([]);
        expect(await store.trends([], since, previousSince)).toEqual([]);
      });
    });

    describe('concurrency', () => {
      test(`${concurrency} concurrent submits by one person with one request key: one rating, counted once`, async () => {
        const k = key();
        const results = await Promise.allSettled(
          Array.from({ length: concurrency }, (_, i) => submit(rating({ createdAt: at(i), scores: { attitude: 1 + (i % 5), pricing: 3, cleanliness: 3, efficiency: 3 } }), k)),
        );
        const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<RatingRepository['submit']>>> => r.status === 'fulfilled').map((r) => r.value);
        expect(ok).toHaveLength(concurrency);
        expect(ok.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(ok.map((r) => r.rating.id)).size).toBe(1);
        const mine = await store.listByRater('u1', 0, 100);
        expect(mine.items).toHaveLength(1);
        expect(await aggregateOf()).toEqual(expectedAggregate([ok[0].rating]));
      });

      test(`${concurrency} concurrent submits by one person with different keys: one current published rating, counted once`, async () => {
        const results = await Promise.allSettled(
          Array.from({ length: concurrency }, (_, i) => submit(rating({ createdAt: at(i), scores: { attitude: 1 + (i % 5), pricing: 2, cleanliness: 3, efficiency: 4 } }))),
        );
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        for (const f of failed) {
          expect(f.reason).toBeInstanceOf(AppError);
          expect((f.reason as AppError).code).toBe('UNAVAILABLE');
        }
        const done = results.length - failed.length;
        expect(done).toBeGreaterThan(0);
        const mine = (await store.listByRater('u1', 0, 100)).items;
        expect(mine).toHaveLength(done);
        const live = mine.filter((r) => r.status !== 'replaced');
        expect(live).toHaveLength(1);
        expect(live[0].status).toBe('published');
        expect(await store.current('st-a', 'u1')).toEqual(live[0]);
        // Every replaced rating is replaced by exactly one other.
        const links = mine.map((r) => r.replaces).filter((x): x is string => !!x);
        expect(new Set(links).size).toBe(links.length);
        expect(links.sort()).toEqual(mine.filter((r) => r.status === 'replaced').map((r) => r.id).sort());
        expect(await aggregateOf()).toEqual(expectedAggregate(live));
      });

      test('concurrent submits by different people on one station all count', async () => {
        const n = Math.min(concurrency, 10);
        const rs = Array.from({ length: n }, (_, i) => rating({ raterOpenid: `c${i}`, createdAt: at(i), visitVerified: i % 2 === 0 }));
        const results = await Promise.allSettled(rs.map((r) => submit(r)));
        const done = rs.filter((_, i) => results[i].status === 'fulfilled');
        for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('UNAVAILABLE');
        expect(done.length).toBeGreaterThan(0);
        expect(await aggregateOf()).toEqual(expectedAggregate(done));
        expect((await store.listPublished('st-a', 0, 50)).items).toHaveLength(done.length);
      });
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      const r = rating();
      await submit(r);
      await h.breakStore();
      await expectCode(submit(rating({ raterOpenid: 'u2' })), 'UNAVAILABLE');
      await expectCode(store.get(r.id), 'UNAVAILABLE');
      await expectCode(store.current('st-a', 'u1'), 'UNAVAILABLE');
      await expectCode(store.listPublished('st-a', 0, 10), 'UNAVAILABLE');
      await expectCode(store.aggregate('st-a'), 'UNAVAILABLE');
      await expectCode(store.countBetween('st-a', at(0), at(DAY)), 'UNAVAILABLE');
      await expectCode(store.touchAccount('u3', at(0)), 'UNAVAILABLE');
      await expectCode(setStatus(r.id, 1, 'published', at(0)), 'UNAVAILABLE');
      await expectCode(reply(r.id, '谢谢', at(0)), 'UNAVAILABLE');
      await expectCode(store.trends(['36'], at(0), at(-DAY)), 'UNAVAILABLE');
    });
  });
}
