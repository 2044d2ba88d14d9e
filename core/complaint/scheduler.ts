/**
 * The timed job: escalate overdue complaints (督办, county → city → province), close replied
 * complaints nobody evaluated within 7 days as 未评价, and deliver the notification outbox.
 * Safe to run twice: every step re-checks state, writes with the version it read, and an
 * outbox message is marked sent exactly once.
 */
import { WorkCalendar } from '../calendar/workdays';
import type { CalendarRepository, Clock, ComplaintRepository, IdSource, Notifier, OutboxRepository } from '../ports';
import { AppError } from '../shared/errors';
import { evaluationDeadline, isOverdue, transition, type Command } from './machine';
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
  sent: number;
  failed: number;
  skipped: number;
}

const BATCH = 100;
const MAX_PER_RUN = 2000;
const MAX_ATTEMPTS = 5;

function nextCommand(c: Complaint, now: Date): Command | null {
  const evalDue = evaluationDeadline(c);
  if (evalDue && now >= evalDue) return { type: 'autoClose' };
  const overdue = isOverdue(c, now);
  if (!overdue) return null;
  const dueOn = overdue === 'accept' ? c.acceptDueOn : c.replyDueOn;
  if (c.escalations.some((e) => e.kind === overdue && e.dueOn === dueOn)) return null; // already escalated for this deadline
  return { type: 'escalate', kind: overdue };
}

export async function runScheduler(deps: SchedulerDeps): Promise<SchedulerReport> {
  const { complaints, outbox, calendars, notifier, ids, clock } = deps;
  const now = clock.now();
  const calendar = new WorkCalendar(await calendars.adminYears());
  const report: SchedulerReport = { escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0 };

  // Collect first, then act: acting changes the set being paged through.
  const due: Complaint[] = [];
  for (let offset = 0; offset < MAX_PER_RUN; offset += BATCH) {
    const page = await complaints.list({ dueBefore: now.toISOString(), statuses: ['submitted', 'accepted', 'assigned', 'replied'], order: 'due', offset, limit: BATCH });
    due.push(...page.items);
    if (!page.hasMore) break;
  }

  for (const c of due) {
    const cmd = nextCommand(c, now);
    if (!cmd) continue;
    try {
      const r = transition(c, cmd, { at: now, calendar, actor: { kind: 'system', role: 'system', openid: null } });
      const messages: OutboxMessage[] = r.notify.map((n) => ({ ...n, id: ids.id(), createdAt: now.toISOString(), sentAt: null, attempts: 0, lastError: null }));
      await complaints.apply({ next: r.next, expectedVersion: c.version, history: [r.history], outbox: messages });
      if (cmd.type === 'autoClose') report.autoClosed++;
      else report.escalated++;
    } catch (err) {
      // Someone acted on it meanwhile (CONFLICT): the next run sees the new state.
      if (err instanceof AppError && err.code === 'CONFLICT') report.skipped++;
      else throw err;
    }
  }

  // Each message is tried at most once per run; failures wait for the next run.
  const tried = new Set<string>();
  for (;;) {
    const pending = (await outbox.pending(BATCH + tried.size, MAX_ATTEMPTS)).filter((m) => !tried.has(m.id));
    if (!pending.length) break;
    for (const m of pending) {
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
  return report;
}
