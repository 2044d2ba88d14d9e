/** healDeadlines: the pure recount of provisional deadlines once a year is entered (issue 9 item 7). */
import { WorkCalendar } from '../../core/calendar/workdays';
import { healDeadlines } from '../../core/complaint/heal';
import type { Complaint } from '../../core/complaint/model';
import { historyEntry, makeComplaint } from '../support/complaint-fixtures';

const without2027 = new WorkCalendar();
const with2027 = new WorkCalendar([{ year: 2027, holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10'], workdays: ['2027-02-06'], source: 'admin' }]);
const SUBMITTED = '2026-12-29T02:00:00.000Z'; // Tue 10:00 in Shanghai

function filed(over: Partial<Complaint> = {}): Complaint {
  return makeComplaint('h1', { submittedAt: SUBMITTED, acceptDueOn: '2027-01-01', deadlineProvisional: true, status: 'submitted', dueAt: '2027-01-01T16:00:00.000Z', ...over });
}

describe('healDeadlines', () => {
  test('nothing to do for a complaint on known years, a final one, or before the year is entered', () => {
    expect(healDeadlines(filed({ deadlineProvisional: false }), [], with2027)).toBeNull();
    expect(healDeadlines(filed({ status: 'closed' }), [], with2027)).toBeNull();
    expect(healDeadlines(filed(), [], without2027)).toBeNull();
  });

  test('accept-by moves past the holiday; an escalation made for the provisional date is undone', () => {
    const c = filed({ escalationLevel: 1, escalations: [{ kind: 'accept', dueOn: '2027-01-01', toLevel: 1, at: '2027-01-01T16:10:00.000Z' }] });
    const r = healDeadlines(c, [], with2027)!;
    expect(r.next).toMatchObject({ acceptDueOn: '2027-01-04', deadlineProvisional: false, escalationLevel: 0, escalations: [], dueAt: '2027-01-04T16:00:00.000Z' });
    expect(r.undone).toHaveLength(1);
    expect(r.note).toBe('节假日安排录入后，受理期限由 2027-01-01 调整为 2027-01-04；按调整后的期限，之前的督办撤销');
  });

  test('reply-by counts from the reopening 不满意, an extension only when granted after it', () => {
    const reopenAt = '2027-02-03T02:00:00.000Z'; // Wed 02-03
    const base = filed({ status: 'assigned', acceptDueOn: '2027-01-04', replyDueOn: '2027-02-10', reopenCount: 1 });
    const history = [historyEntry(base, 'accept', 'accepted', '2027-01-04T02:00:00.000Z'), historyEntry(base, 'evaluate', 'assigned', reopenAt)];
    // Weekends only it was 02-10; with 春节 02-08..10 off and Sat 02-06 a working day: 02-04, 02-05, 02-06, 02-11, 02-12.
    expect(healDeadlines(base, history, with2027)!.next.replyDueOn).toBe('2027-02-12');
    const extendedBefore = { ...base, extension: { workdays: 3, reason: '调查', at: '2027-01-20T02:00:00.000Z' } };
    expect(healDeadlines(extendedBefore, history, with2027)!.next.replyDueOn).toBe('2027-02-12');
    const extendedAfter = { ...base, replyDueOn: '2027-02-15', extension: { workdays: 3, reason: '调查', at: '2027-02-04T02:00:00.000Z' } };
    expect(healDeadlines(extendedAfter, history, with2027)!.next.replyDueOn).toBe('2027-02-17');
  });

  test('a reply judged late against the provisional date is on time against the real one', () => {
    const c = filed({ status: 'replied', acceptDueOn: '2027-01-04', replyDueOn: '2027-02-10', reply: { text: '已处理', at: '2027-02-11T02:00:00.000Z', byRole: 'county_official' }, replyOnTime: false });
    const history = [historyEntry(c, 'evaluate', 'accepted', '2027-02-03T02:00:00.000Z')];
    const r = healDeadlines(c, history, with2027)!;
    expect(r.next).toMatchObject({ replyDueOn: '2027-02-12', replyOnTime: true, deadlineProvisional: false });
  });

  test('an escalation made after the corrected deadline also passed stays', () => {
    const c = filed({ escalationLevel: 1, escalations: [{ kind: 'accept', dueOn: '2027-01-01', toLevel: 1, at: '2027-01-05T01:00:00.000Z' }] });
    const r = healDeadlines(c, [], with2027)!;
    expect(r.undone).toEqual([]);
    expect(r.next.escalationLevel).toBe(1);
    expect(r.next.escalations).toEqual([{ kind: 'accept', dueOn: '2027-01-04', toLevel: 1, at: '2027-01-05T01:00:00.000Z' }]);
  });
});
