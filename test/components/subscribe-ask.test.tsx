/**
 * Consent is asked where the villager wants the next update (issue 9.1): at submit for 受理 /
 * 不予受理 / 并单, and on the tracking page while the case is open for what can come next.
 */
import Taro from '@tarojs/taro';
import { askForOfficialUpdates, canAskForUpdates, complaintTemplateIds, workbenchUpdates } from '../../src/services/subscribe';

const g = globalThis as unknown as { COMPLAINT_TEMPLATES?: Record<string, unknown> };

afterEach(() => {
  delete g.COMPLAINT_TEMPLATES;
  process.env.TARO_ENV = 'h5';
});

test('templates per stage of the case, at most 3, none once it is final', () => {
  g.COMPLAINT_TEMPLATES = { complaint_accepted: 'A', complaint_refused: 'F', complaint_replied: { id: 'R' }, complaint_closed: 'C', complaint_assigned: 'S' };
  expect(complaintTemplateIds('submitted')).toEqual(['A', 'F', 'C']);
  // 转办 is told too (issue 11 §3) while the case waits for one.
  expect(complaintTemplateIds('accepted')).toEqual(['R', 'C', 'S']);
  expect(complaintTemplateIds('assigned')).toEqual(['R', 'C']);
  expect(complaintTemplateIds('replied')).toEqual(['C']);
  for (const s of ['closed', 'refused', 'withdrawn', 'merged'] as const) expect(complaintTemplateIds(s)).toEqual([]);
  // 延期 (issue 11 §2): an open case may be extended, and the villager told the new date.
  g.COMPLAINT_TEMPLATES = { complaint_replied: 'R', complaint_closed: 'C', complaint_extended: 'E' };
  expect(complaintTemplateIds('assigned')).toEqual(['R', 'C', 'E']);
  expect(complaintTemplateIds('submitted')).toEqual(['C']);
});

test('the tracking page offers it only in the mini-program, with templates, while open', () => {
  g.COMPLAINT_TEMPLATES = { complaint_replied: 'R' };
  expect(canAskForUpdates('accepted')).toBe(false); // H5
  process.env.TARO_ENV = 'weapp';
  expect(canAskForUpdates('accepted')).toBe(true);
  expect(canAskForUpdates('submitted')).toBe(false); // no template for what comes next
  expect(canAskForUpdates('closed')).toBe(false);
  delete g.COMPLAINT_TEMPLATES;
  expect(canAskForUpdates('accepted')).toBe(false);
});

test('officials are asked for the hand-offs that come back to them, in the mini-program only', () => {
  const ask = jest.fn(() => Promise.resolve({}));
  (Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage = ask;
  g.COMPLAINT_TEMPLATES = { complaint_returned: 'RT', extension_requested: 'EX', complaint_supervised: 'SV', supervision_answered: 'SA' };
  askForOfficialUpdates(['complaint_returned', 'extension_requested']);
  expect(ask).not.toHaveBeenCalled(); // H5
  process.env.TARO_ENV = 'weapp';
  askForOfficialUpdates(['complaint_returned', 'extension_requested', 'complaint_supervised', 'supervision_answered']);
  expect(ask).toHaveBeenCalledWith({ tmplIds: ['RT', 'EX', 'SV'] });
  delete g.COMPLAINT_TEMPLATES;
  askForOfficialUpdates(['supervision_answered']);
  expect(ask).toHaveBeenCalledTimes(1);
});

test('the workbench asks each role for what reaches it: digest and hand-backs, assignments, 督办 answers', () => {
  expect(workbenchUpdates([{ role: 'county_official' }])).toEqual(['new_cases_digest', 'complaint_returned', 'extension_requested']);
  expect(workbenchUpdates([{ role: 'station_head' }])).toEqual(['case_assigned']);
  expect(workbenchUpdates([{ role: 'operator_staff' }])).toEqual(['case_assigned']);
  expect(workbenchUpdates([{ role: 'city_supervisor' }])).toEqual(['supervision_answered']);
  expect(workbenchUpdates([{ role: 'resident' }])).toEqual([]);
  // Escalated, reopened: a case may go up a level, and 不满意 reopens it once.
  g.COMPLAINT_TEMPLATES = { complaint_replied: 'R', complaint_escalated: 'UP', complaint_reopened: 'RO' };
  expect(complaintTemplateIds('assigned')).toEqual(['R', 'UP']);
  expect(complaintTemplateIds('replied')).toEqual(['RO']);
});
