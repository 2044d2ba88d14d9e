/**
 * The complaint loop over real HTTP (docs/product.md §3): file → accept → assign → reply → evaluate
 * (不满意 reopens once) → close; withdraw, refuse, extend, merge, similar/join, the station's
 * view without identity, public and officials' statistics, and the outbox delivered once.
 */
import type { ComplaintCaseView, ComplaintListItem, ComplaintView, PublicStationStats, SimilarItem, StatsView } from '../../core/complaint/api';
import type { OutboxMessage } from '../../core/complaint/model';
import { YUDU_OPERATOR } from '../../seed/demo';
import { accepted, caseOf, fileComplaint, replied, uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, countRows, rid, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

/** Wednesday 2026-09-30 10:00 Asia/Shanghai; 10-01..10-07 国庆, 10-10 (Sat) a make-up working day. */
const NOW = '2026-09-30T02:00:00.000Z';
const PHONE = '13912345678';
const PHONE_MASKED = '139****5678';
const TRACKING = /^TS260930[0-9A-HJKMNP-TV-Z]{6}$/;

type List = { items: ComplaintListItem[]; nextCursor: string | null };

const t = appForTests({ now: NOW });

async function outboxOf(openid: string): Promise<OutboxMessage[]> {
  const res = await t.raw(`/dev/outbox?openid=${openid}`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.data;
}

describe('the whole loop: file → accept → assign → reply → 不满意 → reply → 满意 → closed', () => {
  let id = '';
  let trackingNo = '';
  let photo = '';

  beforeAll(() => t.clock.set(NOW));

  it('a resident must send a requestId to file', async () => {
    const r = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元。' }, DEMO.resident1);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { requestId: expect.any(String) } }) });
    expect(countRows(t.app, 'complaints')).toBe(0);
  });

  it('files and gets a tracking number at once, accept due on the 3rd working day (10-10, a make-up Saturday)', async () => {
    photo = await uploadPhoto(t, DEMO.resident1);
    const v = await t.ok<ComplaintView>(
      'complaints',
      'submit',
      { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元，没有明码标价。', phone: PHONE, photos: [photo] },
      DEMO.resident1,
      rid(),
    );
    id = v.id;
    trackingNo = v.trackingNo;
    expect(v.trackingNo).toMatch(TRACKING);
    expect(v).toEqual(
      expect.objectContaining({
        status: 'submitted',
        statusLabel: '待受理',
        version: 1,
        stationId: HEAD_STATION,
        stationName: '江西电商扶贫工程贡江镇服务站',
        categoryLabel: '乱收费/未明码标价',
        acceptDueOn: '2026-10-10',
        replyDueOn: null,
        deadlineProvisional: false,
        phoneMasked: PHONE_MASKED,
        shareIdentity: false,
        canWithdraw: true,
        canEvaluate: false,
        supporters: 0,
      }),
    );
    expect(v.photos).toHaveLength(1);
    expect(v.photos[0]).toMatch(new RegExp(`^/files/${photo}\\?exp=\\d+&sig=`));
    expect(v.timeline).toEqual([expect.objectContaining({ action: 'submit', status: 'submitted', note: '请于 2026-10-10 前受理' })]);
    expect(JSON.stringify(v)).not.toContain(PHONE);
    // The stored row never holds the phone in clear.
    const doc = t.app.db.prepare('SELECT doc FROM complaints WHERE id = ?').pluck().get(id) as string;
    expect(doc).not.toContain(PHONE);
    expect(JSON.parse(doc).phoneCipher).toEqual(expect.any(String));
  });

  it('the photo link works for the complainant', async () => {
    const v = await t.ok<ComplaintView>('complaints', 'get', { id }, DEMO.resident1);
    const res = await t.raw(v.photos[0]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('the resident finds it in `mine` and by tracking number', async () => {
    const mine = await t.ok<List>('complaints', 'mine', {}, DEMO.resident1);
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    expect(mine.items[0]).toEqual(expect.objectContaining({ trackingNo, status: 'submitted', overdue: null, dueAt: '2026-10-10T16:00:00.000Z' }));
    const byNo = await t.ok<ComplaintView>('complaints', 'get', { trackingNo }, DEMO.resident1);
    expect(byNo.id).toBe(id);
    const other = await t.ok<List>('complaints', 'mine', {}, DEMO.resident2);
    expect(other.items).toEqual([]);
  });

  it('the county official sees it in the queue; detail shows the phone masked before acceptance', async () => {
    const q = await t.ok<List & { calendarWarning: string | null }>('complaints', 'queue', {}, DEMO.county);
    expect(q.items.map((i) => i.id)).toEqual([id]);
    expect(q.items[0]).toEqual(expect.objectContaining({ status: 'submitted', held: false, escalationLevel: 0, dueAt: '2026-10-10T16:00:00.000Z' }));
    // 2027 has no holiday data yet: officials are warned.
    expect(q.calendarWarning).toContain('2027');

    const d = await caseOf(t, id, DEMO.county);
    expect(d.phone).not.toBe(PHONE);
    expect(d.phoneMasked).toBe(PHONE_MASKED);
    expect(JSON.stringify(d)).not.toContain(PHONE);
    expect(d.description).toBe('快递代收每件多收两元，没有明码标价。');
    expect(d.allowedActions.sort()).toEqual(['accept', 'merge', 'note', 'refuse', 'transfer']);
    expect(d.overdue).toBeNull();
  });

  it('the county official accepts: reply due 5 working days later (10-13); the handler now sees the phone', async () => {
    const d = await t.ok<ComplaintCaseView>('complaints', 'accept', { id, version: 1 }, DEMO.county);
    expect(d).toEqual(expect.objectContaining({ status: 'accepted', version: 2, replyDueOn: '2026-10-13', phone: PHONE, phoneMasked: PHONE_MASKED }));
    expect(d.allowedActions.sort()).toEqual(['assign', 'extend', 'merge', 'note', 'progress', 'reply', 'transfer']);
    const again = await caseOf(t, id, DEMO.county);
    expect(again.phone).toBe(PHONE);
  });

  it('the city supervisor and the province admin see it, but the phone only masked', async () => {
    for (const who of [DEMO.city, DEMO.province]) {
      const d = await caseOf(t, id, who);
      expect(d.status).toBe('accepted');
      expect(d.phoneMasked).toBe(PHONE_MASKED);
      expect(JSON.stringify(d)).not.toContain(PHONE);
    }
  });

  it('operator staff do not see it before it is assigned to their company', async () => {
    const q = await t.ok<List>('complaints', 'queue', {}, DEMO.operatorStaff);
    expect(q.items).toEqual([]);
    const r = await t.call('complaints', 'detail', { id }, DEMO.operatorStaff);
    expect(r.status).toBe(404);
  });

  it('assign to the operating company → operator staff see it in their queue, with the phone (assigned handler)', async () => {
    const d = await t.ok<ComplaintCaseView>('complaints', 'assign', { id, version: 2, to: 'operator' }, DEMO.county);
    expect(d).toEqual(expect.objectContaining({ status: 'assigned', version: 3, assignee: { kind: 'operator', operatorName: YUDU_OPERATOR } }));
    expect(d.assigneeLabel).toContain(YUDU_OPERATOR);
    const q = await t.ok<List>('complaints', 'queue', {}, DEMO.operatorStaff);
    expect(q.items.map((i) => i.id)).toEqual([id]);
    const od = await caseOf(t, id, DEMO.operatorStaff);
    expect(od.phone).toBe(PHONE);
    expect(od.allowedActions).toContain('reply');
    expect(od.allowedActions).not.toContain('accept');
  });

  it('the operator replies; the resident sees the reply and may evaluate', async () => {
    const d = await t.ok<ComplaintCaseView>('complaints', 'reply', { id, version: 3, text: '已核实，多收费用已退还，并在店内公示收费标准。' }, DEMO.operatorStaff);
    expect(d).toEqual(expect.objectContaining({ status: 'replied', version: 4 }));
    const v = await t.ok<ComplaintView>('complaints', 'get', { id }, DEMO.resident1);
    expect(v).toEqual(expect.objectContaining({ status: 'replied', statusLabel: '已答复', canEvaluate: true, canWithdraw: false }));
    expect(v.reply).toEqual({ text: '已核实，多收费用已退还，并在店内公示收费标准。', at: NOW });
    // The complainant's timeline has no internal details (who handled it).
    for (const item of v.timeline) {
      expect(item).not.toHaveProperty('byRole');
      expect(item).not.toHaveProperty('internal');
    }
  });

  it('不满意 reopens it once: assigned again, reply cleared, a fresh reply deadline', async () => {
    t.clock.set('2026-10-09T02:00:00.000Z'); // Friday
    const v = await t.ok<ComplaintView>('complaints', 'evaluate', { id, version: 4, evaluation: 'unsatisfied', comment: '钱还没退' }, DEMO.resident1);
    expect(v).toEqual(expect.objectContaining({ status: 'assigned', version: 5, reply: null, replyDueOn: '2026-10-15', evaluation: 'unsatisfied', canEvaluate: false }));
    const d = await caseOf(t, id, DEMO.county);
    expect(d.reopenCount).toBe(1);
    expect(d.assignee).toEqual({ kind: 'operator', operatorName: YUDU_OPERATOR });
  });

  it('the operator replies again and 满意 closes it', async () => {
    await t.ok('complaints', 'reply', { id, version: 5, text: '已上门退款，请查收。' }, DEMO.operatorStaff);
    const v = await t.ok<ComplaintView>('complaints', 'evaluate', { id, version: 6, evaluation: 'satisfied' }, DEMO.resident1);
    expect(v).toEqual(expect.objectContaining({ status: 'closed', statusLabel: '已办结', version: 7, evaluation: 'satisfied', canEvaluate: false, canWithdraw: false }));
    expect(v.timeline.map((i) => i.action)).toEqual(['submit', 'accept', 'assign', 'reply', 'evaluate', 'reply', 'evaluate']);
    expect(v.timeline.map((i) => i.status)).toEqual(['submitted', 'accepted', 'assigned', 'replied', 'assigned', 'replied', 'closed']);
    // Nothing more: a closed complaint cannot be evaluated or replied to again.
    const again = await t.call('complaints', 'evaluate', { id, version: 7, evaluation: 'unsatisfied' }, DEMO.resident1);
    expect(again.status).toBe(409);
    const reply = await t.call('complaints', 'reply', { id, version: 7, text: '再答复一次试试看。' }, DEMO.county);
    expect(reply.status).toBe(409);
    expect(countRows(t.app, 'complaint_history', 'complaint_id = ?', id)).toBe(7);
  });

  it('the outbox holds one message per resident-facing event, and the scheduler delivers each once', async () => {
    const mine = (await outboxOf(DEMO.resident1)).filter((m) => m.complaintId === id);
    // 受理, 转办, two 答复, 不满意 (重新办理, with the new date), 满意 (办结): issue 11 §3.
    expect(mine.map((m) => m.event).sort()).toEqual(['complaint_accepted', 'complaint_assigned', 'complaint_closed', 'complaint_reopened', 'complaint_replied', 'complaint_replied']);
    for (const m of mine) {
      expect(m.sentAt).toBeNull();
      expect(Object.keys(m.payload).sort()).toEqual(['category', 'station', 'status', 'trackingNo', ...(m.event === 'complaint_reopened' ? ['dueOn'] : [])].sort());
      expect(m.payload.trackingNo).toBe(trackingNo);
      expect(JSON.stringify(m)).not.toContain('多收两元');
    }
    const pending = countRows(t.app, 'outbox', 'sent_at IS NULL');
    const before = t.notifier.delivered.length;
    const res = await t.raw('/dev/scheduler/run', { method: 'POST' });
    expect(res.status).toBe(200);
    const run = await res.json();
    expect(run).toEqual({ ok: true, data: expect.objectContaining({ sent: pending, failed: 0, escalated: 0, autoClosed: 0 }) });
    expect(t.notifier.delivered.length - before).toBe(pending);
    const second = await (await t.raw('/dev/scheduler/run', { method: 'POST' })).json();
    expect(second.data).toEqual(expect.objectContaining({ sent: 0, failed: 0, escalated: 0, autoClosed: 0 }));
    expect(t.notifier.delivered.length - before).toBe(pending);
    expect((await outboxOf(DEMO.resident1)).every((m) => m.sentAt !== null)).toBe(true);
  });
});

describe('withdraw, refuse, extend', () => {
  beforeEach(() => t.clock.set(NOW));

  it('a resident withdraws before the reply; not twice, and not after the reply', async () => {
    const c = await fileComplaint(t);
    const v = await t.ok<ComplaintView>('complaints', 'withdraw', { id: c.id, version: 1 }, DEMO.resident1);
    expect(v).toEqual(expect.objectContaining({ status: 'withdrawn', statusLabel: '已撤回', canWithdraw: false }));
    const again = await t.call('complaints', 'withdraw', { id: c.id, version: 2 }, DEMO.resident1);
    expect(again.status).toBe(409);

    const a = await accepted(t);
    const w = await t.ok<ComplaintView>('complaints', 'withdraw', { id: a.id, version: a.version }, DEMO.resident1);
    expect(w.status).toBe('withdrawn');

    const r = await replied(t);
    const late = await t.call('complaints', 'withdraw', { id: r.id, version: r.version }, DEMO.resident1);
    expect(late.status).toBe(409);
    expect((await caseOf(t, r.id)).status).toBe('replied');
  });

  it('a stale version is a CONFLICT', async () => {
    const a = await accepted(t);
    const r = await t.call('complaints', 'withdraw', { id: a.id, version: 1 }, DEMO.resident1);
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });

  it('an official refuses with a reason from the list and a text; the resident sees both and a notification is queued', async () => {
    const c = await fileComplaint(t);
    const missing = await t.call('complaints', 'refuse', { id: c.id, version: 1, text: '没有说明' }, DEMO.county);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ ok: false, error: expect.objectContaining({ fields: { 'data.reason': expect.any(String) } }) });
    const d = await t.ok<ComplaintCaseView>('complaints', 'refuse', { id: c.id, version: 1, reason: 'no_facts', text: '未说明具体时间和经过' }, DEMO.county);
    expect(d).toEqual(expect.objectContaining({ status: 'refused', refusal: { reason: 'no_facts', text: '未说明具体时间和经过' } }));
    const v = await t.ok<ComplaintView>('complaints', 'get', { id: c.id }, DEMO.resident1);
    expect(v.statusLabel).toBe('不予受理');
    expect(v.timeline[v.timeline.length - 1].note).toBe('没有具体事实和诉求：未说明具体时间和经过');
    const msgs = (await outboxOf(DEMO.resident1)).filter((m) => m.complaintId === c.id);
    expect(msgs.map((m) => m.event)).toEqual(['complaint_refused']);
    // A refused complaint cannot be accepted afterwards.
    expect((await t.call('complaints', 'accept', { id: c.id, version: 2 }, DEMO.county)).status).toBe(409);
  });

  it('the reply deadline is extended once by up to 10 working days', async () => {
    const a = await accepted(t);
    expect(a.replyDueOn).toBe('2026-10-13');
    const tooLong = await t.call('complaints', 'extend', { id: a.id, version: a.version, workdays: 11, reason: '需要调查取证' }, DEMO.county);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.workdays': expect.any(String) } }) });
    const noReason = await t.call('complaints', 'extend', { id: a.id, version: a.version, workdays: 3 }, DEMO.county);
    expect(noReason.status).toBe(400);

    const d = await t.ok<ComplaintCaseView>('complaints', 'extend', { id: a.id, version: a.version, workdays: 10, reason: '需要调查取证' }, DEMO.county);
    // 10 working days after 10-13: 10-14 … 10-27.
    expect(d.replyDueOn).toBe('2026-10-27');
    expect(d.extension).toEqual({ workdays: 10, reason: '需要调查取证', at: NOW });
    expect(d.allowedActions).not.toContain('extend');
    const second = await t.call('complaints', 'extend', { id: a.id, version: d.version, workdays: 1, reason: '还要再查' }, DEMO.county);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    expect((await caseOf(t, a.id)).replyDueOn).toBe('2026-10-27');
  });
});

describe('duplicates: similar, join, merge', () => {
  const STATION = 'st-360731100-006';
  let first: ComplaintView;
  let second: ComplaintView;

  beforeAll(async () => {
    t.clock.set(NOW);
    first = await fileComplaint(t, { stationId: STATION, category: 'parcel', description: '寄的包裹丢了，站点不肯赔。', phone: PHONE });
    second = await fileComplaint(t, { stationId: STATION, category: 'parcel', description: '我的快递也被弄丢了。' }, DEMO.resident2);
    await fileComplaint(t, { stationId: STATION, category: 'attitude', description: '工作人员态度很差。' });
    const gone = await fileComplaint(t, { stationId: STATION, category: 'parcel', description: '包裹破损了。' });
    await t.ok('complaints', 'withdraw', { id: gone.id, version: 1 }, DEMO.resident1);
  });

  it('similar lists open complaints of the same station and category, without personal data', async () => {
    const list = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: STATION, category: 'parcel' }, DEMO.resident2);
    expect(list.map((s) => s.id).sort()).toEqual([second.id, first.id].sort());
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['categoryLabel', 'id', 'mine', 'statusLabel', 'submittedOn', 'supporters', 'trackingNo']);
      expect(s).toEqual(expect.objectContaining({ categoryLabel: '快递丢失/损坏', statusLabel: '待受理', submittedOn: '2026-09-30' }));
      // resident2 filed `second`: shown as theirs, not as someone else's to support.
      expect(s.mine).toBe(s.id === second.id);
    }
    const text = JSON.stringify(list);
    expect(text).not.toContain('包裹');
    expect(text).not.toContain(PHONE_MASKED);
    expect(text).not.toContain('demo-resident');
    const none = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: STATION, category: 'fraud' }, DEMO.resident2);
    expect(none).toEqual([]);
  });

  it('join adds a supporter once; the owner cannot join their own', async () => {
    expect(await t.ok('complaints', 'join', { id: first.id }, DEMO.resident2)).toEqual({ supporters: 1, added: true });
    expect(await t.ok('complaints', 'join', { id: first.id }, DEMO.resident2)).toEqual({ supporters: 1, added: false });
    const own = await t.call('complaints', 'join', { id: first.id }, DEMO.resident1);
    expect(own.status).toBe(409);
    expect((await caseOf(t, first.id)).supporters).toBe(1);
    expect(countRows(t.app, 'complaint_supporters', 'complaint_id = ?', first.id)).toBe(1);
  });

  it('an official merges a duplicate into another complaint of the same station', async () => {
    const self = await t.call('complaints', 'merge', { id: second.id, version: 1, intoId: second.id }, DEMO.county);
    expect(self.status).toBe(400);
    const elsewhere = await fileComplaint(t, { category: 'parcel', description: '另一个站点的包裹也丢了。' });
    const cross = await t.call('complaints', 'merge', { id: second.id, version: 1, intoId: elsewhere.id }, DEMO.county);
    expect(cross.status).toBe(400);
    expect(cross.body).toEqual({ ok: false, error: expect.objectContaining({ fields: { intoId: expect.any(String) } }) });

    const d = await t.ok<ComplaintCaseView>('complaints', 'merge', { id: second.id, version: 1, intoId: first.id }, DEMO.county);
    expect(d).toEqual(expect.objectContaining({ status: 'merged', mergedInto: first.id }));
    const v = await t.ok<ComplaintView>('complaints', 'get', { id: second.id }, DEMO.resident2);
    expect(v.statusLabel).toBe('已并单');
    expect(v.timeline[v.timeline.length - 1].note).toBe(`并入 ${first.trackingNo} 一并办理`);
    const msgs = (await outboxOf(DEMO.resident2)).filter((m) => m.complaintId === second.id);
    expect(msgs.map((m) => m.event)).toEqual(['complaint_closed']);
    // No longer offered as a similar open complaint.
    const list = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: STATION, category: 'parcel' }, DEMO.resident2);
    expect(list.map((s) => s.id)).toEqual([first.id]);
    // Merging into a final complaint is refused.
    const third = await fileComplaint(t, { stationId: STATION, category: 'parcel', description: '快递又丢了一个。' });
    const intoMerged = await t.call('complaints', 'merge', { id: third.id, version: 1, intoId: second.id }, DEMO.county);
    expect(intoMerged.status).toBe(409);
  });
});

describe("the station's view", () => {
  let hidden: ComplaintView;
  let shared: ComplaintView;

  beforeAll(async () => {
    t.clock.set(NOW);
    hidden = await fileComplaint(t, { category: 'attitude', description: '站长说话很冲，不让我寄件。', phone: PHONE });
    shared = await fileComplaint(t, { category: 'attitude', description: '站长不给开收据。', phone: '13800001111', shareIdentity: true }, DEMO.resident2);
  });

  it('lists complaints about the own station only', async () => {
    const list = await t.ok<List>('complaints', 'station', { limit: 50 }, DEMO.stationHead);
    const ids = list.items.map((i) => i.id);
    expect(ids).toContain(hidden.id);
    expect(ids).toContain(shared.id);
    const rows = t.app.db.prepare('SELECT id FROM complaints WHERE station_id = ?').pluck().all(HEAD_STATION) as string[];
    expect(ids.sort()).toEqual(rows.sort());
    const other = await t.call('complaints', 'station', { stationId: 'st-360731100-006' }, DEMO.stationHead);
    expect(other.status).toBe(403);
  });

  it('without shareIdentity the station sees the content but not who complained', async () => {
    const d = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: hidden.id }, DEMO.stationHead);
    expect(d.description).toBe('站长说话很冲，不让我寄件。');
    expect(d.phone).toBeNull();
    expect(d.phoneMasked).toBeNull();
    expect(d.complainant).toContain('匿名');
    expect(d.allowedActions).toEqual([]);
    const text = JSON.stringify(d);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(PHONE_MASKED);
    expect(text).not.toContain('demo-resident');
  });

  it('with shareIdentity the station sees the masked contact, never the full number', async () => {
    const d = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: shared.id }, DEMO.stationHead);
    expect(d.phoneMasked).toBe('138****1111');
    expect(d.complainant).toContain('138****1111');
    expect(JSON.stringify(d)).not.toContain('13800001111');
  });

  it('assigned to the station, the head replies, and still does not learn who complained', async () => {
    const a = await accepted(t, { category: 'attitude', description: '站长骂人，态度恶劣。', phone: PHONE });
    const s = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: a.id, version: a.version, to: 'station' }, DEMO.county);
    expect(s.assignee).toEqual({ kind: 'station', stationId: HEAD_STATION });
    // The station's own view offers the reply it now owes, still without identity.
    const before = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: a.id }, DEMO.stationHead);
    // The reply it now owes, 签收/退单 of the assignment and 延期申请 (issue 11 §2).
    expect(before.allowedActions).toEqual(['reply', 'receive', 'decline', 'requestExtension', 'progress']);
    expect(before.phone).toBeNull();
    expect(before.phoneMasked).toBeNull();
    const d = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: a.id, version: s.version, text: '已向投诉人当面道歉。' }, DEMO.stationHead);
    expect(d.status).toBe('replied');
    const text = JSON.stringify(d);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(PHONE_MASKED);
    expect(text).not.toContain('demo-resident');
    expect(text).not.toContain(DEMO.county);
    expect(d.timeline.every((i) => i.byRole === undefined)).toBe(true);
  });

  it('assigned to the station with shareIdentity, the head as handler may call back', async () => {
    const a = await accepted(t, { category: 'attitude', description: '站长不给开收据，请回电。', phone: '13800002222', shareIdentity: true });
    const s = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: a.id, version: a.version, to: 'station' }, DEMO.county);
    const d = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: s.id }, DEMO.stationHead);
    expect(d.phone).toBe('13800002222');
    expect(d.allowedActions).toEqual(['reply', 'receive', 'decline', 'requestExtension', 'progress']);
  });
});

describe('statistics', () => {
  const STATION = 'st-360731100-008';

  it('public per-station figures count complaints, on-time replies and satisfaction, with no personal data', async () => {
    t.clock.set(NOW);
    // A: replied on time, 满意. B: replied on time, 不满意 twice (reopened, then closed 不满意).
    // C: withdrawn (not counted publicly). D: refused. E: waiting. F: replied late, 基本满意.
    const on = { stationId: STATION, phone: PHONE };
    const a = await replied(t, on);
    await t.ok('complaints', 'evaluate', { id: a.id, version: a.version, evaluation: 'satisfied' }, DEMO.resident1);
    const b = await replied(t, on);
    const b2 = await t.ok<ComplaintView>('complaints', 'evaluate', { id: b.id, version: b.version, evaluation: 'unsatisfied' }, DEMO.resident1);
    const b3 = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: b.id, version: b2.version, text: '第二次答复，已经处理。' }, DEMO.county);
    await t.ok('complaints', 'evaluate', { id: b.id, version: b3.version, evaluation: 'unsatisfied' }, DEMO.resident1);
    const c = await fileComplaint(t, on);
    await t.ok('complaints', 'withdraw', { id: c.id, version: 1 }, DEMO.resident1);
    const d = await fileComplaint(t, on);
    await t.ok('complaints', 'refuse', { id: d.id, version: 1, reason: 'other', text: '不属于本站' }, DEMO.county);
    await fileComplaint(t, on);
    const f = await accepted(t, on); // reply due 2026-10-13
    t.clock.set('2026-10-14T02:00:00.000Z');
    const f2 = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: f.id, version: f.version, text: '迟到的答复，抱歉。' }, DEMO.county);
    await t.ok('complaints', 'evaluate', { id: f.id, version: f2.version, evaluation: 'basically' }, DEMO.resident1);

    const pub = await t.call<PublicStationStats>('complaints', 'publicStats', { stationId: STATION }, null);
    expect(pub.status).toBe(200);
    if (!pub.body.ok) throw new Error('not ok');
    expect(pub.body.data).toEqual({ stationId: STATION, months: 12, complaints: 5, onTimeRate: 2 / 3, satisfactionRate: 2 / 3 });

    const s = await t.ok<StatsView>('complaints', 'stats', { stationId: STATION }, DEMO.county);
    expect(s.total).toBe(6);
    const byStatus = Object.fromEntries(s.byStatus.map((x) => [x.status, x.count]));
    expect(byStatus).toEqual({ closed: 3, withdrawn: 1, refused: 1, submitted: 1 });
    expect(s.onTimeRate).toBeCloseTo(2 / 3);
    expect(s.satisfactionRate).toBeCloseTo(2 / 3);
    expect(Object.fromEntries(s.evaluations.map((e) => [e.key, e.count]))).toEqual({ satisfied: 1, basically: 1, unsatisfied: 1, none: 0 });
    expect(s.byStation).toEqual([{ stationId: STATION, stationName: expect.any(String), count: 6 }]);
    expect(JSON.stringify(s)).not.toContain(PHONE_MASKED);

    // The county's stats cover every complaint of the county filed in this file; the city sees the same.
    const county = await t.ok<StatsView>('complaints', 'stats', {}, DEMO.county);
    expect(county.total).toBe(countRows(t.app, 'complaints'));
    const city = await t.ok<StatsView>('complaints', 'stats', {}, DEMO.city);
    expect(city.total).toBe(county.total);
    // Residents and operator staff get no statistics.
    expect((await t.call('complaints', 'stats', {}, DEMO.resident1)).status).toBe(403);
    expect((await t.call('complaints', 'stats', {}, DEMO.operatorStaff)).status).toBe(403);
  });
});
