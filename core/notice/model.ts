/**
 * Public notice (公示), generic so station-head appointment (第九条2) and station
 * certification (第十一条3) share it: a subject, public facts, a period of at least 5 working
 * days, and real-name objections during it.
 */
import type { WorkCalendar } from '../calendar/workdays';
import { addDays, fromShanghai } from '../shared/time';

export const MIN_NOTICE_WORKDAYS = 5;

export const NOTICE_KINDS = ['appointment', 'certification'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type NoticeStatus = 'open' | 'closed';
/** appointed/certified: clean end; stopped: an objection upheld; suspended: objections unresolved at the end. */
export type NoticeOutcome = 'approved' | 'stopped' | 'suspended';

export interface Notice {
  id: string;
  kind: NoticeKind;
  /** What the notice is about: an application id (appointment) or a station id (certification). */
  subjectId: string;
  title: string;
  /** Public facts only, e.g. 姓名、性别、年龄、村、岗位 — never ID numbers or phones. */
  facts: { label: string; value: string }[];
  body: string;
  regionCodes: string[];
  startsOn: string;
  endsOn: string;
  objectionChannel: string;
  status: NoticeStatus;
  outcome: NoticeOutcome | null;
  publishedBy: string;
  publishedAt: string;
  closedAt: string | null;
  version: number;
}

export const OBJECTION_STATUSES = ['received', 'investigating', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_LABELS: Record<ObjectionStatus, string> = { received: '已收到', investigating: '核查中', upheld: '异议成立', dismissed: '异议不成立' };

export interface Objection {
  id: string;
  noticeId: string;
  objectorOpenid: string;
  /** Objections are made in real name (PRODUCT §5); shown to the handling official only. */
  realName: string;
  phoneCipher: string;
  phoneMasked: string;
  text: string;
  status: ObjectionStatus;
  response: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Is the notice period still running at `now`? (Until the end of endsOn, Asia/Shanghai.) */
export function noticeRunning(n: Pick<Notice, 'startsOn' | 'endsOn'>, now: Date): boolean {
  return now >= fromShanghai(n.startsOn, 0) && now < fromShanghai(addDays(n.endsOn, 1), 0);
}

/** Working days the period covers, counting its first day. */
export function noticeWorkdays(n: Pick<Notice, 'startsOn' | 'endsOn'>, calendar: WorkCalendar): number {
  return calendar.workdaysBetween(addDays(n.startsOn, -1), n.endsOn);
}

/** The earliest allowed end for a notice starting on `startsOn`. */
export function earliestEnd(startsOn: string, calendar: WorkCalendar): { date: string; provisional: boolean } {
  // startsOn counts if it is a working day: the 5th working day counting from startsOn.
  const due = calendar.addWorkdays(addDays(startsOn, -1), MIN_NOTICE_WORKDAYS);
  return { date: due.date, provisional: due.provisional };
}

/** Outcome at the end of the period from the objections' states. */
export function outcomeOf(objections: Pick<Objection, 'status'>[]): NoticeOutcome {
  if (objections.some((o) => o.status === 'upheld')) return 'stopped';
  if (objections.some((o) => o.status === 'received' || o.status === 'investigating')) return 'suspended';
  return 'approved';
}
