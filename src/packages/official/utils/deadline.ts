/**
 * Deadline countdown for a complaint in the queue or on its page: "还剩 2 个工作日" / "今天到期" /
 * "已超期 1 天". `dueAt` is the instant the deadline ends (midnight after the last working day,
 * Asia/Shanghai); working days come from the official holiday data shipped with the app
 * (a year without data counts weekends only — the server warns about that separately).
 */
import { WorkCalendar } from '@core/calendar/workdays';
import { addDays, daysBetween, toShanghai } from '@core/shared/time';
import { OPEN_STATUSES, type ComplaintStatus } from '@core/complaint/model';

export type DeadlineTone = 'overdue' | 'warn' | 'ok' | 'muted';

export interface DeadlineInfo {
  /** What is due: 受理 / 答复 / 评价 */
  stage: string;
  text: string;
  tone: DeadlineTone;
}

export interface DeadlineSubject {
  status: ComplaintStatus;
  dueAt: string | null;
  overdue: 'accept' | 'reply' | null;
}

let shared: WorkCalendar | null = null;
function defaultCalendar(): WorkCalendar {
  if (!shared) shared = new WorkCalendar();
  return shared;
}

export function deadlineInfo(c: DeadlineSubject, now: Date = new Date(), calendar: WorkCalendar = defaultCalendar()): DeadlineInfo | null {
  if (!c.dueAt) return null;
  const due = new Date(c.dueAt);
  if (Number.isNaN(due.getTime())) return null;
  const today = toShanghai(now).date;
  // The last day on which the deadline is met.
  const lastDay = addDays(toShanghai(due).date, -1);

  if (c.status === 'replied') {
    // 7 calendar days for the resident to evaluate; then it closes as 未评价.
    const left = daysBetween(today, lastDay);
    return { stage: '评价', text: left > 0 ? `等待评价，还剩 ${left} 天` : '等待评价，今天截止', tone: 'muted' };
  }
  if (!OPEN_STATUSES.includes(c.status)) return null;

  const stage = c.status === 'submitted' ? '受理' : '答复';
  if (c.overdue || now.getTime() >= due.getTime()) {
    const days = Math.max(1, daysBetween(lastDay, today));
    return { stage, text: `已超期 ${days} 天`, tone: 'overdue' };
  }
  if (today >= lastDay) return { stage, text: '今天到期', tone: 'warn' };
  const left = calendar.workdaysBetween(today, lastDay);
  return { stage, text: `还剩 ${left} 个工作日`, tone: left <= 1 ? 'warn' : 'ok' };
}
