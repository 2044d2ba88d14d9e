/**
 * Complaint detail: the evaluation buttons map to the values the server takes, 不满意 explains
 * the one re-handling, 撤回 asks first; the status chip and deadlines.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { EVALUATION_BUTTON_IDS, alreadyReopened } from '@/components/complaint/EvaluationForm';
import ComplaintDetailPage from '@/pages/complaint/detail/index';
import { openComplaintDetail } from './complaint-detail';
import { extraTaro, fail, freshScreen, repliedView, serve } from './feedback-support';
import { complaintView } from './fixtures';
import { routerParams } from './taro-mock';

beforeEach(() => {
  freshScreen('demo-resident-1');
  routerParams.current = { id: 'cmp-0001-abcdef' };
});

const open = (view = repliedView(), extra: Parameters<typeof serve>[0] = {}) => openComplaintDetail(view, extra);

test.each([
  ['satisfied', '满意'],
  ['basically', '基本满意'],
  ['unsatisfied', '不满意'],
] as const)('%s: button %s sends evaluation "%s"', async (value, label) => {
  const { $, sent } = await open(repliedView(), {
    'complaints.evaluate': (d) => repliedView({ status: 'closed', statusLabel: '已办结', canEvaluate: false, evaluation: d.evaluation as 'satisfied', version: 5 }),
  });
  const button = $(`#${EVALUATION_BUTTON_IDS[value]}`)!;
  expect(button.textContent).toBe(label);
  fireEvent.click(button);
  expect(button.className).toContain('evaluation__choice--on');
  await act(async () => {
    fireEvent.click($('#btn-evaluate-submit')!);
  });
  await waitFor(() => expect($('#complaint-evaluation')).not.toBeNull());
  expect(sent.find((s) => s.action === 'evaluate')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 4, evaluation: value });
  expect($('#complaint-evaluation')!.textContent).toBe(`您的评价：${label}`);
  expect($('#evaluation-form')).toBeNull();
  expect($('#complaint-status')!.textContent).toBe('已办结');
});

test('不满意 explains it will be re-handled once; after a re-handling it explains it will close', async () => {
  const { $, unmount } = await open();
  expect($('#evaluation-unsatisfied-note')).toBeNull();
  fireEvent.click($('#btn-evaluate-unsatisfied')!);
  expect($('#evaluation-unsatisfied-note')!.textContent).toContain('退回重新办理一次');
  unmount();

  const again = repliedView();
  again.timeline = [...again.timeline, { at: '2025-06-11T02:00:00.000Z', action: 'evaluate', label: '评价', status: 'accepted', note: '不满意，重新办理（2025-06-18 前答复）' }];
  expect(alreadyReopened(again)).toBe(true);
  const second = await open(again);
  fireEvent.click(second.$('#btn-evaluate-unsatisfied')!);
  expect(second.$('#evaluation-unsatisfied-note')!.textContent).toContain('已经重新办理过一次');
});

test('no choice → asks for one, sends nothing; comment is optional and sent trimmed', async () => {
  const { $, sent } = await open(repliedView(), { 'complaints.evaluate': () => repliedView({ canEvaluate: false, evaluation: 'basically' }) });
  fireEvent.click($('#btn-evaluate-submit')!);
  expect($('#evaluation-error')!.textContent).toContain('请先选择');
  expect(sent.filter((s) => s.action === 'evaluate')).toHaveLength(0);
  fireEvent.click($('#btn-evaluate-basically')!);
  act(() => {
    $('#evaluation-comment')!.dispatchEvent(new CustomEvent('input', { detail: { value: ' 退钱了，但态度一般 ' } }));
  });
  await act(async () => {
    fireEvent.click($('#btn-evaluate-submit')!);
  });
  expect(sent.find((s) => s.action === 'evaluate')!.data).toMatchObject({ evaluation: 'basically', comment: '退钱了，但态度一般' });
});

test('shows reply, deadline to evaluate, timeline; no 撤回 after the reply', async () => {
  const { $ } = await open();
  expect($('#complaint-status')!.textContent).toBe('已答复');
  expect($('#complaint-reply')!.textContent).toContain('多收的 10 元已退还');
  expect($('#complaint-deadlines')!.textContent).toContain('6月17日前评价');
  expect($('#complaint-timeline')!.textContent).toContain('受理');
  expect($('#btn-withdraw')).toBeNull();
  expect($('#complaint-tracking-no')!.textContent).toBe('TS250604AB12CD');
});

test('撤回 asks first, then withdraws with the version; a CONFLICT reloads', async () => {
  const { $, sent } = await open(complaintView(), { 'complaints.withdraw': () => complaintView({ status: 'withdrawn', statusLabel: '已撤回', canWithdraw: false, version: 2 }) });
  expect($('#complaint-deadlines')!.textContent).toContain('2025年6月9日前受理');
  extraTaro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  await act(async () => {
    fireEvent.click($('#btn-withdraw')!);
  });
  expect(sent.filter((s) => s.action === 'withdraw')).toHaveLength(0);
  await act(async () => {
    fireEvent.click($('#btn-withdraw')!);
  });
  await waitFor(() => expect($('#complaint-status')!.textContent).toBe('已撤回'));
  expect(sent.find((s) => s.action === 'withdraw')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 1 });
  expect($('#btn-withdraw')).toBeNull();
});

test('someone else’s or unknown complaint: plain message, way to my complaints, no 重试', async () => {
  serve({ 'complaints.get': () => fail('NOT_FOUND', '没有找到这件投诉') });
  const r = render(<ComplaintDetailPage />);
  await waitFor(() => expect(r.container.querySelector('#complaint-error')).not.toBeNull());
  expect(r.container.querySelector('#complaint-error')!.textContent).toContain('没有找到这件投诉');
  expect(r.container.querySelector('#btn-retry')).toBeNull();
  fireEvent.click(r.container.querySelector('#btn-mine')!);
  expect(extraTaro.redirectTo).toHaveBeenCalledWith({ url: '/pages/complaint/mine/index' });
});
