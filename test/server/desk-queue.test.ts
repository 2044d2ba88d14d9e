/**
 * The desk (issue 11 §1) over HTTP: the queue searched by tracking number, station name and the
 * last 4 digits of the call-back phone (never the full phone in the list), and batch accept /
 * batch assign with per-case results, each case checked for scope and version, audited, and the
 * batch size and rate limited.
 */
import type { BatchResult, ComplaintListItem } from '../../core/complaint/api';
import { DEFAULT_LIMITS } from '../../core/shared/rate-limit';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';
import { caseOf, fileComplaint } from '../support/complaints';

jest.setTimeout(60_000);

/** 鄱阳县 (上饶市): outside the county official's scope. */
const OUT_STATION = 'st-361128001-000';

type Queue = { items: ComplaintListItem[]; nextCursor: string | null };
type Batch = { results: BatchResult[]; done: number; failed: number };

describe('the desk: search and batch actions', () => {
  const t = appForTests();

  const queue = (data: Record<string, unknown>, who: string = DEMO.county) => t.ok<Queue>('complaints', 'queue', data, who);

  test('search by tracking number, last 4 phone digits and station name; the list never carries the full phone', async () => {
    const a = await fileComplaint(t, { phone: '13800004321' });
    const b = await fileComplaint(t, { phone: '13912344321' }, DEMO.resident2);
    const c = await fileComplaint(t, { phone: '13700001111' });
    const out = await fileComplaint(t, { stationId: OUT_STATION, phone: '13600004321' });

    expect((await queue({ q: a.trackingNo })).items.map((i) => i.id)).toEqual([a.id]);
    // Lower case and spaces are forgiven; a tracking number outside the scope finds nothing.
    expect((await queue({ q: ` ${a.trackingNo.toLowerCase()} ` })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await queue({ q: out.trackingNo })).items).toEqual([]);

    const byPhone = await t.call<Queue>('complaints', 'queue', { q: '4321' }, DEMO.county);
    expect(byPhone.status).toBe(200);
    const ids = (byPhone.body.ok ? byPhone.body.data.items : []).map((i) => i.id);
    expect(ids.sort()).toEqual([a.id, b.id].sort());
    expect(JSON.stringify(byPhone.body)).not.toMatch(/13800004321|13912344321/);
    expect((await queue({ q: '1111' })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await queue({ q: '1111', status: 'accepted' })).items).toEqual([]);

    const station = await t.ok<{ stationName: string }>('complaints', 'detail', { id: a.id }, DEMO.county);
    const named = await queue({ q: station.stationName.slice(-5), limit: 50 });
    expect(named.items.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(named.items.every((i) => i.stationName.includes(station.stationName.slice(-5)))).toBe(true);

    // The rows carry what the desk's table shows and what a batch action names.
    expect((await queue({ q: a.trackingNo })).items[0]).toMatchObject({ version: 1, assigneeLabel: null, statusLabel: '待受理' });

    const short = await t.call('complaints', 'queue', { q: '1' }, DEMO.county);
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { q: '搜索词太短' } } });
    const long = await t.call('complaints', 'queue', { q: 'x'.repeat(41) }, DEMO.county);
    expect(long.status).toBe(400);
  });

  test('batch accept: per-case results; a stale version and a case out of scope fail alone; each done case audited', async () => {
    const one = await fileComplaint(t);
    const two = await fileComplaint(t);
    const stale = await fileComplaint(t);
    const out = await fileComplaint(t, { stationId: OUT_STATION });
    // Someone else accepted `stale` meanwhile.
    await t.ok('complaints', 'accept', { id: stale.id, version: stale.version }, DEMO.province);

    const r = await t.call<Batch>('complaints', 'batchAccept', { items: [one, two, stale, out].map((c) => ({ id: c.id, version: c.version })) }, DEMO.county);
    expect(r.status).toBe(200);
    const body = r.body.ok ? r.body.data : null;
    expect(body).toMatchObject({ done: 2, failed: 2 });
    expect(body!.results).toEqual([
      { id: one.id, trackingNo: one.trackingNo, ok: true, version: 2, statusLabel: '已受理' },
      { id: two.id, trackingNo: two.trackingNo, ok: true, version: 2, statusLabel: '已受理' },
      expect.objectContaining({ id: stale.id, ok: false, code: 'CONFLICT' }),
      // Out of scope answers as a missing case: no tracking number, nothing about it.
      { id: out.id, trackingNo: null, ok: false, code: 'NOT_FOUND', message: '没有找到这件投诉' },
    ]);
    expect((await caseOf(t, one.id)).status).toBe('accepted');
    expect((await caseOf(t, out.id)).status).toBe('submitted');
    const audit = await t.app.stores.audit.list({ resource: `complaint:${one.id}`, offset: 0, limit: 10 });
    expect(audit.items).toEqual([expect.objectContaining({ actorOpenid: DEMO.county, action: 'complaint.accept', outcome: 'done', detail: 'batch' })]);
    const denied = await t.app.stores.audit.list({ resource: `complaint:${out.id}`, offset: 0, limit: 10 });
    expect(denied.items).toEqual([expect.objectContaining({ actorOpenid: DEMO.county, action: 'complaint.accept', outcome: 'denied' })]);
    // The timeline records it like a single 受理.
    expect((await caseOf(t, one.id)).timeline.map((e) => e.action)).toEqual(['submit', 'accept']);
  });

  test('batch assign to the operator; a case not yet accepted fails alone', async () => {
    const a = await fileComplaint(t);
    const acc = await t.ok<{ version: number }>('complaints', 'accept', { id: a.id, version: a.version }, DEMO.county);
    const b = await fileComplaint(t);
    const r = await t.ok<Batch>('complaints', 'batchAssign', { items: [{ id: a.id, version: acc.version }, { id: b.id, version: b.version }], to: 'operator' }, DEMO.county);
    expect(r.done).toBe(1);
    expect(r.results[0]).toMatchObject({ id: a.id, ok: true, statusLabel: '已转办' });
    expect(r.results[1]).toMatchObject({ id: b.id, ok: false });
    expect(r.results[1].message).toBeTruthy();
    const row = (await queue({ q: a.trackingNo })).items[0];
    expect(row.assigneeLabel).toMatch(/^运营单位：/);
  });

  test('who may: a resident, a station head and nobody get nothing done', async () => {
    const a = await fileComplaint(t, { stationId: HEAD_STATION });
    const items = [{ id: a.id, version: a.version }];
    const resident = await t.ok<Batch>('complaints', 'batchAccept', { items }, DEMO.resident2);
    expect(resident).toMatchObject({ done: 0, failed: 1 });
    const head = await t.ok<Batch>('complaints', 'batchAccept', { items }, DEMO.stationHead);
    expect(head.done).toBe(0);
    const anon = await t.call('complaints', 'batchAccept', { items }, null);
    expect(anon.status).toBe(401);
    expect((await caseOf(t, a.id)).status).toBe('submitted');
  });

  test('input: at least one, at most 20 cases, a target for assign; both actions are rate limited', async () => {
    const empty = await t.call('complaints', 'batchAccept', { items: [] }, DEMO.county);
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ ok: false, error: { message: expect.stringContaining('请至少选择一件投诉') } });
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `complaint-${i}`, version: 1 }));
    const tooMany = await t.call('complaints', 'batchAccept', { items: many }, DEMO.county);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('一次最多处理 20 件');
    const noTarget = await t.call('complaints', 'batchAssign', { items: many.slice(0, 2) }, DEMO.county);
    expect(noTarget.status).toBe(400);
    expect(DEFAULT_LIMITS['complaints.batchAccept']).toBeDefined();
    expect(DEFAULT_LIMITS['complaints.batchAssign']).toBeDefined();
  });
});

describe('batch actions under the real rate limits', () => {
  const t = appForTests({ limits: { ...DEFAULT_LIMITS, 'complaints.batchAccept': { windowS: 600, max: 1, staffMax: 2 } } });

  test('a third batch in the window is refused before it runs', async () => {
    const a = await fileComplaint(t);
    const items = [{ id: a.id, version: a.version }];
    await t.ok('complaints', 'batchAccept', { items }, DEMO.county);
    await t.ok('complaints', 'batchAccept', { items }, DEMO.county);
    const third = await t.call('complaints', 'batchAccept', { items }, DEMO.county);
    expect(third.status).toBe(429);
  });
});
