/**
 * Heads' pages: the county's assessment list shows each head's result and parts, marks a reward only
 * after a confirmation and offers no reward to an exempt or failing head; a replacement offers the
 * reserve pool or a new post. The head's page fills the code from a scanned scene and signs in.
 */
import { fireEvent } from '@testing-library/react';
import HeadsAssessmentPage from '@/packages/official/heads/index';
import MyHeadPage from '@/packages/official/heads/mine/index';
import { heads, type AssessmentList, type AssessmentRow, type MyAssessment } from '@/services/heads';
import Taro from '@tarojs/taro';
import { resetTaroAnd, routerParams } from './taro-mock';
import { clickSettled, renderSettled, type } from './act-helpers';

jest.mock('@/services/heads', () => ({
  ...jest.requireActual('@/services/heads'),
  heads: { myTraining: jest.fn(), signIn: jest.fn(), mine: jest.fn(), list: jest.fn(), reward: jest.fn(), reserve: jest.fn(), replace: jest.fn() },
}));
const api = heads as unknown as Record<string, jest.Mock>;

const parts: AssessmentRow['parts'] = [
  { part: 'ledger', label: '台账', score: 100, weight: 25, basis: '3 个月中 3 个月有台账' },
  { part: 'inspection', label: '走访检查', score: null, weight: 20, basis: '本期没有检查' },
  { part: 'complaints', label: '投诉办理', score: 80, weight: 25, basis: '投诉 1 件' },
  { part: 'ratings', label: '群众评价', score: 75, weight: 15, basis: '评价 2 条，平均 4 星' },
  { part: 'training', label: '培训', score: 100, weight: 15, basis: '岗前培训 3 天，2026 年培训 2 次' },
];
const row = (over: Partial<AssessmentRow>): AssessmentRow => ({ stationId: 'st-a', stationName: '贡江镇服务站', headName: '王站长', period: '2026Q3', exempt: false, total: 89.2, grade: 'good', gradeLabel: '良好', parts, decisions: [], ...over });
const list = (rows: AssessmentRow[]): AssessmentList => ({ period: '2026Q3', periodLabel: '2026 年第 3 季度', regionCode: '360731', weights: { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 }, weightsSource: '县定', weightsVary: false, canDecide: true, heads: rows, replaced: [] });

beforeEach(() => resetTaroAnd(api));

describe('the county’s assessment list', () => {
  test('results and parts; reward only after a confirmation, with the note; none for exempt or failing heads', async () => {
    api.list.mockResolvedValue(list([row({}), row({ stationId: 'st-b', exempt: true, total: null, grade: null, gradeLabel: null }), row({ stationId: 'st-c', total: 41, grade: 'fail', gradeLabel: '不合格' })]));
    api.reward.mockResolvedValue({ id: 'st-a.2026Q3.reward', kind: 'reward', label: '表彰奖励', note: '台账规范', total: 89.2, decidedAt: 'x', headName: '王站长', replacement: null });
    const { container } = await renderSettled(<HeadsAssessmentPage />);
    expect(container.querySelector('#heads-total-st-a')?.textContent).toBe('89.2 分 · 良好');
    expect(container.querySelector('#heads-total-st-b')?.textContent).toBe('培育期免考');
    // The weights in force in the county, and where they come from.
    expect(container.querySelector('#heads-weights')?.textContent).toContain('现行权重（县定）：台账 25、走访检查 20、投诉办理 25、群众评价 15、培训 15');
    expect(container.querySelector('#heads-weights')?.textContent).not.toContain('另定了权重');
    expect(container.querySelector('#heads-parts-st-a-inspection')?.textContent).toContain('不计');
    expect(container.querySelector('#btn-heads-reward-st-b')).toBeNull();
    expect(container.querySelector('#btn-heads-reward-st-c')).toBeNull();
    fireEvent.click(container.querySelector('#btn-heads-reward-st-a') as Element);
    // No note: not sent.
    await clickSettled(container, 'btn-heads-confirm-st-a');
    expect(api.reward).not.toHaveBeenCalled();
    type(container, 'heads-note-st-a', '台账规范');
    (Taro.showModal as jest.Mock).mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
    await clickSettled(container, 'btn-heads-confirm-st-a');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认表彰' }));
    expect(api.reward).not.toHaveBeenCalled();
    await clickSettled(container, 'btn-heads-confirm-st-a');
    expect(api.reward).toHaveBeenCalledWith({ stationId: 'st-a', period: '2026Q3', note: '台账规范' });
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  test('replacement: the reserve candidate or a new post, said in the confirmation', async () => {
    api.list.mockResolvedValue(list([row({ total: 41, grade: 'fail', gradeLabel: '不合格' })]));
    api.reserve.mockResolvedValue({ items: [{ applicationId: 'app-1', name: '李四', villageName: '某村', postTitle: '岗位', total: 75, version: 1 }] });
    api.replace.mockResolvedValue({ id: 'x', kind: 'replace', label: '更换负责人', note: 'n', total: 41, decidedAt: 'x', headName: '王站长', replacement: { mode: 'reserve', applicationId: 'app-1', name: '李四' } });
    const { container } = await renderSettled(<HeadsAssessmentPage />);
    await clickSettled(container, 'btn-heads-replace-st-a');
    expect(api.reserve).toHaveBeenCalledWith({ stationId: 'st-a' });
    fireEvent.click(container.querySelector('#heads-pick-st-a-app-1') as Element);
    type(container, 'heads-note-st-a', '连续两个季度不合格');
    await clickSettled(container, 'btn-heads-confirm-st-a');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认更换负责人', content: expect.stringContaining('李四') }));
    expect(api.replace).toHaveBeenCalledWith({ stationId: 'st-a', period: '2026Q3', note: '连续两个季度不合格', applicationId: 'app-1' });
  });
});

describe('the head’s page', () => {
  test('a scanned code fills the form; signing in shows the training', async () => {
    routerParams.current = { scene: encodeURIComponent('t=7K3M9P') };
    api.myTraining.mockResolvedValue({ stationName: '贡江镇服务站', year: 2026, preJobDays: 0, thisYear: 0, behind: ['岗前培训 0 天，应不少于 3 天'], records: [] });
    const mine: MyAssessment = { stationName: '贡江镇服务站', headName: '王站长', periodLabel: '2026 年第 3 季度', period: '2026Q3', exempt: false, total: 89.2, grade: 'good', gradeLabel: '良好', parts, decisions: [{ id: 'd', kind: 'reward', label: '表彰奖励', note: '台账规范', total: 89.2, decidedAt: 'x', headName: '王站长', replacement: null }] };
    api.mine.mockResolvedValue(mine);
    api.signIn.mockResolvedValue({ title: '直播培训', date: '2026-12-05', days: 1, kind: 'annual' });
    const { container } = await renderSettled(<MyHeadPage />);
    expect((container.querySelector('#heads-signin-code') as HTMLInputElement).getAttribute('value')).toBe('7K3M9P');
    expect(container.querySelector('#heads-result')?.textContent).toContain('表彰奖励：台账规范');
    expect(container.querySelector('#heads-result-total')?.textContent).toBe('89.2 分 · 良好');
    await clickSettled(container, 'btn-heads-signin');
    expect(api.signIn).toHaveBeenCalledWith({ code: '7K3M9P' });
    expect(container.querySelector('#heads-signin-done')?.textContent).toContain('直播培训');
    expect(api.myTraining).toHaveBeenCalledTimes(2);
  });
});
