/**
 * Every write to a rating, decided here as a RatingChange the way complaints build a
 * ComplaintChange: the rating to write with the version it must still have, the rating it replaces
 * and how the station's published aggregate moves. Stores read the current state inside their
 * transaction, call these functions on it, and persist what they answer; they decide nothing.
 */
import { AppError, staleConflict } from '../shared/errors';
import { DIMENSION_CODES, type Rating, type RatingAggregate, type RatingStatus, type Scores } from './model';

/** How a station's published aggregate moves: added to count, each sum and the visit-verified count. */
export interface AggregateDelta {
  count: number;
  sums: Scores;
  visitVerified: number;
}

export interface RatingChange {
  /** The rating to write: a new one (expectedVersion null) or a changed one. */
  next: Rating;
  expectedVersion: number | null;
  /** The rater's earlier rating on the station, now replaced, with the version it must still have. */
  replaced: { next: Rating; expectedVersion: number } | null;
  /** How the aggregate of next.stationId moves; null when it does not. */
  aggregate: AggregateDelta | null;
  /** When it happens (the aggregate's updatedAt). */
  at: string;
}

/** Published ratings entering (sign 1) or leaving (sign -1) the aggregate, summed; null when none. */
export function aggregateDelta(moves: { rating: Rating; sign: 1 | -1 }[]): AggregateDelta | null {
  if (!moves.length) return null;
  const d: AggregateDelta = { count: 0, sums: { attitude: 0, pricing: 0, cleanliness: 0, efficiency: 0 }, visitVerified: 0 };
  for (const { rating, sign } of moves) {
    d.count += sign;
    for (const k of DIMENSION_CODES) d.sums[k] += sign * rating.scores[k];
    if (rating.visitVerified) d.visitVerified += sign;
  }
  return d;
}

/** The aggregate after a delta (a station without one starts from zero). */
export function movedAggregate(stationId: string, current: Omit<RatingAggregate, 'stationId'> | null, d: AggregateDelta, at: string): RatingAggregate {
  const base = current ?? { count: 0, sums: { attitude: 0, pricing: 0, cleanliness: 0, efficiency: 0 }, visitVerified: 0 };
  const sums = { ...base.sums };
  for (const k of DIMENSION_CODES) sums[k] += d.sums[k];
  return { stationId, count: base.count + d.count, sums, visitVerified: base.visitVerified + d.visitVerified, updatedAt: at };
}

/**
 * A new rating against the rater's current (newest) rating on the station: the current one is
 * replaced when it is published or held and made after `windowStart` (30 days back), and leaves the
 * aggregate if it was published; a rejected one stays rejected. The new one enters the aggregate
 * when published.
 */
export function submitChange(rating: Rating, current: Rating | null, windowStart: string): RatingChange {
  const moves: { rating: Rating; sign: 1 | -1 }[] = [];
  let replaced: RatingChange['replaced'] = null;
  if (current && (current.status === 'published' || current.status === 'held') && current.createdAt > windowStart) {
    replaced = { next: { ...current, status: 'replaced', version: current.version + 1 }, expectedVersion: current.version };
    if (current.status === 'published') moves.push({ rating: current, sign: -1 });
  }
  const next: Rating = { ...rating, replaces: replaced?.next.id ?? null };
  if (next.status === 'published') moves.push({ rating: next, sign: 1 });
  return { next, expectedVersion: null, replaced, aggregate: aggregateDelta(moves), at: next.createdAt };
}

function found(r: Rating | null): Rating {
  if (!r) throw new AppError('NOT_FOUND', '没有找到这条评价');
  return r;
}

/** An official's decision on a held rating (held → published | rejected); CONFLICT when it moved on. */
export function reviewChange(current: Rating | null, expectedVersion: number, status: Extract<RatingStatus, 'published' | 'rejected'>, at: string): RatingChange {
  const r = found(current);
  if (r.version !== expectedVersion || r.status !== 'held') throw staleConflict('这条评价');
  const next: Rating = { ...r, status, version: r.version + 1 };
  return { next, expectedVersion: r.version, replaced: null, aggregate: status === 'published' ? aggregateDelta([{ rating: next, sign: 1 }]) : null, at };
}

/** The station head's one public reply. */
export function replyChange(current: Rating | null, text: string, at: string): RatingChange {
  const r = found(current);
  if (r.reply) throw new AppError('CONFLICT', '这条评价已经回复过了，每条评价只能回复一次');
  return { next: { ...r, reply: { text, at }, version: r.version + 1 }, expectedVersion: r.version, replaced: null, aggregate: null, at };
}

/** What a store's submit takes for a new rating: who rates which station, and submitChange as the plan. */
export function submitInput(rating: Rating, requestKey: string, windowStart: string) {
  return { requestKey, stationId: rating.stationId, raterOpenid: rating.raterOpenid, plan: (current: Rating | null) => submitChange(rating, current, windowStart) };
}
