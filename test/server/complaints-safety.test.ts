/**
 * Complaints safety over real HTTP: the authorisation matrix (every action × every demo role ×
 * in/out of scope, denials audited), no data for strangers, concurrency and idempotency, fault
 * injection (nothing half-written), content checks, input limits, fuzzing (never INTERNAL) and
 * logs without personal data.
 */
import fc from 'fast-check';
import type { ComplaintCaseView, ComplaintListItem, ComplaintView, SimilarItem } from '../../core/complaint/api';
import { HTTP_STATUS as STATUS_OF } from '../../core/shared/errors';
import { demoStations } from '../../seed/demo';
import { caseOf, fileComplaint, uploadPhoto, type SubmitData } from '../support/complaints';
import { DEMO, HEAD_STATION, countRows, rid, appForTests, type CallResult } from '../support/local-app';

jest.setTimeout(60_000);

const NOW = '2026-09-30T02:00:00.000Z';
/** 鄱阳县 (上饶市 3611): outside the county official's, the city supervisor's, the operator's and the station head's scope. */
const OUT_STATION = 'st-361128001-000';
/** 于都县, but run by the second demo operator: in the officials' scope, not the operator staff's. */
const OTHER_OPERATOR_STATION = 'st-360731103-000';

const seed = demoStations('2026-09-30');
const CLOSED_STATION = seed.find((s) => s.status === 'closed' && s.regionPath[2].code === '360731')!.id;
const PLANNED_STATION = seed.find((s) => s.status === 'planned')!.id;

/** Everything the test logger, the access log and the console saw. */
const logLines: string[] = [];
const faultState = { armed: 0 };

const t = appForTests({
  now: NOW,
  logger: { info: (e) => logLines.push(JSON.stringify(e)), error: (e) => logLines.push(JSON.stringify(e)) },
  accessLog: (e) => logLines.push(JSON.stringify(e)),
  faults: {
    afterComplaintRow: () => {
      if (faultState.armed > 0) {
        faultState.armed--;
        throw new Error('injected storage fault');
      }
    },
  },
});

function codeOf(r: CallResult): string {
  return r.body.ok ? 'ok' : r.body.error.code;
}

/** How many denials the audit log holds for this caller (counted in SQL: the log grows with every case). */
function deniedCount(openid: string): number {
  return countRows(t.app, 'audit_log', "actor = ? AND outcome = 'denied'", openid);
}

// ---------------------------------------------------------------------------------------------
// The authorisation matrix

type Scope = 'in' | 'out';
type Caller = 'resident1' | 'resident2' | 'stationHead' | 'operatorStaff' | 'county' | 'city' | 'province' | 'anonymous';
const CALLERS: Caller[] = ['resident1', 'resident2', 'stationHead', 'operatorStaff', 'county', 'city', 'province', 'anonymous'];
const openidOf = (c: Caller): string | null => (c === 'anonymous' ? null : DEMO[c]);
const stationOf = (s: Scope) => (s === 'in' ? HEAD_STATION : OUT_STATION);
const countyOf = (s: Scope) => (s === 'in' ? '360731' : '361128');

interface Prepared {
  id: string;
  version: number;
  intoId?: string;
}
type Expect = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED';

/** Officials: county and city only in their region; the province everywhere. */
const official = (c: Caller, s: Scope): Expect =>
  c === 'province' || ((c === 'county' || c === 'city') && s === 'in') ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
/** Handlers: officials plus the operator the complaint is assigned to. */
const handler = (c: Caller, s: Scope): Expect => (c === 'operatorStaff' ? (s === 'in' ? 'ok' : 'FORBIDDEN') : official(c, s));
const owner = (c: Caller): Expect => (c === 'resident1' ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
const anyone = (c: Caller): Expect => (c === 'anonymous' ? 'UNAUTHENTICATED' : 'ok');
const stationHead = (c: Caller, s: Scope): Expect => (c === 'stationHead' && s === 'in' ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
/**
 * Who can see a complaint at all: its owner, officials over it, its station's head, and operator
 * staff once it is assigned to their operator. Refused on a complaint they cannot see, a caller
 * gets exactly the answer of a missing one (NOT_FOUND), so an id does not tell whether it exists.
 */
const visible = (c: Caller, s: Scope, toOperator: boolean): boolean =>
  c === 'resident1' || c === 'province' || (s === 'in' && (c === 'county' || c === 'city' || c === 'stationHead' || (c === 'operatorStaff' && toOperator)));
const onRecord =
  (rule: (c: Caller, s: Scope) => Expect, toOperator = false) =>
  (c: Caller, s: Scope): Expect => {
    const e = rule(c, s);
    return e === 'FORBIDDEN' && !visible(c, s, toOperator) ? 'NOT_FOUND' : e;
  };

// Records are set up in-process (same handlers, same database); only the call under test goes over HTTP.
async function submitted(s: Scope, extra: SubmitData = {}): Promise<Prepared> {
  const data = { stationId: stationOf(s), category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。', ...extra };
  const c = await t.okDirect<ComplaintView>('complaints', 'submit', data, DEMO.resident1, rid('prep'));
  return { id: c.id, version: c.version };
}
async function step(p: Prepared, action: string, data: Record<string, unknown> = {}): Promise<Prepared> {
  const c = await t.okDirect<ComplaintCaseView>('complaints', action, { id: p.id, version: p.version, ...data }, DEMO.province);
  return { id: c.id, version: c.version };
}
const versionOf = async (id: string) => (await t.okDirect<ComplaintCaseView>('complaints', 'detail', { id }, DEMO.province)).version;
const acceptedP = async (s: Scope) => step(await submitted(s), 'accept');
const assignedP = async (s: Scope, to: 'operator' | 'station' = 'operator') => step(await acceptedP(s), 'assign', { to });
const repliedP = async (s: Scope) => step(await acceptedP(s), 'reply', { text: '已经核实并处理完毕。' });

interface Row {
  action: string;
  prepare?: (s: Scope) => Promise<Prepared>;
  data: (p: Prepared | undefined, s: Scope) => unknown;
  expect: (c: Caller, s: Scope) => Expect;
  requestId?: boolean;
}

const ROWS: Row[] = [
  { action: 'similar', data: (_p, s) => ({ stationId: stationOf(s), category: 'overcharge' }), expect: anyone },
  { action: 'submit', data: (_p, s) => ({ stationId: stationOf(s), category: 'other', description: '矩阵测试提交的投诉内容。' }), expect: anyone, requestId: true },
  { action: 'join', prepare: submitted, data: (p) => ({ id: p!.id }), expect: (c) => (c === 'resident1' ? 'CONFLICT' : anyone(c)) },
  { action: 'mine', data: () => ({}), expect: anyone },
  { action: 'get', prepare: submitted, data: (p) => ({ id: p!.id }), expect: (c) => (c === 'resident1' ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND') },
  { action: 'withdraw', prepare: submitted, data: (p) => ({ id: p!.id, version: p!.version }), expect: onRecord(owner) },
  { action: 'evaluate', prepare: repliedP, data: (p) => ({ id: p!.id, version: p!.version, evaluation: 'satisfied' }), expect: onRecord(owner) },
  { action: 'publicStats', data: (_p, s) => ({ stationId: stationOf(s) }), expect: () => 'ok' },
  { action: 'station', data: (_p, s) => ({ stationId: stationOf(s) }), expect: stationHead },
  { action: 'stationDetail', prepare: submitted, data: (p) => ({ id: p!.id }), expect: onRecord(stationHead) },
  {
    action: 'queue',
    data: (_p, s) => ({ regionCode: countyOf(s) }),
    // Operator staff have no region to narrow to.
    expect: (c, s) => (c === 'operatorStaff' ? 'FORBIDDEN' : official(c, s)),
  },
  { action: 'detail', prepare: (s) => assignedP(s), data: (p) => ({ id: p!.id }), expect: onRecord(handler, true) },
  { action: 'accept', prepare: submitted, data: (p) => ({ id: p!.id, version: p!.version }), expect: onRecord(official) },
  { action: 'refuse', prepare: submitted, data: (p) => ({ id: p!.id, version: p!.version, reason: 'no_facts', text: '没有具体事实' }), expect: onRecord(official) },
  { action: 'assign', prepare: acceptedP, data: (p) => ({ id: p!.id, version: p!.version, to: 'operator' }), expect: onRecord(official) },
  { action: 'reply', prepare: (s) => assignedP(s), data: (p) => ({ id: p!.id, version: p!.version, text: '矩阵测试的答复内容。' }), expect: onRecord(handler, true) },
  {
    action: 'reply',
    prepare: (s) => assignedP(s, 'station'),
    data: (p) => ({ id: p!.id, version: p!.version, text: '站点给出的答复内容。' }),
    // Assigned to the station: its head answers; operator staff have no part in it.
    expect: onRecord((c, s) => (c === 'stationHead' ? (s === 'in' ? 'ok' : 'FORBIDDEN') : official(c, s))),
  },
  { action: 'extend', prepare: acceptedP, data: (p) => ({ id: p!.id, version: p!.version, workdays: 5, reason: '需要调查' }), expect: onRecord(official) },
  {
    action: 'merge',
    prepare: async (s) => ({ ...(await submitted(s)), intoId: (await submitted(s)).id }),
    data: (p) => ({ id: p!.id, version: p!.version, intoId: p!.intoId }),
    expect: onRecord(official),
  },
  { action: 'note', prepare: (s) => assignedP(s), data: (p) => ({ id: p!.id, text: '内部备注：已电话联系。' }), expect: onRecord(handler, true) },
  { action: 'release', prepare: (s) => submitted(s, { description: '需要人工审核的内容 REVIEW-TEST' }), data: (p) => ({ id: p!.id, version: p!.version }), expect: onRecord(official) },
  { action: 'stats', data: (_p, s) => ({ regionCode: countyOf(s) }), expect: (c, s) => (c === 'operatorStaff' ? 'FORBIDDEN' : official(c, s)) },
];

const STATUS: Record<Expect, number> = { ok: 200, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAUTHENTICATED: 401 };

describe('authorisation matrix', () => {
  beforeAll(() => t.clock.set(NOW));

  const cases = ROWS.flatMap((row, i) =>
    (['in', 'out'] as Scope[]).flatMap((scope) => CALLERS.map((caller) => [`${row.action}#${i}`, caller, scope, row.expect(caller, scope), row] as const)),
  );

  it.each(cases)('%s as %s, %s of scope → %s', async (_name, caller, scope, expected, row) => {
    const prepared = row.prepare ? await row.prepare(scope) : undefined;
    const openid = openidOf(caller);
    const deniedBefore = openid ? deniedCount(openid) : 0;
    const r = await t.call('complaints', row.action, row.data(prepared, scope), openid, row.requestId ? rid('matrix') : undefined);
    expect(codeOf(r)).toBe(expected);
    expect(r.status).toBe(STATUS[expected]);
    if (expected !== 'ok') {
      // Nothing about the record in a refusal.
      const text = JSON.stringify(r.body);
      expect(text).not.toContain('矩阵');
      expect(text).not.toContain('快递代收');
      expect(Object.keys(r.body)).toEqual(['ok', 'error']);
    }
    if (openid && (expected === 'FORBIDDEN' || (expected === 'NOT_FOUND' && prepared))) {
      expect(deniedCount(openid)).toBe(deniedBefore + 1);
    }
    if (expected === 'NOT_FOUND' && prepared) {
      // Not yours = missing: the same status and body as for an id that does not exist.
      const missing = await t.call('complaints', row.action, row.data({ ...prepared, id: 'no-such-complaint', intoId: prepared.intoId ? 'no-such-complaint' : undefined }, scope), openid);
      expect(missing.status).toBe(r.status);
      expect(missing.body).toEqual(r.body);
    }
    if (prepared && expected !== 'ok' && row.action !== 'join') {
      // A denied command changed nothing.
      expect(await versionOf(prepared.id)).toBe(prepared.version);
    }
  });

  it('the denial entries name the permission, the record and the reason, never personal data', async () => {
    const p = await submitted('out', { phone: '13912340000' });
    await t.call('complaints', 'accept', { id: p.id, version: p.version }, DEMO.county);
    const page = await t.app.stores.audit.list({ resource: `complaint:${p.id}`, offset: 0, limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({ actorOpenid: DEMO.county, action: 'complaint.accept', outcome: 'denied', resource: `complaint:${p.id}`, detail: 'out-of-scope' }),
    ]);
    expect(JSON.stringify(page.items)).not.toContain('13912340000');
  });

  it('queues only show complaints in scope', async () => {
    const inside = await submitted('in');
    const outside = await submitted('out');
    const otherOp = await step(await step(await submitted('in', { stationId: OTHER_OPERATOR_STATION }), 'accept'), 'assign', { to: 'operator' });
    const ours = await assignedP('in');
    const all = async (openid: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.ok<{ items: ComplaintListItem[]; nextCursor: string | null }>('complaints', 'queue', { limit: 50, ...(cursor ? { cursor } : {}) }, openid);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const county = await all(DEMO.county);
    expect(county).toEqual(expect.arrayContaining([inside.id, otherOp.id, ours.id]));
    expect(county).not.toContain(outside.id);
    const city = await all(DEMO.city);
    expect(city).not.toContain(outside.id);
    expect(city).toContain(inside.id);
    const province = await all(DEMO.province);
    expect(province).toEqual(expect.arrayContaining([inside.id, outside.id, otherOp.id, ours.id]));
    const operator = await all(DEMO.operatorStaff);
    expect(operator).toContain(ours.id);
    expect(operator).not.toContain(otherOp.id);
    expect(operator).not.toContain(inside.id);
    expect(operator).not.toContain(outside.id);
    // The other operator's complaint stays closed to this operator's staff (as if it did not exist).
    expect((await t.call('complaints', 'detail', { id: otherOp.id }, DEMO.operatorStaff)).status).toBe(404);
    expect((await t.call('complaints', 'reply', { id: otherOp.id, version: otherOp.version, text: '不是我们的投诉。' }, DEMO.operatorStaff)).status).toBe(404);
    // A county official cannot narrow the queue to another county.
    expect((await t.call('complaints', 'queue', { regionCode: '3611' }, DEMO.county)).status).toBe(403);
  });
});

describe('account: grants and role lists stay in scope', () => {
  type BindingItem = { id: string; name: string; label: string; state: string; role: string; scopeLabel: string };
  const listAll = async (openid: string) => {
    const out: BindingItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.ok<{ items: BindingItem[]; nextCursor: string | null }>('account', 'bindings', { limit: 50, ...(cursor ? { cursor } : {}) }, openid);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };

  it('a county official lists only bindings inside the county; the province sees all; residents none', async () => {
    await t.ok('account', 'grant', { openid: 'poyang-official-1', role: 'county_official', scope: { kind: 'region', regionCode: '361128' } }, DEMO.province);
    await t.ok('account', 'grant', { openid: 'yudu-head-2', name: '钟伟', role: 'station_head', scope: { kind: 'station', stationId: 'st-360731100-006' }, reason: '原负责人病休，临时代管' }, DEMO.county);
    // Out of scope for the county official: another county, and the province-wide role.
    const denied = await t.call('account', 'grant', { openid: 'poyang-head-1', role: 'station_head', scope: { kind: 'station', stationId: OUT_STATION }, reason: '临时代管' }, DEMO.county);
    expect(denied.status).toBe(403);
    // Lists show names, never openids: match the listed ids against each person's bindings.
    const held = async (openid: string) => (await t.app.stores.roles.activeFor(openid)).map((b) => b.id);
    const shows = async (viewer: string, people: string[]) => {
      const listed = (await listAll(viewer)).map((b) => b.id);
      return Promise.all(people.map(async (p) => (await held(p)).every((id) => listed.includes(id))));
    };
    const countyList = await listAll(DEMO.county);
    expect(JSON.stringify(countyList)).not.toMatch(/openid|demo-|poyang|yudu/);
    expect(countyList.find((b) => b.name === '钟伟')).toMatchObject({ label: '站点负责人', state: 'active' });
    expect(await shows(DEMO.county, [DEMO.county, DEMO.stationHead, 'yudu-head-2'])).toEqual([true, true, true]);
    for (const other of ['poyang-official-1', DEMO.province, DEMO.city]) {
      const listed = countyList.map((b) => b.id);
      expect((await held(other)).some((id) => listed.includes(id))).toBe(false);
    }
    expect(await shows(DEMO.city, [DEMO.city, DEMO.county, 'yudu-head-2'])).toEqual([true, true, true]);
    expect((await listAll(DEMO.city)).map((b) => b.id)).not.toEqual(expect.arrayContaining(await held('poyang-official-1')));
    expect(await shows(DEMO.province, [DEMO.province, DEMO.city, DEMO.county, DEMO.operatorStaff, 'poyang-official-1', 'yudu-head-2'])).toEqual([true, true, true, true, true, true]);
    expect(await listAll(DEMO.province)).toHaveLength(countRows(t.app, 'role_bindings', 'revoked_at IS NULL'));
    for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) expect((await t.call('account', 'bindings', {}, who)).status).toBe(403);
    // Every grant is audited.
    const audit = await t.app.stores.audit.list({ action: 'role.grant', offset: 0, limit: 100 });
    expect(audit.items.filter((e) => e.outcome === 'done' && e.actorOpenid === DEMO.province).length).toBeGreaterThanOrEqual(1);
    expect(audit.items.filter((e) => e.outcome === 'denied' && e.actorOpenid === DEMO.county)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a stranger learns nothing of another resident's complaint", () => {
  it('by id or by tracking number: the same NOT_FOUND as for a complaint that does not exist', async () => {
    t.clock.set(NOW);
    const c = await fileComplaint(t, { description: '李四不该看到的投诉内容。', phone: '13955556666' });
    const byId = await t.call('complaints', 'get', { id: c.id }, DEMO.resident2);
    const missingId = await t.call('complaints', 'get', { id: 'AAAAAAAAAAAAAAAA' }, DEMO.resident2);
    expect(byId.status).toBe(404);
    expect(byId.body).toEqual(missingId.body);
    const byNo = await t.call('complaints', 'get', { trackingNo: c.trackingNo }, DEMO.resident2);
    const missingNo = await t.call('complaints', 'get', { trackingNo: 'TS260930ZZZZZZ' }, DEMO.resident2);
    expect(byNo.status).toBe(404);
    expect(byNo.body).toEqual(missingNo.body);
    for (const r of [byId, byNo]) {
      const text = JSON.stringify(r.body);
      expect(text).not.toContain('李四');
      expect(text).not.toContain('13955556666');
      expect(text).not.toContain('139****6666');
      expect(text).not.toContain(HEAD_STATION);
    }
    // Not in their list either, and the owner still sees it.
    const mine = await t.ok<{ items: ComplaintListItem[] }>('complaints', 'mine', { limit: 50 }, DEMO.resident2);
    expect(mine.items.map((i) => i.id)).not.toContain(c.id);
    expect((await t.ok<ComplaintView>('complaints', 'get', { trackingNo: c.trackingNo }, DEMO.resident1)).id).toBe(c.id);
    // The attempts are audited.
    const audit = await t.app.stores.audit.list({ resource: `complaint:${c.id}`, offset: 0, limit: 10 });
    expect(audit.items.filter((e) => e.actorOpenid === DEMO.resident2 && e.outcome === 'denied')).toHaveLength(2);
  });
});

describe('concurrency and idempotency', () => {
  beforeAll(() => t.clock.set(NOW));

  it('two officials accepting the same version at once: exactly one ok, one CONFLICT', async () => {
    for (let round = 0; round < 5; round++) {
      const c = await fileComplaint(t);
      const results = await Promise.all([
        t.call('complaints', 'accept', { id: c.id, version: 1 }, DEMO.county),
        t.call('complaints', 'accept', { id: c.id, version: 1 }, DEMO.province),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
      const d = await caseOf(t, c.id);
      expect(d.version).toBe(2);
      expect(countRows(t.app, 'complaint_history', 'complaint_id = ?', c.id)).toBe(2);
      expect(countRows(t.app, 'outbox', "json_extract(doc, '$.complaintId') = ?", c.id)).toBe(1);
    }
  });

  it('20 concurrent submits with one requestId make exactly one complaint; every answer carries its id', async () => {
    const before = countRows(t.app, 'complaints');
    const requestId = rid('same');
    const data = { stationId: HEAD_STATION, category: 'fraud', description: '同一个请求重复提交了二十次。' };
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call<ComplaintView>('complaints', 'submit', data, DEMO.resident2, requestId)));
    expect(results.map(codeOf)).toEqual(Array(20).fill('ok'));
    const ids = new Set(results.map((r) => (r.body.ok ? r.body.data.id : '')));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const trackingNos = new Set(results.map((r) => (r.body.ok ? r.body.data.trackingNo : '')));
    expect(trackingNos.size).toBe(1);
    expect(countRows(t.app, 'complaints')).toBe(before + 1);
    expect(countRows(t.app, 'complaint_history', 'complaint_id = ?', id)).toBe(1);
    expect(countRows(t.app, 'complaint_requests', 'complaint_id = ?', id)).toBe(1);
    // The same requestId from someone else is a different request.
    const other = await t.ok<ComplaintView>('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(other.id).not.toBe(id);
  });
});

describe('fault injection: nothing half-written', () => {
  beforeAll(() => t.clock.set(NOW));
  afterEach(() => (faultState.armed = 0));

  it('a storage failure between the complaint row and its history fails the submit and leaves nothing; the retry succeeds once', async () => {
    const tables = ['complaints', 'complaint_history', 'complaint_requests', 'complaint_regions', 'outbox'];
    const before = Object.fromEntries(tables.map((x) => [x, countRows(t.app, x)]));
    const requestId = rid('fault');
    const data = { stationId: HEAD_STATION, category: 'false_ads', description: '故障注入测试：虚假宣传扶贫产品。', phone: '13700001234' };
    faultState.armed = 1;
    const failed = await t.call('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(faultState.armed).toBe(0);
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(failed.body)).not.toContain('injected');
    for (const x of tables) expect(countRows(t.app, x)).toBe(before[x]);
    expect(countRows(t.app, 'complaints', "json_extract(doc, '$.description') = ?", data.description)).toBe(0);

    const retry = await t.call<ComplaintView>('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(codeOf(retry)).toBe('ok');
    const again = await t.call<ComplaintView>('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(again.body.ok && retry.body.ok && again.body.data.id === retry.body.data.id).toBe(true);
    expect(countRows(t.app, 'complaints', "json_extract(doc, '$.description') = ?", data.description)).toBe(1);
    expect(countRows(t.app, 'complaints')).toBe(before.complaints + 1);
    expect(countRows(t.app, 'complaint_history')).toBe(before.complaint_history + 1);
    expect(countRows(t.app, 'complaint_requests')).toBe(before.complaint_requests + 1);
  });

  it('a failure while applying a transition leaves the complaint, its history and the outbox as they were', async () => {
    const c = await fileComplaint(t);
    const outboxBefore = countRows(t.app, 'outbox');
    faultState.armed = 1;
    const failed = await t.call('complaints', 'accept', { id: c.id, version: 1 }, DEMO.county);
    expect(failed.status).toBe(500);
    const d = await caseOf(t, c.id);
    expect(d).toEqual(expect.objectContaining({ status: 'submitted', version: 1, acceptDueOn: '2026-10-10', replyDueOn: null }));
    expect(countRows(t.app, 'complaint_history', 'complaint_id = ?', c.id)).toBe(1);
    expect(countRows(t.app, 'complaints', 'id = ? AND version = 1 AND status = ?', c.id, 'submitted')).toBe(1);
    expect(countRows(t.app, 'outbox')).toBe(outboxBefore);
    const ok = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: c.id, version: 1 }, DEMO.county);
    expect(ok.status).toBe('accepted');
  });
});

describe('content security, stations and input limits', () => {
  beforeAll(() => t.clock.set(NOW));

  it('risky text is refused with nothing written; the same requestId then works with clean text', async () => {
    const before = countRows(t.app, 'complaints');
    const historyBefore = countRows(t.app, 'complaint_history');
    const requestId = rid('risky');
    const r = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: '这里有 RISKY-TEST 内容' }, DEMO.resident1, requestId);
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONTENT_REJECTED', fields: { description: expect.any(String) } }) });
    expect(countRows(t.app, 'complaints')).toBe(before);
    expect(countRows(t.app, 'complaint_history')).toBe(historyBefore);
    expect(countRows(t.app, 'complaint_requests', 'request_key LIKE ?', `%${requestId}`)).toBe(0);
    const fixed = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: '改好后的投诉内容。' }, DEMO.resident1, requestId);
    expect(codeOf(fixed)).toBe('ok');
  });

  it.each([
    ['review', '请加微信返现 REVIEW-TEST'],
    ['checker error', '检查服务出错 CHECKER-ERROR'],
  ])('%s → held for officials; accept blocked until release', async (_kind, description) => {
    const c = await fileComplaint(t, { description, category: 'fraud' });
    expect(c.status).toBe('submitted');
    expect(c.timeline[0].note).toBe('已提交，内容审核后受理');
    const q = await t.ok<{ items: ComplaintListItem[] }>('complaints', 'queue', { category: 'fraud', limit: 50 }, DEMO.county);
    expect(q.items.find((i) => i.id === c.id)).toEqual(expect.objectContaining({ held: true }));
    const d = await caseOf(t, c.id, DEMO.county);
    expect(d.held).toBe(true);
    expect(d.allowedActions).toContain('release');
    expect(d.allowedActions).not.toContain('accept');
    const blocked = await t.call('complaints', 'accept', { id: c.id, version: 1 }, DEMO.county);
    expect(blocked.status).toBe(409);
    // Held content is not shown to the station, not offered as similar, and cannot be joined.
    const st = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: c.id }, DEMO.stationHead);
    expect(st.description).toBe('（内容审核中）');
    const similar = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: HEAD_STATION, category: 'fraud' }, DEMO.resident2);
    expect(similar.map((s) => s.id)).not.toContain(c.id);
    expect((await t.call('complaints', 'join', { id: c.id }, DEMO.resident2)).status).toBe(409);

    const released = await t.ok<ComplaintCaseView>('complaints', 'release', { id: c.id, version: 1 }, DEMO.county);
    expect(released).toEqual(expect.objectContaining({ held: false, version: 2, status: 'submitted' }));
    expect(released.allowedActions).toContain('accept');
    expect((await t.call('complaints', 'release', { id: c.id, version: 2 }, DEMO.county)).status).toBe(409);
    const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: c.id, version: 2 }, DEMO.county);
    expect(accepted.status).toBe('accepted');
    // The internal release note is for officials only.
    const own = await t.ok<ComplaintView>('complaints', 'get', { id: c.id }, DEMO.resident1);
    expect(own.timeline.map((i) => i.action)).toEqual(['submit', 'accept']);
  });

  it('a closed station → CONFLICT; an unknown or never-listed station → NOT_FOUND; nothing written', async () => {
    const before = countRows(t.app, 'complaints');
    const closed = await t.call('complaints', 'submit', { stationId: CLOSED_STATION, category: 'closed_often', description: '站点长期关门没人。' }, DEMO.resident1, rid());
    expect(closed.status).toBe(409);
    expect(closed.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', fields: { stationId: expect.any(String) } }) });
    for (const stationId of ['st-999999999-999', PLANNED_STATION]) {
      const r = await t.call('complaints', 'submit', { stationId, category: 'other', description: '这个站点不存在吧。' }, DEMO.resident1, rid());
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', fields: { stationId: expect.any(String) } }) });
    }
    expect(countRows(t.app, 'complaints')).toBe(before);
  });

  it('description limits: 2000 characters pass, 2001 and blank do not', async () => {
    const ok = await fileComplaint(t, { description: '多'.repeat(2000) });
    expect(ok.description).toHaveLength(2000);
    for (const description of ['多'.repeat(2001), '     ', '短']) {
      const r = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description }, DEMO.resident1, rid());
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.description': expect.any(String) } }) });
    }
  });

  it('photos: at most 3, ids must be uploads of the same person', async () => {
    const mine = await Promise.all([1, 2, 3, 4].map(() => uploadPhoto(t, DEMO.resident1)));
    const theirs = await uploadPhoto(t, DEMO.resident2);
    const base = { stationId: HEAD_STATION, category: 'other', description: '附上照片作为证据。' };
    const four = await t.call('complaints', 'submit', { ...base, photos: mine }, DEMO.resident1, rid());
    expect(four.status).toBe(400);
    expect(four.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.photos': expect.any(String) } }) });
    const malformed = await t.call('complaints', 'submit', { ...base, photos: ['../../etc/passwd'] }, DEMO.resident1, rid());
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.photos.0': expect.any(String) } }) });
    for (const photos of [['upl-doesnotexist0000'], [theirs]]) {
      const before = countRows(t.app, 'complaints');
      const r = await t.call('complaints', 'submit', { ...base, photos }, DEMO.resident1, rid());
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('VALIDATION_ERROR');
      expect(countRows(t.app, 'complaints')).toBe(before);
    }
    const three = await t.ok<ComplaintView>('complaints', 'submit', { ...base, photos: mine.slice(0, 3) }, DEMO.resident1, rid());
    expect(three.photos).toHaveLength(3);
  });

  it('an unknown field is rejected, not ignored', async () => {
    const r = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: '带了多余字段的投诉。', complainantOpenid: DEMO.resident2 }, DEMO.resident1, rid());
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ fields: { 'data.complainantOpenid': '不支持的字段' } }) });
  });
});

// ---------------------------------------------------------------------------------------------

describe('logs carry no personal data', () => {
  it('a full loop, a fault and denials leave no phone, description or name in any log line', async () => {
    t.clock.set(NOW);
    const consoleLines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
    );
    const secrets = {
      phone: '13612345678',
      masked: '136****5678',
      name: '欧阳娜娜',
      description: '欧阳娜娜在站点寄件被多收十元钱，店员还骂人。',
      reply: '已联系欧阳娜娜退款。',
      comment: '欧阳娜娜表示满意',
    };
    const startAt = logLines.length;
    try {
      const c = await fileComplaint(t, { description: secrets.description, phone: secrets.phone });
      await t.call('complaints', 'get', { id: c.id }, DEMO.resident2);
      const a = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: c.id, version: 1 }, DEMO.county);
      await t.call('complaints', 'detail', { id: c.id }, DEMO.operatorStaff);
      const s = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: c.id, version: a.version, to: 'operator' }, DEMO.county);
      await t.ok('complaints', 'note', { id: c.id, text: `备注：${secrets.name} ${secrets.phone}` }, DEMO.operatorStaff);
      const r = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: c.id, version: s.version, text: secrets.reply }, DEMO.operatorStaff);
      await t.ok('complaints', 'evaluate', { id: c.id, version: r.version, evaluation: 'satisfied', comment: secrets.comment }, DEMO.resident1);
      faultState.armed = 1;
      await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: secrets.description, phone: secrets.phone }, DEMO.resident1, rid());
      await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: `${secrets.name} RISKY-TEST`, phone: secrets.phone }, DEMO.resident1, rid());
      await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'other', description: `${secrets.name} CHECKER-ERROR`, phone: 'x' + secrets.phone }, DEMO.resident1, rid());
      await t.call('account', 'grant', { openid: 'someone-new-1', role: 'county_official', scope: { kind: 'region', regionCode: '360731' }, name: secrets.name }, DEMO.province);
      await t.raw('/dev/scheduler/run', { method: 'POST' });
    } finally {
      faultState.armed = 0;
      spies.forEach((s) => s.mockRestore());
    }
    const lines = [...logLines.slice(startAt), ...consoleLines];
    // The logger really was used: one line per call at least (function, action, outcome).
    expect(logLines.length - startAt).toBeGreaterThan(10);
    expect(logLines.slice(startAt).some((l) => l.includes('"code":"INTERNAL"'))).toBe(true);
    for (const line of lines) {
      for (const secret of Object.values(secrets)) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/1[3-9]\d{9}/);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('fuzzing: arbitrary input never makes an INTERNAL error', () => {
  const COMPLAINT_ACTIONS = [
    'similar', 'submit', 'join', 'mine', 'get', 'withdraw', 'evaluate', 'publicStats', 'station', 'stationDetail',
    'queue', 'detail', 'accept', 'refuse', 'assign', 'reply', 'extend', 'merge', 'note', 'release', 'stats',
  ];
  const ACCOUNT_ACTIONS = ['me', 'grant', 'revoke', 'bindings', 'calendar', 'setCalendarYear'];
  let ids: string[] = [];
  let bindingIds: string[] = ['AAAAAAAAAAAA'];
  /** Outcome codes the fuzzing reached: it must get past validation, not just bounce off it. */
  const seen = new Set<string>();

  beforeAll(async () => {
    t.clock.set(NOW);
    // Open complaints first, so commands on them can succeed.
    ids = t.app.db.prepare("SELECT id FROM complaints ORDER BY status IN ('submitted', 'accepted', 'assigned', 'replied') DESC, rowid DESC LIMIT 30").pluck().all() as string[];
    bindingIds = t.app.db.prepare('SELECT id FROM role_bindings').pluck().all() as string[];
  });

  const openids = fc.constantFrom<string | null>(null, ...Object.values(DEMO));
  const scalar = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('360731', '36', '3607', '2026-10-01', 'overcharge', 'operator', 'station', 'satisfied', 'no_facts', HEAD_STATION, OUT_STATION, '__proto__', 'constructor'),
  );
  const keys = fc.constantFrom(
    'id', 'version', 'intoId', 'text', 'reason', 'to', 'workdays', 'evaluation', 'comment', 'stationId', 'category', 'description', 'photos', 'phone',
    'shareIdentity', 'cursor', 'limit', 'status', 'overdue', 'escalated', 'regionCode', 'days', 'trackingNo', 'openid', 'role', 'scope', 'name', 'year',
    'holidays', 'workdays', '__proto__', 'constructor', 'toString',
  );
  const pool = () => (ids.length ? ids : ['x']);
  /** Inputs shaped like each action's contract (some valid, many nearly so): they get past validation. */
  const plausible = (action: string): fc.Arbitrary<unknown> => {
    const id = fc.oneof(fc.constantFrom(...pool()), fc.constantFrom('AAAAAAAAAAAAAAAA', 'short'));
    const version = fc.integer({ min: 0, max: 6 });
    const text = fc.constantFrom('已经核实并处理完毕。', '', '短', 'RISKY-TEST 内容内容', '多'.repeat(2001));
    const stationId = fc.constantFrom(HEAD_STATION, OUT_STATION, CLOSED_STATION, PLANNED_STATION, 'st-999999999-999');
    const category = fc.constantFrom('overcharge', 'other', 'fraud', 'nope');
    const regionCode = fc.constantFrom('36', '3607', '360731', '361128', '3611', '44');
    const page = { cursor: fc.constantFrom('0.abc', 'zz.zz', '1.1'), limit: fc.integer({ min: 0, max: 60 }) };
    const rec = (model: Record<string, fc.Arbitrary<unknown>>, required: string[]) => fc.record(model, { requiredKeys: required as never[] });
    const idVersion = { id, version };
    switch (action) {
      case 'similar':
        return rec({ stationId, category }, ['stationId', 'category']);
      case 'submit':
        return rec({ stationId, category, description: text, phone: fc.constantFrom('13912345678', '12345', 'abc'), shareIdentity: fc.boolean(), photos: fc.constantFrom([], ['upl-doesnotexist0000']) }, ['stationId', 'category', 'description']);
      case 'join':
      case 'detail':
      case 'stationDetail':
        return rec({ id }, ['id']);
      case 'get':
        return fc.oneof(rec({ id }, ['id']), rec({ trackingNo: fc.constantFrom('TS260930ZZZZZZ', 'TS1') }, ['trackingNo']));
      case 'mine':
      case 'bindings':
        return rec(page, []);
      case 'withdraw':
      case 'accept':
      case 'release':
        return rec(idVersion, ['id', 'version']);
      case 'evaluate':
        return rec({ ...idVersion, evaluation: fc.constantFrom('satisfied', 'basically', 'unsatisfied', 'great'), comment: text }, ['id', 'version', 'evaluation']);
      case 'publicStats':
        return rec({ stationId }, ['stationId']);
      case 'station':
        return rec({ stationId, ...page }, []);
      case 'queue':
        return rec({ status: fc.constantFrom('submitted', 'closed', 'x'), overdue: fc.boolean(), escalated: fc.boolean(), category, stationId, regionCode, ...page }, []);
      case 'refuse':
        return rec({ ...idVersion, reason: fc.constantFrom('no_facts', 'other', 'x'), text }, ['id', 'version', 'reason', 'text']);
      case 'assign':
        return rec({ ...idVersion, to: fc.constantFrom('operator', 'station', 'me') }, ['id', 'version', 'to']);
      case 'reply':
        return rec({ ...idVersion, text }, ['id', 'version', 'text']);
      case 'extend':
        return rec({ ...idVersion, workdays: fc.integer({ min: 0, max: 12 }), reason: text }, ['id', 'version', 'workdays', 'reason']);
      case 'merge':
        return rec({ ...idVersion, intoId: id }, ['id', 'version', 'intoId']);
      case 'note':
        return rec({ id, text }, ['id', 'text']);
      case 'stats':
        return rec({ regionCode, stationId, days: fc.integer({ min: 0, max: 800 }) }, []);
      case 'grant':
        return rec(
          {
            openid: fc.constantFrom('fuzz-user-01', 'fuzz-user-02', 'x'),
            role: fc.constantFrom('station_head', 'operator_staff', 'county_official', 'city_supervisor', 'province_admin', 'resident', 'root'),
            scope: fc.oneof(
              fc.record({ kind: fc.constant('region'), regionCode }),
              fc.record({ kind: fc.constant('station'), stationId }),
              fc.record({ kind: fc.constant('operator'), operatorName: fc.constantFrom('于都县红都农品电子商务有限公司（演示）', 'x') }),
              fc.record({ kind: fc.constant('none') }),
            ),
            name: fc.constantFrom('测试', ''),
            reason: fc.constantFrom('临时代管', ''),
          },
          ['openid', 'role', 'scope'],
        );
      case 'revoke':
        return rec({ id: fc.oneof(fc.constantFrom(...bindingIds), fc.constant('AAAAAAAAAAAA')) }, ['id']);
      case 'setCalendarYear':
        return rec(
          {
            year: fc.integer({ min: 2027, max: 2031 }),
            holidays: fc.array(fc.constantFrom('2027-01-01', '2027-02-06', '2028-10-01', '2027-13-45', '2026-01-01'), { maxLength: 3 }),
            workdays: fc.array(fc.constantFrom('2027-02-13', '2027-01-01', '2027-01-04', '2028-09-30'), { maxLength: 3 }),
          },
          ['year', 'holidays', 'workdays'],
        );
      default:
        return fc.constant({});
    }
  };
  const data = (action: string) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 1, arbitrary: fc.dictionary(keys, fc.oneof(scalar, fc.constantFrom(...pool()), fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.constantFrom('kind', 'regionCode', 'stationId', 'operatorName'), scalar)), { maxKeys: 6 }) },
      { weight: 3, arbitrary: plausible(action) },
    );

  /** 50 runs through the handlers in-process (JSON round trip as on the wire) and 10 over HTTP. */
  async function check(fn: string, action: string) {
    const requestIds = fc.option(fc.oneof(fc.string({ minLength: 0, maxLength: 70 }), fc.constant('fuzz-request-1')), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(data(action), openids, requestIds, async (d, openid, requestId) => {
        const r = await t.direct(fn, action, d, openid, requestId);
        seen.add(r.ok ? 'ok' : r.error.code);
        if (!r.ok && r.error.code === 'INTERNAL') throw new Error(`${fn}.${action} → INTERNAL for ${JSON.stringify(d)} as ${openid}`);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 50, seed: 20260930 },
    );
    await fc.assert(
      fc.asyncProperty(data(action), openids, requestIds, async (d, openid, requestId) => {
        const r = await t.call(fn, action, d, openid, requestId);
        if (r.status >= 500 || (!r.body.ok && r.body.error.code === 'INTERNAL')) throw new Error(`${fn}.${action} → ${r.status} ${JSON.stringify(r.body)} for ${JSON.stringify(d)}`);
        expect(r.status).toBe(r.body.ok ? 200 : STATUS_OF[r.body.error.code]);
      }),
      { numRuns: 10, seed: 42 },
    );
  }

  it.each(COMPLAINT_ACTIONS)('complaints.%s', async (action) => {
    await check('complaints', action);
  });
  it.each(ACCOUNT_ACTIONS)('account.%s', async (action) => {
    await check('account', action);
  });

  it('the fuzzing reached every outcome, not only validation errors', () => {
    expect([...seen].sort()).toEqual(expect.arrayContaining(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'VALIDATION_ERROR', 'ok']));
    expect(seen.has('INTERNAL')).toBe(false);
  });

  it('whole events of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), openids, async (event, openid) => {
        const headers: Record<string, string> = openid ? { 'x-wx-openid': openid } : {};
        const body = JSON.stringify(event);
        const res = await t.raw('/api/complaints', { method: 'POST', headers, body: body === undefined ? '' : body });
        expect(res.status).toBeLessThan(500);
        const parsed = await res.json();
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
