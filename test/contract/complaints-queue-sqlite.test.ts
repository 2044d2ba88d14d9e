/**
 * The officials' queue on SQLite: the index-driven plan for one region (complaint_regions by
 * deadline) answers exactly what the general query answers — same complaints, same order, same
 * pages — for every filter mix of the workbench, deep offsets and both region levels.
 */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteComplaintRepository } from '../../adapters/sqlite/complaints';
import { OPEN_STATUSES } from '../../core/complaint/model';
import type { ComplaintQuery, ComplaintRepository } from '../../core/ports';
import { generateComplaints } from '../../seed/complaints';
import { STATIONS } from '../support/stations';

const NOW = new Date('2026-05-13T02:00:00.000Z');
let repo: ComplaintRepository;
let db: ReturnType<typeof openDatabase>;

beforeAll(async () => {
  db = openDatabase(':memory:');
  repo = createSqliteComplaintRepository(db);
  const stations = STATIONS.filter((s) => s.status !== 'planned');
  const generated = generateComplaints({ stations, n: 700, now: NOW, days: 40, residentOpenids: ['r1', 'r2'], officialOpenid: 'off-1', seed: 11 });
  for (const g of generated) {
    const [first, ...rest] = g.history;
    await repo.create({ complaint: g.complaint, history: first, outbox: [], requestKey: g.requestKey });
    if (rest.length) await repo.apply({ next: g.complaint, expectedVersion: g.complaint.version, history: rest, outbox: g.outbox });
  }
}, 60_000);
afterAll(() => db.close());

type Filters = Omit<ComplaintQuery, 'regionCodes' | 'assignedOperators' | 'offset' | 'limit' | 'order'>;
const FILTERS: Filters[] = [
  {},
  { statuses: OPEN_STATUSES, dueBefore: NOW.toISOString() },
  { statuses: ['submitted'] },
  { statuses: ['closed'] },
  { category: 'overcharge' },
  { escalatedOnly: true },
  { statuses: ['replied'] },
  { stationIds: [STATIONS[0].id, STATIONS[2].id] },
  // The desk's search (core/complaint/search.ts)
  { stationName: '服务' },
  { stationName: '贡江', statuses: OPEN_STATUSES },
];

test.each(['360731', '360731100'])('region %s: every filter and page equals the general query', async (code) => {
  let compared = 0;
  for (const f of FILTERS) {
    for (const [offset, limit] of [[0, 20], [20, 20], [0, 50], [150, 50], [400, 30], [690, 20], [5000, 20]]) {
      const base = { ...f, order: 'due' as const, offset, limit };
      const fast = await repo.list({ ...base, regionCodes: [code], assignedOperators: [] });
      // Two equal codes take the general query (the region plan needs exactly one).
      const general = await repo.list({ ...base, regionCodes: [code, code], assignedOperators: [] });
      expect(fast.items.map((c) => c.id)).toEqual(general.items.map((c) => c.id));
      expect(fast.hasMore).toBe(general.hasMore);
      compared += general.items.length;
    }
  }
  expect(compared).toBeGreaterThan(500);
});

test('the region plan walks complaint_regions by deadline, not the whole table', () => {
  const plan = db
    .prepare(
      "EXPLAIN QUERY PLAN SELECT c.id FROM complaint_regions r CROSS JOIN complaints c ON c.id = r.complaint_id WHERE r.code = ? AND r.due_at IS NOT NULL AND c.status IN ('submitted') ORDER BY r.due_at, c.submitted_at, c.id LIMIT 21",
    )
    .all('360731') as { detail: string }[];
  const text = plan.map((p) => p.detail).join('\n');
  expect(text).toMatch(/SEARCH r USING (COVERING )?INDEX complaint_regions_due/);
  // Only ties of one deadline are sorted (SQLite's partial sort), so LIMIT ends the walk early.
  expect(text).toMatch(/TEMP B-TREE FOR (RIGHT PART|LAST \d+ TERMS) OF ORDER BY/);
  expect(text).not.toMatch(/SCAN/);
});

test('migration 12 fills the queue columns of complaints stored before it', () => {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3'); // eslint-disable-line @typescript-eslint/no-require-imports
  const { MIGRATIONS, migrate } = require('../../adapters/sqlite/db') as typeof import('../../adapters/sqlite/db'); // eslint-disable-line @typescript-eslint/no-require-imports
  const old = new Database(':memory:');
  migrate(old, MIGRATIONS.filter((m) => m.version < 12));
  old
    .prepare(
      `INSERT INTO complaints (id, tracking_no, station_id, owner, status, category, version, due_at, next_action_at, submitted_at, escalation_level, assigned_operator, doc)
       VALUES ('c1', 'TS1', 'st-1', 'o1', 'closed', 'other', 3, NULL, NULL, '2026-05-01T01:00:00.000Z', 2, NULL, '{}')`,
    )
    .run();
  old.prepare("INSERT INTO complaint_regions (code, due_at, complaint_id) VALUES ('360731', NULL, 'c1')").run();
  migrate(old);
  expect(old.prepare('SELECT status, escalated, submitted_at FROM complaint_regions').get()).toEqual({ status: 'closed', escalated: 1, submitted_at: '2026-05-01T01:00:00.000Z' });
  const plan = old.prepare("EXPLAIN QUERY PLAN SELECT complaint_id FROM complaint_regions r WHERE r.code = '360731' AND r.due_at IS NULL AND r.status IN ('closed') ORDER BY r.submitted_at, r.complaint_id").all() as { detail: string }[];
  // Walked in order from the status index: no sort of a county's closed cases.
  expect(plan.map((p) => p.detail).join(' | ')).toMatch(/complaint_regions_status/);
  expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
  old.close();
});

test('migration 16 fills the phone search key of complaints stored before it, not of purged ones', () => {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3'); // eslint-disable-line @typescript-eslint/no-require-imports
  const { MIGRATIONS, migrate } = require('../../adapters/sqlite/db') as typeof import('../../adapters/sqlite/db'); // eslint-disable-line @typescript-eslint/no-require-imports
  const old = new Database(':memory:');
  migrate(old, MIGRATIONS.filter((m) => m.version < 16));
  const insert = old.prepare(
    `INSERT INTO complaints (id, tracking_no, station_id, owner, status, category, version, due_at, next_action_at, submitted_at, escalation_level, assigned_operator, doc)
     VALUES (?, ?, 'st-1', 'o1', 'closed', 'other', 3, NULL, NULL, '2026-05-01T01:00:00.000Z', 0, NULL, ?)`,
  );
  insert.run('c1', 'TS1', JSON.stringify({ phoneMasked: '138****1234' }));
  insert.run('c2', 'TS2', JSON.stringify({ phoneMasked: null }));
  insert.run('c3', 'TS3', JSON.stringify({ phoneMasked: '138****5678', purgedAt: '2027-01-01T00:00:00.000Z' }));
  insert.run('c4', 'TS4', JSON.stringify({ phoneMasked: '****' }));
  migrate(old);
  expect(old.prepare('SELECT id, phone_last4 FROM complaints ORDER BY id').raw().all()).toEqual([['c1', '1234'], ['c2', null], ['c3', null], ['c4', null]]);
  const plan = old.prepare("EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE phone_last4 = '1234'").all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' | ')).toMatch(/complaints_phone_last4/);
  old.close();
});

test('a search by phone last 4 in a county queue is driven by the phone index, not a walk of the county', async () => {
  const params: unknown[] = [];
  const page = await repo.list({ regionCodes: ['360731'], assignedOperators: [], phoneLast4: '1234', order: 'due', offset: 0, limit: 20 });
  expect(page.items.every((c) => c.phoneMasked?.endsWith('1234'))).toBe(true);
  params.push('360731', '1234');
  const plan = db
    .prepare(
      'EXPLAIN QUERY PLAN SELECT c.id FROM complaints c WHERE (c.id IN (SELECT complaint_id FROM complaint_regions WHERE code IN (?))) AND c.phone_last4 = ? ORDER BY c.due_at IS NULL, c.due_at, c.submitted_at, c.id LIMIT 21 OFFSET 0',
    )
    .all(...params) as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' | ')).toMatch(/complaints_phone_last4/);
});
