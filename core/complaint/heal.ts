/**
 * Provisional deadlines heal (issue 9 item 7). A deadline counted through a year without holiday
 * data is provisional (weekends only). When an administrator enters that year, every complaint
 * still running on such a deadline gets it counted again from the same starting point:
 * - accept-by from the submission date;
 * - reply-by from the day it was set (acceptance, or the 不满意 that reopened it), plus an extension
 *   granted after that;
 * an escalation made for a deadline that the corrected count says had not passed yet is undone (it
 * was caused only by the provisional date), and `replyOnTime` of a reply is judged again.
 * Pure: the service loads, writes, records history and audits (through auditRecorder).
 */
import { auditRecorder } from '../authz/access';
import { WorkCalendar } from '../calendar/workdays';
import type { AuditRepository, CalendarRepository, Clock, ComplaintRepository, IdSource } from '../ports';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import { acceptDue, activeDueAt, deadlineInstant, REPLY_WORKDAYS } from './machine';
import type { Complaint, ComplaintStatus, HistoryEntry } from './model';

/** Complaints whose deadlines still matter: running ones, and replied ones (on-time judgement). */
export const HEALABLE_STATUSES: readonly ComplaintStatus[] = ['submitted', 'accepted', 'assigned', 'replied'];

export interface Healed {
  next: Complaint;
  /** Public note for the timeline, e.g. "节假日安排录入后，受理期限由 2027-01-01 调整为 2027-01-04". */
  note: string;
  /** Escalations undone (kind and the provisional date they were made for). */
  undone: Complaint['escalations'];
}

/** The history entry that last set the reply deadline: acceptance, or a reopening 不满意. */
function replyBase(history: HistoryEntry[]): HistoryEntry | undefined {
  return [...history].reverse().find((h) => h.action === 'accept' || (h.action === 'evaluate' && (h.toStatus === 'accepted' || h.toStatus === 'assigned')));
}

/** The complaint with deadlines counted on `calendar`, or null when nothing changes. */
export function healDeadlines(c: Complaint, history: HistoryEntry[], calendar: WorkCalendar): Healed | null {
  if (!c.deadlineProvisional || !HEALABLE_STATUSES.includes(c.status)) return null;
  const accept = acceptDue(new Date(c.submittedAt), calendar);
  let replyDueOn = c.replyDueOn;
  let replyProvisional = false;
  if (c.replyDueOn) {
    const base = replyBase(history);
    if (base) {
      let due = calendar.addWorkdays(toShanghai(new Date(base.at)).date, REPLY_WORKDAYS);
      let provisional = due.provisional;
      // An extension counts on top only when granted after the deadline was last set.
      if (c.extension && c.extension.at > base.at) {
        due = calendar.addWorkdays(due.date, c.extension.workdays);
        provisional = provisional || due.provisional;
      }
      replyDueOn = due.date;
      replyProvisional = provisional;
    } else {
      // Without the history entry the starting point is unknown: keep the date, keep it provisional.
      replyProvisional = true;
    }
  }
  // The accept deadline only matters while it runs or for escalations already made on it.
  const provisional = (c.status === 'submitted' && accept.provisional) || replyProvisional;

  const changes: string[] = [];
  if (accept.date !== c.acceptDueOn) changes.push(`受理期限由 ${c.acceptDueOn} 调整为 ${accept.date}`);
  if (replyDueOn !== c.replyDueOn) changes.push(`答复期限由 ${c.replyDueOn} 调整为 ${replyDueOn}`);

  const dueOf = (kind: 'accept' | 'reply') => (kind === 'accept' ? accept.date : replyDueOn);
  const oldDueOf = (kind: 'accept' | 'reply') => (kind === 'accept' ? c.acceptDueOn : c.replyDueOn);
  // Made for the provisional date, before the corrected deadline had passed: caused only by it.
  const undone = c.escalations.filter((e) => e.dueOn === oldDueOf(e.kind) && dueOf(e.kind) !== e.dueOn && !!dueOf(e.kind) && new Date(e.at) < deadlineInstant(dueOf(e.kind) as string));
  // One made after the corrected deadline passed too stands, now for the corrected date (so the
  // scheduler does not escalate the same lateness twice).
  const escalations = c.escalations.filter((e) => !undone.includes(e)).map((e) => (e.dueOn === oldDueOf(e.kind) && dueOf(e.kind) ? { ...e, dueOn: dueOf(e.kind) as string } : e));

  if (!changes.length && !undone.length && provisional === c.deadlineProvisional) return null;
  const next: Complaint = {
    ...c,
    acceptDueOn: accept.date,
    replyDueOn,
    deadlineProvisional: provisional,
    escalations,
    escalationLevel: undone.length ? escalations.reduce((m, e) => Math.max(m, e.toLevel), 0) : c.escalationLevel,
  };
  if (c.status === 'replied' && c.reply && replyDueOn) next.replyOnTime = new Date(c.reply.at) < deadlineInstant(replyDueOn);
  next.dueAt = activeDueAt(next);
  if (undone.length) changes.push('按调整后的期限，之前的督办撤销');
  const note = changes.length ? `节假日安排录入后，${changes.join('；')}` : '节假日安排录入后，期限已按实际工作日确认';
  return { next, note, undone };
}

export interface HealDeps {
  complaints: ComplaintRepository;
  calendars: CalendarRepository;
  audit: AuditRepository;
  ids: IdSource;
  clock: Clock;
}

/**
 * After a calendar year was entered: heal every complaint on a provisional deadline. Each change is
 * one transition (history entry shown to the complainant, version checked) and one audit entry;
 * a complaint changed meanwhile by someone else is read again (a few times) rather than skipped.
 */
export async function healProvisionalDeadlines(deps: HealDeps, year: number, actorOpenid: string): Promise<{ healed: number; escalationsUndone: number }> {
  const { complaints, calendars, clock } = deps;
  const record = auditRecorder(deps);
  const calendar = new WorkCalendar(await calendars.adminYears());
  // Collect ids first: healing changes what the paged query returns (dueAt order).
  const candidates: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await complaints.list({ statuses: HEALABLE_STATUSES, order: 'newest', offset, limit: 100 });
    for (const c of page.items) if (c.deadlineProvisional) candidates.push(c.id);
    if (!page.hasMore) break;
  }
  let healed = 0;
  let escalationsUndone = 0;
  for (const id of candidates) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const c = await complaints.get(id);
      if (!c) break;
      const result = healDeadlines(c, await complaints.history(id), calendar);
      if (!result) break;
      const at = clock.now().toISOString();
      const next = { ...result.next, version: c.version + 1, updatedAt: at };
      const entry: HistoryEntry = { complaintId: id, at, actorRole: 'system', actorOpenid: null, action: 'recompute', fromStatus: c.status, toStatus: c.status, note: result.note, internal: false };
      try {
        await complaints.apply({ next, expectedVersion: c.version, history: [entry], outbox: [] });
      } catch (err) {
        if (err instanceof AppError && err.code === 'CONFLICT' && attempt < 3) continue;
        throw err;
      }
      await record({
        at,
        actorOpenid,
        action: 'complaint.recompute',
        outcome: 'done',
        resource: `complaint:${id}`,
        detail: `calendar ${year}: accept ${c.acceptDueOn}→${next.acceptDueOn}, reply ${c.replyDueOn ?? '-'}→${next.replyDueOn ?? '-'}, escalations undone ${result.undone.length}`,
      });
      healed++;
      escalationsUndone += result.undone.length;
      break;
    }
  }
  return { healed, escalationsUndone };
}
