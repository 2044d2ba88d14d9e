/** The `complaints` function's contract: strict input schemas and the views it answers. */
import { callbackPhone, isoDate, optionalText, regionCode, text, z } from '../shared/zod';
import { MAX_BATCH, MAX_DESCRIPTION, MAX_ENTRY_PHOTOS, MAX_EVALUATION_COMMENT, MAX_EXTENSION_WORKDAYS, MAX_PHOTOS, MIN_DESCRIPTION, MIN_REPLY, MIN_SUPPLEMENT } from './limits';
import { MAX_SEARCH } from './search';
import { describedEnough, type VoiceView } from '../media/voice';
import { voiceNoteInput } from '../media/voice-input';
import { CATEGORY_CODES, COMPLAINT_STATUSES, EVALUATIONS, RECHECK_ANSWERS, type RecheckAnswer, REFUSAL_CODES, TRANSFER_CODES, type Assignee, type ExtensionRequest, type Supervision, type ComplaintCategory, type ComplaintStatus, type Evaluation, type RefusalReason } from './model';

export { MAX_DESCRIPTION, MAX_PHOTOS };

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对'));
const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const version = z.int().check(z.gte(1, '版本号不对'));
const cursor = z.optional(z.string().check(z.maxLength(40, '翻页参数无效')));
const limit = z.optional(z.int().check(z.gte(1), z.lte(50, '每页最多 50 条')));
/** Photo ids: cloud storage file ids (cloud://…) in weapp, upload ids locally. */
const photoId = z.string().check(z.regex(/^(cloud:\/\/[A-Za-z0-9_./-]{10,200}|upl-[A-Za-z0-9_-]{10,64})$/, '图片无效，请重新上传'));

export const similarInput = z.strictObject({ stationId, category: z.enum(CATEGORY_CODES, '请选择投诉类型') });
export const DESCRIPTION_TOO_SHORT = `请至少写 ${MIN_DESCRIPTION} 个字，说清楚发生了什么`;
/**
 * The minimum-length rule counts a voice note as content (core/media/voice.ts describedEnough):
 * with one, the description may be short or blank. Checked on the whole body, reported on `description`.
 */
const described = z.refine<{ description: string; voice?: { seconds: number } }>((v) => describedEnough(v.description, v.voice, MIN_DESCRIPTION), {
  message: DESCRIPTION_TOO_SHORT,
  path: ['description'],
});
const submitShape = {
  stationId,
  category: z.enum(CATEGORY_CODES, '请选择投诉类型'),
  description: z.string().check(z.trim(), z.maxLength(MAX_DESCRIPTION, `描述最多 ${MAX_DESCRIPTION} 个字`)),
  photos: z.optional(z.array(photoId).check(z.maxLength(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`))),
  /** 说一说: a recorded note (issue 11 §6). */
  voice: z.optional(voiceNoteInput),
  phone: z.optional(callbackPhone),
  shareIdentity: z.optional(z.boolean()),
};
export const submitInput = z.strictObject(submitShape).check(described);
/** 代录: what the caller said, how they reached us, and the phone they will claim it with. */
const { voice: _voice, ...recordShape } = submitShape; // 代录 takes what the caller said in writing
export const recordInput = z
  .strictObject({
    ...recordShape,
    phone: callbackPhone,
    channel: z.enum(['phone', 'visit'], '请选择来源'),
  })
  .check(described);
export const claimInput = z.strictObject({
  trackingNo: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^TS\d{6}[0-9A-Z]{6}$/, '投诉编号不对')),
  phone: callbackPhone,
});
export const joinInput = z.strictObject({ id });
export const mineInput = z.strictObject({ cursor, limit });
export const getInput = z.union([z.strictObject({ id }), z.strictObject({ trackingNo: z.string().check(z.regex(/^TS\d{6}[0-9A-Z]{6}$/, '投诉编号不对')) })]);
export const withdrawInput = z.strictObject({ id, version });
export const evaluateInput = z.strictObject({ id, version, evaluation: z.enum(EVALUATIONS, '请选择评价'), comment: optionalText(MAX_EVALUATION_COMMENT, '评价说明') });
export const stationListInput = z.strictObject({ stationId: z.optional(stationId), cursor, limit });

export const queueInput = z.strictObject({
  status: z.optional(z.enum(COMPLAINT_STATUSES, '状态不对')),
  overdue: z.optional(z.boolean()),
  escalated: z.optional(z.boolean()),
  category: z.optional(z.enum(CATEGORY_CODES, '类型不对')),
  stationId: z.optional(stationId),
  regionCode: z.optional(regionCode),
  /** Tracking number, station name or the last 4 digits of a call-back phone (core/complaint/search.ts). */
  q: z.optional(z.string().check(z.maxLength(MAX_SEARCH, `搜索词最多 ${MAX_SEARCH} 个字`))),
  cursor,
  limit,
});
export const detailInput = z.strictObject({ id });
export const acceptInput = z.strictObject({ id, version });
export const refuseInput = z.strictObject({ id, version, reason: z.enum(REFUSAL_CODES, '请选择不予受理的原因'), text: text(500, '说明') });
export const assignInput = z.strictObject({ id, version, to: z.enum(['operator', 'station'], '请选择转办对象') });
export const replyInput = z.strictObject({
  id,
  version,
  text: text(MAX_DESCRIPTION, '答复', { min: MIN_REPLY }),
  /** 无法解决: the outcome said plainly, with its reason (required then). */
  unresolvable: z.optional(z.boolean()),
  unresolvableReason: optionalText(300, '无法解决的原因'),
  /** Photos of what was done (退款凭证, 整改后的照片). */
  photos: z.optional(z.array(photoId).check(z.maxLength(MAX_ENTRY_PHOTOS, `最多上传 ${MAX_ENTRY_PHOTOS} 张照片`))),
});
/** 办理进展: the handler tells the complainant where things stand, with photos if any. */
export const progressInput = z.strictObject({
  id,
  version,
  text: text(1000, '办理进展', { min: MIN_REPLY }),
  photos: z.optional(z.array(photoId).check(z.maxLength(MAX_ENTRY_PHOTOS, `最多上传 ${MAX_ENTRY_PHOTOS} 张照片`))),
});
export const SUPPLEMENT_TOO_SHORT = `请至少写 ${MIN_SUPPLEMENT} 个字`;
/**
 * 补充材料 by the complainant while the case is open: photos and a voice note (说一说) under
 * `attachments`. As on the complaint form, a voice note counts as content for the minimum length.
 */
export const supplementInput = z
  .strictObject({
    id,
    version,
    text: z.string().check(z.trim(), z.maxLength(1000, '补充内容最多 1000 个字')),
    attachments: z.optional(
      z.strictObject({
        photos: z.optional(z.array(photoId).check(z.maxLength(MAX_ENTRY_PHOTOS, `最多上传 ${MAX_ENTRY_PHOTOS} 张照片`))),
        voice: z.optional(voiceNoteInput),
      }),
    ),
  })
  .check(
    z.refine<{ text: string; attachments?: { voice?: { seconds: number } } }>((v) => describedEnough(v.text, v.attachments?.voice, MIN_SUPPLEMENT), {
      message: SUPPLEMENT_TOO_SHORT,
      path: ['text'],
    }),
  );
/** The answer to "问题还在吗？". */
export const recheckInput = z.strictObject({ id, version, recheckAnswer: z.enum(RECHECK_ANSWERS, '请选择问题是否还在') });
export const extendInput = z.strictObject({ id, version, workdays: z.int().check(z.gte(1, '至少延期 1 个工作日'), z.lte(MAX_EXTENSION_WORKDAYS, `最多延期 ${MAX_EXTENSION_WORKDAYS} 个工作日`)), reason: text(200, '延期理由') });
export const mergeInput = z.strictObject({ id, version, intoId: id });
export const noteInput = z.strictObject({ id, text: text(500, '备注') });
export const releaseInput = z.strictObject({ id, version });
/** 签收 / 退单 by the assignee (core/complaint/machine.ts). */
export const receiveInput = z.strictObject({ id, version });
export const declineInput = z.strictObject({ id, version, reason: text(200, '退单理由') });
/** 延期申请 by the assignee (the proposed last day to reply), decided by the county. */
export const requestExtensionInput = z.strictObject({ id, version, dueOn: isoDate, reason: text(200, '延期理由') });
/** 督办 by hand (city, province) and the county's answer. */
export const superviseInput = z.strictObject({ id, version, instruction: text(300, '督办要求'), dueOn: isoDate });
export const answerSupervisionInput = z.strictObject({ id, version, answer: text(500, '督办答复') });
/** 转其他部门: the receiving department (its name when 其他), its reference number, what the complainant is told. */
export const transferInput = z.strictObject({
  id,
  version,
  department: z.enum(TRANSFER_CODES, '请选择接收部门'),
  departmentName: optionalText(30, '部门名称'),
  reference: text(40, '对方编号'),
  note: text(300, '转办说明'),
});
export const approveExtensionInput = z.strictObject({ id, version, note: optionalText(200, '审批意见') });
export const refuseExtensionInput = z.strictObject({ id, version, note: text(200, '不同意的理由') });
/** The desk's batch actions: the same command on each selected case, each with the version the official saw. */
const batchItems = z.array(z.strictObject({ id, version })).check(z.minLength(1, '请至少选择一件投诉'), z.maxLength(MAX_BATCH, `一次最多处理 ${MAX_BATCH} 件`));
export const batchAcceptInput = z.strictObject({ items: batchItems });
export const batchAssignInput = z.strictObject({ items: batchItems, to: z.enum(['operator', 'station'], '请选择转办对象') });
export const statsInput = z.strictObject({ regionCode: z.optional(regionCode), stationId: z.optional(stationId), days: z.optional(z.int().check(z.gte(1), z.lte(730))) });
export const publicStatsInput = z.strictObject({ stationId });
/** Figures by handling unit over a period (Shanghai dates, both ends included): issue 11 §4. */
export const unitFiguresInput = z.strictObject({ regionCode: z.optional(regionCode), from: isoDate, until: isoDate });

export interface TimelineItem {
  at: string;
  action: string;
  label: string;
  status: ComplaintStatus;
  note: string | null;
  /** Officials only: who did it (role) and internal notes. */
  byRole?: string;
  internal?: boolean;
  /** Photo URLs attached to this entry that the viewer may see. */
  photos?: string[];
  /** 说一说 on this entry (补充材料), when the viewer may hear it (its owner while pending). */
  voice?: VoiceView;
}

/** What the complainant sees of their own complaint. */
export interface ComplaintView {
  id: string;
  trackingNo: string;
  version: number;
  stationId: string;
  stationName: string;
  category: ComplaintCategory;
  categoryLabel: string;
  description: string;
  photos: string[];
  /** 说一说: the voice note (its owner hears it while pending; others once the check passed). */
  voice?: VoiceView | null;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  acceptDueOn: string;
  replyDueOn: string | null;
  deadlineProvisional: boolean;
  reply: { text: string; at: string; unresolvable?: { reason: string } } | null;
  evaluation: Evaluation | 'none' | null;
  canWithdraw: boolean;
  canEvaluate: boolean;
  /** Masked call-back phone, e.g. 138****1234. */
  phoneMasked: string | null;
  shareIdentity: boolean;
  supporters: number;
  timeline: TimelineItem[];
  /** True for a complaint the caller follows rather than filed. */
  supporting?: boolean;
  /** How the caller follows it: supporter (我也遇到了) or merged (their complaint was 并单 into it). */
  following?: 'supporter' | 'merged';
  /** The caller's complaint was merged (并单) into this case, which carries the reply. */
  mergedInto?: string | null;
  /** The reply deadline was extended (延期): replyDueOn is the new date. */
  replyExtended?: boolean;
  /** 转其他部门: where the case went, its reference there, and the note to the complainant. */
  transfer?: { departmentName: string; reference: string; note: string; at: string } | null;
  /** '处理中' while the case is being handled after acceptance (progress shows in the timeline). */
  progressLabel?: string | null;
  /** 补充材料: whether the complainant may add one now, and how many are left. */
  canSupplement?: boolean;
  supplementsLeft?: number;
  /** 回访 "问题还在吗？": asked and waiting (answer null), or answered; null when not asked. */
  recheck?: { askedAt: string; answer: RecheckAnswer | null; answeredAt: string | null; linkedCase: { id: string; trackingNo: string } | null; reopens: boolean } | null;
  /** The earlier case this one continues. */
  linkedFrom?: { id: string; trackingNo: string } | null;
}

/** Officials' and handlers' view: adds scope facts, deadlines, overdue and contact (masked unless handler). */
export interface ComplaintCaseView extends ComplaintView {
  regionCodes: string[];
  operatorName: string;
  held: boolean;
  overdue: 'accept' | 'reply' | null;
  dueAt: string | null;
  escalationLevel: number;
  escalationLabel: string;
  assignee: Assignee | null;
  assigneeLabel: string | null;
  refusal: { reason: RefusalReason; text: string } | null;
  extension: { workdays: number; reason: string; at: string } | null;
  mergedInto: string | null;
  reopenCount: number;
  /** Full phone only for the handler; otherwise masked. */
  phone: string | null;
  /** Complainant reference for the station: hidden unless they allowed it. */
  complainant: string;
  allowedActions: string[];
  /** How it came in when not through the app, e.g. "开放接口：赣州市 12345 热线平台". */
  intakeLabel: string | null;
  calendarWarning: string | null;
  /** Officials' detail: the followers and their own evaluations (core/complaint/follow.ts). */
  followers?: FollowersSummary;
  /** 转办 of the current assignment and its 签收 (null while unconfirmed). */
  assignedAt?: string | null;
  receivedAt?: string | null;
  /** Assigned and neither 签收 nor 退单 yet: flagged on the case and in the queue. */
  awaitingReceipt?: boolean;
  /** Assignments handed back (退单), oldest first. */
  returns?: { at: string; reason: string; assigneeLabel: string }[];
  /** The assignee's 延期申请, pending (decision null) or decided. */
  extensionRequest?: ExtensionRequest | null;
  /** 督办 by hand, oldest first, with the county's answers. */
  supervisions?: (Supervision & { levelLabel: string; overdue: boolean })[];
}

export interface FollowersSummary {
  supporters: number;
  merged: number;
  evaluations: { via: 'supporter' | 'merged'; viaLabel: string; evaluation: Evaluation; label: string; comment: string | null; at: string }[];
}

export interface SimilarItem {
  id: string;
  trackingNo: string;
  categoryLabel: string;
  statusLabel: string;
  submittedOn: string;
  supporters: number;
  /** The caller filed it (shown as theirs, not offered for 我也遇到了). */
  mine: boolean;
}

export interface ComplaintListItem {
  id: string;
  trackingNo: string;
  stationName: string;
  categoryLabel: string;
  status: ComplaintStatus;
  statusLabel: string;
  submittedAt: string;
  dueAt: string | null;
  overdue: 'accept' | 'reply' | null;
  escalationLevel: number;
  held: boolean;
  /** The deadline was counted through a year without holiday data and may move when it is entered. */
  deadlineProvisional: boolean;
  /** In 我的投诉: a case the caller follows (关注) rather than filed. */
  follow?: 'supporter' | 'merged';
  /** Assigned and not yet confirmed (签收) by the assignee. */
  awaitingReceipt?: boolean;
  /** Handed back (退单) and waiting for the county to assign it again. */
  returned?: boolean;
  /** A 督办 waiting for the county's answer: the day it is due. */
  supervisionDueOn?: string | null;
  /** The version an action on this case must name (the desk's batch actions). */
  version?: number;
  /** Who handles it after 转办 (the desk's table), null before. */
  assigneeLabel?: string | null;
}

/** One case of a batch action: done, or why not (the case is left as it was). */
export interface BatchResult {
  id: string;
  trackingNo: string | null;
  ok: boolean;
  /** The new version when done. */
  version?: number;
  statusLabel?: string;
  /** Plain Chinese reason when not done. */
  message?: string;
  code?: string;
}

export interface StatsView {
  days: number;
  total: number;
  byStatus: { status: ComplaintStatus; label: string; count: number }[];
  byCategory: { category: ComplaintCategory; label: string; count: number }[];
  byStation: { stationId: string; stationName: string; count: number }[];
  onTimeRate: number | null;
  satisfactionRate: number | null;
  evaluations: { key: string; label: string; count: number }[];
  calendarWarning: string | null;
  /** Complaints with a 督办 issued by hand, an assignment handed back (退单), the deadline extended. */
  handoffs?: { supervised: number; declined: number; extended: number };
}

export interface PublicStationStats {
  stationId: string;
  months: 12;
  complaints: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}
