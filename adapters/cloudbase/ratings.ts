/**
 * CloudBase repository for ratings (docs/product.md §4) over the document database API of wx-server-sdk
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
 * Core decides every write (core/rating/change.ts); this store reads the current state inside a
 * transaction, hands it to the plan and writes the RatingChange it answers.
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
import type { RatingRepository } from '../../core/ports';
import { movedAggregate, type RatingChange } from '../../core/rating/change';
import type { PressureReport, Rating, RatingAggregate, Scores } from '../../core/rating/model';
import { staleConflict } from '../../core/shared/errors';
import { anyOf, by, byId, context, countOf, grouped, hashedId, insertDoc, recordCollection, requestKeys, setDoc, transact, txAdd, txGet, txSet, txUpdate, type CbTransaction, type CbDb, type StoreOptions, type WithId } from './sdk';

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

export function toRatingDoc(r: Rating, raterFirstSeen: string) {
  return {
    rating: r,
    stationId: r.stationId,
    stationName: r.stationName,
    rater: r.raterOpenid,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    regionCodes: [...new Set(r.regionCodes)],
    /** When the rater was first seen (for countByNewAccounts without a join). */
    raterFirstSeen,
    /** Sum of the four dimensions (trends' means by aggregation). */
    scoreSum: scoreSum(r.scores),
  };
}
export type RatingDoc = ReturnType<typeof toRatingDoc>;

const toReportDoc = (report: PressureReport) => ({ report, stationId: report.stationId, regionCodes: [...new Set(report.regionCodes)], createdAt: report.createdAt });

// ---------------------------------------------------------------------------------------------

export function createCloudbaseRatingRepository(db: CbDb, options: StoreOptions = {}): RatingRepository {
  const ctx = context(db, RATING_COLLECTIONS, options);
  const { _, names } = ctx;
  const ratings = recordCollection(ctx, names.ratings, { fromDoc: (d: RatingDoc) => d.rating, field: 'rating' });
  const reports = recordCollection(ctx, names.reports, { fromDoc: (d: ReturnType<typeof toReportDoc>) => d.report });
  const requests = requestKeys<RequestDoc, RatingDoc, { rating: Rating; replaced: Rating | null }>(ctx, {
    requests: names.requests,
    records: names.ratings,
    idOf: (r) => r.ratingId,
    missing: 'rating request key without its rating',
    answer: async ({ doc: { rating } }, read) => {
      const was = rating.replaces ? await read<RatingDoc>(names.ratings, rating.replaces) : null;
      return { rating, replaced: was?.rating ?? null };
    },
  });
  const newest = by('createdAt', 'desc');

  /**
   * Write a change inside a transaction: the replaced rating and a changed one (their versions
   * checked against what the transaction read), a new one, the aggregate moved by the delta.
   */
  async function persist(tx: CbTransaction, change: RatingChange, read: { replacedDoc?: WithId<RatingDoc> | null; doc?: WithId<RatingDoc> | null; firstSeen?: string }): Promise<void> {
    const checked = (cur: WithId<RatingDoc> | null | undefined, expected: number) => {
      if (!cur || cur.rating.version !== expected) throw staleConflict('这条评价');
      return cur;
    };
    if (change.replaced) {
      const cur = checked(read.replacedDoc, change.replaced.expectedVersion);
      await txSet(ctx, tx, names.ratings, cur._id, toRatingDoc(change.replaced.next, cur.raterFirstSeen));
    }
    const r = change.next;
    if (change.expectedVersion === null) await txAdd(ctx, tx, names.ratings, r.id, toRatingDoc(r, read.firstSeen as string));
    else await txSet(ctx, tx, names.ratings, r.id, toRatingDoc(r, checked(read.doc, change.expectedVersion).raterFirstSeen));
    if (change.aggregate) {
      const cur = await txGet<AggregateDoc>(ctx, tx, names.aggregates, r.stationId);
      const { stationId: _id, ...next } = movedAggregate(r.stationId, cur, change.aggregate, change.at);
      await txSet(ctx, tx, names.aggregates, r.stationId, next);
    }
  }

  const groupBy = <T>(match: unknown, group: Record<string, unknown>) => grouped<T>(ctx, names.ratings, { match, group, sort: { count: -1, _id: 1 }, limit: TRENDS_GROUPS });

  return {
    async submit(input) {
      const key = ratingRequestDocId(input.requestKey);
      const accountId = ratingAccountDocId(input.raterOpenid);
      return requests.once(key, async (tx) => {
        const account = await txGet<AccountDoc>(ctx, tx, names.accounts, accountId);
        const currentId = pointer(account, input.stationId);
        const currentDoc = currentId ? await txGet<RatingDoc>(ctx, tx, names.ratings, currentId) : null;
        const change = input.plan(currentDoc?.rating ?? null);
        const rating = change.next;
        const firstSeen = account?.firstSeen ?? rating.createdAt;
        await persist(tx, change, { replacedDoc: currentDoc, firstSeen });
        // The pointer write also serialises one person's concurrent submits (write conflict).
        if (account) await txUpdate(ctx, tx, names.accounts, accountId, { current: { [rating.stationId]: rating.id } });
        else await txAdd(ctx, tx, names.accounts, accountId, { firstSeen, current: { [rating.stationId]: rating.id } });
        await txAdd(ctx, tx, names.requests, key, { ratingId: rating.id, at: rating.createdAt });
        return { rating, replaced: change.replaced?.next ?? null, created: true };
      });
    },

    get: ratings.get,

    async current(stationId, openid) {
      const id = pointer(await byId<AccountDoc>(ctx, names.accounts, ratingAccountDocId(openid)), stationId);
      return id ? ratings.get(id) : null;
    },

    listPublished: (stationId, offset, limit) => ratings.find({ where: { stationId, status: 'published' }, order: newest }, { offset, limit }),
    listByRater: (openid, offset, limit) => ratings.find({ where: { rater: openid }, order: newest }, { offset, limit }),
    listHeld: (regionCodes, offset, limit) => ratings.find({ where: { status: 'held' }, anyOf: { regionCodes }, order: by('createdAt', 'asc') }, { offset, limit }),

    async aggregate(stationId): Promise<RatingAggregate | null> {
      const doc = await byId<AggregateDoc>(ctx, names.aggregates, stationId);
      return doc ? { stationId, count: doc.count, sums: { ...doc.sums }, visitVerified: doc.visitVerified, updatedAt: doc.updatedAt } : null;
    },

    countBetween(stationId, since, until) {
      return countOf(ratings.coll().where(_.and([{ stationId, status: _.in(COUNTED) }, { createdAt: _.gte(since) }, { createdAt: _.lt(until) }])));
    },

    countByNewAccounts(stationId, since, newerThan) {
      return countOf(ratings.coll().where({ stationId, createdAt: _.gte(since), status: _.neq('replaced'), raterFirstSeen: _.gt(newerThan) }));
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

    async change(id, plan) {
      return transact(ctx, async (tx) => {
        const doc = await txGet<RatingDoc>(ctx, tx, names.ratings, id);
        const change = plan(doc?.rating ?? null);
        await persist(tx, change, { doc });
        return change.next;
      });
    },

    addPressureReport: (report) => setDoc(ctx, names.reports, report.id, toReportDoc(report)),

    listPressureReports: (regionCodes, offset, limit) => reports.find({ anyOf: { regionCodes }, order: newest }, { offset, limit }),

    async trends(regionCodes, since, previousSince) {
      if (!regionCodes.length) return [];
      const regions = { regionCodes: anyOf(ctx, regionCodes) };
      const counted = { status: _.in(COUNTED) };
      const $ = _.aggregate;
      const perStation = { _id: '$stationId', stationName: $.first('$stationName'), count: $.sum(1) };
      type Row = { _id: string; stationName: string; count: number; sum?: number };
      const [recent, previous, held, published] = await Promise.all([
        groupBy<Row>(_.and([regions, counted, { createdAt: _.gte(since) }]), perStation),
        groupBy<Row>(_.and([regions, counted, { createdAt: _.gte(previousSince) }, { createdAt: _.lt(since) }]), perStation),
        groupBy<Row>(_.and([regions, { status: 'held' }]), perStation),
        groupBy<Row>(_.and([regions, { status: 'published' }, { createdAt: _.gte(since) }]), { ...perStation, sum: $.sum('$scoreSum') }),
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
