/** The queue's deadline countdown: working days left, due today, overdue in red. */
import { render } from '@testing-library/react';
import { WorkCalendar } from '@core/calendar/workdays';
import DeadlineBadge from '@/packages/official/components/DeadlineBadge';
import { deadlineInfo } from '@/packages/official/utils/deadline';
import { resetTaro } from './taro-mock';

beforeEach(() => resetTaro());

/** The instant a "last working day" deadline ends: midnight after it, Asia/Shanghai. */
const endOf = (date: string) => new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000;
const dueAfter = (lastDay: string) => new Date(endOf(lastDay)).toISOString();
/** Wednesday 2025-06-04 10:00 in Asia/Shanghai. */
const WED = new Date('2025-06-04T02:00:00Z');

test('还剩 N 个工作日 counts working days after today through the last day (weekend skipped)', () => {
  // Due Monday 06-09: Thu, Fri, Mon = 3 working days left.
  expect(deadlineInfo({ status: 'accepted', dueAt: dueAfter('2025-06-09'), overdue: null }, WED)).toEqual({ stage: '答复', text: '还剩 3 个工作日', tone: 'ok' });
  // Due Thursday: 1 left → warn.
  expect(deadlineInfo({ status: 'submitted', dueAt: dueAfter('2025-06-05'), overdue: null }, WED)).toEqual({ stage: '受理', text: '还剩 1 个工作日', tone: 'warn' });
});

test('public holidays do not count (端午 2025-05-31 – 06-02)', () => {
  const thu = new Date('2025-05-29T02:00:00Z');
  // Fri 05-30, (Sat, Sun, Mon holiday), Tue 06-03 → 2 working days.
  expect(deadlineInfo({ status: 'assigned', dueAt: dueAfter('2025-06-03'), overdue: null }, thu)?.text).toBe('还剩 2 个工作日');
});

test('the last day itself reads 今天到期', () => {
  expect(deadlineInfo({ status: 'submitted', dueAt: dueAfter('2025-06-04'), overdue: null }, WED)).toMatchObject({ text: '今天到期', tone: 'warn' });
});

test('overdue: 已超期 N 天 in calendar days since the last day; at least 1', () => {
  expect(deadlineInfo({ status: 'submitted', dueAt: dueAfter('2025-06-03'), overdue: 'accept' }, WED)).toEqual({ stage: '受理', text: '已超期 1 天', tone: 'overdue' });
  expect(deadlineInfo({ status: 'accepted', dueAt: dueAfter('2025-05-27'), overdue: 'reply' }, WED)?.text).toBe('已超期 8 天');
  // The server's flag wins even when the phone's clock is a little behind.
  expect(deadlineInfo({ status: 'accepted', dueAt: dueAfter('2025-06-04'), overdue: 'reply' }, WED)?.text).toBe('已超期 1 天');
  // Past the instant without the flag (list fetched before midnight) is still overdue.
  expect(deadlineInfo({ status: 'accepted', dueAt: dueAfter('2025-06-03'), overdue: null }, WED)?.tone).toBe('overdue');
});

test('replied cases count down the evaluation week; final states show nothing', () => {
  const evalDue = new Date(WED.getTime() + 3 * 86_400_000).toISOString();
  expect(deadlineInfo({ status: 'replied', dueAt: evalDue, overdue: null }, WED)).toMatchObject({ stage: '评价', tone: 'muted' });
  expect(deadlineInfo({ status: 'closed', dueAt: null, overdue: null }, WED)).toBeNull();
  expect(deadlineInfo({ status: 'refused', dueAt: dueAfter('2025-06-09'), overdue: null }, WED)).toBeNull();
});

test('a year without holiday data counts weekends only (the server warns separately)', () => {
  const cal = new WorkCalendar([], []);
  expect(deadlineInfo({ status: 'accepted', dueAt: dueAfter('2025-06-09'), overdue: null }, WED, cal)?.text).toBe('还剩 3 个工作日');
});

test('DeadlineBadge renders the text with the overdue (red) class and the given id', () => {
  const { container } = render(<DeadlineBadge id='deadline-x' subject={{ status: 'submitted', dueAt: dueAfter('2025-06-03'), overdue: 'accept' }} now={WED} />);
  const el = container.querySelector('#deadline-x')!;
  expect(el.textContent).toBe('已超期 1 天');
  expect(el.className).toContain('deadline--overdue');
  expect(container.textContent).toContain('受理期限');
});

test('DeadlineBadge renders nothing for a closed case', () => {
  const { container } = render(<DeadlineBadge id='deadline-y' subject={{ status: 'closed', dueAt: null, overdue: null }} now={WED} />);
  expect(container.querySelector('#deadline-y')).toBeNull();
});
