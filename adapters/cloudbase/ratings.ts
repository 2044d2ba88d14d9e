/**
 * CloudBase repository for ratings (PRODUCT §4) over the document database API of wx-server-sdk
 * and @cloudbase/node-sdk. Behaviour matches adapters/sqlite/ratings.ts (the contract suite in
 * test/contract/ratings.contract.ts runs against both), including its counting rules.
 *
 * Collections (indexes: adapters/cloudbase/indexes.json; closed rules: cloudbase/database-rules.json):
 * - ratings: `_id` = rating id; the record under `rating`, plus the fields queries filter and order
 *   on (stationId, rater, status, createdAt, regionCodes, raterFirstSeen, scoreSum);
 * - rating_aggregates: `_id` = station id; count, per-dimension sums, visit-verified count;
 * - rating_requests: `_id` = "rk_" + SHA-256 of the request key (it contains an openid);
 * - rating_accounts: `_id` = "ac_" + SHA-256 of the openid; when it was first seen, and per
 *   station the id of the person's newest rating there (`current`);
 * - rating_reports: `_id` = report id; "pressured to rate" reports.
 *
 * Atomicity. CloudBase transactions allow only single-document operations by `_id`, so a submit
 * finds the rater's current rating through the account document instead of a query: inside one
 * `db.runTransaction` it reads the request key, the account (first seen + current pointer), the
 * current rating and the station aggregate by `_id`, and writes the replaced rating, the new one,
 * the aggregate, the account pointer and the request key. Two submits by one person both write
 * their account document, two submits on one station that change its aggregate both write that,
 * so one of them loses with a write conflict and runs again (the kit's `transact`: up to
 * MAX_ATTEMPTS, with a short random pause), now seeing the winner's writes. A repeated request key answers the first result.
 *
 * Any SDK failure (a rejection, or node-sdk's `{ code, message }` answer) becomes
 * AppError('UNAVAILABLE'). `db` is passed in; this module never loads an SDK.
 */
import type { Page, RatingRepository } from '../../core/ports';
import type { PressureReport, Rating, RatingAggregate, Scores } from '../../core/rating/model';
import { AppError, staleConflict } from '../../core/shared/errors';
import {
  aggregateRows,
  anyOf,
  byId,
  context,
  countOf,
  fetchRange,
  getDocs,
  hashedId,
  insertDoc,
  pageOf,
  setDoc,
  transact,
  txAdd,
  txGet,
  txSet,
  txUpdate,
  unavailable,
  type CbTransaction,
  type CbDb,
  type StoreOptions,
  type WithId,
} from './sdk';

export const RATING_COLLECTIONS = {
  ratings: 'ratings',
  aggregates: 'rating_aggregates',
  requests: 'rating_requests',
  accounts: 'rating_accounts',
  reports: 'rating_reports',
} as const;

/** At most this many stations per aggregation in trends (then the top 100 are kept, as in SQLite). */
const TRENDS_GROUPS = 1000;
const TRENDS_LIMIT = 100;
const COUNTED = ['published', 'held'];

// ---------------------------------------------------------------------------------------------
// Stored shapes (besides `_id`)

export interface RatingDoc {
  rating: Rating;
  stationId: string;
  stationName: string;
  rater: string;
  status: Rating['status'];
  version: number;
  createdAt: string;
  regionCodes: string[];
  /** When the rater was first seen (for countByNewAccounts without a join). */
  raterFirstSeen: string;
  /** Sum of the four dimensions (trends' means by aggregation). */
  scoreSum: number;
}

interface AggregateDoc {
  count: number;
  sums: Scores;
  visitVerified: number;
  updatedAt: string;
}

interface AccountDoc {
  firstSeen: string;
  /** Station id → id of the person's newest rating there. */
  current?: Record<string, string>;
}

interface RequestDoc {
  ratingId: string;
  at: string;
}

interface ReportDoc {
  report: PressureReport;
  stationId: string;
  regionCodes: string[];
  createdAt: string;
}


// ---------------------------------------------------------------------------------------------

export const ratingRequestDocId = (requestKey: string) => hashedId('rk', requestKey);
export const ratingAccountDocId = (openid: string) => hashedId('ac', openid);

/** The account's current rating id on a station (own keys only: a station id may be "constructor"). */
function pointer(account: AccountDoc | null | undefined, stationId: string): string | null {
  const current = account?.current;
  if (!current || !Object.prototype.hasOwnProperty.call(current, stationId)) return null;
  const id = current[stationId];
  return typeof id === 'string' && id ? id : null;
}

const scoreSum = (s: Scores) => s.attitude + s.pricing + s.cleanliness + s.efficiency;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function toRatingDoc(r: Rating, raterFirstSeen: string): RatingDoc {
  return {
    rating: r,
    stationId: r.stationId,
    stationName: r.stationName,
    rater: r.raterOpenid,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    regionCodes: [...new Set(r.regionCodes)],
    raterFirstSeen,
    scoreSum: scoreSum(r.scores),
  };
}

// ---------------------------------------------------------------------------------------------

export function createCloudbaseRatingRepository(db: CbDb, options: StoreOptions = {}): RatingRepository {
  const ctx = context(db, RATING_COLLECTIONS, options);
  const { _, names } = ctx;
  const coll = ctx.coll;

  async function getRating(id: string): Promise<Rating | null> {
    const [doc] = await getDocs<RatingDoc>(coll(names.ratings).where({ _id: id }).field({ rating: true }).limit(1));
    return doc?.rating ?? null;
  }

  /** The first answer of a request key, read outside a transaction (after a lost race). */
  async function byRequestKey(key: string): Promise<{ rating: Rating; replaced: Rating | null; created: boolean } | null> {
    const req = await byId<RequestDoc>(ctx, names.requests, key);
    if (!req) return null;
    const rating = await getRating(req.ratingId);
    if (!rating) throw unavailable(new Error('rating request key without its rating'));
    return { rating, replaced: rating.replaces ? await getRating(rating.replaces) : null, created: false };
  }

  /** Read the aggregate, apply the changes, write it back (inside a transaction). */
  async function moveAggregate(tx: CbTransaction, stationId: string, moves: { r: Rating; sign: 1 | -1 }[], at: string): Promise<void> {
    if (!moves.length) return;
    const cur = await txGet<AggregateDoc>(ctx, tx, names.aggregates, stationId);
    const next: AggregateDoc = cur
      ? { count: cur.count, sums: { ...cur.sums }, visitVerified: cur.visitVerified, updatedAt: at }
      : { count: 0, sums: { attitude: 0, pricing: 0, cleanliness: 0, efficiency: 0 }, visitVerified: 0, updatedAt: at };
    for (const { r, sign } of moves) {
      next.count += sign;
      for (const d of Object.keys(next.sums) as (keyof Scores)[]) next.sums[d] += sign * r.scores[d];
      if (r.visitVerified) next.visitVerified += sign;
    }
    await txSet(ctx, tx, names.aggregates, stationId, next);
  }

  function ratingPage(docs: WithId<RatingDoc>[], limit: number): Page<Rating> {
    return pageOf(docs.map((d) => d.rating), limit);
  }

  function groupBy<T>(match: unknown, group: Record<string, unknown>): Promise<T[]> {
    return aggregateRows<T>(ctx, coll(names.ratings).aggregate().match(match).group(group).sort({ count: -1, _id: 1 }).limit(TRENDS_GROUPS));
  }

  return {
    async submit(input) {
      const r = input.rating;
      const key = ratingRequestDocId(input.requestKey);
      const accountId = ratingAccountDocId(r.raterOpenid);
      return transact(
        ctx,
        async (tx) => {
          const req = await txGet<RequestDoc>(ctx, tx, names.requests, key);
          if (req) {
            const first = await txGet<RatingDoc>(ctx, tx, names.ratings, req.ratingId);
            if (!first) throw unavailable(new Error('rating request key without its rating'));
            const was = first.rating.replaces ? await txGet<RatingDoc>(ctx, tx, names.ratings, first.rating.replaces) : null;
            return { rating: first.rating, replaced: was?.rating ?? null, created: false };
          }
          const account = await txGet<AccountDoc>(ctx, tx, names.accounts, accountId);
          const firstSeen = account?.firstSeen ?? r.createdAt;
          const currentId = pointer(account, r.stationId);
          const moves: { r: Rating; sign: 1 | -1 }[] = [];
          let replaced: Rating | null = null;
          if (currentId) {
            const cur = await txGet<RatingDoc>(ctx, tx, names.ratings, currentId);
            const c = cur?.rating;
            if (cur && c && (c.status === 'published' || c.status === 'held') && c.createdAt > input.windowStart) {
              replaced = { ...c, status: 'replaced', version: c.version + 1 };
              await txSet(ctx, tx, names.ratings, c.id, toRatingDoc(replaced, cur.raterFirstSeen));
              if (c.status === 'published') moves.push({ r: c, sign: -1 });
            }
          }
          const rating: Rating = { ...r, replaces: replaced?.id ?? null };
          await txAdd(ctx, tx, names.ratings, rating.id, toRatingDoc(rating, firstSeen));
          if (rating.status === 'published') moves.push({ r: rating, sign: 1 });
          await moveAggregate(tx, rating.stationId, moves, rating.createdAt);
          // The pointer write also serialises one person's concurrent submits (write conflict).
          if (account) await txUpdate(ctx, tx, names.accounts, accountId, { current: { [rating.stationId]: rating.id } });
          else await txAdd(ctx, tx, names.accounts, accountId, { firstSeen, current: { [rating.stationId]: rating.id } });
          await txAdd(ctx, tx, names.requests, key, { ratingId: rating.id, at: rating.createdAt });
          return { rating, replaced, created: true };
        },
        { settled: () => byRequestKey(key) },
      );
    },

    get: getRating,

    async current(stationId, openid) {
      const account = await byId<AccountDoc>(ctx, names.accounts, ratingAccountDocId(openid));
      const id = pointer(account, stationId);
      return id ? getRating(id) : null;
    },

    async listPublished(stationId, offset, limit) {
      const docs = await fetchRange<RatingDoc>(
        () => coll(names.ratings).where({ stationId, status: 'published' }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').field({ rating: true }),
        offset,
        limit + 1,
      );
      return ratingPage(docs, limit);
    },

    async listByRater(openid, offset, limit) {
      const docs = await fetchRange<RatingDoc>(
        () => coll(names.ratings).where({ rater: openid }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').field({ rating: true }),
        offset,
        limit + 1,
      );
      return ratingPage(docs, limit);
    },

    async listHeld(regionCodes, offset, limit) {
      if (!regionCodes.length) return { items: [], hasMore: false };
      const docs = await fetchRange<RatingDoc>(
        () => coll(names.ratings).where({ status: 'held', regionCodes: anyOf(ctx, regionCodes) }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').field({ rating: true }),
        offset,
        limit + 1,
      );
      return ratingPage(docs, limit);
    },

    async aggregate(stationId): Promise<RatingAggregate | null> {
      const doc = await byId<AggregateDoc>(ctx, names.aggregates, stationId);
      return doc ? { stationId, count: doc.count, sums: { ...doc.sums }, visitVerified: doc.visitVerified, updatedAt: doc.updatedAt } : null;
    },

    countBetween(stationId, since, until) {
      return countOf(coll(names.ratings).where(_.and([{ stationId, status: _.in(COUNTED) }, { createdAt: _.gte(since) }, { createdAt: _.lt(until) }])));
    },

    countByNewAccounts(stationId, since, newerThan) {
      return countOf(coll(names.ratings).where({ stationId, createdAt: _.gte(since), status: _.neq('replaced'), raterFirstSeen: _.gt(newerThan) }));
    },

    async touchAccount(openid, at) {
      const id = ratingAccountDocId(openid);
      const read = () => byId<AccountDoc>(ctx, names.accounts, id);
      const found = await read();
      if (found) return found.firstSeen;
      try {
        await insertDoc(ctx, names.accounts, id, { firstSeen: at });
        return at;
      } catch (err) {
        // Created meanwhile (another request of the same person): the first one stands.
        const again = await read();
        if (again) return again.firstSeen;
        throw err;
      }
    },

    async setStatus(id, expectedVersion, status, at) {
      return transact(ctx, async (tx) => {
        const doc = await txGet<RatingDoc>(ctx, tx, names.ratings, id);
        if (!doc) throw new AppError('NOT_FOUND', '没有找到这条评价');
        const cur = doc.rating;
        if (cur.version !== expectedVersion || cur.status !== 'held') throw staleConflict('这条评价');
        const next: Rating = { ...cur, status, version: cur.version + 1 };
        await txSet(ctx, tx, names.ratings, id, toRatingDoc(next, doc.raterFirstSeen));
        if (status === 'published') await moveAggregate(tx, next.stationId, [{ r: next, sign: 1 }], at);
        return next;
      });
    },

    async reply(id, text, at) {
      return transact(ctx, async (tx) => {
        const doc = await txGet<RatingDoc>(ctx, tx, names.ratings, id);
        if (!doc) throw new AppError('NOT_FOUND', '没有找到这条评价');
        if (doc.rating.reply) throw new AppError('CONFLICT', '这条评价已经回复过了，每条评价只能回复一次');
        const next: Rating = { ...doc.rating, reply: { text, at }, version: doc.rating.version + 1 };
        await txSet(ctx, tx, names.ratings, id, toRatingDoc(next, doc.raterFirstSeen));
        return next;
      });
    },

    async addPressureReport(report) {
      const doc: ReportDoc = { report, stationId: report.stationId, regionCodes: [...new Set(report.regionCodes)], createdAt: report.createdAt };
      await setDoc(ctx, names.reports, report.id, doc);
    },

    async listPressureReports(regionCodes, offset, limit) {
      if (!regionCodes.length) return { items: [], hasMore: false };
      const docs = await fetchRange<ReportDoc>(
        () => coll(names.reports).where({ regionCodes: anyOf(ctx, regionCodes) }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'),
        offset,
        limit + 1,
      );
      return pageOf(docs.map((d) => d.report), limit);
    },

    async trends(regionCodes, since, previousSince) {
      if (!regionCodes.length) return [];
      const regions = { regionCodes: anyOf(ctx, regionCodes) };
      const $ = _.aggregate;
      type Row = { _id: string; stationName: string; count: number; sum?: number };
      const [recent, previous, held, published] = await Promise.all([
        groupBy<Row>(_.and([regions, { status: _.in(COUNTED) }, { createdAt: _.gte(since) }]), { _id: '$stationId', stationName: $.first('$stationName'), count: $.sum(1) }),
        groupBy<Row>(_.and([regions, { status: _.in(COUNTED) }, { createdAt: _.gte(previousSince) }, { createdAt: _.lt(since) }]), {
          _id: '$stationId',
          stationName: $.first('$stationName'),
          count: $.sum(1),
        }),
        groupBy<Row>(_.and([regions, { status: 'held' }]), { _id: '$stationId', stationName: $.first('$stationName'), count: $.sum(1) }),
        groupBy<Row>(_.and([regions, { status: 'published' }, { createdAt: _.gte(since) }]), { _id: '$stationId', stationName: $.first('$stationName'), count: $.sum(1), sum: $.sum('$scoreSum') }),
      ]);
      const rows = new Map<string, { stationId: string; stationName: string; recent: number; previous: number; held: number; mean: number | null }>();
      const row = (g: Row) => {
        let r = rows.get(g._id);
        if (!r) rows.set(g._id, (r = { stationId: g._id, stationName: g.stationName, recent: 0, previous: 0, held: 0, mean: null }));
        return r;
      };
      for (const g of recent) row(g).recent = g.count;
      for (const g of previous) row(g).previous = g.count;
      for (const g of held) row(g).held = g.count;
      for (const g of published) row(g).mean = g.count ? round1((g.sum ?? 0) / (4 * g.count)) : null;
      return [...rows.values()]
        .sort((a, b) => b.recent - a.recent || b.previous - a.previous || (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0))
        .slice(0, TRENDS_LIMIT);
    },
  };
}
