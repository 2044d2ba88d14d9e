/**
 * Complaints (docs/product.md §3): the 12345 loop 受理、转办、办理、回复、督办、办结、回访、评价.
 * Explicit states after FixMyStreet; every transition is recorded with who, when and what.
 */
import type { VoiceAttachment } from '../media/voice';
import { labelled } from '../shared/labelled';

export const { pairs: COMPLAINT_CATEGORIES, codes: CATEGORY_CODES, labels: CATEGORY_LABELS } = labelled([
  ['attitude', '服务态度'],
  ['overcharge', '乱收费/未明码标价'],
  ['fake_goods', '假冒伪劣或虚假"扶贫"产品'],
  ['parcel', '快递丢失/损坏'],
  ['false_ads', '虚假宣传'],
  ['fraud', '刷单欺诈'],
  ['closed_often', '站点长期不开门'],
  ['privacy', '泄露隐私'],
  ['other', '其他'],
]);
export type ComplaintCategory = (typeof CATEGORY_CODES)[number];

export const { codes: COMPLAINT_STATUSES, labels: STATUS_LABELS } = labelled({
  submitted: '待受理',
  accepted: '已受理',
  assigned: '已转办',
  replied: '已答复',
  closed: '已办结',
  refused: '不予受理',
  withdrawn: '已撤回',
  merged: '已并单',
  transferred: '已转其他部门',
});
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'accepted', 'assigned'];
export const FINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'refused', 'withdrawn', 'merged', 'transferred'];

/**
 * Departments a case outside station matters is handed to (转其他部门): a visible final state with the
 * receiving department and its reference number.
 */
export const { pairs: TRANSFER_DEPARTMENTS, codes: TRANSFER_CODES, labels: TRANSFER_LABELS } = labelled([
  ['market', '市场监督管理部门'],
  ['12315', '12315 消费者投诉举报平台'],
  ['postal', '邮政管理部门'],
  ['commerce', '商务部门'],
  ['agriculture', '农业农村部门'],
  ['police', '公安机关'],
  ['other', '其他部门'],
]);
export type TransferDepartment = (typeof TRANSFER_CODES)[number];

export const { pairs: REFUSAL_REASONS, codes: REFUSAL_CODES, labels: REFUSAL_LABELS } = labelled([
  ['not_station', '不属于电商扶贫站点的事项'],
  ['no_facts', '没有具体事实和诉求'],
  ['duplicate', '重复投诉，已有处理结果'],
  ['in_court', '已进入诉讼、仲裁等程序'],
  ['other', '其他原因'],
]);
export type RefusalReason = (typeof REFUSAL_CODES)[number];

export const EVALUATIONS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];
export const EVALUATION_LABELS: Record<Evaluation | 'none', string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意', none: '未评价' };

/**
 * What each history action is called, in timelines and in refusals ("不能延期"): one table for the
 * machine's commands and the submit that opens a complaint.
 */
export const ACTION_LABELS = {
  submit: '提交投诉',
  accept: '受理',
  refuse: '不予受理',
  assign: '转办',
  reply: '答复',
  extend: '延期',
  withdraw: '撤回',
  evaluate: '评价',
  merge: '并单',
  note: '内部备注',
  release: '审核通过',
  escalate: '督办',
  autoClose: '自动办结',
  purge: '清除个人信息',
  receive: '签收',
  decline: '退单',
  requestExtension: '延期申请',
  approveExtension: '同意延期',
  refuseExtension: '不同意延期',
  supervise: '督办',
  answerSupervision: '督办答复',
  transfer: '转其他部门',
  claim: '认领投诉',
  progress: '办理进展',
  supplement: '补充材料',
  askRecheck: '回访：问题还在吗',
  recheck: '回访答复',
} as const;

/** Labels of every history entry: the commands, plus deadlines recomputed when a calendar year is entered (core/complaint/heal.ts). */
export const HISTORY_LABELS = { ...ACTION_LABELS, recompute: '期限调整', voice_removed: '录音未通过审核' } as const;

/** county → city → province (督办). */
export const ESCALATION_LABELS = ['县级', '市级督办', '省级督办'] as const;

/**
 * How a complaint came in when not through the app itself: a hotline platform over Open311
 * (issue 11 §5), or an official entering one received by phone or in person (代录).
 */
export const { codes: INTAKE_CHANNELS, labels: INTAKE_LABELS } = labelled({ open311: '开放接口', phone: '电话代录', visit: '来访代录' });
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export interface Intake {
  channel: IntakeChannel;
  /** Who passed it on: the platform's name (open311) or the recording official's unit. */
  via: string;
}

/** The owner of a 代录 complaint until the villager claims it: no WeChat user behind it yet. */
const UNCLAIMED = 'unclaimed_';
export const unclaimedOwner = (id: string): string => `${UNCLAIMED}${id}`;
export const isUnclaimed = (openid: string): boolean => openid.startsWith(UNCLAIMED);

/** Whether a WeChat user stands behind the complaint (not a platform's case, not an unclaimed 代录 one): only they get messages. */
export function hasWeChatComplainant(c: Pick<Complaint, 'intake' | 'complainantOpenid'>): boolean {
  return c.intake?.channel !== 'open311' && !isUnclaimed(c.complainantOpenid);
}

export type Assignee = { kind: 'operator'; operatorName: string } | { kind: 'station'; stationId: string };

export interface Complaint {
  id: string;
  trackingNo: string;
  stationId: string;
  stationName: string;
  operatorName: string;
  /** Region codes of the station from province down: the scope officials are matched against. */
  regionCodes: string[];
  category: ComplaintCategory;
  description: string;
  /** Storage file ids of up to 3 photos. */
  photos: string[];
  /** Photos whose content check has not passed yet: shown only to the complainant (core/media/check.ts). */
  photosPending?: string[];
  /** 说一说 (issue 11 §6): a recorded note, pending its content check like photos (core/media/voice.ts). */
  voice?: VoiceAttachment | null;
  complainantOpenid: string;
  /** Call-back phone, encrypted (never stored in clear). */
  phoneCipher: string | null;
  /** Masked form for display, e.g. 138****1234 (the clear number is only in phoneCipher). */
  phoneMasked: string | null;
  /** Whether the station may see who complained (default false). */
  shareIdentity: boolean;
  /** Content check said "review": visible to officials only until released. */
  held: boolean;
  status: ComplaintStatus;
  version: number;
  submittedAt: string;
  /** Last working day to accept or refuse (YYYY-MM-DD, Asia/Shanghai). */
  acceptDueOn: string;
  acceptedAt: string | null;
  handlerOpenid: string | null;
  replyDueOn: string | null;
  /** True when a deadline was counted through a year without holiday data. */
  deadlineProvisional: boolean;
  extension: { workdays: number; reason: string; at: string } | null;
  assignee: Assignee | null;
  /** The answer; `unresolvable` with its reason when the outcome is 无法解决 (shown as such to the complainant). */
  reply: { text: string; at: string; byRole: string; unresolvable?: { reason: string } } | null;
  /** Whether the (last) reply came within the reply deadline. */
  replyOnTime: boolean | null;
  evaluation: Evaluation | 'none' | null;
  evaluationComment: string | null;
  reopenCount: number;
  refusal: { reason: RefusalReason; text: string } | null;
  /** 0 county, 1 city, 2 province. */
  escalationLevel: number;
  escalations: { kind: 'accept' | 'reply'; dueOn: string; toLevel: number; at: string }[];
  mergedInto: string | null;
  supporters: number;
  /** When the current assignment was made (转办); absent on complaints stored before 签收 existed. */
  assignedAt?: string | null;
  /** When the assignee confirmed receipt (签收) of the current assignment; null while unconfirmed. */
  receivedAt?: string | null;
  /** Assignments handed back (退单) with the assignee's reason, oldest first. */
  returns?: { at: string; reason: string; assignee: Assignee }[];
  /**
   * 延期申请 by the assignee: the proposed last day and the working days it adds; decided one level
   * up (the county). Kept after the decision so the assignee sees it.
   */
  extensionRequest?: ExtensionRequest | null;
  /** 督办 issued by hand by the city or province, each answered by the county. */
  supervisions?: Supervision[];
  /** 转其他部门: where it went (the department's name as told to the complainant) and its reference there. */
  transfer?: { department: TransferDepartment; departmentName: string; reference: string; note: string; at: string } | null;
  /** The active deadline as an instant (accept, reply or evaluation), null when final; indexed for queues and the scheduler. */
  dueAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  /** Set when personal data was removed after the retention period (docs/product.md §7). */
  purgedAt?: string | null;
  /** Absent for complaints filed in the app. */
  intake?: Intake;
  /**
   * Photos attached to timeline entries (replies, progress updates, 补充材料) that are still kept:
   * a photo failing its content check leaves this list (and so the timeline). Pending ones are also
   * in photosPending, shown only to whoever attached them.
   */
  attachedPhotos?: string[];
  /**
   * Voice notes attached to timeline entries (补充材料) that are still kept, each pending its own
   * content check (media check subject 'entry-voice'); a failing one leaves this list.
   */
  attachedVoices?: VoiceAttachment[];
  /** How many 补充材料 the complainant added (capped: MAX_SUPPLEMENTS). */
  supplements?: number;
  /** "问题还在吗？" about four weeks after the case ended (RECHECK_DAYS). */
  recheck?: Recheck | null;
  /** The earlier case this one continues ("还在" on a case that could not reopen). */
  linkedFrom?: { id: string; trackingNo: string } | null;
}

/**
 * Files that go with a timeline entry. Optional members so more kinds can join without changing
 * stored entries.
 */
export interface Attachments {
  photos?: string[];
  /** 说一说 on a 补充材料: its state (pending, removed) is kept in Complaint.attachedVoices. */
  voice?: { fileId: string; seconds: number };
}

export const { codes: RECHECK_ANSWERS, labels: RECHECK_LABELS } = labelled({ persists: '还在', resolved: '已解决' });
export type RecheckAnswer = (typeof RECHECK_ANSWERS)[number];
/** The status a complaint_reopened message carries when a "还在" reopened the case (not 不满意). */
export const RECHECK_REOPENED = '问题还在，重新办理';

export interface Recheck {
  askedAt: string;
  answer: RecheckAnswer | null;
  answeredAt: string | null;
  /** The new case opened for "还在" when this one could not reopen. */
  linkedCase?: { id: string; trackingNo: string } | null;
}

/** Who issues a 督办 by hand, and the escalation level it puts the case at. */
export const SUPERVISOR_LEVELS: Readonly<Record<string, 1 | 2>> = { city_supervisor: 1, province_admin: 2 };

export interface Supervision {
  at: string;
  /** 1 city, 2 province (ESCALATION_LABELS). */
  level: 1 | 2;
  /** Who issued it: told when the county answers (never shown). Absent when issued without one. */
  byOpenid?: string | null;
  instruction: string;
  /** The day by which the county must answer. */
  dueOn: string;
  answer: { text: string; at: string } | null;
}

export interface ExtensionRequest {
  dueOn: string;
  workdays: number;
  reason: string;
  at: string;
  decision: { approved: boolean; note: string | null; at: string } | null;
}

export interface HistoryEntry {
  complaintId: string;
  at: string;
  actorRole: string;
  /** Openid of the actor; never shown to the complainant or the station. */
  actorOpenid: string | null;
  action: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  /** Public note shown in the timeline (reply text, refusal reason…). */
  note: string | null;
  /** Internal: only officials see it. */
  internal: boolean;
  /** Photos (and later other files) that go with this entry; shown per Complaint.attachedPhotos. */
  attachments?: Attachments;
}

/** Messages to officials about the hand-offs (issue 11 §3): they open the officials' case page. */
export const OFFICIAL_EVENTS = ['complaint_returned', 'extension_requested', 'complaint_supervised', 'supervision_answered', 'complaint_supplemented', 'case_assigned'] as const;
export type OfficialEvent = (typeof OFFICIAL_EVENTS)[number];
/** Messages not about one case: the county's daily digest of new cases (core/notify/digest.ts). */
export const DIGEST_EVENTS = ['new_cases_digest'] as const;
export type DigestEvent = (typeof DIGEST_EVENTS)[number];

export interface OutboxMessage {
  id: string;
  /** Recipient openid. */
  openid: string;
  /** One subscribe-message template per event type. */
  event: 'complaint_accepted' | 'complaint_refused' | 'complaint_replied' | 'complaint_closed' | 'complaint_assigned' | 'complaint_extended' | 'complaint_transferred' | 'complaint_recheck' | 'complaint_escalated' | 'complaint_reopened' | OfficialEvent | DigestEvent;
  /** The case (for a digest: its case with the oldest deadline). */
  complaintId: string;
  payload: Record<string, string>;
  createdAt: string;
  /** When its recipient opened the case on the desk (officials' unread items); absent until then. */
  readAt?: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}
