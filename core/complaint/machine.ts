/**
 * The complaint state machine: which command may move a complaint from which state, by whom,
 * and what it records. Pure: time and the working-day calendar come in as arguments.
 */
import type { WorkCalendar } from '../calendar/workdays';
import { attachVoice } from '../media/voice';
import { AppError } from '../shared/errors';
import { addDays, fromShanghai, toShanghai } from '../shared/time';
import { ACCEPT_WORKDAYS, EVALUATION_DAYS, MAX_EXTENSION_WORKDAYS, MAX_SUPPLEMENTS, RECHECK_DAYS, REPLY_WORKDAYS } from './limits';
import {
  ACTION_LABELS,
  CATEGORY_LABELS,
  COMPLAINT_STATUSES,
  EVALUATION_LABELS,
  FINAL_STATUSES,
  hasWeChatComplainant,
  RECHECK_REOPENED,
  REFUSAL_LABELS,
  STATUS_LABELS,
  type Assignee,
  type Attachments,
  type Complaint,
  type RecheckAnswer,
  type ComplaintStatus,
  type Evaluation,
  type ExtensionRequest,
  type Supervision,
  type TransferDepartment,
  SUPERVISOR_LEVELS,
  type HistoryEntry,
  type OutboxMessage,
  type RefusalReason,
} from './model';

// Defined with the other limits the app shows (limits.ts); re-exported for the core's callers.
export { ACCEPT_WORKDAYS, EVALUATION_DAYS, MAX_EXTENSION_WORKDAYS, REPLY_WORKDAYS };
/** Closed complaints keep the person's data this long after filing (ZDT_COMPLAINT_RETENTION_DAYS). */
export const COMPLAINT_RETENTION_DAYS = 730;
export const PURGED_TEXT = '（已超过保存期限，投诉内容已按规定清除）';
export const MAX_REOPENS = 1;
export const MAX_ESCALATION = 2;

export type ActorKind = 'complainant' | 'official' | 'assignee' | 'system';

export type Command =
  | { type: 'accept' }
  | { type: 'refuse'; reason: RefusalReason; text: string }
  | { type: 'assign'; assignee: Assignee; assigneeLabel: string }
  | { type: 'reply'; text: string; unresolvable?: { reason: string }; photos?: string[] }
  | { type: 'extend'; workdays: number; reason: string }
  | { type: 'withdraw' }
  | { type: 'evaluate'; evaluation: Evaluation; comment?: string }
  | { type: 'merge'; into: { id: string; trackingNo: string } }
  | { type: 'note'; text: string }
  | { type: 'release' }
  | { type: 'escalate'; kind: 'accept' | 'reply' }
  | { type: 'autoClose' }
  | { type: 'purge' }
  | { type: 'receive' }
  | { type: 'decline'; reason: string }
  | { type: 'requestExtension'; dueOn: string; reason: string }
  | { type: 'approveExtension'; note?: string }
  | { type: 'refuseExtension'; note: string }
  | { type: 'supervise'; instruction: string; dueOn: string }
  | { type: 'answerSupervision'; text: string }
  | { type: 'transfer'; department: TransferDepartment; departmentName: string; reference: string; note: string }
  | { type: 'progress'; text: string; photos?: string[] }
  | { type: 'supplement'; text: string; attachments?: Attachments; held?: boolean }
  | { type: 'askRecheck' }
  | { type: 'recheck'; answer: RecheckAnswer; linked?: { id: string; trackingNo: string } };

/** Ended cases whose complainant is asked "问题还在吗？" (not withdrawn: their choice; not merged: they follow the other case). */
export const RECHECK_STATUSES: readonly ComplaintStatus[] = ['closed', 'refused', 'transferred'];
export type CommandType = Command['type'];

const ALL = COMPLAINT_STATUSES;

/**
 * The explicit transition table: from which states, by whom, and the guard on the complaint itself
 * (null when it may run, else why not). `transition` and the officials' action list both read it.
 */
export const TRANSITIONS: Record<CommandType, { from: readonly ComplaintStatus[]; by: readonly ActorKind[]; guard?: (c: Complaint) => string | null }> = {
  accept: { from: ['submitted'], by: ['official'], guard: (c) => (c.held ? '投诉内容待审核，请先审核通过再受理' : null) },
  refuse: { from: ['submitted'], by: ['official'] },
  assign: { from: ['accepted', 'assigned'], by: ['official'] },
  reply: { from: ['accepted', 'assigned'], by: ['official', 'assignee'] },
  extend: {
    from: ['accepted', 'assigned'],
    by: ['official'],
    guard: (c) => (c.extension ? '这件投诉已经延期过一次，不能再延期' : pendingExtension(c) ? '承办单位的延期申请还在等待审批，请先审批' : null),
  },
  withdraw: { from: ['submitted', 'accepted', 'assigned'], by: ['complainant'] },
  evaluate: { from: ['replied'], by: ['complainant'] },
  merge: { from: ['submitted', 'accepted', 'assigned'], by: ['official'] },
  note: { from: ALL, by: ['official', 'assignee'] },
  release: { from: ['submitted'], by: ['official'], guard: (c) => (c.held ? null : '这件投诉不需要审核') },
  escalate: { from: ['submitted', 'accepted', 'assigned'], by: ['system'] },
  autoClose: { from: ['replied'], by: ['system'] },
  purge: { from: FINAL_STATUSES, by: ['system'], guard: (c) => (c.purgedAt ? '个人信息已经清除' : null) },
  // 签收 / 退单: the assignee confirms the assignment or hands it back to the county, one or the other.
  receive: { from: ['assigned'], by: ['assignee'], guard: (c) => (c.receivedAt ? '这件投诉已经签收' : null) },
  decline: { from: ['assigned'], by: ['assignee'], guard: (c) => (c.receivedAt ? '已经签收的投诉不能退单，请办理后答复' : null) },
  // 延期申请: the assignee asks, the county (one level up) decides; one extension per complaint.
  requestExtension: { from: ['assigned'], by: ['assignee'], guard: (c) => (c.extension ? '这件投诉已经延期过一次，不能再延期' : pendingExtension(c) ? '已有延期申请在等待审批' : null) },
  approveExtension: { from: ['accepted', 'assigned'], by: ['official'], guard: (c) => (pendingExtension(c) ? (c.extension ? '这件投诉已经延期过一次，不能再延期' : null) : '没有待审批的延期申请') },
  refuseExtension: { from: ['accepted', 'assigned'], by: ['official'], guard: (c) => (pendingExtension(c) ? null : '没有待审批的延期申请') },
  // 督办 by hand: the city or province (authz: complaint.supervise) on an open case; the county answers,
  // also after the reply. One open 督办 at a time.
  supervise: { from: ['submitted', 'accepted', 'assigned'], by: ['official'], guard: (c) => (openSupervision(c) ? '这件投诉已有督办在等待答复' : null) },
  answerSupervision: { from: ['submitted', 'accepted', 'assigned', 'replied'], by: ['official'], guard: (c) => (openSupervision(c) ? null : '没有需要答复的督办') },
  // 转其他部门: a final state the complainant is told of, with where it went.
  transfer: { from: ['submitted', 'accepted', 'assigned'], by: ['official'], guard: (c) => (c.held ? '投诉内容待审核，请先审核通过再转办' : null) },
  // 办理进展: the handler tells the complainant where things stand (处理中), without replying yet.
  progress: { from: ['accepted', 'assigned'], by: ['official', 'assignee'] },
  // 补充材料: the complainant adds information and photos while the case is open, a few times at most.
  supplement: {
    from: ['submitted', 'accepted', 'assigned'],
    by: ['complainant'],
    guard: (c) => ((c.supplements ?? 0) >= MAX_SUPPLEMENTS ? `每件投诉最多补充 ${MAX_SUPPLEMENTS} 次材料` : null),
  },
  // 回访 "问题还在吗？": asked once by the scheduler RECHECK_DAYS after the end, answered once.
  askRecheck: {
    from: RECHECK_STATUSES,
    by: ['system'],
    guard: (c) => (c.recheck ? '已经回访过' : !hasWeChatComplainant(c) || c.purgedAt ? '没有可以回访的投诉人' : null),
  },
  recheck: {
    from: RECHECK_STATUSES,
    by: ['complainant'],
    guard: (c) => (!c.recheck ? '这件投诉还没有回访' : c.recheck.answer ? '您已经答复过回访' : null),
  },
};

/** When the complainant is due to be asked "问题还在吗？", or null when never (again). */
export function recheckDueAt(c: Complaint): Date | null {
  if (!RECHECK_STATUSES.includes(c.status) || !c.closedAt || c.recheck || c.purgedAt || !hasWeChatComplainant(c)) return null;
  return new Date(new Date(c.closedAt).getTime() + RECHECK_DAYS * 86_400_000);
}

/** Whether "还在" reopens this case (once, from 已办结); otherwise a new linked case is opened. */
export function recheckReopens(c: Complaint): boolean {
  return c.status === 'closed' && c.reopenCount < MAX_REOPENS;
}

/** The 督办 the county has not answered yet, if any. */
export function openSupervision(c: Complaint): Supervision | null {
  return c.supervisions?.find((s) => !s.answer) ?? null;
}

/** The 延期申请 waiting for a decision, if any. */
export function pendingExtension(c: Complaint): ExtensionRequest | null {
  return c.extensionRequest && !c.extensionRequest.decision ? c.extensionRequest : null;
}

export interface TransitionContext {
  at: Date;
  calendar: WorkCalendar;
  actor: { kind: ActorKind; role: string; openid: string | null };
}

export interface TransitionResult {
  next: Complaint;
  history: HistoryEntry;
  notify: Omit<OutboxMessage, 'id' | 'createdAt' | 'sentAt' | 'attempts' | 'lastError'>[];
}

/** A calendar day that exists (zod checks the shape only: 2026-02-30 passes it). */
function realDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

/** The instant a "last working day" deadline ends: midnight after it, Asia/Shanghai. */
export function deadlineInstant(dueOn: string): Date {
  return fromShanghai(addDays(dueOn, 1), 0);
}

export function acceptDue(submittedAt: Date, calendar: WorkCalendar) {
  return calendar.addWorkdays(toShanghai(submittedAt).date, ACCEPT_WORKDAYS);
}

export interface NewComplaint {
  id: string;
  trackingNo: string;
  station: { id: string; name: string; operator: { name: string }; regionPath: { code: string }[] };
  category: Complaint['category'];
  description: string;
  photos: string[];
  complainantOpenid: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  shareIdentity: boolean;
  held: boolean;
  submittedAt: Date;
  intake?: Complaint['intake'];
}

/** A freshly filed complaint (状态 待受理) with its accept deadline; the single place that builds one. */
export function fileComplaint(input: NewComplaint, calendar: WorkCalendar): Complaint {
  const at = input.submittedAt.toISOString();
  const due = acceptDue(input.submittedAt, calendar);
  const c: Complaint = {
    id: input.id,
    trackingNo: input.trackingNo,
    stationId: input.station.id,
    stationName: input.station.name,
    operatorName: input.station.operator.name,
    regionCodes: input.station.regionPath.map((r) => r.code),
    category: input.category,
    description: input.description,
    photos: input.photos,
    complainantOpenid: input.complainantOpenid,
    phoneCipher: input.phoneCipher,
    phoneMasked: input.phoneMasked,
    shareIdentity: input.shareIdentity,
    held: input.held,
    status: 'submitted',
    version: 1,
    submittedAt: at,
    acceptDueOn: due.date,
    acceptedAt: null,
    handlerOpenid: null,
    replyDueOn: null,
    deadlineProvisional: due.provisional,
    extension: null,
    assignee: null,
    reply: null,
    replyOnTime: null,
    evaluation: null,
    evaluationComment: null,
    reopenCount: 0,
    refusal: null,
    escalationLevel: 0,
    escalations: [],
    mergedInto: null,
    supporters: 0,
    dueAt: null,
    closedAt: null,
    updatedAt: at,
    ...(input.intake ? { intake: input.intake } : {}),
  };
  c.dueAt = activeDueAt(c);
  return c;
}

/** Tracking numbers read TS + yymmdd (Asia/Shanghai) + 6 random characters. */
export function trackingNumber(submittedAt: Date, random6: string): string {
  return `TS${toShanghai(submittedAt).date.slice(2).replace(/-/g, '')}${random6}`;
}

/** An assignment the assignee has neither confirmed (签收) nor handed back (退单). */
export function awaitingReceipt(c: Complaint): boolean {
  // undefined: assigned before 签收 existed, not flagged.
  return c.status === 'assigned' && !!c.assignee && c.receivedAt === null;
}

export function isOverdue(c: Complaint, now: Date): 'accept' | 'reply' | null {
  if (c.status === 'submitted' && now >= deadlineInstant(c.acceptDueOn)) return 'accept';
  if ((c.status === 'accepted' || c.status === 'assigned') && c.replyDueOn && now >= deadlineInstant(c.replyDueOn)) return 'reply';
  return null;
}

/** Whether `actor` may run `type` on `c` now (state, actor kind and the table's guard). */
export function canApply(c: Complaint, type: CommandType, actor: ActorKind): boolean {
  const t = TRANSITIONS[type];
  return t.from.includes(c.status) && t.by.includes(actor) && !t.guard?.(c);
}

function stateError(c: Complaint, type: CommandType): AppError {
  return new AppError('CONFLICT', `这件投诉${STATUS_LABELS[c.status]}，不能${ACTION_LABELS[type]}`);
}

export function transition(c: Complaint, cmd: Command, ctx: TransitionContext): TransitionResult {
  const t = TRANSITIONS[cmd.type];
  if (!t.by.includes(ctx.actor.kind)) throw new AppError('FORBIDDEN', `您不能对这件投诉进行${ACTION_LABELS[cmd.type]}`);
  if (!t.from.includes(c.status)) throw stateError(c, cmd.type);
  const refused = t.guard?.(c);
  if (refused) throw new AppError('CONFLICT', refused);

  const at = ctx.at.toISOString();
  const next: Complaint = { ...c, version: c.version + 1, updatedAt: at, escalations: [...c.escalations] };
  let note: string | null = null;
  let internal = false;
  let attachments: Attachments | undefined;
  // Attached photos wait for their content check like the complaint's own (core/media/check.ts).
  const attach = (photos: string[] | undefined) => {
    if (!photos?.length) return;
    attachments = { photos: [...photos] };
    next.attachedPhotos = [...(c.attachedPhotos ?? []), ...photos];
    next.photosPending = [...(c.photosPending ?? []), ...photos];
  };
  const notify: TransitionResult['notify'] = [];
  const tellTo = (openid: string | null | undefined, event: OutboxMessage['event'], status: string, extra: Record<string, string> = {}) => {
    if (!openid) return;
    notify.push({ openid, event, complaintId: c.id, payload: { trackingNo: c.trackingNo, station: c.stationName.slice(0, 20), status, category: CATEGORY_LABELS[c.category], ...extra } });
  };
  // A platform's case (Open311) or an unclaimed 代录 one has no WeChat user behind it to tell.
  const tell = (event: OutboxMessage['event'], status: string, extra: Record<string, string> = {}) => {
    if (hasWeChatComplainant(c)) tellTo(c.complainantOpenid, event, status, extra);
  };

  switch (cmd.type) {
    case 'accept': {
      const due = ctx.calendar.addWorkdays(toShanghai(ctx.at).date, REPLY_WORKDAYS);
      next.status = 'accepted';
      next.acceptedAt = at;
      next.handlerOpenid = ctx.actor.openid;
      next.replyDueOn = due.date;
      next.deadlineProvisional = c.deadlineProvisional || due.provisional;
      note = `请于 ${due.date} 前答复`;
      tell('complaint_accepted', '已受理');
      break;
    }
    case 'refuse':
      next.status = 'refused';
      next.refusal = { reason: cmd.reason, text: cmd.text };
      next.closedAt = at;
      note = `${REFUSAL_LABELS[cmd.reason]}：${cmd.text}`;
      tell('complaint_refused', '不予受理');
      break;
    case 'assign':
      next.status = 'assigned';
      next.assignee = cmd.assignee;
      // A new assignment waits for its own 签收.
      next.assignedAt = at;
      next.receivedAt = null;
      note = `转办给 ${cmd.assigneeLabel}`;
      // The complainant hears who handles it now; the assignee's staff are told by the service
      // (core/notify/recipients.ts), which knows who holds the assignee's role.
      tell('complaint_assigned', '已转办');
      break;
    case 'receive':
      next.receivedAt = at;
      note = '承办单位已签收，正在办理';
      break;
    case 'decline':
      // Back to the county (已受理, no assignee) for reassignment; the reply deadline keeps running.
      next.status = 'accepted';
      next.returns = [...(c.returns ?? []), { at, reason: cmd.reason, assignee: c.assignee! }];
      next.assignee = null;
      next.assignedAt = null;
      next.receivedAt = null;
      // Its pending 延期申请 goes with it: the next assignee asks for itself.
      if (pendingExtension(c)) next.extensionRequest = null;
      note = `退单：${cmd.reason}`;
      internal = true;
      // Back to the county: the official who accepted it is told (issue 11 §3).
      tellTo(c.handlerOpenid, 'complaint_returned', '已退单');
      break;
    case 'reply':
      next.status = 'replied';
      next.reply = { text: cmd.text, at, byRole: ctx.actor.role, ...(cmd.unresolvable ? { unresolvable: { reason: cmd.unresolvable.reason } } : {}) };
      next.replyOnTime = !!c.replyDueOn && ctx.at < deadlineInstant(c.replyDueOn);
      // 无法解决 is an outcome of its own, said first: the complainant must not read it as solved.
      note = cmd.unresolvable ? `无法解决：${cmd.unresolvable.reason}。${cmd.text}` : cmd.text;
      attach(cmd.photos);
      tell('complaint_replied', '已答复，请评价');
      break;
    case 'progress':
      note = cmd.text;
      attach(cmd.photos);
      break;
    case 'supplement':
      next.supplements = (c.supplements ?? 0) + 1;
      note = cmd.text;
      // Text the content check holds stays between its author and the officials.
      internal = !!cmd.held;
      attach(cmd.attachments?.photos);
      // 说一说: kept pending its own check, like the complaint's voice note (core/media/voice.ts).
      if (cmd.attachments?.voice) {
        const { fileId, seconds } = cmd.attachments.voice;
        attachments = { ...attachments, voice: { fileId, seconds } };
        next.attachedVoices = [...(c.attachedVoices ?? []), attachVoice(fileId, seconds)];
      }
      // The official handling it is told (the assignee unit sees it on its desk).
      tellTo(c.handlerOpenid, 'complaint_supplemented', '补充材料');
      break;
    case 'askRecheck': {
      const due = recheckDueAt(c);
      if (!due || ctx.at < due) throw new AppError('CONFLICT', '还没到回访的时候');
      next.recheck = { askedAt: at, answer: null, answeredAt: null };
      note = '问题还在吗？请告诉我们';
      tell('complaint_recheck', '回访');
      break;
    }
    case 'recheck':
      next.recheck = { ...c.recheck!, answer: cmd.answer, answeredAt: at };
      if (cmd.answer === 'resolved') {
        note = '回访：问题已解决';
      } else if (recheckReopens(c)) {
        // Reopened once, like 不满意: back to whoever handled it, with a fresh reply deadline.
        const due = ctx.calendar.addWorkdays(toShanghai(ctx.at).date, REPLY_WORKDAYS);
        next.status = c.assignee ? 'assigned' : 'accepted';
        next.reopenCount = c.reopenCount + 1;
        next.reply = null;
        next.closedAt = null;
        next.replyDueOn = due.date;
        next.deadlineProvisional = c.deadlineProvisional || due.provisional;
        note = `回访：问题还在，重新办理（${due.date} 前答复）`;
        // Told like a 不满意 reopening, with the new date (issue 11 §3: reopened).
        tell('complaint_reopened', RECHECK_REOPENED, { dueOn: due.date });
      } else {
        if (!cmd.linked) throw new AppError('CONFLICT', '这件投诉不能再重新办理，请提交新的投诉');
        next.recheck.linkedCase = cmd.linked;
        note = `回访：问题还在，已登记为新投诉 ${cmd.linked.trackingNo}`;
      }
      break;
    case 'extend': {
      if (!c.replyDueOn) throw stateError(c, 'extend');
      const due = ctx.calendar.addWorkdays(c.replyDueOn, cmd.workdays);
      next.extension = { workdays: cmd.workdays, reason: cmd.reason, at };
      next.replyDueOn = due.date;
      next.deadlineProvisional = c.deadlineProvisional || due.provisional;
      note = `延期 ${cmd.workdays} 个工作日至 ${due.date}：${cmd.reason}`;
      // The complainant is told the new date (issue 11 §2).
      tell('complaint_extended', '已延期', { dueOn: due.date });
      break;
    }
    case 'requestExtension': {
      const from = c.replyDueOn;
      if (!from) throw stateError(c, 'requestExtension');
      if (!realDay(cmd.dueOn)) throw new AppError('VALIDATION_ERROR', '日期不对', { dueOn: '日期不对' });
      if (cmd.dueOn <= from) throw new AppError('VALIDATION_ERROR', `延期后的日期要在原答复期限 ${from} 之后`, { dueOn: '要晚于原答复期限' });
      // Past the last possible day (10 working days can never span 60 calendar days) no counting is needed.
      const workdays = cmd.dueOn > addDays(from, 60) ? Infinity : ctx.calendar.workdaysBetween(from, cmd.dueOn);
      if (workdays < 1) throw new AppError('VALIDATION_ERROR', '至少延期 1 个工作日', { dueOn: '至少延期 1 个工作日' });
      if (workdays > MAX_EXTENSION_WORKDAYS) throw new AppError('VALIDATION_ERROR', `最多延期 ${MAX_EXTENSION_WORKDAYS} 个工作日`, { dueOn: `最多延期 ${MAX_EXTENSION_WORKDAYS} 个工作日` });
      next.extensionRequest = { dueOn: cmd.dueOn, workdays, reason: cmd.reason, at, decision: null };
      note = `申请延期至 ${cmd.dueOn}（${workdays} 个工作日）：${cmd.reason}`;
      internal = true;
      tellTo(c.handlerOpenid, 'extension_requested', '延期待审批', { dueOn: cmd.dueOn });
      break;
    }
    case 'approveExtension': {
      const r = c.extensionRequest!;
      next.extension = { workdays: r.workdays, reason: r.reason, at };
      next.extensionRequest = { ...r, decision: { approved: true, note: cmd.note ?? null, at } };
      // The day asked for, counted again on today's calendar: a year entered since may move it.
      const due = ctx.calendar.addWorkdays(c.replyDueOn!, r.workdays);
      next.replyDueOn = due.date;
      next.deadlineProvisional = c.deadlineProvisional || due.provisional;
      note = `同意延期 ${r.workdays} 个工作日至 ${due.date}：${r.reason}`;
      tell('complaint_extended', '已延期', { dueOn: due.date });
      break;
    }
    case 'supervise': {
      const level = SUPERVISOR_LEVELS[ctx.actor.role];
      if (!level) throw new AppError('FORBIDDEN', '只有市级、省级主管部门可以督办');
      const today = toShanghai(ctx.at).date;
      if (!realDay(cmd.dueOn)) throw new AppError('VALIDATION_ERROR', '日期不对', { dueOn: '日期不对' });
      if (cmd.dueOn <= today) throw new AppError('VALIDATION_ERROR', '答复期限要在今天之后', { dueOn: '要在今天之后' });
      if (cmd.dueOn > addDays(today, 60)) throw new AppError('VALIDATION_ERROR', '答复期限最多 60 天', { dueOn: '最多 60 天' });
      next.supervisions = [...(c.supervisions ?? []), { at, level, byOpenid: ctx.actor.openid, instruction: cmd.instruction, dueOn: cmd.dueOn, answer: null }];
      tellTo(c.handlerOpenid, 'complaint_supervised', level === 1 ? '市级督办' : '省级督办', { dueOn: cmd.dueOn });
      // The complainant hears the case went up a level (not the instruction: it is internal).
      if (level > c.escalationLevel) tell('complaint_escalated', level === 1 ? '市级督办' : '省级督办');
      // The case now stands at this level (市级督办 / 省级督办), as after an automatic escalation.
      next.escalationLevel = Math.max(c.escalationLevel, level);
      note = `${level === 1 ? '市级' : '省级'}督办，请于 ${cmd.dueOn} 前答复：${cmd.instruction}`;
      internal = true;
      break;
    }
    case 'answerSupervision': {
      const open = openSupervision(c)!;
      next.supervisions = (c.supervisions ?? []).map((s) => (s === open ? { ...s, answer: { text: cmd.text, at } } : s));
      note = `答复督办：${cmd.text}`;
      internal = true;
      tellTo(open.byOpenid, 'supervision_answered', '督办已答复');
      break;
    }
    case 'transfer':
      next.status = 'transferred';
      next.transfer = { department: cmd.department, departmentName: cmd.departmentName, reference: cmd.reference, note: cmd.note, at };
      next.closedAt = at;
      note = `已转交${cmd.departmentName}办理（对方编号 ${cmd.reference}）：${cmd.note}`;
      tell('complaint_transferred', '已转其他部门', { department: cmd.departmentName });
      break;
    case 'refuseExtension':
      next.extensionRequest = { ...c.extensionRequest!, decision: { approved: false, note: cmd.note, at } };
      note = `不同意延期：${cmd.note}`;
      internal = true;
      break;
    case 'withdraw':
      next.status = 'withdrawn';
      next.closedAt = at;
      note = '投诉人撤回';
      break;
    case 'evaluate':
      next.evaluation = cmd.evaluation;
      next.evaluationComment = cmd.comment ?? null;
      if (cmd.evaluation === 'unsatisfied' && c.reopenCount < MAX_REOPENS) {
        // 不满意 reopens once for re-handling (重办) with a fresh reply deadline.
        const due = ctx.calendar.addWorkdays(toShanghai(ctx.at).date, REPLY_WORKDAYS);
        next.status = c.assignee ? 'assigned' : 'accepted';
        next.reopenCount = c.reopenCount + 1;
        next.reply = null;
        next.replyDueOn = due.date;
        next.deadlineProvisional = c.deadlineProvisional || due.provisional;
        note = `不满意，重新办理（${due.date} 前答复）`;
        tell('complaint_reopened', '重新办理', { dueOn: due.date });
      } else {
        next.status = 'closed';
        next.closedAt = at;
        note = `评价：${EVALUATION_LABELS[cmd.evaluation]}`;
        // The complainant ended it; told anyway so the case's followers hear it ended.
        tell('complaint_closed', '已办结');
      }
      break;
    case 'merge':
      if (cmd.into.id === c.id) throw new AppError('VALIDATION_ERROR', '不能把投诉并入它自己', { into: '不能并入自己' });
      next.status = 'merged';
      next.mergedInto = cmd.into.id;
      next.closedAt = at;
      note = `并入 ${cmd.into.trackingNo} 一并办理`;
      tell('complaint_closed', `已并入${cmd.into.trackingNo}`);
      break;
    case 'note':
      next.version = c.version; // a note is history only; the complaint itself is unchanged
      next.updatedAt = c.updatedAt;
      note = cmd.text;
      internal = true;
      break;
    case 'release':
      next.held = false;
      note = '内容审核通过';
      internal = true;
      break;
    case 'escalate': {
      const overdue = isOverdue(c, ctx.at);
      const dueOn = cmd.kind === 'accept' ? c.acceptDueOn : c.replyDueOn;
      if (overdue !== cmd.kind || !dueOn) throw new AppError('CONFLICT', '这件投诉没有超期');
      if (c.escalations.some((e) => e.kind === cmd.kind && e.dueOn === dueOn)) throw new AppError('CONFLICT', '这件投诉已经督办过');
      const toLevel = Math.min(MAX_ESCALATION, c.escalationLevel + 1);
      next.escalationLevel = toLevel;
      next.escalations.push({ kind: cmd.kind, dueOn, toLevel, at });
      note = `${cmd.kind === 'accept' ? '超期未受理' : '超期未答复'}，升级为${toLevel === 1 ? '市级' : '省级'}督办`;
      internal = true;
      if (toLevel > c.escalationLevel) tell('complaint_escalated', toLevel === 1 ? '市级督办' : '省级督办');
      break;
    }
    case 'autoClose': {
      const repliedAt = c.reply ? new Date(c.reply.at) : null;
      if (!repliedAt || ctx.at.getTime() < repliedAt.getTime() + EVALUATION_DAYS * 86_400_000) throw new AppError('CONFLICT', '还在等待投诉人评价');
      next.status = 'closed';
      next.evaluation = 'none'; // never counted as 满意
      next.closedAt = at;
      note = `${EVALUATION_DAYS} 天内未评价，自动办结（未评价）`;
      tell('complaint_closed', '已办结（未评价）');
      break;
    }
    case 'purge':
      // The case stays for statistics; what identifies or describes the person goes.
      next.description = PURGED_TEXT;
      next.photos = [];
      if (next.voice) next.voice = null; // 说一说: the complainant's own voice
      next.phoneCipher = null;
      next.phoneMasked = null;
      next.evaluationComment = null;
      // Photos attached to timeline entries go too (补充材料 ones are the complainant's).
      if (c.attachedPhotos?.length) next.attachedPhotos = [];
      if (c.attachedVoices?.length) next.attachedVoices = [];
      next.purgedAt = at;
      note = '超过保存期限，已清除投诉人的个人信息';
      internal = true;
      break;
  }

  next.dueAt = activeDueAt(next);
  const history: HistoryEntry = {
    complaintId: c.id,
    at,
    actorRole: ctx.actor.role,
    actorOpenid: ctx.actor.openid,
    action: cmd.type,
    fromStatus: c.status,
    toStatus: next.status,
    note,
    internal,
    ...(attachments ? { attachments } : {}),
  };
  return { next, history, notify };
}

/** The deadline that currently runs, as an ISO instant (null for final states). */
export function activeDueAt(c: Complaint): string | null {
  if (c.status === 'submitted') return deadlineInstant(c.acceptDueOn).toISOString();
  if ((c.status === 'accepted' || c.status === 'assigned') && c.replyDueOn) return deadlineInstant(c.replyDueOn).toISOString();
  const evaluation = evaluationDeadline(c);
  return evaluation ? evaluation.toISOString() : null;
}

/** Evaluation is due this long after the reply; un-evaluated complaints close as 未评价. */
export function evaluationDeadline(c: Complaint): Date | null {
  return c.status === 'replied' && c.reply ? new Date(new Date(c.reply.at).getTime() + EVALUATION_DAYS * 86_400_000) : null;
}
