/**
 * Followers of a case (并单 and 我也遇到了, issue 9 item 9): people who tapped 我也遇到了 on it and
 * complainants whose own complaint was merged into it. They were told the result comes with the
 * case, so they read it, are told what its complainant is told, and give their own evaluation.
 *
 * Product decision: a follower's evaluation is theirs alone. It never changes the case's status
 * or its complainant's evaluation (only the complainant's 不满意 reopens a case), officials see it
 * on the case, and statistics do not count it: satisfaction stays one evaluation per case, as in
 * the 12345 loop, so a case with many followers does not weigh more than one with none.
 */
import type { Follow } from '../ports';
import { AppError } from '../shared/errors';
import type { TransitionResult } from './machine';
import type { Complaint, Evaluation } from './model';

/** At most this many followers are read for one case (notifications, the officials' view). */
export const MAX_FOLLOWERS = 500;
/** At most this many followed cases are listed in 我的投诉. */
export const MAX_FOLLOWING = 50;

/** One entry per person, merged before supporter (a merged complainant filed their own complaint). */
export function distinctFollowers(follows: Follow[], complainantOpenid: string): Follow[] {
  const byOpenid = new Map<string, Follow>();
  for (const f of follows) {
    if (f.openid === complainantOpenid) continue;
    const seen = byOpenid.get(f.openid);
    if (!seen || (seen.via === 'supporter' && f.via === 'merged')) byOpenid.set(f.openid, f);
  }
  return [...byOpenid.values()];
}

/**
 * Followers get what the complainant gets: every message addressed to the complainant is copied
 * to each follower, about the same case (so it opens the case's page, which they may read).
 */
export function notifyFollowers(notify: TransitionResult['notify'], c: Pick<Complaint, 'complainantOpenid'>, followers: Follow[]): TransitionResult['notify'] {
  const people = distinctFollowers(followers, c.complainantOpenid);
  const out = [...notify];
  for (const n of notify) {
    if (n.openid !== c.complainantOpenid) continue;
    for (const f of people) out.push({ ...n, openid: f.openid, payload: { ...n.payload } });
  }
  return out;
}

/** Whether a follower may evaluate the case now: once it has a result (answered or closed after an answer). */
export function followerCanEvaluate(c: Pick<Complaint, 'status' | 'reply' | 'evaluation'>, alreadyEvaluated: boolean): boolean {
  if (alreadyEvaluated) return false;
  if (c.status === 'replied') return c.reply !== null;
  // Closed by the complainant's evaluation or by the 7-day auto close: both come after a reply.
  return c.status === 'closed';
}

/** Why a follower may not evaluate (CONFLICT), or null. A retry of the same evaluation is not refused. */
export function followerEvaluationRefusal(
  c: Pick<Complaint, 'status' | 'reply' | 'evaluation'>,
  prior: { evaluation: Evaluation; comment: string | null } | null,
  next: { evaluation: Evaluation; comment: string | null },
): AppError | null {
  if (prior) {
    if (prior.evaluation === next.evaluation && (prior.comment ?? null) === (next.comment ?? null)) return null;
    return new AppError('CONFLICT', '您已经评价过这件投诉的处理结果');
  }
  if (!followerCanEvaluate(c, false)) return new AppError('CONFLICT', '这件投诉还没有处理结果，答复后再评价');
  return null;
}
