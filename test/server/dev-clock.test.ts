/**
 * The local server's settable clock (issue 9 item 15): GET/POST /dev/clock, read by the function
 * handlers and the scheduler, so a demo can show a deadline passing without waiting.
 */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { DEMO, HEAD_STATION, rid, appForTests, type TestApp } from '../support/local-app';

const START = '2026-09-30T02:00:00.000Z';

async function clockCall(t: TestApp, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await t.raw('/dev/clock', body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('/dev/clock', () => {
  const t = appForTests({ now: START });

  test('reads the time; a set time is what handlers and the scheduler see, and runs on', async () => {
    expect(await clockCall(t)).toEqual({ status: 200, json: { ok: true, data: { now: START, set: false } } });
    const filed = await t.ok<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'parcel', description: '快递寄出三天还没有揽收记录。' }, DEMO.resident1, rid());
    expect(filed.submittedAt).toBe(START);

    // Three weeks on: the accept deadline has passed.
    const later = '2026-10-21T01:00:00.000Z';
    expect(await clockCall(t, { now: '2026-10-21T09:00:00+08:00' })).toEqual({ status: 200, json: { ok: true, data: { now: later, set: true } } });
    t.clock.advanceDays(1); // the underlying clock moves on; the set clock runs on with it
    expect((await clockCall(t)).json.data.now).toBe('2026-10-22T01:00:00.000Z');

    const second = await t.ok<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'parcel', description: '快递寄出五天还没有揽收记录。' }, DEMO.resident2, rid());
    expect(second.submittedAt).toBe('2026-10-22T01:00:00.000Z');

    const run = await (await t.raw('/dev/scheduler/run', { method: 'POST' })).json();
    expect(run.ok).toBe(true);
    const c = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: filed.id }, DEMO.province);
    expect(c.escalationLevel).toBeGreaterThanOrEqual(1);
  });

  test('null returns to the underlying clock; a malformed time is refused', async () => {
    expect((await clockCall(t, { now: null })).json).toEqual({ ok: true, data: { now: t.clock.now().toISOString(), set: false } });
    for (const bad of [{ now: '明天' }, { now: '2026-10-21T09:00:00' }, { now: '2026-10-21' }, { when: START }, { now: START, extra: 1 }]) {
      const r = await clockCall(t, bad);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { now: '时间格式不对' } } });
    }
    expect((await clockCall(t)).json.data.set).toBe(false);
  });
});
