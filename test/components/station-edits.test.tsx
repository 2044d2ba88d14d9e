/**
 * Station edits: the review diff shows each changed field with old lines struck and new ones marked;
 * the review page asks before publishing and sends the decision; 退回 needs its reason; the
 * head's form points at the wrong line before anything is sent.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import EditDiff from '@/packages/official/components/EditDiff';
import EditsReviewPage from '@/packages/official/edits/index';
import { formOf, infoOf, sectionOfField } from '@/packages/official/utils/edit-form';
import { edits, type EditView, type PublicInfo } from '@/services/edits';
import Taro from '@tarojs/taro';
import { clickSettled, renderSettled } from './act-helpers';
import { resetTaroAnd } from './taro-mock';

jest.mock('@/services/edits', () => ({
  edits: { queue: jest.fn(), decide: jest.fn(), confirmInfo: jest.fn(), draft: jest.fn(), propose: jest.fn(), withdraw: jest.fn(), close: jest.fn() },
}));
const api = edits as unknown as Record<string, jest.Mock>;

const DIFF = [
  { field: 'fees' as const, label: '收费标准', before: ['代缴电费 免费', '快递寄件 8 元/件'], after: ['代缴电费 免费', '快递寄件 10 元/件'] },
  { field: 'contact' as const, label: '联系方式', before: ['电话 13900000000'], after: ['电话 13800001111'] },
];

function proposal(over: Partial<EditView> = {}): EditView {
  return { id: 'ed-1', stationId: 'st-1', stationName: '贡江镇服务站', kind: 'proposal', kindLabel: '信息修改', status: 'pending', statusLabel: '待审核', createdAt: '2026-09-30T02:00:00Z', diff: DIFF, ...over };
}


beforeEach(() => resetTaroAnd(api));

describe('EditDiff', () => {
  test('each changed field side by side: removed lines struck, added lines marked, unchanged plain', () => {
    const { container } = render(<EditDiff id='d' diff={DIFF} />);
    expect(container.querySelector('#d-fees')?.textContent).toContain('收费标准');
    const removed = Array.from(container.querySelectorAll('.sp-diff__line--removed')).map((n) => n.textContent);
    const added = Array.from(container.querySelectorAll('.sp-diff__line--added')).map((n) => n.textContent);
    expect(removed).toEqual(['－ 快递寄件 8 元/件', '－ 电话 13900000000']);
    expect(added).toEqual(['＋ 快递寄件 10 元/件', '＋ 电话 13800001111']);
    // The unchanged line shows on both sides, unmarked.
    expect(Array.from(container.querySelectorAll('.sp-diff__line')).filter((n) => n.textContent === '代缴电费 免费')).toHaveLength(2);
  });

  test('changed photos: the old and the new photos under their columns', () => {
    const diff = [{ field: 'photos' as const, label: '照片', before: ['1 张照片'], after: ['1 张照片（新加 1 张，删去 1 张）'] }];
    const { container } = render(<EditDiff id='d' diff={diff} photos={{ before: ['/files/upl-old00000001?sig=a'], after: ['/files/upl-new00000001?sig=b'] }} />);
    expect(container.querySelectorAll('#d-photos-before .photo__img')).toHaveLength(1);
    expect(container.querySelectorAll('#d-photos-after .photo__img')).toHaveLength(1);
    expect(container.querySelector('#d-photos')?.textContent).toContain('新加 1 张');
    // Without links (e.g. an old record) the lines alone.
    const bare = render(<EditDiff id='e' diff={diff} />);
    expect(bare.container.querySelector('#e-photos-after')).toBeNull();
  });

  test('no change says so', () => {
    render(<EditDiff id='d' diff={[]} />);
    expect(screen.getByText('没有改动')).toBeTruthy();
  });
});

describe('review page', () => {
  test('通过 asks first, then sends the decision and reloads', async () => {
    api.queue.mockResolvedValue({ items: [proposal()], nextOffset: null });
    api.decide.mockResolvedValue({ ...proposal(), status: 'approved', statusLabel: '已通过' });
    const { container } = await renderSettled(<EditsReviewPage />);
    expect(container.querySelector('#diff-ed-1')).toBeTruthy();
    await clickSettled(container, 'btn-approve-ed-1');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过修改' }));
    expect(api.decide).toHaveBeenCalledWith({ id: 'ed-1', decision: 'approve' });
    expect(api.queue).toHaveBeenCalledTimes(2);
  });

  test('cancelled: nothing is sent', async () => {
    api.queue.mockResolvedValue({ items: [proposal()], nextOffset: null });
    (Taro.showModal as jest.Mock).mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    const { container } = await renderSettled(<EditsReviewPage />);
    await clickSettled(container, 'btn-approve-ed-1');
    expect(api.decide).not.toHaveBeenCalled();
  });

  test('退回 sends the reason; a report offers 信息无变化', async () => {
    api.queue.mockResolvedValue({ items: [proposal(), proposal({ id: 'ed-2', kind: 'report', kindLabel: '信息有误', diff: undefined, report: { topic: 'hours', topicLabel: '营业时间', text: '下午不开门' } })], nextOffset: null });
    api.decide.mockResolvedValue({ ...proposal(), status: 'returned', statusLabel: '已退回' });
    api.confirmInfo.mockResolvedValue({ infoConfirmedOn: '2026-09-30' });
    const { container } = await renderSettled(<EditsReviewPage />);
    fireEvent.click(container.querySelector('#btn-start-return-ed-1') as Element);
    const box = container.querySelector('#return-comment-ed-1') as Element;
    act(() => {
      box.dispatchEvent(new CustomEvent('input', { detail: { value: '电话写错了' } }));
    });
    await clickSettled(container, 'btn-return-ed-1');
    expect(api.decide).toHaveBeenCalledWith({ id: 'ed-1', decision: 'return', comment: '电话写错了' });
    expect(container.querySelector('#btn-start-return-ed-2')).toBeNull();
    await clickSettled(container, 'btn-confirm-info-ed-2');
    expect(api.confirmInfo).toHaveBeenCalledWith('st-1');
  });
});

describe('the head’s form', () => {
  const info: PublicInfo = {
    hours: { weekly: [{ day: 1, intervals: [{ open: '08:00', close: '18:00' }] }], exceptions: [{ date: '2026-10-01', intervals: [], note: '国庆' }] },
    services: ['express'],
    processes: [{ title: '寄快递', steps: ['出示证件', '称重付费'] }],
    commitments: ['明码标价'],
    fees: [{ item: '代缴电费', price: 0, unit: '笔' }],
    complaintChannels: [{ kind: 'hotline_12345', label: '12345 热线', value: '12345' }],
    contact: { phone: '13900000000', personName: '刘站长' },
    photos: [],
  };

  test('the form round-trips the public information', () => {
    expect(infoOf(formOf(info), info)).toEqual({ info, errors: {} });
  });

  test('a wrong line is named in its section; server paths map to sections', () => {
    const form = { ...formOf(info), fees: '代缴电费 0 笔\n寄快递 八元' };
    form.week[2] = '8点到12点';
    expect(infoOf(form, info).errors).toEqual({ hours: expect.stringContaining('周三'), fees: expect.stringContaining('第 2 行') });
    expect(sectionOfField('data.info.fees.0.price')).toBe('fees');
    expect(sectionOfField('data.info.hours.exceptions.3.date')).toBe('exceptions');
    expect(sectionOfField('data.info.complaintChannels')).toBe('channels');
  });
});

describe('信息有误 on the station page', () => {
  test('counts visible characters, asks for a topic and enough words before sending', async () => {
    const report = jest.fn().mockResolvedValue({ received: true });
    const apiModule = jest.requireActual('@/services/api') as { stations: Record<string, unknown> };
    apiModule.stations.report = report;
    const { default: InfoReport } = await import('@/components/station/InfoReport');
    const { container } = render(<InfoReport station={{ id: 'st-1' } as never} />);
    fireEvent.click(container.querySelector('#btn-info-report') as Element);
    const type = (v: string) =>
      act(() => {
        (container.querySelector('#info-report-input') as Element).dispatchEvent(new CustomEvent('input', { detail: { value: v } }));
      });
    fireEvent.click(container.querySelector('#btn-info-report-send') as Element);
    expect(screen.getByText('请选择哪里有误')).toBeTruthy();
    fireEvent.click(container.querySelector('#info-report-topic-hours') as Element);
    type('关门\u200b\u200b\u200b');
    expect(container.textContent).toContain('已写 2 字');
    fireEvent.click(container.querySelector('#btn-info-report-send') as Element);
    expect(container.textContent).toContain('至少 5 个字');
    expect(report).not.toHaveBeenCalled();
    type('下午两点后一直关门');
    await clickSettled(container, 'btn-info-report-send');
    expect(report).toHaveBeenCalledWith({ stationId: 'st-1', topic: 'hours', text: '下午两点后一直关门' });
    expect(container.querySelector('#info-report-sent')).toBeTruthy();
  });
});
