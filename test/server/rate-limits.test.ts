/**
 * Rate limits over HTTP with the default table (issue 9 item 6): bursts by one openid are cut at
 * the limit with 429 RATE_LIMITED and a message saying when to try again; nothing past the limit
 * is stored; other people are unaffected; officials have higher limits; the window passing lifts it.
 */
import { DEFAULT_LIMITS } from '../../core/shared/rate-limit';
import type { Notice } from '../../core/notice/model';
import { countRows, DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';
import { PNG_1X1 } from '../support/complaints';

jest.setTimeout(60_000);

const submitData = { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。' };

describe('rate limits (default table)', () => {
  const t = appForTests({ limits: { ...DEFAULT_LIMITS } });

  test('200 complaints in a burst from one openid: 5 stored, the rest 429 with when to retry', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => t.call('complaints', 'submit', submitData, 'burst-resident', rid('burst'))));
    const ok = results.filter((r) => r.status === 200);
    const limited = results.filter((r) => r.status === 429);
    expect(ok).toHaveLength(DEFAULT_LIMITS['complaints.submit'].max);
    expect(limited).toHaveLength(200 - ok.length);
    // The clock is 02:00:00Z, a window boundary: the 10-minute window has all 10 minutes left.
    expect(limited[0].body).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请 10 分钟后再试' } });
    expect(countRows(t.app, 'complaints', 'owner = ?', 'burst-resident')).toBe(5);
    // Someone else files at once.
    expect((await t.call('complaints', 'submit', submitData, 'other-resident', rid('other'))).status).toBe(200);
    // The next window lets the first person in again.
    t.clock.set('2026-09-30T02:10:00.000Z');
    expect((await t.call('complaints', 'submit', submitData, 'burst-resident', rid('later'))).status).toBe(200);
  });

  test('objections to one notice: 3 a day per person, then 429', async () => {
    t.clock.set('2026-09-30T03:00:00.000Z');
    const notice: Notice = {
      id: 'nt-rate', kind: 'appointment', subjectId: 'app-x', title: '拟任用公示', facts: [], body: '公示', regionCodes: ['36', '3607', '360731'],
      startsOn: '2026-09-29', endsOn: '2026-10-12', objectionChannel: '县商务局', status: 'open', outcome: null, publishedBy: DEMO.county,
      publishedAt: '2026-09-29T01:00:00.000Z', closedAt: null, version: 1,
    };
    await t.app.stores.notices.insert(notice);
    const object = () => t.call('notices', 'object', { noticeId: notice.id, realName: '张三', phone: '13800138000', text: '据我所知此人常年在外地务工。' }, 'objector-1');
    const results = [];
    for (let i = 0; i < 100; i++) results.push(await object());
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results[3].body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请 21 小时后再试' } });
    expect((await t.app.stores.notices.listObjections(notice.id)).length).toBe(3);
  });

  test('uploads and pressure reports are limited too', async () => {
    const upload = () => t.raw('/api/upload', { method: 'POST', headers: { 'x-wx-openid': 'uploader', 'content-type': 'application/octet-stream' }, body: new Uint8Array(PNG_1X1) });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await upload()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(DEFAULT_LIMITS.upload.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - DEFAULT_LIMITS.upload.max);

    const report = () => t.call('ratings', 'report', { stationId: HEAD_STATION, kind: 'induced_praise' }, 'reporter');
    const reports = [];
    for (let i = 0; i < 50; i++) reports.push((await report()).status);
    expect(reports.filter((s) => s === 200)).toHaveLength(DEFAULT_LIMITS['ratings.report'].max);
    expect(reports.filter((s) => s === 429)).toHaveLength(50 - DEFAULT_LIMITS['ratings.report'].max);
  });

  test('officials get the higher limit on their work; a resident is cut at the lower one', async () => {
    t.clock.set('2026-09-30T04:00:00.000Z');
    const queue = (openid: string) => t.call('complaints', 'queue', {}, openid);
    const official: number[] = [];
    for (let i = 0; i < 40; i++) official.push((await queue(DEMO.county)).status);
    expect(official.every((s) => s === 200)).toBe(true); // above max (30), below staffMax (120)
    const resident: number[] = [];
    for (let i = 0; i < 31; i++) resident.push((await queue(DEMO.resident2)).status);
    // A resident may not see the queue at all (403) and is cut after 30 tries.
    expect(resident.slice(0, 30).every((s) => s === 403)).toBe(true);
    expect(resident[30]).toBe(429);
  });

  test('the register: a county exports a handful of files an hour, then 429 (a resident is refused anyway)', async () => {
    t.clock.set('2026-09-30T05:00:00.000Z');
    const exportCsv = (openid: string) => t.call('register', 'export', { format: 'csv', regionCode: '360731' }, openid);
    const official: number[] = [];
    const staffMax = DEFAULT_LIMITS['register.export'].staffMax!;
    for (let i = 0; i <= staffMax; i++) official.push((await exportCsv(DEMO.county)).status);
    expect(official.slice(0, staffMax).every((s) => s === 200)).toBe(true);
    expect(official[staffMax]).toBe(429);
    const resident: number[] = [];
    for (let i = 0; i <= DEFAULT_LIMITS['register.export'].max; i++) resident.push((await exportCsv(DEMO.resident2)).status);
    expect(resident.at(-1)).toBe(429);
  });

  test('writes without an identity are refused, not counted', async () => {
    for (const [fn, action, data] of [
      ['complaints', 'submit', submitData],
      ['notices', 'object', { noticeId: 'nt-rate', realName: '张三', phone: '13800138000', text: '据我所知此人常年在外地务工。' }],
      ['ratings', 'report', { stationId: HEAD_STATION, kind: 'induced_praise' }],
    ] as const) {
      expect((await t.call(fn, action, data, null, fn === 'complaints' ? rid('anon') : undefined)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect((await t.raw('/api/upload', { method: 'POST', body: new Uint8Array(PNG_1X1) })).status).toBe(401);
  });
});
