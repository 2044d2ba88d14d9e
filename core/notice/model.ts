/**
 * Public notice (公示), generic so station-head appointment (第九条2) and station
 * certification (第十一条3) share it: a subject, public facts, a period of at least 5 working
 * days, and real-name objections during it.
 */
import type { WorkCalendar } from '../calendar/workdays';
import type { Application, Post, VersionedWrite } from '../recruitment/model';
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
  /** Objections are made in real name (docs/product.md §5); shown to the handling official only. */
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


/** The notice closed at `at` with `outcome`. */
export function closedNotice(n: Notice, outcome: NoticeOutcome | null, at: string): VersionedWrite<Notice> {
  return { next: { ...n, status: 'closed', outcome, closedAt: at, version: n.version + 1 }, expectedVersion: n.version };
}

/**
 * What the outcome of a closed appointment notice changes, or null when the notice no longer
 * decides (the post was cancelled or re-published meanwhile: only the post's own notice counts).
 * Each part is absent when already done, so applying it again is harmless.
 */
export interface NoticeChange {
  application: VersionedWrite<Application> | null;
  post: VersionedWrite<Post> | null;
  /** The appointed person becomes the station's head: a role binding and the contact person. */
  head: { stationId: string; openid: string; name: string } | null;
}

export function appointmentChange(n: Pick<Notice, 'id' | 'outcome'>, app: Application, post: Post, at: string): NoticeChange | null {
  if (post.noticeId !== n.id) return null;
  const bump = <T extends { version: number; updatedAt: string }>(cur: T, patch: Partial<T>): VersionedWrite<T> => ({ next: { ...cur, ...patch, updatedAt: at, version: cur.version + 1 }, expectedVersion: cur.version });
  if (n.outcome === 'approved') {
    return {
      application: app.status !== 'appointed' ? bump(app, { status: 'appointed' }) : null,
      post: post.status === 'notice' ? bump(post, { status: 'appointed' }) : null,
      head: post.stationId ? { stationId: post.stationId, openid: app.applicantOpenid, name: app.name } : null,
    };
  }
  if (n.outcome === 'stopped') {
    return {
      application: app.status === 'selected' ? bump(app, { status: 'stopped' }) : null,
      post: post.status === 'notice' ? bump(post, { status: 'reviewing', selectedApplicationId: null, noticeId: null }) : null,
      head: null,
    };
  }
  return { application: null, post: null, head: null };
}
