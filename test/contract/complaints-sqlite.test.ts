/** The complaint storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS } from '../../adapters/sqlite/db';
import { createSqliteComplaintRepository, createSqliteOutboxRepository, type ComplaintFaults } from '../../adapters/sqlite/complaints';
import { nextActionAt } from '../../core/complaint/scheduler';
import { at, makeComplaint } from '../support/complaint-fixtures';
import { onSqlite } from '../support/store-runners';
import { describeComplaintStoreContract } from './complaints.contract';

describeComplaintStoreContract(
  'sqlite',
  onSqlite((db) => {
    const faults: ComplaintFaults = {};
    return {
      complaints: createSqliteComplaintRepository(db, faults),
      outbox: createSqliteOutboxRepository(db),
      failMidTransaction: () => {
        faults.afterComplaintRow = () => {
          faults.afterComplaintRow = undefined;
          throw new Error('injected fault after the complaint row');
        };
      },
    };
  }),
);

describe('sqlite migration 5 (next_action_at)', () => {
  test('fills next_action_at of existing complaints by the rule of nextActionAt', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 5));
    const escalation = (kind: 'accept' | 'reply', dueOn: string) => ({ kind, dueOn, toLevel: 1, at: at(1) });
    const list = [
      makeComplaint('m1', { dueAt: at(100) }),
      makeComplaint('m2', { dueAt: at(100), escalations: [escalation('accept', '2026-03-05')] }),
      makeComplaint('m3', { status: 'accepted', replyDueOn: '2026-03-12', dueAt: at(200), escalations: [escalation('accept', '2026-03-05')] }),
      makeComplaint('m4', { status: 'assigned', replyDueOn: '2026-03-12', dueAt: at(200), escalations: [escalation('reply', '2026-03-12')] }),
      makeComplaint('m5', { status: 'replied', replyDueOn: '2026-03-12', dueAt: at(300), escalations: [escalation('reply', '2026-03-12')] }),
      makeComplaint('m6', { status: 'closed', dueAt: null }),
    ];
    const insert = db.prepare(
      `INSERT INTO complaints (id, tracking_no, station_id, owner, status, category, version, due_at, submitted_at, escalation_level, assigned_operator, doc)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0, NULL, ?)`,
    );
    for (const c of list) insert.run(c.id, c.trackingNo, c.stationId, c.complainantOpenid, c.status, c.category, c.dueAt, c.submittedAt, JSON.stringify(c));
    migrate(db);
    const stored = db.prepare('SELECT id, next_action_at FROM complaints ORDER BY id').raw().all() as [string, string | null][];
    expect(stored).toEqual(list.map((c) => [c.id, nextActionAt(c)]));
    expect(stored.map(([, n]) => n)).toEqual([at(100), null, at(200), null, at(300), null]);
    db.close();
  });
});
