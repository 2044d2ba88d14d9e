/**
 * Keeping a station's public page true (第十条3): the StationEdit aggregate. Pure rules, no I/O.
 *
 * Kinds:
 * - proposal: the head or operator staff propose new public information; nothing changes on the
 *   public page until a county official approves (published, infoConfirmedOn reset) or returns it.
 *   One pending proposal per station: a new one replaces the pending one (withdrawn, replacedBy).
 * - closure: a temporary closure with a reason and an end date. It shows at once (the closed days
 *   are written into the hours as exceptions, so nearby/openNow see a closed station) and is
 *   reviewed afterwards: approved keeps it, returned lifts it.
 * - report: a villager's 信息有误 on the public page; the official marks it handled.
 * - reminder: the information is older than FRESHNESS_DAYS (the scheduled job); 信息无变化 or an
 *   approved proposal closes it.
 */
import type { VersionedStore } from '../shared/record-store';
import { RuleError } from '../shared/rule-error';
import { addDays, daysBetween } from '../shared/time';
import type { HoursException, OpeningHours } from './hours';
import type { Station } from './model';
import { FRESHNESS_DAYS } from './rules';
import { labelled } from '../shared/labelled';

export const EDIT_KINDS = ['proposal', 'closure', 'report', 'reminder'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];
export const EDIT_STATUSES = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export type EditStatus = (typeof EDIT_STATUSES)[number];

export const EDIT_KIND_LABELS: Record<EditKind, string> = { proposal: '信息修改', closure: '临时闭店', report: '信息有误', reminder: '待核实' };
export const EDIT_STATUS_LABELS: Record<EditStatus, string> = { pending: '待审核', approved: '已通过', returned: '已退回', withdrawn: '已撤回' };

/** The longest temporary closure (days, end date included): longer is a closure for the register. */
export const MAX_CLOSURE_DAYS = 30;
/** The note the closure writes on each closed day (shown as the day's note on the public page). */
export const CLOSURE_NOTE_PREFIX = '临时闭店';

/** What the head may change: the station's public information. */
export type PublicInfo = Pick<Station, 'hours' | 'services' | 'processes' | 'commitments' | 'fees' | 'complaintChannels' | 'contact' | 'photos'>;

export const { codes: PUBLIC_FIELDS, labels: PUBLIC_FIELD_LABELS } = labelled({
  hours: '营业时间',
  services: '服务项目',
  processes: '办事流程',
  commitments: '服务承诺',
  fees: '收费标准',
  complaintChannels: '投诉渠道',
  contact: '联系方式',
  photos: '照片',
});
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export interface Closure {
  reason: string;
  /** First and last closed day (YYYY-MM-DD, Shanghai). */
  from: string;
  until: string;
}

export interface StationEdit {
  id: string;
  stationId: string;
  stationName: string;
  /** The station's region path codes (scope checks and the officials' queue). */
  regionCodes: string[];
  kind: EditKind;
  status: EditStatus;
  /** Openid of the proposer (head, operator staff, villager) or "system" for reminders. */
  createdBy: string;
  createdAt: string;
  /** Proposal: the public information when it was proposed, and what is proposed. */
  before?: PublicInfo;
  after?: PublicInfo;
  closure?: Closure;
  /** Report: what is wrong (a public field or "other") and the villager's words. */
  report?: { topic: PublicField | 'address' | 'other'; text: string };
  decidedBy?: string;
  decidedAt?: string;
  /** The official's comment (required when returning). */
  comment?: string;
  /** Proposal replaced by a newer one. */
  replacedBy?: string;
  /**
   * Proposal: the content check (core/media/check.ts trace id) of each new photo. A list, not a
   * map by file id: file ids have dots, which CloudBase field names may not.
   */
  photoChecks?: { fileId: string; traceId: string }[];
  version: number;
}

// ——— Public information and closures on the station ———

function isClosureDay(e: HoursException, c: Closure | undefined): boolean {
  return !!c && e.date >= c.from && e.date <= c.until && e.intervals.length === 0 && (e.note ?? '').startsWith(CLOSURE_NOTE_PREFIX);
}

/** The station's public information as the head edits it: the hours without the closure's days. */
export function publicInfoOf(s: Station): PublicInfo {
  return {
    hours: { weekly: s.hours.weekly, exceptions: s.hours.exceptions.filter((e) => !isClosureDay(e, s.closure)) },
    services: s.services,
    processes: s.processes,
    commitments: s.commitments,
    fees: s.fees,
    complaintChannels: s.complaintChannels,
    contact: s.contact,
    photos: s.photos,
  };
}

/** Hours with the closure's days written in as closed exceptions (past exceptions dropped to keep room). */
export function hoursWithClosure(hours: OpeningHours, closure: Closure | undefined, today: string): OpeningHours {
  if (!closure || closure.until < today) return hours;
  const days: HoursException[] = [];
  for (let d = closure.from < today ? today : closure.from; d <= closure.until; d = addDays(d, 1)) {
    days.push({ date: d, intervals: [], note: `${CLOSURE_NOTE_PREFIX}：${closure.reason}`.slice(0, 40) });
  }
  const taken = new Set(days.map((d) => d.date));
  const kept = hours.exceptions.filter((e) => e.date >= today && !taken.has(e.date));
  return { weekly: hours.weekly, exceptions: [...days, ...kept].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}

/** The station with `info` as its public information, keeping an active closure; the information confirmed today. */
export function publish(s: Station, info: PublicInfo, today: string, nowIso: string): Station {
  const closure = s.closure && s.closure.until >= today ? s.closure : undefined;
  const { closure: _old, ...rest } = s;
  return {
    ...rest,
    ...info,
    hours: hoursWithClosure(info.hours, closure, today),
    ...(closure ? { closure } : {}),
    infoConfirmedOn: today,
    updatedAt: nowIso,
  };
}

/** The station closed from today to `closure.until`: visible at once. */
export function closeTemporarily(s: Station, closure: Closure, today: string, nowIso: string): Station {
  const base = publicInfoOf(s).hours;
  return { ...s, closure, hours: hoursWithClosure(base, closure, today), updatedAt: nowIso };
}

/** The closure lifted (returned by the county): the closure's days leave the hours. */
export function liftClosure(s: Station, nowIso: string): Station {
  const { closure: _c, ...rest } = s;
  return { ...rest, hours: publicInfoOf(s).hours, updatedAt: nowIso };
}

/** The closure is acceptable: starts today (or later), ends within MAX_CLOSURE_DAYS. A Chinese message when not. */
export function closureProblem(c: Closure, today: string): string | null {
  if (c.from < today) return '闭店开始日期不能早于今天';
  if (c.until < c.from) return '结束日期不能早于开始日期';
  if (daysBetween(c.from, c.until) + 1 > MAX_CLOSURE_DAYS) return `临时闭店最长 ${MAX_CLOSURE_DAYS} 天，更长请联系县级主管部门`;
  return null;
}

/** Stale: information confirmed more than FRESHNESS_DAYS ago (the 待更新 badge). */
export function isStale(s: Pick<Station, 'infoConfirmedOn'>, today: string, freshnessDays: number = FRESHNESS_DAYS): boolean {
  return daysBetween(s.infoConfirmedOn, today) > freshnessDays;
}

// ——— The before/after comparison ———

export interface DiffLine {
  field: PublicField;
  label: string;
  before: string[];
  after: string[];
}

const WEEK = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Each field as short lines a reader compares (the same text on both sides when unchanged). */
export function describeField(info: PublicInfo, field: PublicField): string[] {
  switch (field) {
    case 'hours': {
      const lines: string[] = [];
      for (let d = 1; d <= 7; d++) {
        const ivs = info.hours.weekly.filter((r) => r.day === d).flatMap((r) => r.intervals);
        lines.push(`${WEEK[d]} ${ivs.length ? ivs.map((i) => `${i.open}-${i.close}`).join('，') : '休息'}`);
      }
      for (const e of info.hours.exceptions) {
        lines.push(`${e.date} ${e.intervals.length ? e.intervals.map((i) => `${i.open}-${i.close}`).join('，') : '休息'}${e.note ? `（${e.note}）` : ''}`);
      }
      return lines;
    }
    case 'services':
      return [...info.services];
    case 'processes':
      return info.processes.map((p) => `${p.title}：${p.steps.join(' → ')}`);
    case 'commitments':
      return [...info.commitments];
    case 'fees':
      return info.fees.map((f) => `${f.item} ${f.price === 0 ? '免费' : `${f.price} 元/${f.unit}`}${f.conditions ? `（${f.conditions}）` : ''}`);
    case 'complaintChannels':
      return info.complaintChannels.map((c) => `${c.label}：${c.value}`);
    case 'contact':
      return [`电话 ${info.contact.phone}`, ...(info.contact.personName ? [`联系人 ${info.contact.personName}`] : [])];
    case 'photos':
      // Never the file ids: the pages show the photos themselves beside the comparison.
      return info.photos.length ? [`${info.photos.length} 张照片`] : [];
  }
}

/** The fields that differ between before and after, with both sides as lines. */
export function diffInfo(before: PublicInfo, after: PublicInfo): DiffLine[] {
  const out: DiffLine[] = [];
  for (const field of PUBLIC_FIELDS) {
    const b = describeField(before, field);
    const a = describeField(after, field);
    if (field === 'photos') {
      const added = after.photos.filter((p) => !before.photos.includes(p)).length;
      const removed = before.photos.filter((p) => !after.photos.includes(p)).length;
      const moved = !added && !removed && JSON.stringify(before.photos) !== JSON.stringify(after.photos);
      if (added || removed || moved) {
        const what = [added ? `新加 ${added} 张` : '', removed ? `删去 ${removed} 张` : '', moved ? '调整了顺序' : ''].filter(Boolean).join('，');
        out.push({ field, label: PUBLIC_FIELD_LABELS[field], before: b, after: [`${a[0] ?? '没有照片'}（${what}）`] });
      }
      continue;
    }
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, label: PUBLIC_FIELD_LABELS[field], before: b, after: a });
  }
  return out;
}

// ——— Lifecycle ———

export type EditDecision = 'approve' | 'return';

/**
 * The edit after an official's decision; throws a Chinese message (as Error) when not allowed.
 * Returning needs a comment; reports and reminders are only "handled" (approve).
 */
export function decide(edit: StationEdit, decision: EditDecision, by: string, at: string, comment?: string): StationEdit {
  if (edit.status !== 'pending') throw new EditRuleError('这条记录已处理，请刷新');
  if (decision === 'return' && (edit.kind === 'report' || edit.kind === 'reminder')) throw new EditRuleError('这条记录只需标记已处理');
  if (decision === 'return' && !comment?.trim()) throw new EditRuleError('退回时请写明原因', 'comment');
  return {
    ...edit,
    status: decision === 'approve' ? 'approved' : 'returned',
    decidedBy: by,
    decidedAt: at,
    ...(comment?.trim() ? { comment: comment.trim() } : {}),
    version: edit.version + 1,
  };
}

export function withdraw(edit: StationEdit, by: string, at: string, replacedBy?: string): StationEdit {
  if (edit.status !== 'pending' || edit.kind !== 'proposal') throw new EditRuleError('只有待审核的修改可以撤回');
  return { ...edit, status: 'withdrawn', decidedBy: by, decidedAt: at, ...(replacedBy ? { replacedBy } : {}), version: edit.version + 1 };
}

/** A broken lifecycle rule: the service turns it into CONFLICT / VALIDATION_ERROR. */
export class EditRuleError extends RuleError {
  override name = 'EditRuleError';
}

export interface StationEditQuery {
  stationIds?: string[];
  /** Any of these codes in the edit's regionCodes. */
  regionCodes?: string[];
  statuses?: readonly EditStatus[];
  kinds?: readonly EditKind[];
  /** oldest: the review queue; newest: a station's history. */
  order: 'oldest' | 'newest';
  offset: number;
  limit: number;
}

export type StationEditRepository = VersionedStore<StationEdit, StationEditQuery>;
