/**
 * Issue 11 §2 over real HTTP: replies and progress updates with photos, the complainant's
 * 补充材料 while the case is open, and the 回访 "问题还在吗？" four weeks after the end (the local
 * scheduler run asks; 还在 reopens once or opens a linked case).
 */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { accepted, assignedToOperator, caseOf, fileComplaint, replied, uploadPhoto } from '../support/complaints';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });

const mine = (id: string) => t.ok<ComplaintView>('complaints', 'get', { id }, DEMO.resident1);
const run = async () => (await (await t.raw('/dev/scheduler/run', { method: 'POST' })).json()).data as Record<string, number>;
async function outboxOf(openid: string): Promise<{ event: string; complaintId: string }[]> {
  const body = await (await t.raw(`/dev/outbox?openid=${openid}`)).json();
  return Array.isArray(body) ? body : body.data;
}

describe('photos on progress updates and replies', () => {
  it('the assignee posts 办理进展 with a photo: the complainant sees 处理中 and the photo once it passed its check', async () => {
    const a = await assignedToOperator(t);
    expect((await mine(a.id)).progressLabel).toBe('处理中');
    const ops = await caseOf(t, a.id, DEMO.operatorStaff);
    expect(ops.allowedActions).toContain('progress');
    const photo = await uploadPhoto(t, DEMO.operatorStaff);
    // The station head is not the assignee here: refused.
    const notAssignee = await t.call('complaints', 'progress', { id: a.id, version: a.version, text: '已约谈运营单位负责人' }, DEMO.stationHead);
    expect(notAssignee.body).toEqual({ ok: false, error: expect.objectContaining({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) }) });
    const p = await t.ok<ComplaintCaseView>('complaints', 'progress', { id: a.id, version: a.version, text: '已约谈运营单位负责人，正在核实', photos: [photo] }, DEMO.operatorStaff);
    expect(p.status).toBe('assigned');
    // The uploader sees it at once; the complainant only after the check.
    expect(p.timeline.at(-1)).toEqual(expect.objectContaining({ action: 'progress', label: '办理进展', note: '已约谈运营单位负责人，正在核实', photos: [expect.stringContaining(photo)] }));
    const before = (await mine(a.id)).timeline.at(-1)!;
    expect(before).toEqual(expect.objectContaining({ action: 'progress', note: '已约谈运营单位负责人，正在核实' }));
    expect(before.photos).toBeUndefined();
    expect((await run()).photosChecked).toBeGreaterThanOrEqual(1);
    const after = (await mine(a.id)).timeline.at(-1)!;
    expect(after.photos).toEqual([expect.stringContaining(photo)]);
    expect((await t.raw(after.photos![0])).status).toBe(200);
    // Too many photos or too short a text: refused with a field message.
    const many = await t.call('complaints', 'progress', { id: a.id, version: p.version, text: '正在处理中', photos: [photo, photo, photo, photo] }, DEMO.operatorStaff);
    expect(many.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
  });

  it('a reply carries photos; a photo failing its check leaves the timeline', async () => {
    const a = await accepted(t);
    const good = await uploadPhoto(t, DEMO.county);
    const bad = await uploadPhoto(t, DEMO.county);
    t.app.platform.mediaChecker.risky.add(bad);
    const r = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: a.id, version: a.version, text: '已退还多收的费用，收据见照片。', photos: [good, bad] }, DEMO.county);
    expect(r.timeline.at(-1)!.photos).toHaveLength(2);
    await run();
    const v = await mine(a.id);
    const entry = v.timeline.find((i) => i.action === 'reply')!;
    expect(entry.photos).toEqual([expect.stringContaining(good)]);
    // The official's failed photo is noted for officials only.
    expect(v.timeline.map((i) => i.action)).not.toContain('photo_removed');
    expect((await caseOf(t, a.id, DEMO.county)).timeline.find((i) => i.action === 'photo_removed')).toEqual(expect.objectContaining({ internal: true }));
  });
});

describe('补充材料', () => {
  it('the complainant adds text and a photo while open; the handling official is told and sees it', async () => {
    const a = await accepted(t);
    const v0 = await mine(a.id);
    expect(v0).toEqual(expect.objectContaining({ canSupplement: true, supplementsLeft: 5 }));
    const photo = await uploadPhoto(t, DEMO.resident1);
    const short = await t.call('complaints', 'supplement', { id: a.id, version: a.version, text: '  收据  ' }, DEMO.resident1);
    expect(short.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.text': expect.any(String) } }) });
    const other = await t.call('complaints', 'supplement', { id: a.id, version: a.version, text: '我也有收据可以证明' }, DEMO.resident2);
    expect(other.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    const official = await t.call('complaints', 'supplement', { id: a.id, version: a.version, text: '官员不能补充投诉人的材料' }, DEMO.county);
    expect(official.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const s = await t.ok<ComplaintView>('complaints', 'supplement', { id: a.id, version: a.version, text: '补充：这是多收费的收据照片', attachments: { photos: [photo] } }, DEMO.resident1);
    expect(s).toEqual(expect.objectContaining({ status: 'accepted', supplementsLeft: 4 }));
    expect(s.timeline.at(-1)).toEqual(expect.objectContaining({ label: '补充材料', note: '补充：这是多收费的收据照片', photos: [expect.stringContaining(photo)] }));
    expect((await outboxOf(DEMO.county)).filter((m) => m.event === 'complaint_supplemented' && m.complaintId === a.id)).toHaveLength(1);
    // Officials read the text at once, the photo after its check.
    expect((await caseOf(t, a.id, DEMO.county)).timeline.at(-1)).toEqual(expect.objectContaining({ note: '补充：这是多收费的收据照片', internal: false }));
    expect((await caseOf(t, a.id, DEMO.county)).timeline.at(-1)!.photos).toBeUndefined();
    await run();
    expect((await caseOf(t, a.id, DEMO.county)).timeline.at(-1)!.photos).toEqual([expect.stringContaining(photo)]);
    // Stale version: refreshed first.
    const stale = await t.call('complaints', 'supplement', { id: a.id, version: a.version, text: '再补充一点情况说明' }, DEMO.resident1);
    expect(stale.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });

  it('at most 5 per case, and none after the reply', async () => {
    const c = await fileComplaint(t);
    let version = c.version;
    for (let i = 1; i <= 5; i++) version = (await t.ok<ComplaintView>('complaints', 'supplement', { id: c.id, version, text: `第 ${i} 次补充情况` }, DEMO.resident1)).version;
    const sixth = await t.call('complaints', 'supplement', { id: c.id, version, text: '第 6 次补充情况' }, DEMO.resident1);
    expect(sixth.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', message: '每件投诉最多补充 5 次材料' }) });
    expect((await mine(c.id)).canSupplement).toBe(false);
    const r = await replied(t);
    expect((await mine(r.id)).canSupplement).toBe(false);
    const late = await t.call('complaints', 'supplement', { id: r.id, version: r.version, text: '答复之后的补充' }, DEMO.resident1);
    expect(late.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });
});

describe('问题还在吗 (回访)', () => {
  it('asked 28 days after the end; 还在 reopens once; a refused case opens a linked one; 已解决 is recorded', async () => {
    const r = await replied(t);
    const closed = await t.ok<ComplaintView>('complaints', 'evaluate', { id: r.id, version: r.version, evaluation: 'satisfied' }, DEMO.resident1);
    const refused0 = await fileComplaint(t);
    const refusedCase = await caseOf(t, refused0.id, DEMO.county);
    await t.ok('complaints', 'refuse', { id: refused0.id, version: refusedCase.version, reason: 'no_facts', text: '请说明具体时间和金额' }, DEMO.county);
    expect(closed.recheck).toBeNull();
    const early = await t.call('complaints', 'recheck', { id: r.id, version: closed.version, recheckAnswer: 'persists' }, DEMO.resident1);
    expect(early.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });

    t.clock.advanceDays(27);
    expect((await run()).rechecksAsked).toBeUndefined();
    t.clock.advanceDays(1.1);
    expect((await run()).rechecksAsked).toBeGreaterThanOrEqual(2);
    expect((await outboxOf(DEMO.resident1)).filter((m) => m.event === 'complaint_recheck' && [r.id, refused0.id].includes(m.complaintId))).toHaveLength(2);
    const asked = await mine(r.id);
    expect(asked.recheck).toEqual(expect.objectContaining({ answer: null, reopens: true }));
    expect(asked.timeline.at(-1)).toEqual(expect.objectContaining({ action: 'askRecheck', note: '问题还在吗？请告诉我们' }));

    // Another resident cannot answer; the complainant's 还在 reopens it for the county.
    const stranger = await t.call('complaints', 'recheck', { id: r.id, version: asked.version, recheckAnswer: 'persists' }, DEMO.resident2);
    expect(stranger.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    const reopened = await t.ok<ComplaintView>('complaints', 'recheck', { id: r.id, version: asked.version, recheckAnswer: 'persists' }, DEMO.resident1);
    expect(reopened).toEqual(expect.objectContaining({ status: 'accepted', progressLabel: '处理中', recheck: expect.objectContaining({ answer: 'persists' }) }));
    expect((await caseOf(t, r.id, DEMO.county)).reopenCount).toBe(1);
    // The complainant is told it reopened (重新办理, with the new date).
    expect((await outboxOf(DEMO.resident1)).filter((m) => m.event === 'complaint_reopened' && m.complaintId === r.id)).toHaveLength(1);

    // Refused: cannot reopen, so 还在 files a new case linked to it.
    const refused = await mine(refused0.id);
    expect(refused.recheck).toEqual(expect.objectContaining({ reopens: false }));
    const linked = await t.ok<ComplaintView>('complaints', 'recheck', { id: refused0.id, version: refused.version, recheckAnswer: 'persists' }, DEMO.resident1);
    expect(linked.status).toBe('refused');
    const newCase = linked.recheck!.linkedCase!;
    expect(newCase.trackingNo).toMatch(/^TS\d{6}/);
    const fresh = await mine(newCase.id);
    expect(fresh).toEqual(expect.objectContaining({ status: 'submitted', linkedFrom: { id: refused0.id, trackingNo: refused0.trackingNo } }));
    expect(fresh.timeline[0].note).toContain(refused0.trackingNo);
    // Answered once only.
    const twice = await t.call('complaints', 'recheck', { id: refused0.id, version: linked.version, recheckAnswer: 'resolved' }, DEMO.resident1);
    expect(twice.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });
});

describe('retention purge', () => {
  it('the complainant’s 补充材料 words and photos go with the rest of their data', async () => {
    const c = await fileComplaint(t);
    const photo = await uploadPhoto(t, DEMO.resident1);
    const s = await t.ok<ComplaintView>('complaints', 'supplement', { id: c.id, version: c.version, text: '张三收了我 8 元，电话 13812345678', attachments: { photos: [photo] } }, DEMO.resident1);
    await t.ok('complaints', 'withdraw', { id: c.id, version: s.version }, DEMO.resident1);
    t.clock.advanceDays(800);
    await run();
    const v = await mine(c.id);
    const entry = v.timeline.find((i) => i.action === 'supplement')!;
    expect(entry.note).not.toContain('张三');
    expect(entry.photos).toBeUndefined();
    expect((await caseOf(t, c.id, DEMO.county)).timeline.find((i) => i.action === 'supplement')!.note).not.toContain('张三');
  });
});
