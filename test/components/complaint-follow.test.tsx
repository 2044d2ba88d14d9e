/**
 * Followers of a case (issue 9 item 9) in the app: the detail page of a case one follows says so,
 * shows the reply and an evaluation form (their own evaluation), hides the complainant's own text;
 * 我的投诉 lists followed cases with a 关注 label; after 我也遇到了 the case can be opened.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ComplaintForm from '@/components/complaint/ComplaintForm';
import MyComplaintsPage from '@/pages/complaint/mine/index';
import type { ComplaintListItem } from '@core/complaint/api';
import { openComplaintDetail } from './complaint-detail';
import { freshScreen, repliedView, serve } from './feedback-support';
import { complaintListItem, OFFICIAL_CASE_FIELDS } from './fixtures';
import { routerParams } from './taro-mock';

beforeEach(() => {
  freshScreen('demo-resident-2');
  routerParams.current = { id: 'cmp-0001-abcdef' };
});

/** What a supporter gets for someone else's answered case (core/complaint/service.ts ownerView). */
const followedView = (over: Parameters<typeof repliedView>[0] = {}) =>
  repliedView({ supporting: true, following: 'supporter', description: '', photos: [], phoneMasked: null, evaluation: null, canEvaluate: true, ...over });

test('a followed, answered case: says why it is shown, the reply, and the follower evaluates it', async () => {
  const { $, container, sent } = await openComplaintDetail(followedView(), {
    'complaints.evaluate': (d) => followedView({ evaluation: d.evaluation as 'basically', canEvaluate: false }),
  });
  expect($('#complaint-following')!.textContent).toContain('您点过“我也遇到了”');
  expect($('#complaint-reply')!.textContent).toContain('已核实，多收的 10 元已退还。');
  // Not their complaint: none of the complainant's own section, no withdraw.
  expect(container.textContent).not.toContain('我反映的情况');
  expect(container.textContent).not.toContain('回电电话');
  expect($('#btn-withdraw')).toBeNull();
  // Their own evaluation: 不满意 does not promise a re-handling.
  expect($('#evaluation-follower-note')!.textContent).toContain('只代表您自己');
  fireEvent.click($('#btn-evaluate-unsatisfied')!);
  expect($('#evaluation-unsatisfied-note')!.textContent).not.toContain('重新办理');
  fireEvent.click($('#btn-evaluate-basically')!);
  await act(async () => {
    fireEvent.click($('#btn-evaluate-submit')!);
  });
  await waitFor(() => expect($('#complaint-evaluation')).not.toBeNull());
  expect(sent.find((s) => s.action === 'evaluate')!.data).toEqual({ id: 'cmp-0001-abcdef', version: 4, evaluation: 'basically' });
  expect($('#complaint-evaluation')!.textContent).toBe('您的评价：基本满意');
  expect($('#evaluation-form')).toBeNull();
});

test('a case one follows through 并单, not answered yet: no evaluation form', async () => {
  const { $ } = await openComplaintDetail(followedView({ following: 'merged', status: 'accepted', statusLabel: '已受理', reply: null, canEvaluate: false }));
  expect($('#complaint-following')!.textContent).toContain('您的投诉已合并到这件投诉一起办理');
  expect($('#evaluation-form')).toBeNull();
  expect($('#complaint-reply')).toBeNull();
});

test('the complainant’s own case shows no 关注 notice', async () => {
  const { $, container } = await openComplaintDetail(repliedView());
  expect($('#complaint-following')).toBeNull();
  expect(container.textContent).toContain('我反映的情况');
});

test('我的投诉 lists followed cases with a 关注 label; tapping one opens it', async () => {
  const item = (over: Partial<ComplaintListItem>) => complaintListItem({ status: 'replied', statusLabel: '已答复', ...over });
  serve({
    'complaints.mine': () => ({
      items: [item({ id: 'cmp-own-000001', trackingNo: 'TS250605AB12CE', status: 'merged', statusLabel: '已并单' })],
      nextCursor: null,
      following: [item({ follow: 'merged' })],
    }),
  });
  const r = render(<MyComplaintsPage />);
  const $ = (s: string) => r.container.querySelector(s);
  await waitFor(() => expect($('#following-cmp-0001-abcdef')).not.toBeNull());
  expect($('#following-label-cmp-0001-abcdef')!.textContent).toBe('关注');
  expect($('#following-cmp-0001-abcdef')!.textContent).toContain('您的投诉已并入这件一起办理');
  expect($('#complaint-cmp-own-000001')).not.toBeNull();
  expect($('#mine-empty')).toBeNull();
  fireEvent.click($('#following-cmp-0001-abcdef')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/complaint/detail/index?id=cmp-0001-abcdef' });
});

test('after 我也遇到了 the case can be opened from the form', async () => {
  serve({
    'complaints.similar': () => [{ id: 'cmp-similar-01', trackingNo: 'TS250601XY12ZZ', categoryLabel: '乱收费/未明码标价', statusLabel: '已受理', submittedOn: '2025-06-01', supporters: 2, mine: false }],
    'complaints.join': () => ({ supporters: 3, added: true }),
  });
  const openComplaint = jest.fn();
  const r = render(<ComplaintForm stationId='st-ydgj-01' stationName='江西电商扶贫工程贡江镇服务站' onSubmitted={jest.fn()} onOpenComplaint={openComplaint} />);
  const $ = (s: string) => r.container.querySelector(s);
  fireEvent.click($('#category-overcharge')!);
  await waitFor(() => expect($('#btn-join-cmp-similar-01')).not.toBeNull());
  expect($('#btn-follow-cmp-similar-01')).toBeNull();
  fireEvent.click($('#btn-join-cmp-similar-01')!);
  await waitFor(() => expect($('#btn-follow-cmp-similar-01')).not.toBeNull());
  expect($('#similar-cmp-similar-01')!.textContent).toContain('处理结果会一并答复');
  fireEvent.click($('#btn-follow-cmp-similar-01')!);
  expect(openComplaint).toHaveBeenCalledWith('cmp-similar-01');
});

test('officials see who follows the case and the followers’ own evaluations', async () => {
  const { default: OfficialComplaintPage } = await import('@/packages/official/complaint/index');
  const base = repliedView({ evaluation: 'satisfied' });
  const view = {
    ...base,
    ...OFFICIAL_CASE_FIELDS,
    dueAt: null,
    followers: {
      supporters: 2,
      merged: 1,
      evaluations: [{ via: 'merged' as const, viaLabel: '并单投诉人', evaluation: 'unsatisfied' as const, label: '不满意', comment: '只退了一半', at: '2025-06-11T02:00:00.000Z' }],
    },
  };
  serve({ 'complaints.detail': () => view });
  const r = render(<OfficialComplaintPage />);
  const $ = (s: string) => r.container.querySelector(s);
  await waitFor(() => expect($('#complaint-followers')).not.toBeNull());
  expect($('#complaint-followers')!.textContent).toContain('并单投诉人 1 人，同样遇到的 2 人');
  expect($('#follower-evaluation-0')!.textContent).toContain('并单投诉人评价：不满意（只退了一半）');
  // The case's own evaluation stays the complainant's.
  expect($('#complaint-reply')!.textContent).toContain('投诉人评价：满意');
});
