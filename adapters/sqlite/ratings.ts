/**
 * SQLite repository for ratings (docs/product.md §4): the ratings, the per-station published aggregate,
 * idempotency keys, first-seen accounts and "pressured to rate" reports.
 *
 * Core decides every write (core/rating/change.ts: the 30-day replacement, aggregate deltas, the
 * one reply); this store reads the current state inside a transaction, hands it to the plan and
 * writes the RatingChange it answers. A submit is one transaction: the request key, the replaced
 * rating, the new one and the aggregate together, so concurrent submits by one person leave
 * exactly one current rating and count once. better-sqlite3 runs a transaction synchronously, so
 * two submits never interleave inside it.
 *
 * "Current" is the rater's newest rating on the station (insertion order breaks ties of the same
 * instant). Each rating row carries when its rater was first seen (denormalised at submit, so the
 * CloudBase adapter can answer `countByNewAccounts` without a join).
 *
 * Counting rules (the contract suite pins them for both adapters):
 * - countBetween: published and held ratings — rejected ones are fakes, replaced ones are the same
 *   person again (counting them would let one person's re-ratings look like a burst);
 * - countByNewAccounts: every rating but replaced ones — a campaign of new accounts that was
 *   caught (rejected) is still evidence of one;
 * - trends: recent/previous like countBetween, `held` = held now, `mean` = mean of the four
 *   dimensions over the ratings published in [since, now), one decimal (null without any); only
 *   stations with one of the three counts above zero; the top 100 by recent, then previous count,
 *   then station id.
 */
import type { RatingChange } from '../../core/rating/change';
import type { PressureReport, Rating, RatingAggregate } from '../../core/rating/model';
import type { RatingRepository } from '../../core/ports';
import { staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { marks, pageOf as page } from './sql';

/** At most this many stations in a trends answer. */
export const TRENDS_LIMIT = 100;

interface AggregateRow {
  station_id: string;
  count: number;
  attitude: number;
  pricing: number;
  cleanliness: number;
  efficiency: number;
  visit_verified: number;
  updated_at: string;
}

function toAggregate(r: AggregateRow): RatingAggregate {
  return {
    stationId: r.station_id,
    count: r.count,
    sums: { attitude: r.attitude, pricing: r.pricing, cleanliness: r.cleanliness, efficiency: r.efficiency },
    visitVerified: r.visit_verified,
    updatedAt: r.updated_at,
  };
}

const parse = (doc: string) => JSON.parse(doc) as Rating;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function createSqliteRatingRepository(db: Db): RatingRepository {
  const insertRating = db.prepare(
    'INSERT INTO ratings (id, station_id, rater, status, created_at, version, rater_first_seen, doc) VALUES (@id, @stationId, @raterOpenid, @status, @createdAt, @version, @firstSeen, @doc)',
  );
  const updateRating = db.prepare('UPDATE ratings SET status = @status, version = @version, doc = @doc WHERE id = @id AND version = @expectedVersion');
  const getDoc = db.prepare('SELECT doc FROM ratings WHERE id = ?').pluck();
  const newest = db.prepare('SELECT doc FROM ratings WHERE station_id = ? AND rater = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').pluck();
  const findRequest = db.prepare('SELECT rating_id FROM rating_requests WHERE request_key = ?').pluck();
  const insertRequest = db.prepare('INSERT INTO rating_requests (request_key, rating_id) VALUES (?, ?)');
  const insertAccount = db.prepare('INSERT OR IGNORE INTO rating_accounts (openid, first_seen) VALUES (?, ?)');
  const firstSeen = db.prepare('SELECT first_seen FROM rating_accounts WHERE openid = ?').pluck();
  const getAggregate = db.prepare('SELECT * FROM rating_aggregates WHERE station_id = ?');
  const addAggregate = db.prepare(
    `INSERT INTO rating_aggregates (station_id, count, attitude, pricing, cleanliness, efficiency, visit_verified, updated_at)
     VALUES (@stationId, @count, @attitude, @pricing, @cleanliness, @efficiency, @visitVerified, @at)
     ON CONFLICT(station_id) DO UPDATE SET
       count = count + excluded.count, attitude = attitude + excluded.attitude, pricing = pricing + excluded.pricing,
       cleanliness = cleanliness + excluded.cleanliness, efficiency = efficiency + excluded.efficiency,
       visit_verified = visit_verified + excluded.visit_verified, updated_at = excluded.updated_at`,
  );
  const listPublished = db.prepare("SELECT doc FROM ratings WHERE station_id = ? AND status = 'published' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?").pluck();
  const listByRater = db.prepare('SELECT doc FROM ratings WHERE rater = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').pluck();
  const countBetween = db.prepare("SELECT count(*) FROM ratings WHERE station_id = ? AND created_at >= ? AND created_at < ? AND status IN ('published', 'held')").pluck();
  const countByNew = db.prepare("SELECT count(*) FROM ratings WHERE station_id = ? AND created_at >= ? AND status != 'replaced' AND rater_first_seen > ?").pluck();
  const insertReport = db.prepare('INSERT INTO rating_reports (id, station_id, created_at, doc) VALUES (?, ?, ?, ?)');

  const inRegions = (n: number) => `EXISTS (SELECT 1 FROM json_each(doc, '$.regionCodes') WHERE value IN (${marks(n)}))`;

  /** Write a change's ratings and aggregate delta; CONFLICT when a rating's version moved on. */
  function persist(change: RatingChange, firstSeenAt?: string): void {
    if (change.replaced && !update(change.replaced.next, change.replaced.expectedVersion)) throw staleConflict('这条评价');
    const r = change.next;
    if (change.expectedVersion === null) insertRating.run({ ...r, firstSeen: firstSeenAt, doc: JSON.stringify(r) });
    else if (!update(r, change.expectedVersion)) throw staleConflict('这条评价');
    const d = change.aggregate;
    if (d) addAggregate.run({ stationId: r.stationId, count: d.count, ...d.sums, visitVerified: d.visitVerified, at: change.at });
  }

  function getRating(id: string): Rating | null {
    const doc = getDoc.get(id) as string | undefined;
    return doc ? parse(doc) : null;
  }

  /** Write a changed rating; false when its version moved on. */
  function update(next: Rating, expectedVersion: number): boolean {
    return updateRating.run({ id: next.id, status: next.status, version: next.version, doc: JSON.stringify(next), expectedVersion }).changes > 0;
  }

  const submit = db.transaction((input: Parameters<RatingRepository['submit']>[0]) => {
    const existingId = findRequest.get(input.requestKey) as string | undefined;
    if (existingId) {
      const first = getRating(existingId);
      if (!first) throw new Error('rating request key without its rating');
      return { rating: first, replaced: first.replaces ? getRating(first.replaces) : null, created: false };
    }
    const currentDoc = newest.get(input.stationId, input.raterOpenid) as string | undefined;
    const change = input.plan(currentDoc ? parse(currentDoc) : null);
    const rating = change.next;
    insertAccount.run(rating.raterOpenid, rating.createdAt);
    persist(change, firstSeen.get(rating.raterOpenid) as string);
    insertRequest.run(input.requestKey, rating.id);
    return { rating, replaced: change.replaced?.next ?? null, created: true };
  });

  const change = db.transaction((id: string, plan: (current: Rating | null) => RatingChange) => {
    const c = plan(getRating(id));
    persist(c);
    return c.next;
  });

  return {
    submit: (input) => guarded(() => submit(input)),
    get: (id) => guarded(() => getRating(id)),
    current: (stationId, openid) =>
      guarded(() => {
        const doc = newest.get(stationId, openid) as string | undefined;
        return doc ? parse(doc) : null;
      }),
    listPublished: (stationId, offset, limit) => guarded(() => page((listPublished.all(stationId, limit + 1, offset) as string[]).map(parse), limit)),
    listByRater: (openid, offset, limit) => guarded(() => page((listByRater.all(openid, limit + 1, offset) as string[]).map(parse), limit)),
    listHeld: (regionCodes, offset, limit) =>
      guarded(() => {
        if (!regionCodes.length) return { items: [], hasMore: false };
        const sql = `SELECT doc FROM ratings WHERE status = 'held' AND ${inRegions(regionCodes.length)} ORDER BY created_at, id LIMIT ? OFFSET ?`;
        return page((db.prepare(sql).pluck().all(...regionCodes, limit + 1, offset) as string[]).map(parse), limit);
      }),
    aggregate: (stationId) =>
      guarded(() => {
        const row = getAggregate.get(stationId) as AggregateRow | undefined;
        return row ? toAggregate(row) : null;
      }),
    countBetween: (stationId, since, until) => guarded(() => countBetween.get(stationId, since, until) as number),
    countByNewAccounts: (stationId, since, newerThan) => guarded(() => countByNew.get(stationId, since, newerThan) as number),
    touchAccount: (openid, at) =>
      guarded(() => {
        insertAccount.run(openid, at);
        return firstSeen.get(openid) as string;
      }),
    change: (id, plan) => guarded(() => change(id, plan)),
    addPressureReport: (report) => guarded(() => void insertReport.run(report.id, report.stationId, report.createdAt, JSON.stringify(report))),
    listPressureReports: (regionCodes, offset, limit) =>
      guarded(() => {
        if (!regionCodes.length) return { items: [], hasMore: false };
        const sql = `SELECT doc FROM rating_reports WHERE ${inRegions(regionCodes.length)} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`;
        return page((db.prepare(sql).pluck().all(...regionCodes, limit + 1, offset) as string[]).map((d) => JSON.parse(d) as PressureReport), limit);
      }),
    trends: (regionCodes, since, previousSince) =>
      guarded(() => {
        if (!regionCodes.length) return [];
        const sql = `
          SELECT station_id AS stationId, json_extract(doc, '$.stationName') AS stationName,
            sum(created_at >= @since AND status IN ('published', 'held')) AS recent,
            sum(created_at >= @previousSince AND created_at < @since AND status IN ('published', 'held')) AS previous,
            sum(status = 'held') AS held,
            avg(CASE WHEN status = 'published' AND created_at >= @since THEN
              (json_extract(doc, '$.scores.attitude') + json_extract(doc, '$.scores.pricing') + json_extract(doc, '$.scores.cleanliness') + json_extract(doc, '$.scores.efficiency')) / 4.0 END) AS mean
          FROM ratings
          WHERE (created_at >= @previousSince OR status = 'held') AND ${inRegions(regionCodes.length)}
          GROUP BY station_id
          HAVING recent > 0 OR previous > 0 OR held > 0
          ORDER BY recent DESC, previous DESC, station_id
          LIMIT ${TRENDS_LIMIT}`;
        // Named values, and the region codes positionally for the IN (…) list.
        const rows = db.prepare(sql).all({ since, previousSince }, ...regionCodes) as { stationId: string; stationName: string; recent: number; previous: number; held: number; mean: number | null }[];
        return rows.map((r) => ({ ...r, mean: r.mean === null ? null : round1(r.mean) }));
      }),
  };
}
