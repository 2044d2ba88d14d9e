/**
 * Issue 11 §2 on the pages: the complainant's 补充材料 form and 处理中, the 回访 "问题还在吗？" card,
 * photos on timeline entries, and the officials' 办理进展 panel.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import CaseActions from '@/packages/official/components/CaseActions';
import type { ComplaintCaseView } from '@/services/complaints-admin';
import { openComplaintDetail } from './complaint-detail';
import { openPanel, settle, submitWith } from './act-helpers';
import { extraTaro, freshScreen, serve } from './feedback-support';
import { complaintView } from './fixtures';
import { routerParams } from './taro-mock';

beforeEach(() => {
  freshScreen('demo-resident-1');
  routerParams.current = { id: 'cmp-0001-abcdef' };
});

const open = (view = complaintView(), extra: Parameters<typeof serve>[0] = {}) => openComplaintDetail(view, extra);

const openCase = () =>
  complaintView({ status: 'accepted', statusLabel: '已受理', progressLabel: '处理中', canSupplement: true, supplementsLeft: 5, version: 4 });

test('处理中 shows while handled; 补充材料 sends the text (too short is stopped) and the timeline shows it', async () => {
  const after = openCase();
  after.version = 5;
  after.supplementsLeft = 4;
  after.timeline = [{ at: '2025-06-05T02:00:00.000Z', action: 'supplement', label: '补充材料', status: 'accepted', note: '收据上写着每件收 3 元', photos: ['/files/upl-abc'] }];
  const { $, sent, container } = await open(openCase(), { 'complaints.supplement': () => after });
  expect($('#complaint-progress')!.textContent).toBe('处理中');
  expect($('#supplement-form')).toBeNull();
  fireEvent.click($('#btn-supplement-open')!);
  await settle();
  await submitWith(container, 'supplement-text', '收据', 'btn-supplement-submit');
  expect($('#supplement-error')!.textContent).toContain('至少写 5 个字');
  expect(sent.some((s) => s.action === 'supplement')).toBe(false);
  await submitWith(container, 'supplement-text', '收据上写着每件收 3 元', 'btn-supplement-submit');
  await waitFor(() => expect($('#supplement-form')).toBeNull());
  expect(sent.find((s) => s.action === 'supplement')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 4, text: '收据上写着每件收 3 元' });
  // The entry and its photo on the timeline.
  expect($('#complaint-timeline')!.textContent).toContain('收据上写着每件收 3 元');
  expect($('#timeline-photos-0')).not.toBeNull();
  expect($('#timeline-photos-0 img, #timeline-photos-0 taro-image-core, #timeline-photos-0 .photo__img')).not.toBeNull();
});

test('no 补充材料 when the server says it cannot be added', async () => {
  const { $ } = await open(complaintView({ canSupplement: false }));
  expect($('#btn-supplement-open')).toBeNull();
});

test('问题还在吗: 已解决 is sent at once; 还在 asks first and says what happens', async () => {
  const asked = complaintView({ status: 'closed', statusLabel: '已办结', version: 7, recheck: { askedAt: '2025-07-01T02:00:00.000Z', answer: null, answeredAt: null, linkedCase: null, reopens: true } });
  const answered = (a: 'persists' | 'resolved') =>
    complaintView({ status: a === 'persists' ? 'accepted' : 'closed', version: 8, recheck: { ...asked.recheck!, answer: a, answeredAt: '2025-07-02T02:00:00.000Z' } });
  const { $, sent, unmount } = await open(asked, { 'complaints.recheck': (d) => answered(d.recheckAnswer as 'persists') });
  expect($('#recheck-card')!.textContent).toContain('问题还在吗？');
  await act(async () => {
    fireEvent.click($('#btn-recheck-resolved')!);
  });
  await waitFor(() => expect($('#recheck-answered')).not.toBeNull());
  expect(extraTaro.showModal).not.toHaveBeenCalled();
  expect(sent.find((s) => s.action === 'recheck')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 7, recheckAnswer: 'resolved' });
  expect($('#recheck-answered')!.textContent).toContain('已解决');
  unmount();

  // 还在, declined in the dialog: nothing sent; confirmed: sent.
  const second = await open(asked, { 'complaints.recheck': (d) => answered(d.recheckAnswer as 'persists') });
  extraTaro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await act(async () => {
    fireEvent.click(second.$('#btn-recheck-persists')!);
  });
  expect(second.sent.some((s) => s.action === 'recheck')).toBe(false);
  expect(extraTaro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('重新办理') }));
  await act(async () => {
    fireEvent.click(second.$('#btn-recheck-persists')!);
  });
  await waitFor(() => expect(second.$('#recheck-answered')).not.toBeNull());
  expect(second.sent.find((s) => s.action === 'recheck')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 7, recheckAnswer: 'persists' });
});

test('a 还在 that opened a new case links to it', async () => {
  const { $ } = await open(
    complaintView({ status: 'refused', recheck: { askedAt: '2025-07-01T02:00:00.000Z', answer: 'persists', answeredAt: '2025-07-02T02:00:00.000Z', linkedCase: { id: 'cmp-0002-abcdef', trackingNo: 'TS250702NEWONE' }, reopens: false } }),
  );
  expect($('#btn-recheck-linked')!.textContent).toContain('TS250702NEWONE');
  fireEvent.click($('#btn-recheck-linked')!);
});

jest.mock('@/services/complaints-admin', () => ({ complaintsAdmin: { progress: jest.fn(), reply: jest.fn(), queue: jest.fn() } }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const admin = require('@/services/complaints-admin').complaintsAdmin as Record<string, jest.Mock>;

test('officials: 办理进展 sends the text (too short is stopped)', async () => {
  const base = { ...complaintView({ status: 'assigned', statusLabel: '已转办' }), allowedActions: ['reply', 'progress'] } as unknown as ComplaintCaseView;
  admin.progress.mockResolvedValue({ ...base, version: 5 });
  const onChanged = jest.fn();
  const { container } = render(<CaseActions c={base} onChanged={onChanged} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-progress');
  await submitWith(container, 'progress-text', '在查', 'btn-submit-progress');
  expect(admin.progress).not.toHaveBeenCalled();
  await submitWith(container, 'progress-text', '已约谈站长，正在核对收费记录。', 'btn-submit-progress');
  expect(admin.progress).toHaveBeenCalledWith({ id: 'cmp-0001-abcdef', version: base.version, text: '已约谈站长，正在核对收费记录。' });
  expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ version: 5 }), '办理进展已发布，投诉人可以看到');
});
