/**
 * Public notice (公示), generic so station-head appointment (第九条2) and station
 * certification (第十一条3) share it: a subject, public facts, a period of at least 5 working
 * days, and real-name objections during it.
 */
import type { WorkCalendar } from '../calendar/workdays';
import type { Application, Post, VersionedWrite } from '../recruitment/model';
import { addDays, fromShanghai, toShanghai } from '../shared/time';
import { labelled } from '../shared/labelled';

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

export const { codes: OBJECTION_STATUSES, labels: OBJECTION_LABELS } = labelled({ received: '已收到', investigating: '核查中', upheld: '异议成立', dismissed: '异议不成立' });
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

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

/**
 * When a notice's first day counts. A notice must be open to the public for 5 full working days.
 * A day counts only when the notice was public for the whole of it, so the day of publication
 * counts only if the notice was published before that day began (a start date chosen in advance);
 * published on its start date — at 9:00 or at 23:00 alike — the period is counted from the next day,
 * as 《民法典》第二百零一条 counts periods in days ("开始的当日不计入，自下一日开始计算").
 * `publishedOn` is the Asia/Shanghai date of publication.
 */
export function firstCountedDay(startsOn: string, publishedOn: string): string {
  return publishedOn < startsOn ? startsOn : addDays(startsOn, 1);
}

/** Working days the period covers: from its first counted day through endsOn. */
export function noticeWorkdays(n: Pick<Notice, 'startsOn' | 'endsOn' | 'publishedAt'>, calendar: WorkCalendar): number {
  return calendar.workdaysBetween(addDays(firstCountedDay(n.startsOn, toShanghai(new Date(n.publishedAt)).date), -1), n.endsOn);
}

/** The earliest allowed end for a notice starting on `startsOn`, published on `publishedOn`. */
export function earliestEnd(startsOn: string, calendar: WorkCalendar, publishedOn: string): { date: string; provisional: boolean; unknownYears: number[] } {
  const due = calendar.addWorkdays(addDays(firstCountedDay(startsOn, publishedOn), -1), MIN_NOTICE_WORKDAYS);
  return { date: due.date, provisional: due.provisional, unknownYears: due.unknownYears };
}

/**
 * Why a period cannot be published, or null. The working-day count of a period that touches a
 * year without holiday data could be wrong (a holiday counted as a working day), so such a period
 * is refused until that year is entered, rather than published with a warning.
 */
export function noticePeriodProblem(
  startsOn: string,
  endsOn: string,
  publishedOn: string,
  calendar: WorkCalendar,
): { field: 'startsOn' | 'endsOn'; message: string; fieldMessage: string } | null {
  if (startsOn < publishedOn) return { field: 'startsOn', message: '公示开始日期不能早于今天', fieldMessage: '早于今天' };
  if (endsOn < startsOn) return { field: 'endsOn', message: '公示结束日期不能早于开始日期', fieldMessage: '早于开始日期' };
  const missing = calendar.missingYears(Number(startsOn.slice(0, 4)), Number(endsOn.slice(0, 4)));
  if (missing.length) {
    const years = missing.join('、');
    return {
      field: 'endsOn',
      message: `${years} 年的节假日安排还没有录入，无法计算公示期的工作日。请省级管理员先录入 ${years} 年的节假日，或把公示期定在已录入的年份内`,
      fieldMessage: `请先录入 ${years} 年节假日`,
    };
  }
  const min = earliestEnd(startsOn, calendar, publishedOn);
  if (endsOn < min.date) {
    const sameDay = publishedOn >= startsOn ? '（当天发布，当天不计入）' : '';
    return { field: 'endsOn', message: `公示期不少于 ${MIN_NOTICE_WORKDAYS} 个工作日${sameDay}，最早 ${min.date} 结束`, fieldMessage: `最早 ${min.date}` };
  }
  return null;
}

/** Outcome at the end of the period from the objections' states. */
export function outcomeOf(objections: Pick<Objection, 'status'>[]): NoticeOutcome {
  if (objections.some((o) => o.status === 'upheld')) return 'stopped';
  if (objections.some((o) => o.status === 'received' || o.status === 'investigating')) return 'suspended';
  return 'approved';
}


/** A notice as published (公示中): what it is about, its period and objection channel, who published it and when. */
export function openNotice(
  about: Pick<Notice, 'id' | 'kind' | 'subjectId' | 'title' | 'facts' | 'body' | 'regionCodes'>,
  period: Pick<Notice, 'startsOn' | 'endsOn' | 'objectionChannel'>,
  publishedBy: string,
  publishedAt: string,
): Notice {
  const { startsOn, endsOn, objectionChannel } = period;
  return { ...about, startsOn, endsOn, objectionChannel, status: 'open', outcome: null, publishedBy, publishedAt, closedAt: null, version: 1 };
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
