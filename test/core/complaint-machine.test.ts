/**
 * The complaint state machine (docs/product.md §3): the transition table against the specification,
 * deadlines on real 2026 holidays, model-based property tests of `transition` (pure) and of
 * the service over SQLite (authorisation, history, versions), and the scheduler being safe to run
 * twice with a fixed clock moved past deadlines.
 */
import fc from 'fast-check';
import { WorkCalendar } from '../../core/calendar/workdays';
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import {
  ACCEPT_WORKDAYS,
  EVALUATION_DAYS,
  MAX_ESCALATION,
  MAX_EXTENSION_WORKDAYS,
  MAX_REOPENS,
  REPLY_WORKDAYS,
  TRANSITIONS,
  acceptDue,
  awaitingReceipt,
  fileComplaint,
  pendingExtension,
  openSupervision,
  recheckDueAt,
  recheckReopens,
  deadlineInstant,
  isOverdue,
  transition,
  type ActorKind,
  type Command,
  type CommandType,
} from '../../core/complaint/machine';
import { ACTION_LABELS, EVALUATIONS, FINAL_STATUSES, REFUSAL_CODES, type Complaint, type ComplaintStatus, type HistoryEntry, type OutboxMessage } from '../../core/complaint/model';
import { AppError } from '../../core/shared/errors';
import { YUDU_OPERATOR } from '../../seed/demo';
import { createComplaintHarness, type ComplaintHarness } from '../support/complaint-service';
import { DEMO, HEAD_STATION } from '../support/local-app';
import { EPOCH_OFFSETS, machineTimeZone, setMachineTimeZone } from './machine-tz';

/** 'ok' when `run` resolves, else the code of the AppError it rejects with (anything else is rethrown). */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code;
  }
}

jest.setTimeout(60_000);

const cal = new WorkCalendar();
const DAY = 86_400_000;

/** The Asia/Shanghai calendar date of an instant, computed independently of core/shared/time. */
const shanghaiDate = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
/** When a "last working day" deadline ends: 00:00 Shanghai the next day. */
const endOf = (dueOn: string) => Date.parse(`${dueOn}T00:00:00+08:00`) + DAY;

/** A complaint as filed at `at` (core's fileComplaint, the one place that builds one). */
function newComplaint(at: Date, opts: { held?: boolean; id?: string } = {}): Complaint {
  return fileComplaint(
    {
      id: opts.id ?? 'c-000001',
      trackingNo: 'TS260930ABCDEF',
      station: { id: 'st-360731100-000', name: '江西电商扶贫工程贡江镇服务站', operator: { name: YUDU_OPERATOR }, regionPath: ['36', '3607', '360731', '360731100'].map((code) => ({ code })) },
      category: 'overcharge',
      description: '快递代收每件多收两元，没有明码标价。',
      photos: [],
      complainantOpenid: 'o-complainant',
      phoneCipher: 'k1.x.y.z',
      phoneMasked: '139****5678',
      shareIdentity: false,
      held: opts.held ?? false,
      submittedAt: at,
    },
    cal,
  );
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

const ctx = (at: string | Date, kind: ActorKind, role = kind === 'system' ? 'system' : kind === 'complainant' ? 'resident' : 'county_official') => ({
  at: new Date(at),
  calendar: cal,
  actor: { kind, role, openid: kind === 'system' ? null : `o-${kind}` },
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code;
  }
}

// ---------------------------------------------------------------------------------------------

describe('the transition table', () => {
  it('is the loop of docs/product.md §3, written out independently', () => {
    const open: ComplaintStatus[] = ['submitted', 'accepted', 'assigned'];
    const all: ComplaintStatus[] = ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'refused', 'withdrawn', 'merged', 'transferred'];
    const spec: Record<CommandType, { from: ComplaintStatus[]; by: ActorKind[] }> = {
      accept: { from: ['submitted'], by: ['official'] },
      refuse: { from: ['submitted'], by: ['official'] },
      assign: { from: ['accepted', 'assigned'], by: ['official'] },
      reply: { from: ['accepted', 'assigned'], by: ['official', 'assignee'] },
      extend: { from: ['accepted', 'assigned'], by: ['official'] },
      withdraw: { from: open, by: ['complainant'] }, // before the reply
      evaluate: { from: ['replied'], by: ['complainant'] },
      merge: { from: open, by: ['official'] },
      note: { from: all, by: ['official', 'assignee'] },
      release: { from: ['submitted'], by: ['official'] },
      escalate: { from: open, by: ['system'] },
      autoClose: { from: ['replied'], by: ['system'] },
      // Personal data of finished complaints is removed after the retention period (docs/product.md §7).
      purge: { from: ['closed', 'refused', 'withdrawn', 'merged', 'transferred'], by: ['system'] },
      // 签收 / 退单 (issue 11 §2): only the unit it is assigned to, while assigned.
      receive: { from: ['assigned'], by: ['assignee'] },
      decline: { from: ['assigned'], by: ['assignee'] },
      // 延期申请: the assignee asks; one level up (the county or above) decides.
      requestExtension: { from: ['assigned'], by: ['assignee'] },
      approveExtension: { from: ['accepted', 'assigned'], by: ['official'] },
      refuseExtension: { from: ['accepted', 'assigned'], by: ['official'] },
      // 督办 by hand on an open case; the county answers, also after the reply.
      supervise: { from: open, by: ['official'] },
      answerSupervision: { from: [...open, 'replied'], by: ['official'] },
      // 转其他部门: a final state, from any open one.
      transfer: { from: open, by: ['official'] },
      // 办理进展 by whoever may reply; 补充材料 by the complainant while open.
      progress: { from: ['accepted', 'assigned'], by: ['official', 'assignee'] },
      supplement: { from: open, by: ['complainant'] },
      // 回访 "问题还在吗？": asked by the scheduler after the end, answered by the complainant.
      askRecheck: { from: ['closed', 'refused', 'transferred'], by: ['system'] },
      recheck: { from: ['closed', 'refused', 'transferred'], by: ['complainant'] },
    };
    const norm = (t: Record<string, { from: readonly string[]; by: readonly string[] }>) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { from: [...v.from].sort(), by: [...v.by].sort() }]));
    expect(norm(TRANSITIONS)).toEqual(norm(spec));
    expect([ACCEPT_WORKDAYS, REPLY_WORKDAYS, MAX_EXTENSION_WORKDAYS, EVALUATION_DAYS, MAX_REOPENS, MAX_ESCALATION]).toEqual([3, 5, 10, 7, 1, 2]);
  });

  it('names every command in one label table (timelines show no raw action words)', () => {
    // submit and 代录's claim open or hand over a case outside the machine; every other label is a command.
    expect(Object.keys(ACTION_LABELS).sort()).toEqual(['submit', 'claim', ...Object.keys(TRANSITIONS)].sort());
    expect(ACTION_LABELS.purge).toBe('清除个人信息');
  });

  it('the retention purge removes a voice note (说一说) with the other personal data', () => {
    const c = { ...newComplaint(new Date('2026-09-30T02:00:00Z')), status: 'closed' as const, voice: { fileId: 'upl-voice-abcdefghijk', seconds: 30, pending: false } };
    const r = transition(c, { type: 'purge' }, ctx('2028-10-01T02:00:00Z', 'system'));
    expect(r.next.voice).toBeNull();
    expect(r.next.photos).toEqual([]);
  });

  it('final states accept nothing but notes, the retention purge and the 回访 (not after 撤回 or 并单)', () => {
    for (const status of FINAL_STATUSES) {
      const recheck = status !== 'withdrawn' && status !== 'merged';
      for (const [type, t] of Object.entries(TRANSITIONS)) expect(t.from.includes(status)).toBe(type === 'note' || type === 'purge' || (recheck && (type === 'askRecheck' || type === 'recheck')));
    }
  });
});

describe.each(['UTC', 'America/New_York'])('deadlines on real 2026 holidays, machine time zone %s', (zone) => {
  const originalTz = machineTimeZone();
  beforeAll(() => setMachineTimeZone(zone));
  afterAll(() => setMachineTimeZone(originalTz));

  it('the machine zone really changed', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(EPOCH_OFFSETS[zone]);
  });

  it.each([
    ['2026-09-30T02:00:00.000Z', '2026-10-10'], // 国庆 10-01..07; 10-10 is a make-up Saturday
    ['2026-09-24T02:00:00.000Z', '2026-09-30'], // 中秋 09-25..27
    ['2026-02-12T02:00:00.000Z', '2026-02-24'], // 02-13, 02-14 (make-up), 春节 02-15..23, 02-24
    ['2026-02-27T02:00:00.000Z', '2026-03-03'], // 02-28 make-up Saturday counts, then 03-02, 03-03
    ['2026-04-30T02:00:00.000Z', '2026-05-08'], // 劳动节 05-01..05
  ])('submitted %s → accept due %s', (at, due) => {
    const c = newComplaint(new Date(at));
    expect(c.acceptDueOn).toBe(due);
    expect(c.deadlineProvisional).toBe(false);
    expect(c.dueAt).toBe(new Date(endOf(due)).toISOString());
  });

  it('accepting on 2026-09-30 makes the reply due 2026-10-13; extending by 10 moves it to 2026-10-27', () => {
    const c = newComplaint(new Date('2026-09-30T02:00:00Z'));
    const a = transition(c, { type: 'accept' }, ctx('2026-09-30T03:00:00Z', 'official')).next;
    expect(a.replyDueOn).toBe('2026-10-13');
    expect(a.dueAt).toBe('2026-10-13T16:00:00.000Z');
    const e = transition(a, { type: 'extend', workdays: 10, reason: '调查' }, ctx('2026-10-01T03:00:00Z', 'official')).next;
    expect(e.replyDueOn).toBe('2026-10-27');
    expect(e.extension).toEqual({ workdays: 10, reason: '调查', at: '2026-10-01T03:00:00.000Z' });
  });

  it('into 2027 the deadline is provisional, and the flag stays with the complaint', () => {
    const c = newComplaint(new Date('2026-12-30T02:00:00Z'));
    expect(c.acceptDueOn).toBe('2027-01-04');
    expect(c.deadlineProvisional).toBe(true);
    const withAdmin = new WorkCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'admin' }]);
    const due = acceptDue(new Date('2026-12-30T02:00:00Z'), withAdmin);
    expect(due).toEqual({ date: '2027-01-05', provisional: false, unknownYears: [] });
    // Accepted with 2027 data known, an earlier provisional deadline still marks the complaint.
    const a = transition(c, { type: 'accept' }, { ...ctx('2026-12-31T02:00:00Z', 'official'), calendar: withAdmin }).next;
    expect(a.replyDueOn).toBe('2027-01-08');
    expect(a.deadlineProvisional).toBe(true);
  });

  it('is overdue from Shanghai midnight after the due day, not a millisecond earlier', () => {
    const c = newComplaint(new Date('2026-09-30T02:00:00Z'));
    expect(isOverdue(c, new Date('2026-10-10T15:59:59.999Z'))).toBeNull();
    expect(isOverdue(c, new Date('2026-10-10T16:00:00.000Z'))).toBe('accept');
    expect(deadlineInstant('2026-10-10').toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });
});

describe('transitions, one by one', () => {
  const at0 = '2026-09-30T02:00:00.000Z';

  it('不满意 reopens once with a new reply deadline; the second 不满意 closes', () => {
    let c = newComplaint(new Date(at0));
    c = transition(c, { type: 'accept' }, ctx(at0, 'official')).next;
    c = transition(c, { type: 'reply', text: '已处理' }, ctx('2026-10-08T02:00:00Z', 'official')).next;
    const reopened = transition(c, { type: 'evaluate', evaluation: 'unsatisfied' }, ctx('2026-10-09T02:00:00Z', 'complainant'));
    expect(reopened.next).toEqual(expect.objectContaining({ status: 'accepted', reopenCount: 1, reply: null, replyDueOn: '2026-10-15', evaluation: 'unsatisfied' }));
    expect(reopened.history).toEqual(expect.objectContaining({ fromStatus: 'replied', toStatus: 'accepted', action: 'evaluate' }));
    c = transition(reopened.next, { type: 'reply', text: '再次处理' }, ctx('2026-10-12T02:00:00Z', 'official')).next;
    const closed = transition(c, { type: 'evaluate', evaluation: 'unsatisfied' }, ctx('2026-10-12T03:00:00Z', 'complainant')).next;
    expect(closed).toEqual(expect.objectContaining({ status: 'closed', evaluation: 'unsatisfied', reopenCount: 1, dueAt: null }));
  });

  it('问题还在吗: asked once, 28 days after the end; 还在 reopens once, then opens a linked case; 已解决 records it', () => {
    let c = newComplaint(new Date(at0));
    c = transition(c, { type: 'accept' }, ctx(at0, 'official')).next;
    c = transition(c, { type: 'reply', text: '已处理' }, ctx('2026-10-08T02:00:00Z', 'official')).next;
    c = transition(c, { type: 'evaluate', evaluation: 'satisfied' }, ctx('2026-10-09T02:00:00Z', 'complainant')).next;
    expect(recheckDueAt(c)?.toISOString()).toBe('2026-11-06T02:00:00.000Z');
    // Not a millisecond early; not answerable before it is asked.
    expect(codeOf(() => transition(c, { type: 'askRecheck' }, ctx('2026-11-06T01:59:59.999Z', 'system')))).toBe('CONFLICT');
    expect(codeOf(() => transition(c, { type: 'recheck', answer: 'persists' }, ctx('2026-11-06T03:00:00Z', 'complainant')))).toBe('CONFLICT');
    const asked = transition(c, { type: 'askRecheck' }, ctx('2026-11-06T02:00:00Z', 'system'));
    expect(asked.notify).toEqual([expect.objectContaining({ openid: 'o-complainant', event: 'complaint_recheck' })]);
    expect(asked.history).toEqual(expect.objectContaining({ action: 'askRecheck', internal: false, toStatus: 'closed' }));
    expect(recheckDueAt(asked.next)).toBeNull();
    expect(codeOf(() => transition(asked.next, { type: 'askRecheck' }, ctx('2026-12-06T02:00:00Z', 'system')))).toBe('CONFLICT');
    // 还在 on a closed case never reopened: back to handling with a fresh deadline.
    const reopenedResult = transition(asked.next, { type: 'recheck', answer: 'persists' }, ctx('2026-11-09T02:00:00Z', 'complainant'));
    const reopened = reopenedResult.next;
    // The complainant is told it reopened, with the new date (as after 不满意).
    expect(reopenedResult.notify).toEqual([expect.objectContaining({ openid: 'o-complainant', event: 'complaint_reopened', payload: expect.objectContaining({ status: '问题还在，重新办理', dueOn: '2026-11-16' }) })]);
    expect(reopened).toEqual(expect.objectContaining({ status: 'accepted', reopenCount: 1, reply: null, closedAt: null, replyDueOn: '2026-11-16' }));
    expect(reopened.recheck).toEqual({ askedAt: '2026-11-06T02:00:00.000Z', answer: 'persists', answeredAt: '2026-11-09T02:00:00.000Z' });
    expect(codeOf(() => transition(reopened, { type: 'recheck', answer: 'persists' }, ctx('2026-11-10T02:00:00Z', 'complainant')))).toBe('CONFLICT');
    // Closed again after the reopen: never asked again.
    let again = transition(reopened, { type: 'reply', text: '再次处理' }, ctx('2026-11-10T02:00:00Z', 'official')).next;
    again = transition(again, { type: 'evaluate', evaluation: 'basically' }, ctx('2026-11-10T03:00:00Z', 'complainant')).next;
    expect(recheckDueAt(again)).toBeNull();

    // Reopened once already (不满意): 还在 needs the linked case; the case itself stays ended.
    let twice = newComplaint(new Date(at0));
    twice = transition(twice, { type: 'accept' }, ctx(at0, 'official')).next;
    twice = transition(twice, { type: 'reply', text: '已处理' }, ctx('2026-10-08T02:00:00Z', 'official')).next;
    twice = transition(twice, { type: 'evaluate', evaluation: 'unsatisfied' }, ctx('2026-10-08T03:00:00Z', 'complainant')).next;
    twice = transition(twice, { type: 'reply', text: '再处理' }, ctx('2026-10-09T02:00:00Z', 'official')).next;
    twice = transition(twice, { type: 'evaluate', evaluation: 'unsatisfied' }, ctx('2026-10-09T03:00:00Z', 'complainant')).next;
    expect(recheckReopens(twice)).toBe(false);
    twice = transition(twice, { type: 'askRecheck' }, ctx('2026-11-06T03:00:00Z', 'system')).next;
    expect(codeOf(() => transition(twice, { type: 'recheck', answer: 'persists' }, ctx('2026-11-07T02:00:00Z', 'complainant')))).toBe('CONFLICT');
    const linked = transition(twice, { type: 'recheck', answer: 'persists', linked: { id: 'c-000002', trackingNo: 'TS261107NEWONE' } }, ctx('2026-11-07T02:00:00Z', 'complainant'));
    expect(linked.next.status).toBe('closed');
    expect(linked.next.recheck?.linkedCase).toEqual({ id: 'c-000002', trackingNo: 'TS261107NEWONE' });
    expect(linked.history.note).toContain('TS261107NEWONE');

    // Refused (cannot reopen): 已解决 only records the answer.
    const refused = transition(newComplaint(new Date(at0)), { type: 'refuse', reason: 'no_facts', text: '说明' }, ctx(at0, 'official')).next;
    expect(recheckReopens(refused)).toBe(false);
    const r = transition(transition(refused, { type: 'askRecheck' }, ctx('2026-10-28T02:00:00Z', 'system')).next, { type: 'recheck', answer: 'resolved' }, ctx('2026-10-29T02:00:00Z', 'complainant'));
    expect(r.next).toEqual(expect.objectContaining({ status: 'refused', recheck: expect.objectContaining({ answer: 'resolved' }) }));
    // Withdrawn and merged cases, and cases without a WeChat complainant, are never asked.
    const withdrawn = transition(newComplaint(new Date(at0)), { type: 'withdraw' }, ctx(at0, 'complainant')).next;
    expect(recheckDueAt(withdrawn)).toBeNull();
    expect(recheckDueAt({ ...refused, intake: { channel: 'open311', via: '12345' } })).toBeNull();
  });

  it('replies, progress updates and 补充材料 carry photos, pending their check; 补充材料 is capped and told to the handler', () => {
    let c = newComplaint(new Date(at0));
    const early = transition(c, { type: 'supplement', text: '补充一下情况', attachments: { photos: ['upl-s0'] } }, ctx(at0, 'complainant'));
    expect(early.notify).toEqual([]); // nobody handles it yet
    c = transition(early.next, { type: 'accept' }, ctx(at0, 'official')).next;
    const p = transition(c, { type: 'progress', text: '已约谈站长', photos: ['upl-p1', 'upl-p2'] }, ctx('2026-10-08T02:00:00Z', 'assignee'));
    expect(p.next).toEqual(expect.objectContaining({ status: 'accepted', attachedPhotos: ['upl-s0', 'upl-p1', 'upl-p2'], photosPending: ['upl-s0', 'upl-p1', 'upl-p2'] }));
    expect(p.history).toEqual(expect.objectContaining({ action: 'progress', note: '已约谈站长', internal: false, attachments: { photos: ['upl-p1', 'upl-p2'] } }));
    c = p.next;
    for (let i = 1; i < 5; i++) {
      const s = transition(c, { type: 'supplement', text: `补充第 ${i} 次` }, ctx('2026-10-08T03:00:00Z', 'complainant'));
      expect(s.notify).toEqual([expect.objectContaining({ openid: 'o-official', event: 'complaint_supplemented' })]);
      c = s.next;
    }
    expect(c.supplements).toBe(5);
    expect(codeOf(() => transition(c, { type: 'supplement', text: '第六次' }, ctx('2026-10-08T04:00:00Z', 'complainant')))).toBe('CONFLICT');
    const reply = transition(c, { type: 'reply', text: '已退费', photos: ['upl-r1'] }, ctx('2026-10-08T05:00:00Z', 'official'));
    expect(reply.history.attachments).toEqual({ photos: ['upl-r1'] });
    expect(codeOf(() => transition(reply.next, { type: 'supplement', text: '答复后补充' }, ctx('2026-10-08T06:00:00Z', 'complainant')))).toBe('CONFLICT');
    // The retention purge takes the attached photos with the rest of the personal data.
    const withdrawn = transition(early.next, { type: 'withdraw' }, ctx(at0, 'complainant')).next;
    expect(withdrawn.attachedPhotos).toEqual(['upl-s0']);
    expect(transition(withdrawn, { type: 'purge' }, ctx('2028-10-01T00:00:00Z', 'system')).next.attachedPhotos).toEqual([]);
  });

  it('autoClose only 7 days after the reply, and as 未评价 (never 满意)', () => {
    let c = newComplaint(new Date(at0));
    c = transition(c, { type: 'accept' }, ctx(at0, 'official')).next;
    c = transition(c, { type: 'reply', text: '已处理' }, ctx('2026-10-08T02:00:00Z', 'official')).next;
    expect(c.dueAt).toBe('2026-10-15T02:00:00.000Z');
    expect(codeOf(() => transition(c, { type: 'autoClose' }, ctx('2026-10-15T01:59:59.999Z', 'system')))).toBe('CONFLICT');
    const r = transition(c, { type: 'autoClose' }, ctx('2026-10-15T02:00:00Z', 'system'));
    expect(r.next).toEqual(expect.objectContaining({ status: 'closed', evaluation: 'none' }));
    expect(r.notify.map((n) => n.event)).toEqual(['complaint_closed']);
  });

  it('escalation goes county → city → province and stops there; once per deadline', () => {
    let c = newComplaint(new Date(at0));
    expect(codeOf(() => transition(c, { type: 'escalate', kind: 'accept' }, ctx('2026-10-10T12:00:00Z', 'system')))).toBe('CONFLICT');
    c = transition(c, { type: 'escalate', kind: 'accept' }, ctx('2026-10-11T00:00:00Z', 'system')).next;
    expect(c.escalationLevel).toBe(1);
    expect(codeOf(() => transition(c, { type: 'escalate', kind: 'accept' }, ctx('2026-10-12T00:00:00Z', 'system')))).toBe('CONFLICT');
    c = transition(c, { type: 'accept' }, ctx('2026-10-12T00:00:00Z', 'official')).next; // reply due 10-19
    c = transition(c, { type: 'escalate', kind: 'reply' }, ctx('2026-10-20T00:00:00Z', 'system')).next;
    expect(c.escalationLevel).toBe(2);
    c = transition(c, { type: 'extend', workdays: 2, reason: '补充调查' }, ctx('2026-10-20T01:00:00Z', 'official')).next; // → 10-21
    c = transition(c, { type: 'escalate', kind: 'reply' }, ctx('2026-10-22T00:00:00Z', 'system')).next;
    expect(c.escalationLevel).toBe(2);
    expect(c.escalations.map((e) => [e.kind, e.dueOn, e.toLevel])).toEqual([
      ['accept', '2026-10-10', 1],
      ['reply', '2026-10-19', 2],
      ['reply', '2026-10-21', 2],
    ]);
  });

  it('a note records history only; a held complaint cannot be accepted before release', () => {
    const c = newComplaint(new Date(at0), { held: true });
    const n = transition(c, { type: 'note', text: '内部备注' }, ctx(at0, 'official'));
    expect(n.next).toEqual(c);
    expect(n.history).toEqual(expect.objectContaining({ internal: true, fromStatus: 'submitted', toStatus: 'submitted', note: '内部备注' }));
    expect(codeOf(() => transition(c, { type: 'accept' }, ctx(at0, 'official')))).toBe('CONFLICT');
    const r = transition(c, { type: 'release' }, ctx(at0, 'official')).next;
    expect(r).toEqual(expect.objectContaining({ held: false, version: 2, status: 'submitted' }));
    expect(transition(r, { type: 'accept' }, ctx(at0, 'official')).next.status).toBe('accepted');
  });

  it('notifications go to the complainant and carry no description or phone', () => {
    const c = newComplaint(new Date(at0));
    const r = transition(c, { type: 'accept' }, ctx(at0, 'official'));
    expect(r.notify).toEqual([
      { openid: 'o-complainant', event: 'complaint_accepted', complaintId: c.id, payload: { trackingNo: c.trackingNo, station: '江西电商扶贫工程贡江镇服务站', status: '已受理', category: '乱收费/未明码标价' } },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: random command sequences by random actors against `transition`.

const KINDS: ActorKind[] = ['complainant', 'official', 'assignee', 'system'];
const SELF = 'c-000001';

interface Model {
  status: ComplaintStatus;
  held: boolean;
  extended: boolean;
  reopenCount: number;
  hasAssignee: boolean;
  level: number;
  escalated: Set<string>;
  version: number;
  repliedAt: number | null;
  /** The current assignment was confirmed (签收). */
  received: boolean;
  returns: number;
  /** A 延期申请 waiting for its decision: the working days it adds. */
  pendingExt: number | null;
  /** 督办 by hand issued, and whether one waits for its answer. */
  supervisions: number;
  supervisionOpen: boolean;
  acceptDueOn: string;
  replyDueOn: string | null;
  satisfiedGiven: boolean;
  /** 补充材料 added; when the case last ended; where the 回访 stands. */
  supplements: number;
  closedAt: number | null;
  recheck: 'none' | 'asked' | 'answered';
  /** Photos attached to timeline entries so far. */
  attached: number;
}

const cmdArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Command>({ type: 'accept' }) },
  { weight: 1, arbitrary: fc.constantFrom(...REFUSAL_CODES).map((reason): Command => ({ type: 'refuse', reason, text: '说明' })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Command>(
      { type: 'assign', assignee: { kind: 'operator', operatorName: YUDU_OPERATOR }, assigneeLabel: '运营单位' },
      { type: 'assign', assignee: { kind: 'station', stationId: 'st-360731100-000' }, assigneeLabel: '站点' },
    ),
  },
  { weight: 3, arbitrary: fc.constant<Command>({ type: 'reply', text: '已处理完毕' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'reply', text: '已退还多收的费用，见照片', photos: ['upl-reply-photo-1'] }) },
  // 无法解决: a reply whose outcome is said plainly, with its reason.
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'reply', text: '已向投诉人说明', unresolvable: { reason: '站点已注销，无法追责' } }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_EXTENSION_WORKDAYS }).map((workdays): Command => ({ type: 'extend', workdays, reason: '需要调查' })) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'withdraw' }) },
  { weight: 3, arbitrary: fc.constantFrom(...EVALUATIONS).map((evaluation): Command => ({ type: 'evaluate', evaluation })) },
  { weight: 1, arbitrary: fc.constantFrom(SELF, 'c-000002').map((id): Command => ({ type: 'merge', into: { id, trackingNo: 'TS260930ZZZZZZ' } })) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'note', text: '备注' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'release' }) },
  { weight: 2, arbitrary: fc.constantFrom<Command>({ type: 'escalate', kind: 'accept' }, { type: 'escalate', kind: 'reply' }) },
  { weight: 2, arbitrary: fc.constant<Command>({ type: 'autoClose' }) },
  { weight: 2, arbitrary: fc.constant<Command>({ type: 'receive' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'decline', reason: '不是本单位的事' }) },
  // dueOn '+N': N calendar days after the reply deadline at the time of the step (resolved below).
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 20 }).map((n): Command => ({ type: 'requestExtension', dueOn: `+${n}`, reason: '需要快递公司出具证明' })) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'approveExtension' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'refuseExtension', note: '请按期答复' }) },
  // dueOn '~N': N days after today in Shanghai (resolved below).
  { weight: 2, arbitrary: fc.integer({ min: -1, max: 70 }).map((n): Command => ({ type: 'supervise', instruction: '请尽快核实处理', dueOn: `~${n}` })) },
  { weight: 2, arbitrary: fc.constant<Command>({ type: 'answerSupervision', text: '已责成站点整改' }) },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'transfer', department: 'postal', departmentName: '邮政管理部门', reference: 'YZ2026-001', note: '快递丢失请向邮政管理部门反映' }) },
  { weight: 2, arbitrary: fc.nat({ max: 3 }).map((n): Command => ({ type: 'progress', text: '已约谈站长，正在核实', ...(n ? { photos: Array.from({ length: n }, (_, i) => `upl-progress-photo-${i}`) } : {}) })) },
  {
    weight: 3,
    // Photos and/or a 说一说 note (then the text may be blank).
    arbitrary: fc.tuple(fc.nat({ max: 3 }), fc.boolean()).map(([n, spoken]): Command => {
      const photos = n ? { photos: Array.from({ length: n }, (_, i) => `upl-supplement-${i}`) } : {};
      const voice = spoken ? { voice: { fileId: `upl-supplement-voice-${n}`, seconds: 5 + n } } : {};
      return { type: 'supplement', text: spoken ? '' : '补充：收据在这里', ...(n || spoken ? { attachments: { ...photos, ...voice } } : {}) };
    }),
  },
  { weight: 3, arbitrary: fc.constant<Command>({ type: 'askRecheck' }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Command>({ type: 'recheck', answer: 'persists', linked: { id: 'c-000009', trackingNo: 'TS261101NEWONE' } }, { type: 'recheck', answer: 'resolved' }),
  },
);
const OFFICIAL_ROLES = ['county_official', 'city_supervisor', 'province_admin'] as const;
const LEVEL: Record<string, number> = { city_supervisor: 1, province_admin: 2 };

/** A requestExtension's '+N' dueOn, N calendar days after the current reply deadline. */
function resolve(cmd: Command, replyDueOn: string | null, now: number): Command {
  if (cmd.type === 'supervise' && cmd.dueOn.startsWith('~')) return { ...cmd, dueOn: shanghaiDate(now + Number(cmd.dueOn.slice(1)) * DAY) };
  if (cmd.type !== 'requestExtension' || !cmd.dueOn.startsWith('+')) return cmd;
  const base = Date.parse(`${replyDueOn ?? '2026-01-01'}T00:00:00Z`);
  return { ...cmd, dueOn: new Date(base + Number(cmd.dueOn.slice(1)) * DAY).toISOString().slice(0, 10) };
}
const stepArb = fc.record({
  cmd: cmdArb,
  /** 'right' picks an actor the table allows, so sequences get somewhere; otherwise any actor. */
  actor: fc.oneof({ weight: 3, arbitrary: fc.constant<'right'>('right') }, { weight: 1, arbitrary: fc.constantFrom(...KINDS) }),
  /** The role of an official actor: 督办 by hand is for the city and province only. */
  role: fc.constantFrom(...OFFICIAL_ROLES),
  advanceMin: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 12 * 24 * 60 }), fc.integer({ min: 20 * 24 * 60, max: 30 * 24 * 60 })),
});

/** What the specification says a command does here: an error code, or ok. */
function expected(m: Model, cmd: Command, actor: ActorKind, now: number, role = 'county_official'): string {
  const allowedFrom: Record<CommandType, ComplaintStatus[]> = {
    accept: ['submitted'],
    refuse: ['submitted'],
    assign: ['accepted', 'assigned'],
    reply: ['accepted', 'assigned'],
    extend: ['accepted', 'assigned'],
    withdraw: ['submitted', 'accepted', 'assigned'],
    evaluate: ['replied'],
    merge: ['submitted', 'accepted', 'assigned'],
    note: ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'refused', 'withdrawn', 'merged', 'transferred'],
    release: ['submitted'],
    escalate: ['submitted', 'accepted', 'assigned'],
    autoClose: ['replied'],
    purge: ['closed', 'refused', 'withdrawn', 'merged', 'transferred'],
    receive: ['assigned'],
    decline: ['assigned'],
    requestExtension: ['assigned'],
    approveExtension: ['accepted', 'assigned'],
    refuseExtension: ['accepted', 'assigned'],
    supervise: ['submitted', 'accepted', 'assigned'],
    answerSupervision: ['submitted', 'accepted', 'assigned', 'replied'],
    transfer: ['submitted', 'accepted', 'assigned'],
    progress: ['accepted', 'assigned'],
    supplement: ['submitted', 'accepted', 'assigned'],
    askRecheck: ['closed', 'refused', 'transferred'],
    recheck: ['closed', 'refused', 'transferred'],
  };
  const allowedBy: Record<CommandType, ActorKind[]> = {
    accept: ['official'],
    refuse: ['official'],
    assign: ['official'],
    reply: ['official', 'assignee'],
    extend: ['official'],
    withdraw: ['complainant'],
    evaluate: ['complainant'],
    merge: ['official'],
    note: ['official', 'assignee'],
    release: ['official'],
    escalate: ['system'],
    autoClose: ['system'],
    purge: ['system'],
    receive: ['assignee'],
    decline: ['assignee'],
    requestExtension: ['assignee'],
    approveExtension: ['official'],
    refuseExtension: ['official'],
    supervise: ['official'],
    answerSupervision: ['official'],
    transfer: ['official'],
    progress: ['official', 'assignee'],
    supplement: ['complainant'],
    askRecheck: ['system'],
    recheck: ['complainant'],
  };
  if (!allowedBy[cmd.type].includes(actor)) return 'FORBIDDEN';
  if (!allowedFrom[cmd.type].includes(m.status)) return 'CONFLICT';
  switch (cmd.type) {
    case 'accept':
    case 'transfer':
      return m.held ? 'CONFLICT' : 'ok';
    case 'extend':
      return m.extended || m.pendingExt !== null ? 'CONFLICT' : 'ok';
    case 'requestExtension': {
      if (m.extended || m.pendingExt !== null) return 'CONFLICT';
      if (cmd.dueOn <= m.replyDueOn!) return 'VALIDATION_ERROR';
      const n = cal.workdaysBetween(m.replyDueOn!, cmd.dueOn);
      return n >= 1 && n <= MAX_EXTENSION_WORKDAYS ? 'ok' : 'VALIDATION_ERROR';
    }
    case 'approveExtension':
    case 'refuseExtension':
      return m.pendingExt !== null ? 'ok' : 'CONFLICT';
    case 'supervise': {
      if (m.supervisionOpen) return 'CONFLICT';
      if (!LEVEL[role]) return 'FORBIDDEN';
      const today = shanghaiDate(now);
      const days = (Date.parse(`${cmd.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY;
      return days >= 1 && days <= 60 ? 'ok' : 'VALIDATION_ERROR';
    }
    case 'answerSupervision':
      return m.supervisionOpen ? 'ok' : 'CONFLICT';
    case 'merge':
      return cmd.into.id === SELF ? 'VALIDATION_ERROR' : 'ok';
    case 'release':
      return m.held ? 'ok' : 'CONFLICT';
    case 'escalate': {
      const overdue = m.status === 'submitted' ? (now >= endOf(m.acceptDueOn) ? 'accept' : null) : m.replyDueOn && now >= endOf(m.replyDueOn) ? 'reply' : null;
      const dueOn = cmd.kind === 'accept' ? m.acceptDueOn : m.replyDueOn;
      return overdue === cmd.kind && !m.escalated.has(`${cmd.kind}:${dueOn}`) ? 'ok' : 'CONFLICT';
    }
    case 'autoClose':
      return m.repliedAt !== null && now >= m.repliedAt + EVALUATION_DAYS * DAY ? 'ok' : 'CONFLICT';
    case 'receive':
    case 'decline':
      // One or the other, once per assignment.
      return m.received ? 'CONFLICT' : 'ok';
    case 'supplement':
      return m.supplements >= 5 ? 'CONFLICT' : 'ok';
    case 'askRecheck':
      // Once, 28 days after the case ended.
      return m.recheck === 'none' && now >= m.closedAt! + 28 * DAY ? 'ok' : 'CONFLICT';
    case 'recheck':
      return m.recheck === 'asked' ? 'ok' : 'CONFLICT';
    default:
      return 'ok';
  }
}

const NOTIFY: Partial<Record<CommandType, OutboxMessage['event']>> = {
  accept: 'complaint_accepted',
  refuse: 'complaint_refused',
  reply: 'complaint_replied',
  merge: 'complaint_closed',
  autoClose: 'complaint_closed',
  extend: 'complaint_extended',
  approveExtension: 'complaint_extended',
  transfer: 'complaint_transferred',
  askRecheck: 'complaint_recheck',
};
/**
 * Told to the complainant depending on the case (issue 11 §3): 转办 always; 不满意 reopens once
 * (重新办理, with the new date), otherwise the evaluation ends it (办结, so followers hear it);
 * 还在 after 回访 reopens a closed case once (重新办理, with the new date);
 * an automatic escalation or a 督办 that raises the level (市级/省级督办).
 */
function laterEvent(cmd: Command, m: { reopenCount: number; level: number; status: ComplaintStatus }, role?: string): OutboxMessage['event'] | undefined {
  switch (cmd.type) {
    case 'assign':
      return 'complaint_assigned';
    case 'evaluate':
      return cmd.evaluation === 'unsatisfied' && m.reopenCount === 0 ? 'complaint_reopened' : 'complaint_closed';
    case 'recheck':
      // 还在 on a closed case never reopened reopens it; the complainant is told.
      return cmd.answer === 'persists' && m.status === 'closed' && m.reopenCount === 0 ? 'complaint_reopened' : undefined;
    case 'escalate':
      return m.level < 2 ? 'complaint_escalated' : undefined;
    case 'supervise':
      return LEVEL[role!] > m.level ? 'complaint_escalated' : undefined;
    default:
      return undefined;
  }
}

/** Commands that end the case: the status they end it in (the model also records when). */
const ENDS: Partial<Record<CommandType, ComplaintStatus>> = { refuse: 'refused', transfer: 'transferred', withdraw: 'withdrawn', merge: 'merged', autoClose: 'closed' };

/** The case goes back to its handler (unsatisfied evaluation, or 还在 at the 回访): a new reply deadline. */
function reopen(m: Model, now: number): void {
  m.status = m.hasAssignee ? 'assigned' : 'accepted';
  m.reopenCount = 1;
  m.repliedAt = null;
  m.closedAt = null;
  m.replyDueOn = cal.addWorkdays(shanghaiDate(now), REPLY_WORKDAYS).date;
}

/** Hand-offs told to officials (issue 11 §3): the accepting official, or the one who issued the 督办. */
const OFFICIAL_NOTIFY: Partial<Record<CommandType, OutboxMessage['event']>> = {
  decline: 'complaint_returned',
  requestExtension: 'extension_requested',
  supervise: 'complaint_supervised',
  answerSupervision: 'supervision_answered',
  supplement: 'complaint_supplemented',
};

describe('model-based: random command sequences against transition()', () => {
  it('agrees with the specification step by step and keeps every invariant', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 400 * 24 * 60 }), fc.array(stepArb, { minLength: 1, maxLength: 40 }), (held, startMin, steps) => {
        let now = Date.parse('2026-01-01T00:00:00Z') + startMin * 60_000;
        let c = deepFreeze(newComplaint(new Date(now), { held, id: SELF }));
        const m: Model = {
          status: 'submitted',
          held,
          extended: false,
          reopenCount: 0,
          hasAssignee: false,
          level: 0,
          escalated: new Set(),
          version: 1,
          repliedAt: null,
          received: false,
          returns: 0,
          pendingExt: null,
          supervisions: 0,
          supervisionOpen: false,
          acceptDueOn: c.acceptDueOn,
          replyDueOn: null,
          satisfiedGiven: false,
          supplements: 0,
          closedAt: null,
          recheck: 'none',
          attached: 0,
        };
        const history: HistoryEntry[] = [];
        for (const step of steps) {
          now += step.advanceMin * 60_000;
          const actor: ActorKind = step.actor === 'right' ? TRANSITIONS[step.cmd.type].by[0] : step.actor;
          step.cmd = resolve(step.cmd, m.replyDueOn, now);
          const role = actor === 'official' ? step.role : undefined;
          const want = expected(m, step.cmd, actor, now, role);
          const wasFinal = FINAL_STATUSES.includes(m.status);
          let got: ReturnType<typeof transition> | null = null;
          let code = 'ok';
          try {
            got = transition(c, step.cmd, ctx(new Date(now), actor, role));
          } catch (err) {
            if (!(err instanceof AppError)) throw err; // e.g. a TypeError from mutating the frozen input
            code = err.code;
          }
          expect({ cmd: step.cmd.type, actor, status: m.status, code }).toEqual({ cmd: step.cmd.type, actor, status: m.status, code: want });
          if (!got) continue;
          expect(wasFinal && !['note', 'askRecheck', 'recheck'].includes(step.cmd.type)).toBe(false);
          // The table: nothing succeeds from a state or by an actor it does not list.
          expect(TRANSITIONS[step.cmd.type].from).toContain(m.status);
          expect(TRANSITIONS[step.cmd.type].by).toContain(actor);

          const next = got.next;
          const at = new Date(now).toISOString();
          // Exactly one history entry, with from/to and who.
          expect(got.history).toEqual(
            expect.objectContaining({ complaintId: SELF, at, action: step.cmd.type, fromStatus: m.status, toStatus: next.status, actorOpenid: actor === 'system' ? null : `o-${actor}` }),
          );
          history.push(got.history);
          // Version: +1 per change, a note changes nothing.
          if (step.cmd.type === 'note') {
            expect(next).toEqual(c);
          } else {
            expect(next.version).toBe(m.version + 1);
            expect(next.updatedAt).toBe(at);
          }
          // Notifications: one per resident-facing event, to the complainant.
          const event = NOTIFY[step.cmd.type] ?? laterEvent(step.cmd, m, role);
          // A 督办 or 补充材料 before acceptance has no handling official to tell yet.
          const official = (step.cmd.type === 'supervise' || step.cmd.type === 'supplement') && m.status === 'submitted' ? undefined : OFFICIAL_NOTIFY[step.cmd.type];
          // 督办 tells the handling official first, then the complainant that the case went up a level.
          const events = step.cmd.type === 'supervise' ? [official, event] : [event, official];
          expect(got.notify.map((n) => n.event)).toEqual(events.filter(Boolean));
          got.notify.forEach((n) => expect(n.openid).toBe((OFFICIAL_NOTIFY as Record<string, string>)[step.cmd.type] === n.event ? 'o-official' : 'o-complainant'));

          // Advance the model.
          const ends = ENDS[step.cmd.type];
          if (ends) {
            m.status = ends;
            m.closedAt = now;
          }
          switch (step.cmd.type) {
            case 'accept':
              m.status = 'accepted';
              m.replyDueOn = cal.addWorkdays(shanghaiDate(now), REPLY_WORKDAYS).date;
              expect(next.handlerOpenid).toBe('o-official');
              break;
            case 'assign':
              m.status = 'assigned';
              m.hasAssignee = true;
              m.received = false;
              expect(next.assignedAt).toBe(at);
              break;
            case 'receive':
              m.received = true;
              break;
            case 'decline':
              m.status = 'accepted';
              m.hasAssignee = false;
              m.received = false;
              m.returns++;
              m.pendingExt = null; // a pending 延期申请 leaves with the assignee
              expect(next.returns![m.returns - 1]).toEqual({ at, reason: step.cmd.reason, assignee: c.assignee });
              break;
            case 'requestExtension':
              m.pendingExt = cal.workdaysBetween(m.replyDueOn!, step.cmd.dueOn);
              break;
            case 'approveExtension':
              m.extended = true;
              m.replyDueOn = cal.addWorkdays(m.replyDueOn!, m.pendingExt!).date;
              m.pendingExt = null;
              // The complainant is told the new date.
              expect(got.notify[0].payload.dueOn).toBe(m.replyDueOn);
              break;
            case 'refuseExtension':
              m.pendingExt = null;
              expect(next.replyDueOn).toBe(c.replyDueOn);
              break;
            case 'supervise':
              m.supervisions++;
              m.supervisionOpen = true;
              m.level = Math.max(m.level, LEVEL[role!]);
              expect(next.supervisions!.at(-1)).toEqual({ at, level: LEVEL[role!], byOpenid: 'o-official', instruction: step.cmd.instruction, dueOn: step.cmd.dueOn, answer: null });
              break;
            case 'transfer':
              expect(next.transfer).toEqual({ ...step.cmd, type: undefined, at });
              expect(got.notify[0].payload.department).toBe('邮政管理部门');
              break;
            case 'answerSupervision':
              m.supervisionOpen = false;
              expect(next.supervisions!.at(-1)!.answer).toEqual({ text: step.cmd.text, at });
              break;
            case 'reply':
              expect(next.replyOnTime).toBe(now < endOf(m.replyDueOn!));
              expect(next.reply!.unresolvable).toEqual(step.cmd.unresolvable);
              if (step.cmd.unresolvable) expect(got.history.note).toBe(`无法解决：${step.cmd.unresolvable.reason}。${step.cmd.text}`);
              expect(got.history.attachments).toEqual(step.cmd.photos ? { photos: step.cmd.photos } : undefined);
              m.attached += step.cmd.photos?.length ?? 0;
              m.status = 'replied';
              m.repliedAt = now;
              break;
            case 'extend':
              m.extended = true;
              m.replyDueOn = cal.addWorkdays(m.replyDueOn!, step.cmd.workdays).date;
              expect(got.notify[0].payload.dueOn).toBe(m.replyDueOn);
              break;
            case 'evaluate':
              if (step.cmd.evaluation === 'unsatisfied' && m.reopenCount === 0) {
                reopen(m, now);
              } else {
                m.status = 'closed';
                m.closedAt = now;
                if (step.cmd.evaluation === 'satisfied') m.satisfiedGiven = true;
              }
              expect(next.evaluation).toBe(step.cmd.evaluation);
              break;
            case 'release':
              m.held = false;
              break;
            case 'escalate': {
              const dueOn = step.cmd.kind === 'accept' ? m.acceptDueOn : m.replyDueOn!;
              m.escalated.add(`${step.cmd.kind}:${dueOn}`);
              m.level = Math.min(2, m.level + 1);
              break;
            }
            case 'autoClose':
              expect(next.evaluation).toBe('none');
              break;
            case 'progress':
            case 'supplement': {
              const photos = step.cmd.type === 'progress' ? step.cmd.photos : step.cmd.attachments?.photos;
              const voice = step.cmd.type === 'supplement' ? step.cmd.attachments?.voice : undefined;
              if (step.cmd.type === 'supplement') m.supplements++;
              // Public, with its photos (and voice note), each pending its content check.
              expect(got.history.internal).toBe(false);
              expect(got.history.note).toBe(step.cmd.text);
              expect(got.history.attachments).toEqual(photos || voice ? { ...(photos ? { photos } : {}), ...(voice ? { voice } : {}) } : undefined);
              if (voice) expect(next.attachedVoices?.at(-1)).toEqual({ ...voice, pending: true });
              expect(next.attachedVoices?.length ?? 0).toBe((c.attachedVoices?.length ?? 0) + (voice ? 1 : 0));
              m.attached += photos?.length ?? 0;
              for (const p of photos ?? []) expect(next.photosPending).toContain(p);
              break;
            }
            case 'askRecheck':
              m.recheck = 'asked';
              expect(next.recheck).toEqual({ askedAt: at, answer: null, answeredAt: null });
              break;
            case 'recheck': {
              m.recheck = 'answered';
              const reopens = step.cmd.answer === 'persists' && m.status === 'closed' && m.reopenCount === 0;
              if (reopens) {
                reopen(m, now);
                expect(got.notify[0].payload).toEqual(expect.objectContaining({ status: '问题还在，重新办理', dueOn: m.replyDueOn }));
              }
              expect(next.recheck).toEqual(
                expect.objectContaining({ answer: step.cmd.answer, answeredAt: at, ...(step.cmd.answer === 'persists' && !reopens ? { linkedCase: step.cmd.linked } : {}) }),
              );
              break;
            }
            case 'note':
              break;
          }
          if (step.cmd.type !== 'note') m.version++;
          expect({
            status: next.status,
            held: next.held,
            version: next.version,
            reopenCount: next.reopenCount,
            escalationLevel: next.escalationLevel,
            replyDueOn: next.replyDueOn,
            extended: next.extension !== null,
            reply: next.reply !== null,
            received: !!next.receivedAt,
            returns: next.returns?.length ?? 0,
            hasAssignee: next.assignee !== null,
            awaitingReceipt: awaitingReceipt(next),
            pendingExt: pendingExtension(next)?.workdays ?? null,
            supervisions: next.supervisions?.length ?? 0,
            supervisionOpen: openSupervision(next) !== null,
            supplements: next.supplements ?? 0,
            attached: next.attachedPhotos?.length ?? 0,
            recheck: next.recheck ? (next.recheck.answer ? 'answered' : 'asked') : 'none',
          }).toEqual({
            status: m.status,
            held: m.held,
            version: m.version,
            reopenCount: m.reopenCount,
            escalationLevel: m.level,
            replyDueOn: m.replyDueOn,
            extended: m.extended,
            reply: m.repliedAt !== null,
            received: m.received,
            returns: m.returns,
            hasAssignee: m.hasAssignee,
            awaitingReceipt: m.status === 'assigned' && !m.received,
            pendingExt: m.pendingExt,
            supervisions: m.supervisions,
            supervisionOpen: m.supervisionOpen,
            supplements: m.supplements,
            attached: m.attached,
            recheck: m.recheck,
          });
          // Invariants.
          expect(next.reopenCount).toBeLessThanOrEqual(MAX_REOPENS);
          expect(next.escalationLevel).toBeLessThanOrEqual(MAX_ESCALATION);
          expect(next.escalations).toHaveLength(m.escalated.size);
          if (next.evaluation === 'satisfied') expect(m.satisfiedGiven || next.status !== 'closed').toBe(true);
          if (FINAL_STATUSES.includes(next.status)) {
            expect(next.dueAt).toBeNull();
            expect(next.closedAt).not.toBeNull();
          } else {
            expect(next.dueAt).toEqual(expect.any(String));
          }
          if (next.status === 'submitted') expect(next.dueAt).toBe(new Date(endOf(next.acceptDueOn)).toISOString());
          if (next.status === 'accepted' || next.status === 'assigned') expect(next.dueAt).toBe(new Date(endOf(next.replyDueOn!)).toISOString());
          if (next.status === 'replied') expect(next.dueAt).toBe(new Date(m.repliedAt! + EVALUATION_DAYS * DAY).toISOString());
          c = deepFreeze(next);
        }
        // The history is a chain: each entry starts where the previous ended; reopening at most once.
        for (let i = 1; i < history.length; i++) expect(history[i].fromStatus).toBe(history[i - 1].toStatus);
        expect(history.filter((h) => h.action === 'evaluate' && h.toStatus !== 'closed').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based over the service and SQLite: random demo actors, random commands, clock jumps.

type Who = keyof typeof DEMO;
const WHO: Who[] = ['resident1', 'resident2', 'stationHead', 'operatorStaff', 'county', 'city', 'province'];
const OUT_STATION = 'st-361128001-000';

/** The scope rules of docs/product.md §6 for this demo cast, written out independently of core/authz. */
function mayAct(who: Who, action: string, c: Complaint, into?: Complaint): boolean {
  const inYudu = (x: Complaint) => x.regionCodes.includes('360731');
  const official = (x: Complaint) => who === 'province' || ((who === 'county' || who === 'city') && inYudu(x));
  const operatorAssigned = who === 'operatorStaff' && c.assignee?.kind === 'operator' && c.assignee.operatorName === YUDU_OPERATOR;
  const stationAssigned = who === 'stationHead' && c.assignee?.kind === 'station' && c.assignee.stationId === HEAD_STATION;
  switch (action) {
    case 'withdraw':
    case 'evaluate':
    case 'supplement':
      return c.complainantOpenid === DEMO[who];
    case 'reply':
    case 'progress':
      return stationAssigned || operatorAssigned || official(c);
    case 'note':
      return operatorAssigned || official(c);
    case 'supervise':
      // 督办 by hand: the city over its region, the province over all.
      return who === 'province' || (who === 'city' && inYudu(c));
    case 'answerSupervision':
      return who === 'county' && inYudu(c);
    case 'receive':
    case 'decline':
    case 'requestExtension':
      // The assignee only: an official cannot confirm or hand back on its behalf.
      return stationAssigned || operatorAssigned;
    case 'merge':
      return official(c) && !!into && official(into);
    default:
      return official(c);
  }
}

describe('model-based: the service over SQLite', () => {
  let h: ComplaintHarness;
  beforeAll(async () => {
    h = await createComplaintHarness('2026-03-02T02:00:00.000Z');
  });
  afterAll(() => h.close());

  const opArb = fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('submit' as const), who: fc.constantFrom<Who>('resident1', 'resident2'), out: fc.boolean(), held: fc.boolean(), phone: fc.boolean() }) },
    {
      weight: 8,
      arbitrary: fc.record({
        op: fc.constant('act' as const),
        action: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom('accept', 'assign', 'reply', 'evaluate') },
          { weight: 2, arbitrary: fc.constantFrom('refuse', 'extend', 'withdraw', 'merge', 'note', 'release') },
          { weight: 2, arbitrary: fc.constantFrom('receive', 'decline', 'requestExtension', 'approveExtension', 'refuseExtension') },
          { weight: 1, arbitrary: fc.constantFrom('progress', 'supplement') },
        ),
        who: fc.oneof({ weight: 2, arbitrary: fc.constant<'auto'>('auto') }, { weight: 1, arbitrary: fc.constantFrom(...WHO) }),
        fit: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        pick: fc.nat(),
        pick2: fc.nat(),
        stale: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        to: fc.constantFrom('operator' as const, 'station' as const),
        evaluation: fc.constantFrom(...EVALUATIONS),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('time' as const), days: fc.integer({ min: 1, max: 9 }) }) },
  );

  it('never fails internally, authorises like §6, and keeps history, versions and outbox consistent', async () => {
    const created: string[] = [];
    const successes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        for (const op of ops) {
          if (op.op === 'time') {
            h.clock.advanceDays(op.days);
            const first = await h.scheduler();
            const second = await h.scheduler();
            expect(second).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
            expect(first.failed).toBe(0);
            continue;
          }
          if (op.op === 'submit') {
            const v = await h.service.submit(
              DEMO[op.who],
              {
                stationId: op.out ? OUT_STATION : HEAD_STATION,
                category: 'overcharge',
                description: op.held ? '请人工审核 REVIEW-TEST' : '快递代收多收费用。',
                ...(op.phone ? { phone: '13912345678' } : {}),
              },
              `req-${created.length}-${Math.random().toString(36).slice(2)}`,
            );
            created.push(v.id);
            continue;
          }
          if (!created.length) continue;
          // Mostly a complaint in a state the command fits, and an actor who may act on it, so sequences get somewhere.
          const all = (await Promise.all(created.map((id) => h.stores.complaints.get(id)))) as Complaint[];
          // The hand-offs (issue 11 §2) need an unconfirmed assignment or a pending 延期申请: fit them by
          // the table's guard too, or they would rarely meet one.
          const decision = ['receive', 'decline', 'requestExtension', 'approveExtension', 'refuseExtension'].includes(op.action);
          const fitting = all.filter((x) => TRANSITIONS[op.action as CommandType].from.includes(x.status) && (!decision || !TRANSITIONS[op.action as CommandType].guard?.(x)));
          const candidates = op.fit && fitting.length ? fitting : all;
          const c = candidates[op.pick % candidates.length];
          const into = op.action === 'merge' ? all.filter((x) => x.stationId === c.stationId)[op.pick2 % all.filter((x) => x.stationId === c.stationId).length] : undefined;
          const who: Who =
            op.who !== 'auto'
              ? op.who
              : op.action === 'withdraw' || op.action === 'evaluate' || op.action === 'supplement'
                ? (WHO.find((w) => DEMO[w] === c.complainantOpenid) ?? 'resident1')
                : ['reply', 'progress', 'receive', 'decline', 'requestExtension'].includes(op.action) && c.assignee?.kind === 'station'
                  ? 'stationHead'
                  : ['reply', 'progress', 'receive', 'decline', 'requestExtension'].includes(op.action) && c.assignee?.kind === 'operator'
                    ? 'operatorStaff'
                    : c.regionCodes.includes('360731')
                      ? 'county'
                      : 'province';
          const openid = DEMO[who];
          const version = op.stale ? c.version + 1 : c.version;
          const base = { id: c.id, version };
          const run = (): Promise<ComplaintView | ComplaintCaseView> => {
            switch (op.action) {
              case 'accept':
                return h.service.accept(openid, base);
              case 'refuse':
                return h.service.refuse(openid, { ...base, reason: 'other', text: '不属于受理范围' });
              case 'assign':
                return h.service.assign(openid, { ...base, to: op.to });
              case 'reply':
                return h.service.reply(openid, { ...base, text: '已经处理完毕。' });
              case 'extend':
                return h.service.extend(openid, { ...base, workdays: 3, reason: '需要调查' });
              case 'withdraw':
                return h.service.withdraw(openid, base);
              case 'evaluate':
                return h.service.evaluate(openid, { ...base, evaluation: op.evaluation });
              case 'merge':
                return h.service.merge(openid, { ...base, intoId: into!.id });
              case 'note':
                return h.service.note(openid, { id: c.id, text: '内部备注' });
              case 'progress':
                return h.service.progress(openid, { ...base, text: '正在核实情况' });
              case 'supplement':
                return h.service.supplement(openid, { ...base, text: '补充一些情况说明' });
              case 'receive':
                return h.service.receive(openid, base);
              case 'decline':
                return h.service.decline(openid, { ...base, reason: '不是本单位的事' });
              case 'requestExtension': {
                const from = Date.parse(`${c.replyDueOn ?? '2026-03-02'}T00:00:00Z`);
                return h.service.requestExtension(openid, { ...base, dueOn: new Date(from + 10 * 86_400_000).toISOString().slice(0, 10), reason: '需要快递公司出具证明' });
              }
              case 'approveExtension':
                return h.service.approveExtension(openid, base);
              case 'refuseExtension':
                return h.service.refuseExtension(openid, { ...base, note: '请按期答复' });
              default:
                return h.service.release(openid, base);
            }
          };
          const code = await outcome(run);
          expect(code).not.toBe('INTERNAL');
          const allowed = mayAct(who, op.action, c, into);
          if (code === 'FORBIDDEN') expect({ who, action: op.action, allowed }).toEqual({ who, action: op.action, allowed: false });
          if (code === 'ok') {
            expect({ who, action: op.action, allowed }).toEqual({ who, action: op.action, allowed: true });
            expect(op.stale && op.action !== 'note').toBe(false);
            successes.set(op.action, (successes.get(op.action) ?? 0) + 1);
          }
          // A denied or failed command leaves the record as it was.
          if (code !== 'ok') expect((await h.stores.complaints.get(c.id))!.version).toBe(c.version);
        }
        // Invariants over everything stored so far.
        for (const id of created) {
          const c = (await h.stores.complaints.get(id))!;
          const hist = await h.stores.complaints.history(id);
          expect(hist[0]).toEqual(expect.objectContaining({ action: 'submit', fromStatus: null, toStatus: 'submitted' }));
          for (let i = 1; i < hist.length; i++) expect(hist[i].fromStatus).toBe(hist[i - 1].toStatus);
          expect(hist[hist.length - 1].toStatus).toBe(c.status);
          expect(c.version).toBe(1 + hist.filter((x) => x.action !== 'submit' && x.action !== 'note').length);
          expect(c.reopenCount).toBeLessThanOrEqual(1);
          expect(hist.filter((x) => x.action === 'evaluate' && x.toStatus !== 'closed').length).toBe(c.reopenCount);
          expect(c.escalationLevel).toBeLessThanOrEqual(2);
          expect(c.escalations).toHaveLength(hist.filter((x) => x.action === 'escalate').length);
          const last = hist[hist.length - 1];
          if (last.action === 'autoClose') expect(c.evaluation).toBe('none');
          if (c.evaluation === 'satisfied') expect(hist.some((x) => x.action === 'evaluate' && x.note === '评价：满意')).toBe(true);
          // Officials' messages (退单, 延期申请, 督办) go to officials, not to followers.
          const recipients = h.db.prepare("SELECT openid FROM outbox WHERE json_extract(doc, '$.complaintId') = ? AND json_extract(doc, '$.event') NOT IN ('complaint_returned', 'extension_requested', 'complaint_supervised', 'supervision_answered', 'complaint_supplemented', 'case_assigned')").pluck().all(id) as string[];
          const toComplainant = h.db.prepare("SELECT COUNT(*) FROM outbox WHERE json_extract(doc, '$.complaintId') = ? AND openid = ? AND json_extract(doc, '$.event') NOT IN ('complaint_escalated', 'complaint_assigned', 'complaint_reopened') AND NOT (json_extract(doc, '$.event') = 'complaint_closed' AND json_extract(doc, '$.payload.status') = '已办结')").pluck().get(id, c.complainantOpenid);
          expect(toComplainant).toBe(hist.filter((x) => ['accept', 'refuse', 'reply', 'merge', 'autoClose', 'extend', 'approveExtension', 'askRecheck'].includes(x.action)).length);
          // 转办 and 评价 are each told once more.
          const told = (event: string) => h.db.prepare("SELECT COUNT(*) FROM outbox WHERE json_extract(doc, '$.complaintId') = ? AND openid = ? AND json_extract(doc, '$.event') = ?").pluck().get(id, c.complainantOpenid, event);
          expect(told('complaint_assigned')).toBe(hist.filter((x) => x.action === 'assign').length);
          expect(told('complaint_reopened')).toBe(c.reopenCount);
          // Everyone else told about it follows it (a complaint merged into it: core/complaint/follow.ts).
          const followers = new Set((await h.stores.complaints.followers(id, 500)).map((f) => f.openid));
          for (const o of recipients) if (o !== c.complainantOpenid) expect(followers.has(o)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
    // The sequences really went through the loop.
    for (const action of ['accept', 'assign', 'reply', 'evaluate', 'refuse', 'withdraw', 'note', 'release']) expect(successes.get(action) ?? 0).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based over the service: the hand-offs (issue 11 §2) on one assigned case at a time, by every
// demo actor, so each transition is reached and every actor is tried on it.

describe('model-based: the hand-offs over the service', () => {
  let h: ComplaintHarness;
  beforeAll(async () => {
    h = await createComplaintHarness('2026-03-02T02:00:00.000Z');
  });
  afterAll(() => h.close());

  const HANDOFFS = ['assign', 'receive', 'decline', 'requestExtension', 'approveExtension', 'refuseExtension', 'extend', 'reply', 'supervise', 'answerSupervision', 'transfer'] as const;
  type Handoff = (typeof HANDOFFS)[number];
  const stepArb = fc.record({
    // A decision needs a request before it: those two come up more often.
    action: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<Handoff>('requestExtension', 'approveExtension', 'refuseExtension') },
      { weight: 4, arbitrary: fc.constantFrom<Handoff>('assign', 'receive', 'decline', 'extend', 'reply', 'supervise', 'answerSupervision') },
      { weight: 1, arbitrary: fc.constant<Handoff>('transfer') },
    ),
    who: fc.oneof({ weight: 1, arbitrary: fc.constant<'auto'>('auto') }, { weight: 1, arbitrary: fc.constantFrom(...WHO) }),
    to: fc.constantFrom('operator' as const, 'station' as const),
    days: fc.integer({ min: -1, max: 16 }),
  });

  it('each hand-off runs for the actor §6 allows and no other, and the record follows the table', async () => {
    const successes = new Map<Handoff, number>();
    const actorsTried = new Map<Handoff, Set<Who>>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 14 }), async (steps) => {
        const filed = await h.service.submit(DEMO.resident1, { stationId: HEAD_STATION, category: 'parcel', description: '快递丢了，站点不管。' }, `req-h-${Math.random().toString(36).slice(2)}`);
        const accepted = await h.service.accept(DEMO.county, { id: filed.id, version: filed.version });
        // Most runs start assigned, where most hand-offs happen.
        if (steps[0].days % 3 !== 0) await h.service.assign(DEMO.county, { id: filed.id, version: accepted.version, to: steps[0].to });
        for (const step of steps) {
          const c = (await h.stores.complaints.get(filed.id))!;
          const assigneeWho: Who = c.assignee?.kind === 'station' ? 'stationHead' : 'operatorStaff';
          const who: Who =
            step.who !== 'auto' ? step.who : ['receive', 'decline', 'requestExtension', 'reply'].includes(step.action) ? assigneeWho : step.action === 'supervise' ? 'city' : 'county';
          actorsTried.set(step.action, (actorsTried.get(step.action) ?? new Set()).add(who));
          const base = { id: c.id, version: c.version };
          const dueOn = new Date(Date.parse(`${c.replyDueOn}T00:00:00Z`) + step.days * DAY).toISOString().slice(0, 10);
          const run = (): Promise<unknown> => {
            const openid = DEMO[who];
            switch (step.action) {
              case 'assign':
                return h.service.assign(openid, { ...base, to: step.to });
              case 'receive':
                return h.service.receive(openid, base);
              case 'decline':
                return h.service.decline(openid, { ...base, reason: '不是本单位的事' });
              case 'requestExtension':
                return h.service.requestExtension(openid, { ...base, dueOn, reason: '需要快递公司出具证明' });
              case 'approveExtension':
                return h.service.approveExtension(openid, base);
              case 'refuseExtension':
                return h.service.refuseExtension(openid, { ...base, note: '请按期答复' });
              case 'extend':
                return h.service.extend(openid, { ...base, workdays: 2, reason: '需要调查' });
              case 'reply':
                return h.service.reply(openid, { ...base, text: '已经处理完毕。' });
              case 'supervise':
                return h.service.supervise(openid, { ...base, instruction: '请尽快核实处理', dueOn: new Date(h.clock.now().getTime() + (step.days + 1) * DAY).toISOString().slice(0, 10) });
              case 'answerSupervision':
                return h.service.answerSupervision(openid, { ...base, answer: '已责成站点整改' });
              case 'transfer':
                return h.service.transfer(openid, { ...base, department: 'postal', reference: 'YZ2026-001', note: '请向邮政管理部门反映' });
            }
          };
          const code = await outcome(run);
          expect(code).not.toBe('INTERNAL');
          const allowed = mayAct(who, step.action, c);
          // Authorisation comes first: an actor §6 refuses never gets past it; one it allows is refused only by the table.
          if (!allowed) expect({ who, action: step.action, code }).toEqual({ who, action: step.action, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
          if (code === 'ok') {
            successes.set(step.action, (successes.get(step.action) ?? 0) + 1);
            const after = (await h.stores.complaints.get(c.id))!;
            expect(after.version).toBe(c.version + 1);
            const last = (await h.stores.complaints.history(c.id)).at(-1)!;
            expect({ action: last.action, from: last.fromStatus, to: last.toStatus }).toEqual({ action: step.action, from: c.status, to: after.status });
          } else {
            expect((await h.stores.complaints.get(c.id))!.version).toBe(c.version);
            if (allowed && code !== 'VALIDATION_ERROR') expect(code).toBe('CONFLICT');
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    for (const action of HANDOFFS) expect({ action, ok: (successes.get(action) ?? 0) > 0 }).toEqual({ action, ok: true });
    // Every demo actor was tried on every hand-off.
    for (const action of HANDOFFS) expect([...(actorsTried.get(action) ?? [])].sort()).toEqual([...WHO].sort());
  });
});

// ---------------------------------------------------------------------------------------------

describe('the scheduler with a fixed clock moved past deadlines', () => {
  let h: ComplaintHarness;
  beforeAll(async () => {
    h = await createComplaintHarness('2026-09-30T02:00:00.000Z');
  });
  afterAll(() => h.close());

  const file = async (who = DEMO.resident1) =>
    h.service.submit(who, { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收多收费用。', phone: '13912345678' }, `req-${Math.random().toString(36).slice(2)}`);
  const get = async (id: string) => (await h.stores.complaints.get(id))!;

  it('escalates each overdue deadline once, auto-closes as 未评价, delivers each message once; the second run changes nothing', async () => {
    const a = await file(); // accept due 10-10
    const b0 = await file();
    const b = await h.service.accept(DEMO.county, { id: b0.id, version: 1 }); // reply due 10-13
    const c0 = await file();
    const c1 = await h.service.accept(DEMO.county, { id: c0.id, version: 1 });
    await h.service.reply(DEMO.county, { id: c1.id, version: c1.version, text: '已经处理完毕。' }); // evaluation due 10-07 02:00Z

    // Nothing is due yet: only the pending notifications go out (accepted ×2, replied ×1).
    h.notifier.failNext = 1;
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 2, failed: 1, skipped: 0, remaining: false });
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 1, failed: 0, skipped: 0, remaining: false });
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect(h.notifier.delivered).toHaveLength(3);

    // 10-11 08:00 Shanghai: A's accept deadline (10-10) has passed; C has waited 7 days for an evaluation.
    h.clock.set('2026-10-11T00:00:00.000Z');
    const snapshot = () => h.db.prepare('SELECT id, version, status, escalation_level FROM complaints ORDER BY id').all();
    // Sent: the 未评价 办结 and the escalation (市级督办), each to its complainant.
    expect(await h.scheduler()).toEqual({ escalated: 1, autoClosed: 1, sent: 2, failed: 0, skipped: 0, remaining: false });
    const after = snapshot();
    const history = h.db.prepare('SELECT count(*) FROM complaint_history').pluck().get();
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect(snapshot()).toEqual(after);
    expect(h.db.prepare('SELECT count(*) FROM complaint_history').pluck().get()).toBe(history);

    expect(await get(a.id)).toEqual(expect.objectContaining({ status: 'submitted', escalationLevel: 1, escalations: [expect.objectContaining({ kind: 'accept', dueOn: '2026-10-10', toLevel: 1 })] }));
    const closed = await get(c0.id);
    expect(closed).toEqual(expect.objectContaining({ status: 'closed', evaluation: 'none' }));
    const ch = await h.stores.complaints.history(c0.id);
    expect(ch[ch.length - 1]).toEqual(expect.objectContaining({ action: 'autoClose', actorRole: 'system', actorOpenid: null, fromStatus: 'replied', toStatus: 'closed' }));
    // (A message that failed is retried in a later run, so delivery order is not creation order.)
    expect(h.notifier.delivered.filter((m) => m.complaintId === c0.id).map((m) => m.event).sort()).toEqual(['complaint_accepted', 'complaint_closed', 'complaint_replied']);
    expect((await get(b.id)).escalationLevel).toBe(0);
    // Officials' overdue filter shows exactly the overdue open complaint.
    const overdue = await h.service.queue(DEMO.county, { overdue: true });
    expect(overdue.items.map((i) => [i.id, i.overdue, i.escalationLevel])).toEqual([[a.id, 'accept', 1]]);

    // 10-14: B's reply deadline (10-13) has passed.
    h.clock.set('2026-10-14T00:00:00.000Z');
    // B's complainant is told it went up to 市级督办.
    expect(await h.scheduler()).toEqual({ escalated: 1, autoClosed: 0, sent: 1, failed: 0, skipped: 0, remaining: false });
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    expect((await get(b.id)).escalationLevel).toBe(1);
    expect((await get(a.id)).escalationLevel).toBe(1);

    // A is accepted late (reply due 10-21), misses that too → province level; an extension missed again stays at 2.
    const aa = await h.service.accept(DEMO.county, { id: a.id, version: (await get(a.id)).version });
    expect(aa.replyDueOn).toBe('2026-10-21');
    h.clock.set('2026-10-22T00:00:00.000Z');
    // Only A (B was already escalated for its 10-13 deadline); A's acceptance notice and its 省级督办 go out.
    expect(await h.scheduler()).toEqual({ escalated: 1, autoClosed: 0, sent: 2, failed: 0, skipped: 0, remaining: false });
    expect((await get(a.id)).escalationLevel).toBe(2);
    expect((await get(b.id)).escalationLevel).toBe(1);
    const ext = await h.service.extend(DEMO.county, { id: a.id, version: (await get(a.id)).version, workdays: 1, reason: '补充调查' });
    expect(ext.replyDueOn).toBe('2026-10-22');
    h.clock.set('2026-10-23T00:00:00.000Z');
    expect((await h.scheduler()).escalated).toBe(1);
    expect(await h.scheduler()).toEqual({ escalated: 0, autoClosed: 0, sent: 0, failed: 0, skipped: 0, remaining: false });
    const final = await get(a.id);
    expect(final.escalationLevel).toBe(2);
    expect(final.escalations.map((e) => [e.kind, e.dueOn, e.toLevel])).toEqual([
      ['accept', '2026-10-10', 1],
      ['reply', '2026-10-21', 2],
      ['reply', '2026-10-22', 2],
    ]);
    // Escalations show in the officials' queue filter.
    const q = await h.service.queue(DEMO.county, { escalated: true });
    expect(q.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
  });
});
