/**
 * Rating rules, pure: the 30-day window, the smoothed score, burst detection, and the signed
 * station scene / visit token formats (signing itself is injected).
 */
import type { Dimension, RatingAggregate } from './model';
import { VISIT_HOURS } from './limits';
import { DIMENSION_CODES } from './model';

export const WINDOW_DAYS = 30;
export const WINDOW_MS = WINDOW_DAYS * 86_400_000;

/** Inside the window means strictly less than 30 × 24 h after the earlier rating. */
export function insideWindow(previousAt: string, now: Date): boolean {
  return now.getTime() - new Date(previousAt).getTime() < WINDOW_MS;
}

/**
 * Bayesian smoothed mean: PRIOR_WEIGHT imaginary ratings at PRIOR_MEAN, so one or two ratings
 * cannot dominate (a single 1★ moves a new station from 4.0 to 3.5, not to 1.0).
 */
export const PRIOR_MEAN = 4;
export const PRIOR_WEIGHT = 5;

export function smoothed(sum: number, count: number): number {
  return (PRIOR_MEAN * PRIOR_WEIGHT + sum) / (PRIOR_WEIGHT + count);
}

export interface ScoreSummary {
  count: number;
  visitVerified: number;
  /** Smoothed overall (mean of the four dimensions), one decimal. */
  overall: number | null;
  dimensions: { dimension: Dimension; smoothed: number; raw: number | null }[];
  /** Fewer than this many ratings: show "评价较少" next to the score. */
  fewRatings: boolean;
}

export const FEW_RATINGS = 5;

export function summarize(agg: RatingAggregate | null): ScoreSummary {
  const count = agg?.count ?? 0;
  const dimensions = DIMENSION_CODES.map((d) => ({
    dimension: d,
    smoothed: round1(smoothed(agg?.sums[d] ?? 0, count)),
    raw: count ? round1((agg?.sums[d] ?? 0) / count) : null,
  }));
  return {
    count,
    visitVerified: agg?.visitVerified ?? 0,
    overall: count ? round1(dimensions.reduce((s, d) => s + smoothed(agg?.sums[d.dimension] ?? 0, count), 0) / dimensions.length) : null,
    dimensions,
    fewRatings: count < FEW_RATINGS,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Burst: ratings on a station in the last 24 h far above its own baseline (the daily average
 * over the 30 days before), or several from brand-new accounts.
 */
export const BURST_MIN = 6;
export const BURST_FACTOR = 5;
export const NEW_ACCOUNT_HOURS = 48;
export const NEW_ACCOUNT_BURST = 3;

export function burstReasons(input: { last24h: number; previous30d: number; newAccountsLast24h: number; raterIsNew: boolean }): ('burst' | 'new_accounts')[] {
  const reasons: ('burst' | 'new_accounts')[] = [];
  const baselinePerDay = input.previous30d / 30;
  // Counting the rating being made: the (n+1)th rating of the day is the one that trips it.
  if (input.last24h + 1 >= Math.max(BURST_MIN, BURST_FACTOR * baselinePerDay)) reasons.push('burst');
  if (input.raterIsNew && input.newAccountsLast24h + 1 >= NEW_ACCOUNT_BURST) reasons.push('new_accounts');
  return reasons;
}

/**
 * The station's mini-program code carries `scene` (≤ 32 visible characters):
 * "<station id>.<key id><signature>", e.g. "st-360731100-000.1aB3dE5fG7hJ9" — the key id is one
 * character so keys can rotate; the signature is the first 12 chars of an HMAC. Station ids are
 * at most 18 characters for this reason.
 */
export const SCENE_MAX = 32;
export const SIG_LENGTH = 12;

export const SCENE_STATION_ID_MAX = 18;

export function formatScene(stationId: string, keyId: string, signature: string): string {
  return `${stationId}.${keyId}${signature.slice(0, SIG_LENGTH)}`;
}

export function parseScene(scene: string): { stationId: string; keyId: string; signature: string } | null {
  const m = /^([a-z0-9-]{3,18})\.([0-9a-z])([A-Za-z0-9_-]{12})$/.exec(scene);
  return m ? { stationId: m[1], keyId: m[2], signature: m[3] } : null;
}

/** How long a scan counts as a visit. */
export const VISIT_TOKEN_MS = VISIT_HOURS * 3_600_000;
