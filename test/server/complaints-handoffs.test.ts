/**
 * The hand-offs a 12345 hotline makes (issue 11 §2) over real HTTP: 签收 / 退单 by the assignee,
 * 延期申请 approved one level up, 督办 by hand from city and province, 转其他部门.
 */
import type { ComplaintCaseView, ComplaintListItem, ComplaintView, StatsView } from '../../core/complaint/api';
import { accepted, assignedToOperator, caseOf } from '../support/complaints';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

/** Wednesday 2026-09-30 10:00 Asia/Shanghai. */
const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });

type List = { items: ComplaintListItem[]; nextCursor: string | null };

describe('签收 / 退单', () => {
  it('an assignment is flagged until the operator confirms it (签收), in the queue and on the case', async () => {
    const a = await assignedToOperator(t);
    expect(a.awaitingReceipt).toBe(true);
    expect(a.assignedAt).toBe(NOW);
    expect(a.receivedAt).toBeNull();
    const queue = await t.ok<List>('complaints', 'queue', {}, DEMO.county);
    expect(queue.items.find((i) => i.id === a.id)).toEqual(expect.objectContaining({ awaitingReceipt: true, returned: false }));
    // Only the assignee may confirm: not the county, not the station.
    const byCounty = await t.call('complaints', 'receive', { id: a.id, version: a.version }, DEMO.county);
    expect(byCounty.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const ops = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: a.id }, DEMO.operatorStaff);
    expect(ops.allowedActions).toEqual(expect.arrayContaining(['receive', 'decline', 'reply']));
    const r = await t.ok<ComplaintCaseView>('complaints', 'receive', { id: a.id, version: a.version }, DEMO.operatorStaff);
    expect(r).toEqual(expect.objectContaining({ status: 'assigned', awaitingReceipt: false, receivedAt: NOW }));
    expect(r.allowedActions).not.toContain('decline');
    // Once received it cannot be handed back, nor received twice.
    const late = await t.call('complaints', 'decline', { id: a.id, version: r.version, reason: '不归我们管' }, DEMO.operatorStaff);
    expect(late.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    // The complainant sees it is being handled.
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(mine.timeline.map((i) => i.label)).toContain('签收');
  });

  it('the station hands a wrong assignment back with a reason; the county sees it returned and assigns again', async () => {
    const a = await accepted(t);
    const s = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: a.id, version: a.version, to: 'station' }, DEMO.county);
    const noReason = await t.call('complaints', 'decline', { id: a.id, version: s.version }, DEMO.stationHead);
    expect(noReason.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { 'data.reason': expect.any(String) } }) });
    const extra = await t.call('complaints', 'decline', { id: a.id, version: s.version, reason: '快递由运营单位负责', to: 'x' }, DEMO.stationHead);
    expect(extra.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
    const d = await t.ok<ComplaintCaseView>('complaints', 'decline', { id: a.id, version: s.version, reason: '快递由运营单位负责' }, DEMO.stationHead);
    expect(d).toEqual(expect.objectContaining({ status: 'accepted', assignee: null, awaitingReceipt: false }));
    const c = await caseOf(t, a.id, DEMO.county);
    expect(c.returns).toEqual([{ at: NOW, reason: '快递由运营单位负责', assigneeLabel: '站点：江西电商扶贫工程贡江镇服务站' }]);
    expect(c.allowedActions).toContain('assign');
    expect(c.timeline.at(-1)).toEqual(expect.objectContaining({ label: '退单', note: '退单：快递由运营单位负责', internal: true }));
    const queue = await t.ok<List>('complaints', 'queue', {}, DEMO.county);
    expect(queue.items.find((i) => i.id === a.id)).toEqual(expect.objectContaining({ returned: true }));
    // The official who accepted it is told (issue 11 §3), on the officials' case page.
    expect((await outboxOf(DEMO.county)).filter((m) => m.event === 'complaint_returned' && m.complaintId === a.id)).toHaveLength(1);
    // The station no longer owes anything on it; the complainant does not see the internal hand-back.
    const st = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: a.id }, DEMO.stationHead);
    expect(st.allowedActions).toEqual([]);
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(mine.timeline.map((i) => i.label)).not.toContain('退单');
    const again = await t.ok<ComplaintCaseView>('complaints', 'assign', { id: a.id, version: c.version, to: 'operator' }, DEMO.county);
    expect(again).toEqual(expect.objectContaining({ status: 'assigned', awaitingReceipt: true }));
    expect(HEAD_STATION).toBe(a.stationId);
  });
});

async function outboxOf(openid: string): Promise<{ event: string; complaintId: string; payload: Record<string, string> }[]> {
  const res = await t.raw(`/dev/outbox?openid=${openid}`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.data;
}

describe('延期申请', () => {
  it('the operator asks with a reason and a date; the county approves; the deadline moves and the complainant is told the date', async () => {
    const a = await assignedToOperator(t);
    expect(a.replyDueOn).toBe('2026-10-13');
    // The county extends directly (its own 延期) but does not "ask"; the station is not the assignee.
    const byCounty = await t.call('complaints', 'requestExtension', { id: a.id, version: a.version, dueOn: '2026-10-20', reason: '等快递公司证明' }, DEMO.county);
    expect(byCounty.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const tooFar = await t.call('complaints', 'requestExtension', { id: a.id, version: a.version, dueOn: '2026-11-30', reason: '等快递公司证明' }, DEMO.operatorStaff);
    expect(tooFar.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', message: '最多延期 10 个工作日', fields: { dueOn: expect.any(String) } }) });
    const early = await t.call('complaints', 'requestExtension', { id: a.id, version: a.version, dueOn: '2026-10-13', reason: '等快递公司证明' }, DEMO.operatorStaff);
    expect(early.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { dueOn: expect.any(String) } }) });
    const r = await t.ok<ComplaintCaseView>('complaints', 'requestExtension', { id: a.id, version: a.version, dueOn: '2026-10-20', reason: '等快递公司证明' }, DEMO.operatorStaff);
    expect(r.extensionRequest).toEqual({ dueOn: '2026-10-20', workdays: 5, reason: '等快递公司证明', at: NOW, decision: null });
    expect(r.replyDueOn).toBe('2026-10-13');
    expect(r.allowedActions).not.toContain('requestExtension');
    expect((await outboxOf(DEMO.county)).filter((m) => m.event === 'extension_requested' && m.complaintId === a.id)[0]?.payload.dueOn).toBe('2026-10-20');
    // The operator cannot decide its own request; the county sees the decision buttons and not a second 延期.
    const self = await t.call('complaints', 'approveExtension', { id: a.id, version: r.version }, DEMO.operatorStaff);
    expect(self.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const county = await caseOf(t, a.id, DEMO.county);
    expect(county.allowedActions).toEqual(expect.arrayContaining(['approveExtension', 'refuseExtension']));
    expect(county.allowedActions).not.toContain('extend');
    const before = (await outboxOf(DEMO.resident1)).length;
    const ok = await t.ok<ComplaintCaseView>('complaints', 'approveExtension', { id: a.id, version: county.version }, DEMO.county);
    expect(ok).toEqual(expect.objectContaining({ replyDueOn: '2026-10-20', extension: { workdays: 5, reason: '等快递公司证明', at: NOW } }));
    expect(ok.extensionRequest?.decision).toEqual({ approved: true, note: null, at: NOW });
    const told = await outboxOf(DEMO.resident1);
    expect(told).toHaveLength(before + 1);
    expect(told.find((m) => m.event === 'complaint_extended' && m.complaintId === a.id)?.payload).toEqual(expect.objectContaining({ dueOn: '2026-10-20', status: '已延期', trackingNo: a.trackingNo }));
    // The complainant's own view shows the new date and a plain line in the timeline.
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(mine.replyDueOn).toBe('2026-10-20');
    expect(mine.timeline.at(-1)).toEqual(expect.objectContaining({ label: '同意延期', note: '同意延期 5 个工作日至 2026-10-20：等快递公司证明' }));
    expect(mine.timeline.map((i) => i.label)).not.toContain('延期申请');
    // One extension per complaint.
    const again = await t.call('complaints', 'requestExtension', { id: a.id, version: ok.version, dueOn: '2026-10-22', reason: '还要再等' }, DEMO.operatorStaff);
    expect(again.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });

  it('the county refuses with a reason: the deadline stays, nobody else is told, the assignee sees why', async () => {
    const a = await assignedToOperator(t);
    const r = await t.ok<ComplaintCaseView>('complaints', 'requestExtension', { id: a.id, version: a.version, dueOn: '2026-10-15', reason: '人手不够' }, DEMO.operatorStaff);
    const noNote = await t.call('complaints', 'refuseExtension', { id: a.id, version: r.version }, DEMO.county);
    expect(noNote.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
    const before = (await outboxOf(DEMO.resident1)).length;
    const no = await t.ok<ComplaintCaseView>('complaints', 'refuseExtension', { id: a.id, version: r.version, note: '事实清楚，请按期答复' }, DEMO.county);
    expect(no.replyDueOn).toBe('2026-10-13');
    expect(no.extension).toBeNull();
    expect((await outboxOf(DEMO.resident1)).length).toBe(before);
    const ops = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: a.id }, DEMO.operatorStaff);
    expect(ops.extensionRequest?.decision).toEqual({ approved: false, note: '事实清楚，请按期答复', at: NOW });
    // Refused, the assignee may ask again.
    expect(ops.allowedActions).toContain('requestExtension');
  });
});

describe('督办 by hand', () => {
  it('the city issues a 督办 with an instruction and a deadline; the county must answer; it shows on the case, in the queue and in the figures', async () => {
    const a = await accepted(t);
    const statsBefore = await t.ok<StatsView>('complaints', 'stats', {}, DEMO.county);
    // The county cannot supervise itself; a date in the past is refused.
    const byCounty = await t.call('complaints', 'supervise', { id: a.id, version: a.version, instruction: '请核实', dueOn: '2026-10-09' }, DEMO.county);
    expect(byCounty.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const past = await t.call('complaints', 'supervise', { id: a.id, version: a.version, instruction: '请核实', dueOn: '2026-09-29' }, DEMO.city);
    expect(past.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { dueOn: expect.any(String) } }) });
    const s = await t.ok<ComplaintCaseView>('complaints', 'supervise', { id: a.id, version: a.version, instruction: '群众反映强烈，请县局三日内核实', dueOn: '2026-10-09' }, DEMO.city);
    expect(s).toEqual(expect.objectContaining({ escalationLevel: 1, escalationLabel: '市级督办' }));
    expect(s.supervisions).toEqual([{ at: NOW, level: 1, levelLabel: '市级督办', instruction: '群众反映强烈，请县局三日内核实', dueOn: '2026-10-09', answer: null, overdue: false }]);
    // One open 督办 at a time.
    const twice = await t.call('complaints', 'supervise', { id: a.id, version: s.version, instruction: '再督办', dueOn: '2026-10-09' }, DEMO.province);
    expect(twice.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    const queue = await t.ok<List>('complaints', 'queue', { escalated: true }, DEMO.county);
    expect(queue.items.find((i) => i.id === a.id)).toEqual(expect.objectContaining({ supervisionDueOn: '2026-10-09', escalationLevel: 1 }));
    const county = await caseOf(t, a.id, DEMO.county);
    expect(county.allowedActions).toContain('answerSupervision');
    expect(county.allowedActions).not.toContain('supervise');
    const byCity = await t.call('complaints', 'answerSupervision', { id: a.id, version: s.version, answer: '自己答' }, DEMO.city);
    expect(byCity.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect((await outboxOf(DEMO.county)).filter((m) => m.event === 'complaint_supervised' && m.complaintId === a.id)).toHaveLength(1);
    expect(JSON.stringify(s.supervisions)).not.toContain(DEMO.city); // who issued it is never shown
    // The station does not see the 督办 between the county and its superiors.
    const st = await t.ok<ComplaintCaseView>('complaints', 'stationDetail', { id: a.id }, DEMO.stationHead);
    expect(st.supervisions).toEqual([]);
    const answered = await t.ok<ComplaintCaseView>('complaints', 'answerSupervision', { id: a.id, version: s.version, answer: '已约谈站长，责令退还多收费用' }, DEMO.county);
    expect(answered.supervisions?.[0].answer).toEqual({ text: '已约谈站长，责令退还多收费用', at: NOW });
    // The city that issued it is told of the answer.
    expect((await outboxOf(DEMO.city)).filter((m) => m.event === 'supervision_answered' && m.complaintId === a.id)).toHaveLength(1);
    // The city sees the answer in the timeline; the complainant sees neither the instruction nor the answer.
    const city = await caseOf(t, a.id, DEMO.city);
    expect(city.timeline.map((i) => i.label).slice(-2)).toEqual(['督办', '督办答复']);
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(JSON.stringify(mine)).not.toContain('约谈');
    // The province may issue the next one: the case is now at province level.
    const p = await t.ok<ComplaintCaseView>('complaints', 'supervise', { id: a.id, version: answered.version, instruction: '请省厅跟踪', dueOn: '2026-10-16' }, DEMO.province);
    expect(p.escalationLabel).toBe('省级督办');
    // Handed to another department meanwhile, its unanswered 督办 is no longer flagged in the queue.
    await t.ok<ComplaintCaseView>('complaints', 'transfer', { id: a.id, version: p.version, department: 'market', reference: 'SJ-1', note: '属于市场监管事项' }, DEMO.county);
    const after = await t.ok<List>('complaints', 'queue', {}, DEMO.county);
    expect(after.items.find((i) => i.id === a.id)?.supervisionDueOn ?? null).toBeNull();
    const statsAfter = await t.ok<StatsView>('complaints', 'stats', {}, DEMO.county);
    expect(statsAfter.handoffs!.supervised).toBe(statsBefore.handoffs!.supervised + 1);
    expect(statsAfter.handoffs!.declined).toBeGreaterThanOrEqual(1); // the station's 退单 above
    expect(statsAfter.handoffs!.extended).toBeGreaterThanOrEqual(1); // the approved 延期 above
  });
});

describe('转其他部门', () => {
  it('the county hands a case outside station matters to another department: a final state with the department and its reference; the complainant told', async () => {
    const transferredBefore = (await t.ok<StatsView>('complaints', 'stats', {}, DEMO.county)).byStatus.find((x) => x.status === 'transferred')?.count ?? 0;
    const a = await accepted(t, { category: 'parcel', description: '快递在邮政网点丢失，站点说不归他们管。' });
    const byOps = await t.call('complaints', 'transfer', { id: a.id, version: a.version, department: 'postal', reference: 'YZ-1', note: '请向邮政管理部门反映' }, DEMO.operatorStaff);
    expect(byOps.body).toEqual({ ok: false, error: expect.objectContaining({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) }) });
    const unknown = await t.call('complaints', 'transfer', { id: a.id, version: a.version, department: 'court', reference: 'YZ-1', note: '请向邮政管理部门反映' }, DEMO.county);
    expect(unknown.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
    const noName = await t.call('complaints', 'transfer', { id: a.id, version: a.version, department: 'other', reference: 'YZ-1', note: '请向有关部门反映' }, DEMO.county);
    expect(noName.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { departmentName: expect.any(String) } }) });
    const before = (await outboxOf(DEMO.resident1)).length;
    const x = await t.ok<ComplaintCaseView>('complaints', 'transfer', { id: a.id, version: a.version, department: 'postal', reference: 'YZ20260930-01', note: '快递丢失由邮政管理部门依法处理' }, DEMO.county);
    expect(x).toEqual(expect.objectContaining({ status: 'transferred', statusLabel: '已转其他部门', allowedActions: ['note'] }));
    expect(x.transfer).toEqual({ departmentName: '邮政管理部门', reference: 'YZ20260930-01', note: '快递丢失由邮政管理部门依法处理', at: NOW });
    const told = await outboxOf(DEMO.resident1);
    expect(told).toHaveLength(before + 1);
    expect(told.find((m) => m.event === 'complaint_transferred' && m.complaintId === a.id)?.payload).toEqual(expect.objectContaining({ department: '邮政管理部门', trackingNo: a.trackingNo }));
    // The complainant sees where it went and its number there, in plain words; it is final.
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(mine).toEqual(expect.objectContaining({ status: 'transferred', statusLabel: '已转其他部门', canWithdraw: false }));
    expect(mine.transfer).toEqual({ departmentName: '邮政管理部门', reference: 'YZ20260930-01', note: '快递丢失由邮政管理部门依法处理', at: NOW });
    expect(mine.timeline.at(-1)).toEqual(expect.objectContaining({ label: '转其他部门', note: '已转交邮政管理部门办理（对方编号 YZ20260930-01）：快递丢失由邮政管理部门依法处理' }));
    const later = await t.call('complaints', 'assign', { id: a.id, version: x.version, to: 'operator' }, DEMO.county);
    expect(later.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
    // 其他部门 by name.
    const b = await accepted(t);
    const y = await t.ok<ComplaintCaseView>('complaints', 'transfer', { id: b.id, version: b.version, department: 'other', departmentName: '县交通运输局', reference: 'JT-7', note: '道路问题' }, DEMO.county);
    expect(y.transfer?.departmentName).toBe('县交通运输局');
    const stats = await t.ok<StatsView>('complaints', 'stats', {}, DEMO.county);
    expect(stats.byStatus.find((s) => s.status === 'transferred')).toEqual({ status: 'transferred', label: '已转其他部门', count: transferredBefore + 2 });
  });
});

describe('无法解决', () => {
  it('a reply may say the problem cannot be solved, with the reason; the complainant sees it as such and still evaluates', async () => {
    const a = await accepted(t);
    const noReason = await t.call('complaints', 'reply', { id: a.id, version: a.version, text: '已向投诉人说明情况。', unresolvable: true }, DEMO.county);
    expect(noReason.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR', fields: { unresolvableReason: expect.any(String) } }) });
    const r = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: a.id, version: a.version, text: '已向投诉人说明情况。', unresolvable: true, unresolvableReason: '站点已注销，经营者下落不明' }, DEMO.county);
    expect(r.reply).toEqual({ text: '已向投诉人说明情况。', at: NOW, unresolvable: { reason: '站点已注销，经营者下落不明' } });
    const mine = await t.ok<ComplaintView>('complaints', 'get', { id: a.id }, DEMO.resident1);
    expect(mine).toEqual(expect.objectContaining({ status: 'replied', canEvaluate: true }));
    expect(mine.reply?.unresolvable).toEqual({ reason: '站点已注销，经营者下落不明' });
    expect(mine.timeline.at(-1)?.note).toBe('无法解决：站点已注销，经营者下落不明。已向投诉人说明情况。');
    // A plain reply carries no outcome flag.
    const b = await accepted(t);
    const plain = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: b.id, version: b.version, text: '已退还多收的费用。' }, DEMO.county);
    expect(plain.reply).toEqual({ text: '已退还多收的费用。', at: NOW });
  });
});
