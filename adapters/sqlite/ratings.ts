/**
 * SQLite repository for ratings (PRODUCT §4): the ratings, the per-station published aggregate,
 * idempotency keys, first-seen accounts and "pressured to rate" reports.
 *
 * A submit is one transaction: the request key, the replacement of the rater's current rating
 * inside the 30-day window, the new rating and the aggregate change together, so concurrent
 * submits by one person leave exactly one current rating and count once. better-sqlite3 runs a
 * transaction synchronously, so two submits never interleave inside it.
 *
 * "Current" is the rater's newest rating on the station (insertion order breaks ties of the same
 * instant): only the newest can be replaced, so it is never itself in the `replaced` state. A
 * rating replaces it when it is published or held and newer than `windowStart`; a rejected one
 * stays rejected. Each rating row carries when its rater was first seen (denormalised at submit,
 * so the CloudBase adapter can answer `countByNewAccounts` without a join).
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
import type { PressureReport, Rating, RatingAggregate, Scores } from '../../core/rating/model';
import type { RatingRepository } from '../../core/ports';
import { AppError, staleConflict } from '../../core/shared/errors';
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

  /** Add (sign 1) or remove (sign -1) a published rating from its station's aggregate. */
  function moveAggregate(r: Rating, sign: 1 | -1, at: string): void {
    const s: Scores = r.scores;
    addAggregate.run({
      stationId: r.stationId,
      count: sign,
      attitude: sign * s.attitude,
      pricing: sign * s.pricing,
      cleanliness: sign * s.cleanliness,
      efficiency: sign * s.efficiency,
      visitVerified: r.visitVerified ? sign : 0,
      at,
    });
  }

  function getRating(id: string): Rating | null {
    const doc = getDoc.get(id) as string | undefined;
    return doc ? parse(doc) : null;
  }

  /** Write a changed rating; false when its version moved on. */
  function update(next: Rating, expectedVersion: number): boolean {
    return updateRating.run({ id: next.id, status: next.status, version: next.version, doc: JSON.stringify(next), expectedVersion }).changes > 0;
  }

  const submit = db.transaction((input: { rating: Rating; requestKey: string; windowStart: string }) => {
    const existingId = findRequest.get(input.requestKey) as string | undefined;
    if (existingId) {
      const first = getRating(existingId);
      if (!first) throw new Error('rating request key without its rating');
      return { rating: first, replaced: first.replaces ? getRating(first.replaces) : null, created: false };
    }
    const r = input.rating;
    insertAccount.run(r.raterOpenid, r.createdAt);
    const seen = firstSeen.get(r.raterOpenid) as string;
    let replaced: Rating | null = null;
    const currentDoc = newest.get(r.stationId, r.raterOpenid) as string | undefined;
    if (currentDoc) {
      const current = parse(currentDoc);
      if ((current.status === 'published' || current.status === 'held') && current.createdAt > input.windowStart) {
        replaced = { ...current, status: 'replaced', version: current.version + 1 };
        if (!update(replaced, current.version)) throw new Error('rating changed inside its transaction');
        if (current.status === 'published') moveAggregate(current, -1, r.createdAt);
      }
    }
    const rating: Rating = { ...r, replaces: replaced?.id ?? null };
    insertRating.run({ ...rating, firstSeen: seen, doc: JSON.stringify(rating) });
    if (rating.status === 'published') moveAggregate(rating, 1, rating.createdAt);
    insertRequest.run(input.requestKey, rating.id);
    return { rating, replaced, created: true };
  });

  const setStatus = db.transaction((id: string, expectedVersion: number, status: 'published' | 'rejected', at: string) => {
    const current = getRating(id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这条评价');
    if (current.version !== expectedVersion || current.status !== 'held') throw staleConflict('这条评价');
    const next: Rating = { ...current, status, version: current.version + 1 };
    if (!update(next, expectedVersion)) throw staleConflict('这条评价');
    if (status === 'published') moveAggregate(next, 1, at);
    return next;
  });

  const reply = db.transaction((id: string, text: string, at: string) => {
    const current = getRating(id);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这条评价');
    if (current.reply) throw new AppError('CONFLICT', '这条评价已经回复过了，每条评价只能回复一次');
    const next: Rating = { ...current, reply: { text, at }, version: current.version + 1 };
    if (!update(next, current.version)) throw staleConflict('这条评价');
    return next;
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
    setStatus: (id, expectedVersion, status, at) => guarded(() => setStatus(id, expectedVersion, status, at)),
    reply: (id, text, at) => guarded(() => reply(id, text, at)),
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
