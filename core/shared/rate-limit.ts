/**
 * Limits per openid per action (issue 9 item 6). One table says, for every write action and every
 * costly read, how many calls one person may make in a fixed window; people holding any role
 * (station heads, operators, officials) get the higher `staffMax`, since their work is made of
 * many such calls. Counters live in the database (RateLimitStore), so the limit holds across
 * cloud-function instances.
 *
 * The decision is pure (`windowOf`, `retryMessage`); `rateLimited` wraps a function's actions so
 * each limited action counts the call after its input validated and before it runs.
 */
import type { ActionMap } from './router';
import type { Clock, RateLimitStore, RoleRepository } from '../ports';
import { AppError } from './errors';

export interface Limit {
  /** Window length in seconds (fixed windows aligned to the epoch). */
  windowS: number;
  /** Calls allowed per window for anyone. */
  max: number;
  /** Calls allowed per window for people holding a role (defaults to `max`). */
  staffMax?: number;
}

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

/** One limit for several actions that cost alike. */
const each = (limit: Limit, ...keys: string[]): Record<string, Limit> => Object.fromEntries(keys.map((key) => [key, limit]));

/**
 * The defaults, keyed `function.action`. A villager files a few complaints a day at most; an
 * official works through dozens of cases an hour. Reads listed here are the ones that search or
 * aggregate; reads by id are cheap and not limited.
 */
export const DEFAULT_LIMITS: Readonly<Record<string, Limit>> = {
  // Residents: writes that start work for someone else
  'complaints.submit': { windowS: 10 * MIN, max: 5, staffMax: 20 },
  'complaints.join': { windowS: HOUR, max: 20 },
  // A tracking number and a phone (claim) are guessed one try at a time: a few tries an hour is plenty.
  ...each({ windowS: HOUR, max: 10 }, 'complaints.claim', 'complaints.withdraw', 'complaints.evaluate', 'recruitment.withdraw'),
  'ratings.visit': { windowS: 10 * MIN, max: 20 },
  'ratings.submit': { windowS: 10 * MIN, max: 10 },
  ...each({ windowS: HOUR, max: 5 }, 'ratings.report', 'recruitment.apply'),
  'notices.object': { windowS: DAY, max: 3 },
  upload: { windowS: 10 * MIN, max: 20, staffMax: 60 },
  // Staff writes (only people with a role get past the service's checks anyway); 办理进展 by handlers.
  'complaints.record': { windowS: 10 * MIN, max: 5, staffMax: 60 },
  ...each({ windowS: 10 * MIN, max: 20, staffMax: 200 }, 'complaints.accept', 'complaints.refuse', 'complaints.assign', 'complaints.reply', 'complaints.note', 'complaints.receive', 'complaints.progress'),
  ...each(
    { windowS: 10 * MIN, max: 20, staffMax: 100 },
    'complaints.extend', 'complaints.merge', 'complaints.release', 'complaints.decline', 'complaints.transfer',
    'complaints.requestExtension', 'complaints.approveExtension', 'complaints.refuseExtension', 'complaints.supervise', 'complaints.answerSupervision',
  ),
  // 补充材料 and the 回访 answer by the complainant (a few a day is plenty).
  'complaints.supplement': { windowS: HOUR, max: 5, staffMax: 20 },
  'complaints.recheck': { windowS: HOUR, max: 10 },
  // A batch is up to MAX_BATCH cases (core/complaint/limits.ts): fewer calls than single actions.
  ...each({ windowS: 10 * MIN, max: 5, staffMax: 30 }, 'complaints.batchAccept', 'complaints.batchAssign'),
  // Figures read up to 20 000 complaints; an export also writes a file.
  'complaints.unitFigures': { windowS: 10 * MIN, max: 5, staffMax: 60 },
  'complaints.unitFiguresExport': { windowS: HOUR, max: 3, staffMax: 20 },
  'ratings.reply': { windowS: 10 * MIN, max: 20, staffMax: 100 },
  ...each({ windowS: 10 * MIN, max: 20, staffMax: 300 }, 'ratings.publish', 'ratings.reject'),
  ...each({ windowS: HOUR, max: 10, staffMax: 50 }, 'recruitment.createPost', 'recruitment.select'),
  ...each({ windowS: HOUR, max: 10, staffMax: 100 }, 'recruitment.openPost', 'recruitment.closePost', 'recruitment.cancelPost', 'recruitment.reveal', 'recruitment.reserve'),
  'recruitment.score': { windowS: 10 * MIN, max: 20, staffMax: 300 },
  'recruitment.recordTraining': { windowS: 10 * MIN, max: 20, staffMax: 200 },
  'notices.publish': { windowS: HOUR, max: 10, staffMax: 50 },
  'notices.resolve': { windowS: HOUR, max: 20, staffMax: 200 },
  ...each({ windowS: HOUR, max: 10, staffMax: 100 }, 'account.grant', 'account.revoke', 'account.invite'),
  // Codes are guessed one try at a time: a few tries an hour is plenty for a person.
  'account.accept': { windowS: HOUR, max: 10, staffMax: 10 },
  'account.setCalendarYear': { windowS: HOUR, max: 10, staffMax: 30 },
  ...each({ windowS: HOUR, max: 10, staffMax: 20 }, 'account.issueApiKey', 'account.revokeApiKey'),
  // Open311 (core/open311/georeport.ts): a hotline platform passes on many callers' cases; reads per address.
  'open311.submit': { windowS: HOUR, max: 600 },
  'open311.read': { windowS: MIN, max: 120 },
  // The register reads and writes whole spreadsheets: a county works through a few files an hour.
  'register.template': { windowS: HOUR, max: 10, staffMax: 60 },
  ...each({ windowS: HOUR, max: 5, staffMax: 60 }, 'register.preview', 'register.export'),
  'register.import': { windowS: HOUR, max: 5, staffMax: 30 },
  'upkeep.idleStations': { windowS: MIN, max: 5, staffMax: 20 },
  // Reports (issue 12 §5) read a whole region; 报送 is a few acts a quarter.
  'reports.figures': { windowS: 10 * MIN, max: 5, staffMax: 60 },
  'reports.export': { windowS: HOUR, max: 3, staffMax: 20 },
  ...each({ windowS: HOUR, max: 5, staffMax: 10 }, 'reports.submit', 'reports.forward'),
  'reports.return': { windowS: HOUR, max: 5, staffMax: 30 },
  ...each({ windowS: HOUR, max: 5, staffMax: 50 }, 'upkeep.issueRectification', 'upkeep.verifyRectification'),
  ...each({ windowS: HOUR, max: 10, staffMax: 30 }, 'upkeep.answerRectification', 'upkeep.propose', 'upkeep.withdrawEdit'),
  'upkeep.closeTemporarily': { windowS: HOUR, max: 5, staffMax: 10 },
  ...each({ windowS: 10 * MIN, max: 20, staffMax: 200 }, 'upkeep.decideEdit', 'upkeep.confirmInfo'),
  'stations.report': { windowS: DAY, max: 5 },
  'stations.reportUnlisted': { windowS: DAY, max: 3 },
  'upkeep.handleUnlisted': { windowS: HOUR, max: 10, staffMax: 100 },
  ...each({ windowS: HOUR, max: 5, staffMax: 30 }, 'register.fileCertification', 'register.publishCertification', 'register.povertyPreview'),
  ...each({ windowS: HOUR, max: 5, staffMax: 50 }, 'register.operatorReviewCertification', 'register.countyReviewCertification'),
  'register.povertyImport': { windowS: HOUR, max: 5, staffMax: 20 },
  'settings.update': { windowS: HOUR, max: 10, staffMax: 30 },
  // A market entity files a new site's 申办 now and then; a few a day is plenty.
  'register.fileAsEntity': { windowS: DAY, max: 5, staffMax: 20 },
  // Ledgers: a head enters a month's lines in one sitting; an operator reviews many stations.
  'ledger.record': { windowS: HOUR, max: 10, staffMax: 200 },
  'ledger.correct': { windowS: HOUR, max: 10, staffMax: 100 },
  'ledger.review': { windowS: 10 * MIN, max: 20, staffMax: 300 },
  'inspections.record': { windowS: HOUR, max: 10, staffMax: 60 },
  'inspections.toRectification': { windowS: HOUR, max: 5, staffMax: 50 },
  // Heads: a head signs in to a training; the operator opens sessions; the county decides.
  'heads.signIn': { windowS: HOUR, max: 10 },
  ...each({ windowS: HOUR, max: 5, staffMax: 30 }, 'heads.openSession', 'heads.replace'),
  'heads.reward': { windowS: HOUR, max: 5, staffMax: 100 },
  'heads.list': { windowS: MIN, max: 10, staffMax: 30 },
  // Costly reads: searches and aggregations. Officials' queues and unread items (inbox) are read on
  // every desk refresh, and unread items marked read on every case opened.
  ...each({ windowS: MIN, max: 120 }, 'stations.nearby', 'stations.search'),
  'complaints.similar': { windowS: MIN, max: 30 },
  'complaints.publicStats': { windowS: MIN, max: 60 },
  ...each({ windowS: MIN, max: 30, staffMax: 120 }, 'complaints.queue', 'complaints.inbox', 'complaints.inboxRead', 'upkeep.editQueue', 'ledger.queue'),
  ...each({ windowS: MIN, max: 30, staffMax: 60 }, 'complaints.stats', 'ratings.trends'),
  ...each({ windowS: MIN, max: 10, staffMax: 30 }, 'ratings.code', 'register.coverage', 'inspections.dues'),
  'ledger.totals': { windowS: MIN, max: 10, staffMax: 60 },
  // Scan-to-sign-in (core/auth/signin.ts): start per PC address, poll per code (every 2 s for
  // 2 minutes is 60), confirm per official, sign-out per session.
  'auth.start': { windowS: 10 * MIN, max: 30 },
  'auth.poll': { windowS: 10 * MIN, max: 200 },
  'auth.confirm': { windowS: 10 * MIN, max: 10, staffMax: 30 },
  'auth.signOut': { windowS: 10 * MIN, max: 10 },
};

/**
 * The table with overrides from configuration, e.g. `ZDT_RATE_LIMITS="complaints.submit=10/600,upload=40/600/100"`
 * (`key=max/windowSeconds[/staffMax]`). A malformed entry throws at boot rather than silently
 * leaving a limit out.
 */
export function limitsFrom(config: string | undefined, base: Readonly<Record<string, Limit>> = DEFAULT_LIMITS): Record<string, Limit> {
  const out: Record<string, Limit> = { ...base };
  for (const part of (config ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]+(?:\.[A-Za-z]+)?)=(\d+)\/(\d+)(?:\/(\d+))?$/.exec(part);
    if (!m || Number(m[3]) < 1 || Number(m[2]) < 1) throw new Error(`ZDT_RATE_LIMITS: cannot read "${part}" (key=max/windowSeconds[/staffMax])`);
    out[m[1]] = { max: Number(m[2]), windowS: Number(m[3]), ...(m[4] ? { staffMax: Number(m[4]) } : {}) };
  }
  return out;
}

/** The fixed window `now` falls in: its counter key and when it ends. */
export function windowOf(openid: string, key: string, limit: Limit, now: Date): { counterKey: string; endsAt: Date } {
  const ms = limit.windowS * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { counterKey: `${key}:${limit.windowS}:${start}:${openid}`, endsAt: new Date(start + ms) };
}

/** "操作太频繁，请 3 分钟后再试": whole minutes (rounded up) past a minute, else seconds. */
export function retryMessage(now: Date, endsAt: Date): string {
  const seconds = Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));
  if (seconds <= 60) return `操作太频繁，请 ${seconds} 秒后再试`;
  if (seconds < 2 * HOUR) return `操作太频繁，请 ${Math.ceil(seconds / 60)} 分钟后再试`;
  return `操作太频繁，请 ${Math.ceil(seconds / HOUR)} 小时后再试`;
}

export interface RateLimitDeps {
  rateLimits: RateLimitStore;
  clock: Clock;
  /** Who holds a role (the staff limits). Without it everyone gets `max`. */
  roles?: Pick<RoleRepository, 'activeFor'>;
  limits?: Readonly<Record<string, Limit>>;
}

/**
 * Count one call of `key` by `openid`; throws RATE_LIMITED when over the limit. Refused calls do
 * not count. The role lookup happens only once the everyone-limit is reached, so ordinary calls
 * cost one counter write.
 */
export async function takeLimit(deps: RateLimitDeps, key: string, openid: string | null): Promise<void> {
  const limit = (deps.limits ?? DEFAULT_LIMITS)[key];
  // No openid: nothing to count against; every write refuses such callers itself (UNAUTHENTICATED).
  if (!limit || !openid) return;
  const now = deps.clock.now();
  const { counterKey, endsAt } = windowOf(openid, key, limit, now);
  if (await deps.rateLimits.take(counterKey, limit.max, endsAt.toISOString())) return;
  if (limit.staffMax && limit.staffMax > limit.max && deps.roles && (await deps.roles.activeFor(openid)).length > 0) {
    if (await deps.rateLimits.take(counterKey, limit.staffMax, endsAt.toISOString())) return;
  }
  throw new AppError('RATE_LIMITED', retryMessage(now, endsAt));
}

/** The same actions, each limited one counting a call before it runs (after its input validated). Keeps the map's type, so the typed API survives. */
export function rateLimited<const A extends ActionMap>(fn: string, actions: A, deps: RateLimitDeps): A {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const out: ActionMap = {};
  for (const [name, def] of Object.entries(actions)) {
    const key = `${fn}.${name}`;
    out[name] = limits[key]
      ? {
          input: def.input,
          run: async (input, ctx, meta) => {
            await takeLimit(deps, key, ctx.openid);
            return def.run(input, ctx, meta);
          },
        }
      : def;
  }
  return out as A;
}
