/**
 * The scheduler (core/complaint/scheduler.ts) over real stores: SQLite in memory and the CloudBase
 * adapter over the SDK test double (both flavours).
 * - Complaints that need nothing do not crowd out those that do: with more than one run's worth
 *   (2000) of older complaints already escalated for their deadline, a newer overdue one is still
 *   escalated.
 * - A run with a time budget stops starting new work when the budget is spent, says
 *   `remaining: true`, and the next runs finish the work, each step once.
 * - The handler of the cloud function passes the budget on and skips extra jobs once it is spent.
 */
import { storesOver } from '../../adapters/cloudbase/sdk';
import { calendars, complaints, outbox } from '../../adapters/cloudbase/stores';
import { recordingNotifier } from '../../adapters/platform/local';
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteCalendarRepository } from '../../adapters/sqlite/admin';
import { createSqliteComplaintRepository, createSqliteOutboxRepository } from '../../adapters/sqlite/complaints';
import { CLOUD_RUN_BUDGET_MS, createSchedulerHandler } from '../../cloudfunctions/scheduler/handler';
import { deadlineInstant } from '../../core/complaint/machine';
import type { Complaint } from '../../core/complaint/model';
import { runScheduler, startBudget, type SchedulerDeps } from '../../core/complaint/scheduler';
import type { CalendarRepository, ComplaintRepository, OutboxRepository } from '../../core/ports';
import { createInput, makeComplaint, outboxMessage, submitEntry } from '../support/complaint-fixtures';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { FixedClock } from '../support/local-app';

interface Stores {
  complaints: ComplaintRepository;
  outbox: OutboxRepository;
  calendars: CalendarRepository;
}

const STORES: [string, () => Stores][] = [
  [
    'sqlite',
    () => {
      const db = openDatabase(':memory:');
      return { complaints: createSqliteComplaintRepository(db), outbox: createSqliteOutboxRepository(db), calendars: createSqliteCalendarRepository(db) };
    },
  ],
  ['cloudbase over fake wx-server-sdk', () => cloudbaseStoresOver('wx-server-sdk')],
  ['cloudbase over fake node-sdk', () => cloudbaseStoresOver('node-sdk')],
];

function cloudbaseStoresOver(sdk: 'wx-server-sdk' | 'node-sdk'): Stores {
  const { db } = createFakeCloudbase({ flavour: sdk });
  return storesOver(db, { complaints, outbox, calendars }, { sdk });
}

/** 2026-03-20 10:00 Shanghai: every accept deadline below has passed. */
const NOW = '2026-03-20T02:00:00.000Z';

let seq = 0;
const ids = { id: () => `id-${++seq}`, code: (n: number) => 'A'.repeat(n) };

/** A submitted complaint whose accept deadline `acceptDueOn` passed; escalated for it when `escalated`. */
function overdue(id: string, acceptDueOn: string, submittedAt: string, escalated: boolean): Complaint {
  const dueAt = deadlineInstant(acceptDueOn).toISOString();
  return makeComplaint(id, {
    submittedAt,
    acceptDueOn,
    dueAt,
    escalationLevel: escalated ? 1 : 0,
    escalations: escalated ? [{ kind: 'accept', dueOn: acceptDueOn, toLevel: 1, at: dueAt }] : [],
    // From a hotline platform: no WeChat complainant to tell of the escalation, so the messages
    // counted below are only the ones seeded.
    intake: { channel: 'open311', via: '12345' },
  });
}

async function seed(s: Stores, list: Complaint[]): Promise<void> {
  for (const c of list) await s.complaints.create(createInput(c, `seed:${c.id}`));
}

describe.each(STORES)('the scheduler over %s', (_name, makeStores) => {
  test('问题还在吗: ended cases are asked once, 28 days after their end; withdrawn ones and those not yet due are not', async () => {
    const s = makeStores();
    const DAY = 86_400_000;
    const ended = (id: string, status: Complaint['status'], daysAgo: number, extra: Partial<Complaint> = {}) =>
      makeComplaint(id, { status, dueAt: null, closedAt: new Date(Date.parse(NOW) - daysAgo * DAY).toISOString(), evaluation: status === 'closed' ? 'satisfied' : null, ...extra });
    const due = ended('closed-due', 'closed', 28.5);
    const transferred = ended('transferred-due', 'transferred', 40);
    const early = ended('closed-early', 'closed', 27);
    const withdrawn = ended('withdrawn-old', 'withdrawn', 60);
    const asked = ended('asked-already', 'closed', 60, { recheck: { askedAt: '2026-02-01T00:00:00.000Z', answer: null, answeredAt: null } });
    await seed(s, [due, transferred, early, withdrawn, asked]);
    const notifier = recordingNotifier();
    const deps: SchedulerDeps = { ...s, notifier, ids, clock: new FixedClock(NOW) };

    expect(await runScheduler(deps)).toEqual({ escalated: 0, autoClosed: 0, rechecksAsked: 2, sent: 2, failed: 0, skipped: 0, remaining: false });
    expect(notifier.delivered.map((m) => [m.complaintId, m.event, m.openid]).sort()).toEqual([
      ['closed-due', 'complaint_recheck', due.complainantOpenid],
      ['transferred-due', 'complaint_recheck', transferred.complainantOpenid],
    ]);
    for (const id of ['closed-due', 'transferred-due']) {
      const c = await s.complaints.get(id);
      expect(c?.recheck).toEqual({ askedAt: NOW, answer: null, answeredAt: null });
      expect((await s.complaints.history(id)).at(-1)).toEqual(expect.objectContaining({ action: 'askRecheck', internal: false }));
    }
    expect((await s.complaints.get('closed-early'))?.recheck).toBeUndefined();
    // Safe to run twice: nobody is asked again.
    expect(await runScheduler(deps)).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    // A day later the early one is due.
    const later: SchedulerDeps = { ...deps, clock: new FixedClock(new Date(Date.parse(NOW) + 1.5 * DAY).toISOString()) };
    expect(await runScheduler(later)).toEqual(expect.objectContaining({ rechecksAsked: 1, sent: 1 }));
  });

  test('a newer overdue complaint is escalated even when more than 2000 older ones are already escalated', async () => {
    const s = makeStores();
    const old = Array.from({ length: 2010 }, (_, i) => overdue(`old-${String(i).padStart(4, '0')}`, '2026-03-05', '2026-03-02T01:00:00.000Z', true));
    const fresh = overdue('fresh', '2026-03-12', '2026-03-09T01:00:00.000Z', false);
    await seed(s, [...old, fresh]);
    const notifier = recordingNotifier();
    const deps: SchedulerDeps = { ...s, notifier, ids, clock: new FixedClock(NOW) };

    expect(await runScheduler(deps)).toEqual({ escalated: 1, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect(await s.complaints.get('fresh')).toMatchObject({ escalationLevel: 1, escalations: [{ kind: 'accept', dueOn: '2026-03-12', toLevel: 1 }] });
    expect(await s.complaints.get('old-0000')).toEqual(old[0]);
    expect(await s.complaints.get('old-2009')).toEqual(old[2009]);
    // Safe to run twice: nothing left to do.
    expect(await runScheduler(deps)).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect(await s.complaints.history('fresh')).toHaveLength(2);
  }, 60_000);

  test('a time budget stops new work, reports remaining, and later runs finish it, each step once', async () => {
    const s = makeStores();
    const list = Array.from({ length: 10 }, (_, i) => overdue(`due-${i}`, '2026-03-05', `2026-03-02T01:0${i}:00.000Z`, false));
    await seed(s, list);
    // Three notifications waiting, queued with the first complaint.
    const extra = makeComplaint('with-messages', { status: 'closed', dueAt: null });
    await s.complaints.create({
      complaint: extra,
      history: submitEntry(extra),
      outbox: [1, 2, 3].map((n) => outboxMessage(extra, `m-${n}`, `2026-03-02T02:0${n}:00.000Z`)),
      requestKey: 'seed:with-messages',
    });

    // Simulated time: each complaint change takes 10 s, each message 3 s.
    let t = 0;
    const notifier = recordingNotifier();
    const deps: SchedulerDeps = {
      ...s,
      complaints: { ...s.complaints, list: (q) => s.complaints.list(q), apply: async (change) => ((t += 10_000), s.complaints.apply(change)) },
      notifier: { send: async (m) => ((t += 3_000), notifier.send(m)) },
      ids,
      clock: new FixedClock(NOW),
    };
    const run = () => runScheduler(deps, startBudget({ deadlineMs: 45_000, timer: () => t }));

    // Complaints stop at 3/4 of the budget (33.75 s: after 4 changes); messages get the rest (2 of 3).
    expect(await run()).toEqual({ escalated: 4, autoClosed: 0, sent: 2, failed: 0, skipped: 0, remaining: true });
    expect(await run()).toEqual({ escalated: 4, autoClosed: 0, sent: 1, failed: 0, skipped: 0, remaining: true });
    expect(await run()).toEqual({ escalated: 2, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect(await run()).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    for (const c of list) expect((await s.complaints.get(c.id))?.escalations).toHaveLength(1);
    expect(notifier.delivered.map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-3']);
  }, 20_000);
});

describe('the scheduler handler with a budget', () => {
  test('stops before the extra jobs once the budget is spent and says remaining', async () => {
    const db = openDatabase(':memory:');
    const s = { complaints: createSqliteComplaintRepository(db), outbox: createSqliteOutboxRepository(db), calendars: createSqliteCalendarRepository(db) };
    let t = 0;
    const job = jest.fn(async () => ((t += 50_000), { closed: 1 }));
    const later = jest.fn(async () => ({ purged: 1 }));
    const handle = createSchedulerHandler({ ...s, notifier: recordingNotifier(), ids, clock: new FixedClock(NOW) }, undefined, [job, later], { deadlineMs: 45_000, timer: () => t });
    const res = await handle({}, { openid: null, trusted: true });
    expect(res).toEqual({ ok: true, data: { escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: true, closed: 1 } });
    expect(job).toHaveBeenCalledWith(expect.objectContaining({ spent: expect.any(Function) }));
    expect(later).not.toHaveBeenCalled();
    // Without work left, the next run says so.
    t = 0;
    job.mockImplementation(async () => ({ closed: 0 }));
    expect(await handle({}, { openid: null, trusted: true })).toEqual({ ok: true, data: { escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false, closed: 0, purged: 1 } });
    db.close();
  });

  test('the cloud budget leaves at least 15 s of the function timeout for the step in flight', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../cloudfunctions/scheduler/config.json') as { timeout: number };
    expect(config.timeout * 1000 - CLOUD_RUN_BUDGET_MS).toBeGreaterThanOrEqual(15_000);
  });
});
