/**
 * Keeping the public page true (第十条3) over HTTP: a head proposes, the county approves and the
 * public page changes; returned with a comment; 信息无变化; a temporary closure shows at once;
 * strangers are told the station does not exist; a villager's 信息有误 reaches the same queue.
 */
import type { StationDetail, StationPage } from '../../core/station/api';
import type { EditDraft, EditQueuePage, EditView } from '../../core/station/edits-api';
import { uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, startApp, type TestApp } from '../support/local-app';

let t: TestApp;
beforeEach(async () => {
  t = await startApp();
}, 60_000);
afterEach(async () => {
  await t?.close();
});

const draft = () => t.ok<EditDraft>('upkeep', 'editDraft', { stationId: HEAD_STATION }, DEMO.stationHead);
const publicPage = () => t.ok<StationDetail>('stations', 'get', { id: HEAD_STATION });
const queue = (status?: string) => t.ok<EditQueuePage>('upkeep', 'editQueue', status ? { status } : {}, DEMO.county);
const audit = (action: string) => t.app.stores.audit.list({ action, offset: 0, limit: 50 });

describe('station edits over HTTP', () => {
  test('head proposes → nothing public yet → the county sees the diff and approves → the public page changes', async () => {
    const d = await draft();
    const info = { ...d.info, commitments: [...d.info.commitments, '老人代办不收费'], contact: { ...d.info.contact, phone: '13800001111' } };
    const proposed = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info }, DEMO.stationHead);
    expect(proposed.status).toBe('pending');

    const before = await publicPage();
    expect(before.commitments).not.toContain('老人代办不收费');
    expect(before.phone).not.toBe('13800001111');

    const q = await queue();
    const item = q.items.find((i) => i.id === proposed.id) as EditView;
    expect(item.diff?.map((l) => l.label)).toEqual(['服务承诺', '联系方式']);
    expect(item.diff?.[1]).toMatchObject({ before: expect.arrayContaining([`电话 ${d.info.contact.phone}`]), after: expect.arrayContaining(['电话 13800001111']) });

    const decided = await t.ok<EditView>('upkeep', 'decideEdit', { id: proposed.id, decision: 'approve' }, DEMO.county);
    expect(decided.status).toBe('approved');
    const after = await publicPage();
    expect(after.commitments).toContain('老人代办不收费');
    expect(after.phone).toBe('13800001111');
    expect(after.infoConfirmedOn).toBe('2026-09-30');
    expect(after.stale).toBe(false);
    expect((await audit('station.edit.propose')).items).toHaveLength(1);
    expect((await audit('station.edit.approve')).items[0]).toMatchObject({ actorOpenid: DEMO.county, resource: `station-edit:${proposed.id}` });

    // Decided once: a second decision is refused.
    const again = await t.call('upkeep', 'decideEdit', { id: proposed.id, decision: 'return', comment: '再看看' }, DEMO.county);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('photos: the head adds and removes photos; the county compares old and new; only approved photos are public', async () => {
    const first = await uploadPhoto(t, DEMO.stationHead);
    const d = await draft();
    expect(d.info.photos).toEqual([]);
    const p1 = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, photos: [first] } }, DEMO.stationHead);
    expect(p1.photos).toEqual({ before: [], after: [expect.stringMatching(/^\/files\//)] });
    expect((await publicPage()).photos).toEqual([]);
    // The photo's content check has not come back yet: approval waits for it.
    const early = await t.call('upkeep', 'decideEdit', { id: p1.id, decision: 'approve' }, DEMO.county);
    expect(early.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('内容安全检查') } });
    await t.app.runScheduler(); // the local checker's verdicts arrive
    await t.ok('upkeep', 'decideEdit', { id: p1.id, decision: 'approve' }, DEMO.county);
    const shown = (await publicPage()).photos;
    expect(shown).toHaveLength(1);
    expect((await t.raw(shown[0]!)).status).toBe(200);
    // A signed, short-lived link (not the stored id itself).
    expect(shown[0]).toMatch(/^\/files\/upl-[\w-]+\?exp=\d+&sig=/);

    // Next: one more photo, the first one removed; the county sees both sides as photos.
    const second = await uploadPhoto(t, DEMO.stationHead);
    const d2 = await draft();
    expect(d2.info.photos).toEqual([first]);
    expect(d2.photoUrls).toHaveLength(1);
    const p2 = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d2.info, photos: [second] } }, DEMO.stationHead);
    const item = (await queue()).items.find((i) => i.id === p2.id)!;
    expect(item.diff).toEqual([{ field: 'photos', label: '照片', before: ['1 张照片'], after: ['1 张照片（新加 1 张，删去 1 张）'] }]);
    expect(item.photos?.before).toHaveLength(1);
    expect(item.photos?.after).toHaveLength(1);
    expect((await publicPage()).photos).toHaveLength(1);
    await t.app.runScheduler();
    await t.ok('upkeep', 'decideEdit', { id: p2.id, decision: 'approve' }, DEMO.county);
    expect((await t.app.stores.stations.get(HEAD_STATION))!.photos).toEqual([second]);

    // Someone else's upload, or a made-up id, is refused.
    const d3 = await draft();
    const other = await uploadPhoto(t, DEMO.resident1);
    const stolen = await t.call('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d3.info, photos: [other] } }, DEMO.stationHead);
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('图片无效') } });
    const bogus = await t.call('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d3.info, photos: ['https://example.com/x.jpg'] } }, DEMO.stationHead);
    expect(bogus.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  test('a photo that fails the content check is not published; the rest of the change is', async () => {
    const bad = await uploadPhoto(t, DEMO.stationHead);
    t.app.platform.mediaChecker.risky.add(bad);
    const d = await draft();
    const p = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: [...d.info.commitments, '老人代办不收费'], photos: [bad] } }, DEMO.stationHead);
    await t.app.runScheduler();
    await t.ok('upkeep', 'decideEdit', { id: p.id, decision: 'approve' }, DEMO.county);
    const page = await publicPage();
    expect(page.photos).toEqual([]);
    expect(page.commitments).toContain('老人代办不收费');
    expect((await audit('station.edit.approve')).items[0]?.detail).toContain('1 张照片未通过内容安全检查');
  });

  test('returned with a comment: the public page keeps the old information, the head reads why', async () => {
    const d = await draft();
    const proposed = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: ['随便写的'] } }, DEMO.stationHead);
    const bare = await t.call('upkeep', 'decideEdit', { id: proposed.id, decision: 'return' }, DEMO.county);
    expect(bare.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { comment: '退回时请写明原因' } } });
    await t.ok('upkeep', 'decideEdit', { id: proposed.id, decision: 'return', comment: '承诺要具体' }, DEMO.county);
    expect((await publicPage()).commitments).toEqual(d.info.commitments);
    const after = await draft();
    expect(after.pending).toBeNull();
    expect(after.history[0]).toMatchObject({ id: proposed.id, status: 'returned', statusLabel: '已退回', comment: '承诺要具体' });
  });

  test('a new proposal replaces the pending one; the head may withdraw; nothing-changed is refused', async () => {
    const d = await draft();
    const first = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: ['一'] } }, DEMO.stationHead);
    const second = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: ['二'] } }, DEMO.stationHead);
    const pending = (await queue()).items.filter((i) => i.kind === 'proposal');
    expect(pending.map((i) => i.id)).toEqual([second.id]);
    expect((await queue('withdrawn')).items.map((i) => i.id)).toEqual([first.id]);
    expect((await draft()).pending?.id).toBe(second.id);
    await t.ok('upkeep', 'withdrawEdit', { id: second.id }, DEMO.stationHead);
    expect((await draft()).pending).toBeNull();
    const same = await t.call('upkeep', 'propose', { stationId: HEAD_STATION, info: d.info }, DEMO.stationHead);
    expect(same.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  test('信息无变化 re-confirms in one call, audited', async () => {
    const res = await t.ok<{ infoConfirmedOn: string }>('upkeep', 'confirmInfo', { stationId: HEAD_STATION }, DEMO.county);
    expect(res.infoConfirmedOn).toBe('2026-09-30');
    expect((await publicPage()).infoConfirmedOn).toBe('2026-09-30');
    expect((await audit('station.edit.confirm')).items).toHaveLength(1);
    const byHead = await t.call('upkeep', 'confirmInfo', { stationId: HEAD_STATION }, DEMO.stationHead);
    expect(byHead.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a temporary closure shows at once (closed now, out of open-now) and the county reviews it afterwards', async () => {
    const station = await publicPage();
    const openNow = () => t.ok<StationPage>('stations', 'nearby', { ...station.location, radiusM: 500, openNow: true });
    expect(station.hours.state).toBe('open');
    expect((await openNow()).items.map((s) => s.id)).toContain(HEAD_STATION);

    const closure = await t.ok<EditView>('upkeep', 'closeTemporarily', { stationId: HEAD_STATION, reason: '站长外出培训', from: '2026-09-30', until: '2026-10-02' }, DEMO.stationHead);
    const closed = await publicPage();
    expect(closed.hours).toMatchObject({ state: 'closed_today', note: '临时闭店：站长外出培训' });
    expect(closed.closure).toEqual({ reason: '站长外出培训', from: '2026-09-30', until: '2026-10-02' });
    expect((await openNow()).items.map((s) => s.id)).not.toContain(HEAD_STATION);
    expect((await queue()).items.find((i) => i.id === closure.id)).toMatchObject({ kind: 'closure', kindLabel: '临时闭店' });

    // Too long: refused, nothing changes.
    const long = await t.call('upkeep', 'closeTemporarily', { stationId: HEAD_STATION, reason: '装修', from: '2026-09-30', until: '2026-12-30' }, DEMO.stationHead);
    expect(long.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });

    // Returned by the county: the closure is lifted.
    await t.ok('upkeep', 'decideEdit', { id: closure.id, decision: 'return', comment: '经核实站点正常营业' }, DEMO.county);
    const reopened = await publicPage();
    expect(reopened.hours.state).toBe('open');
    expect(reopened.closure).toBeUndefined();
  });

  test('strangers get NOT_FOUND, residents cannot open the queue, unknown fields are refused', async () => {
    for (const who of [DEMO.resident1, DEMO.county]) {
      const r = await t.call('upkeep', 'editDraft', { stationId: HEAD_STATION }, who);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const other = await t.call('upkeep', 'editDraft', { stationId: 'st-360731100-001' }, DEMO.stationHead);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const d = await draft();
    const stranger = await t.call('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: ['x'] } }, DEMO.resident1);
    expect(stranger.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('upkeep', 'editQueue', {}, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('upkeep', 'editQueue', {}, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const extra = await t.call('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, name: '改名' } }, DEMO.stationHead);
    expect(extra.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    // A head's proposal is decided only by officials.
    const p = await t.ok<EditView>('upkeep', 'propose', { stationId: HEAD_STATION, info: { ...d.info, commitments: ['y'] } }, DEMO.stationHead);
    const self = await t.call('upkeep', 'decideEdit', { id: p.id, decision: 'approve' }, DEMO.stationHead);
    expect(self.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Each refusal is audited as a denial.
    expect((await audit('station.edit')).items.map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied']);
    expect((await audit('station.review')).items.map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  test('operator staff of the station’s operator may propose too', async () => {
    const d = await t.ok<EditDraft>('upkeep', 'editDraft', { stationId: HEAD_STATION }, DEMO.operatorStaff);
    expect(d.station.id).toBe(HEAD_STATION);
  });

  test('a villager’s 信息有误 goes to the county queue; checked, counted and signed in', async () => {
    const ok = await t.ok('stations', 'report', { stationId: HEAD_STATION, topic: 'hours', text: '下午两点后一直关门' }, DEMO.resident1);
    expect(ok).toEqual({ received: true });
    const item = (await queue()).items.find((i) => i.kind === 'report');
    expect(item).toMatchObject({ kindLabel: '信息有误', report: { topic: 'hours', topicLabel: '营业时间', text: '下午两点后一直关门' } });
    expect((await t.call('stations', 'report', { stationId: HEAD_STATION, topic: 'hours', text: '下午两点后一直关门' }, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await t.call('stations', 'report', { stationId: HEAD_STATION, topic: 'hours', text: '  \u200b\u200b\u200b\u200b\u200b错 ' }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect((await t.call('stations', 'report', { stationId: 'st-nowhere', topic: 'other', text: '这个站点不存在吧' }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.ok('upkeep', 'decideEdit', { id: item?.id, decision: 'approve' }, DEMO.county);
    expect((await queue()).items.find((i) => i.kind === 'report')).toBeUndefined();
  });
});

describe('station edits: rate limits (default table)', () => {
  test('信息有误: 5 a day per person, then 429; a head’s closures: 10 an hour', async () => {
    await t.close();
    const { DEFAULT_LIMITS } = await import('../../core/shared/rate-limit');
    t = await startApp({ limits: { ...DEFAULT_LIMITS } });
    const report = () => t.call('stations', 'report', { stationId: HEAD_STATION, topic: 'fees', text: '快递多收了两块钱' }, 'reporter-1');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await report()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect((await queue()).items.filter((i) => i.kind === 'report')).toHaveLength(5);

    const close = () => t.call('upkeep', 'closeTemporarily', { stationId: HEAD_STATION, reason: '停电', from: '2026-09-30', until: '2026-09-30' }, DEMO.stationHead);
    const closes: number[] = [];
    for (let i = 0; i < 12; i++) closes.push((await close()).status);
    expect(closes.filter((s) => s === 200)).toHaveLength(DEFAULT_LIMITS['upkeep.closeTemporarily'].staffMax as number);
    expect(closes.slice(-1)).toEqual([429]);
  });
});
