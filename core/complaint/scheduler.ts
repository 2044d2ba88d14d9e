/**
 * The timed job: escalate overdue complaints (督办, county → city → province), close replied
 * complaints nobody evaluated within 7 days as 未评价, and deliver the notification outbox.
 * Safe to run twice: every step re-checks state, writes with the version it read, and an
 * outbox message is marked sent exactly once.
 *
 * Which complaints it looks at: those whose `nextActionAt` (below, stored by the adapters) has
 * passed. A complaint already escalated for its current deadline has none, so thousands of those
 * never crowd out a newer overdue one. A run has a time budget (a cloud function is killed at its
 * timeout): it stops starting new work when the budget is spent and reports `remaining: true`;
 * the next trigger carries on where the state says.
 */
import { MAX_FOLLOWERS, notifyFollowers } from './follow';
import { WorkCalendar } from '../calendar/workdays';
import type { CalendarRepository, Clock, ComplaintRepository, IdSource, Notifier, OutboxRepository } from '../ports';
import { AppError } from '../shared/errors';
import { COMPLAINT_RETENTION_DAYS, evaluationDeadline, isOverdue, RECHECK_STATUSES, recheckDueAt, transition, type Command } from './machine';
import type { Complaint, OutboxMessage } from './model';

export interface SchedulerDeps {
  complaints: ComplaintRepository;
  outbox: OutboxRepository;
  calendars: CalendarRepository;
  notifier: Notifier;
  ids: IdSource;
  clock: Clock;
}

export interface SchedulerReport {
  escalated: number;
  autoClosed: number;
  /** Complainants asked "问题还在吗？" (回访, 28 days after the end). */
  rechecksAsked?: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Work was left for the next run: the time budget ran out, or more complaints needed action than one run takes. */
  remaining: boolean;
}

export interface SchedulerOptions {
  /**
   * Stop starting new work this many milliseconds after the run began: the function's timeout
   * minus a margin for the step in flight (the cloud entry: 45 s of 60 s). No limit when absent.
   */
  deadlineMs?: number;
  /** Milliseconds from any fixed origin, for the budget (default Date.now); `deps.clock` is business time and may stand still. */
  timer?: () => number;
}

/** How much of a run's time is spent. */
export interface Budget {
  /** True once `share` (0–1, default all) of the time budget is used; never without a deadline. */
  spent(share?: number): boolean;
}

export function startBudget(options: SchedulerOptions = {}): Budget {
  const timer = options.timer ?? Date.now;
  const started = timer();
  const { deadlineMs } = options;
  return { spent: (share = 1) => deadlineMs !== undefined && timer() - started >= deadlineMs * share };
}

const BATCH = 100;
const MAX_PER_RUN = 2000;
/** Failed attempts after which a message is given up (counted as undeliverable for administrators). */
export const MAX_ATTEMPTS = 5;
/** Escalation and auto-close stop at this share of the budget, so notifications always get the rest. */
const COMPLAINT_SHARE = 0.75;
const ACTIVE: Complaint['status'][] = ['submitted', 'accepted', 'assigned', 'replied', ...RECHECK_STATUSES];

/**
 * When the scheduler next has something to do with this complaint, or null when nothing until
 * someone acts on it: the active deadline (`dueAt`) unless the complaint was already escalated for
 * that accept/reply deadline; for a replied complaint the end of its evaluation window. Adapters
 * store it beside the record (ComplaintQuery.actionBefore filters on it).
 */
export function nextActionAt(c: Complaint): string | null {
  // An ended case: the 回访 "问题还在吗？" when it is due (once).
  if (c.dueAt === null) return recheckDueAt(c)?.toISOString() ?? null;
  const kind = c.status === 'submitted' ? 'accept' : c.status === 'accepted' || c.status === 'assigned' ? 'reply' : null;
  const dueOn = kind === 'accept' ? c.acceptDueOn : c.replyDueOn;
  if (kind && dueOn && c.escalations.some((e) => e.kind === kind && e.dueOn === dueOn)) return null;
  return c.dueAt;
}

function nextCommand(c: Complaint, now: Date): Command | null {
  const recheckDue = recheckDueAt(c);
  if (recheckDue) return now >= recheckDue ? { type: 'askRecheck' } : null;
  const evalDue = evaluationDeadline(c);
  if (evalDue && now >= evalDue) return { type: 'autoClose' };
  const overdue = isOverdue(c, now);
  if (!overdue) return null;
  const dueOn = overdue === 'accept' ? c.acceptDueOn : c.replyDueOn;
  if (c.escalations.some((e) => e.kind === overdue && e.dueOn === dueOn)) return null; // already escalated for this deadline
  return { type: 'escalate', kind: overdue };
}

export async function runScheduler(deps: SchedulerDeps, budget: Budget = startBudget()): Promise<SchedulerReport> {
  const { complaints, outbox, calendars, notifier, ids, clock } = deps;
  const now = clock.now();
  const calendar = new WorkCalendar(await calendars.adminYears());
  const report: SchedulerReport = { escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false };
  let rechecksAsked = 0;

  // Collect first, then act: acting changes the set being paged through (an escalated complaint
  // leaves it). Oldest deadline first; at most MAX_PER_RUN, the rest next run.
  const due: Complaint[] = [];
  for (let offset = 0; ; offset += BATCH) {
    if (offset >= MAX_PER_RUN || budget.spent(COMPLAINT_SHARE)) {
      report.remaining = true;
      break;
    }
    const page = await complaints.list({ actionBefore: now.toISOString(), statuses: ACTIVE, order: 'due', offset, limit: BATCH });
    due.push(...page.items);
    if (!page.hasMore) break;
  }

  for (const c of due) {
    if (budget.spent(COMPLAINT_SHARE)) {
      report.remaining = true;
      break;
    }
    const cmd = nextCommand(c, now);
    if (!cmd) continue;
    try {
      const r = transition(c, cmd, { at: now, calendar, actor: { kind: 'system', role: 'system', openid: null } });
      // Followers are told what the complainant is told (core/complaint/follow.ts).
      // Not the 回访: only the complainant can answer "问题还在吗？".
      const notify = r.notify.length && cmd.type !== 'askRecheck' ? notifyFollowers(r.notify, c, await complaints.followers(c.id, MAX_FOLLOWERS)) : r.notify;
      const messages: OutboxMessage[] = notify.map((n) => ({ ...n, id: ids.id(), createdAt: now.toISOString(), sentAt: null, attempts: 0, lastError: null }));
      await complaints.apply({ next: r.next, expectedVersion: c.version, history: [r.history], outbox: messages });
      if (cmd.type === 'autoClose') report.autoClosed++;
      else if (cmd.type === 'askRecheck') rechecksAsked++;
      else report.escalated++;
    } catch (err) {
      // Someone acted on it meanwhile (CONFLICT): the next run sees the new state.
      if (err instanceof AppError && err.code === 'CONFLICT') report.skipped++;
      else throw err;
    }
  }

  // Each message is tried at most once per run; failures wait for the next run.
  const tried = new Set<string>();
  sending: for (;;) {
    const pending = (await outbox.pending(BATCH + tried.size, MAX_ATTEMPTS)).filter((m) => !tried.has(m.id));
    if (!pending.length) break;
    for (const m of pending) {
      if (budget.spent()) {
        report.remaining = true;
        break sending;
      }
      tried.add(m.id);
      try {
        await notifier.send(m);
        if (await outbox.markSent(m.id, clock.now().toISOString())) report.sent++;
      } catch (err) {
        report.failed++;
        await outbox.markFailed(m.id, err instanceof Error ? err.name : 'error', clock.now().toISOString());
      }
    }
  }
  // Reported only when someone was asked, so reports of runs without 回访 read as before.
  return rechecksAsked ? { ...report, rechecksAsked } : report;
}

/**
 * Timed job: remove the complainant's personal data (description, photos, phone, evaluation
 * comment) from finished complaints filed more than `retentionDays` ago (docs/product.md §7). The case,
 * its states and dates stay for statistics. Safe to run twice: purged complaints are not found again.
 */
export async function purgeExpiredComplaints(
  deps: Pick<SchedulerDeps, 'complaints' | 'calendars' | 'clock'>,
  retentionDays: number,
  limit = 200,
): Promise<{ complaintsPurged: number }> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const calendar = new WorkCalendar(await deps.calendars.adminYears());
  let complaintsPurged = 0;
  for (const c of await deps.complaints.purgeable(before, limit)) {
    try {
      // Followers' evaluation words go with the complainant's (their ratings stay for the record).
      await deps.complaints.clearFollowerComments(c.id);
      const r = transition(c, { type: 'purge' }, { at: now, calendar, actor: { kind: 'system', role: 'system', openid: null } });
      await deps.complaints.apply({ next: r.next, expectedVersion: c.version, history: [r.history], outbox: [] });
      complaintsPurged++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    }
  }
  return { complaintsPurged };
}

/** Retention from configuration (ZDT_COMPLAINT_RETENTION_DAYS): a positive whole number, else the default. */
export function complaintRetentionDays(value: string | undefined): number {
  const days = Number(value);
  return value && Number.isInteger(days) && days > 0 ? days : COMPLAINT_RETENTION_DAYS;
}
