/**
 * Inspection pages: the checklist must be answered (a failed item needs what is wrong) before
 * anything is sent; the record carries every item; a county official's 下整改通知 asks first and
 * sends the requirements; the dues page lists operators and stations behind.
 */
import { fireEvent, screen } from '@testing-library/react';
import InspectPage from '@/packages/official/inspect/index';
import DuesPage from '@/packages/official/inspect/dues/index';
import { inspections, type StationVisitsView, type VisitView } from '@/services/inspections';
import Taro from '@tarojs/taro';
import { resetTaroAnd, routerParams } from './taro-mock';
import { clickSettled, renderSettled, type } from './act-helpers';

jest.mock('@/services/inspections', () => ({
  inspections: { record: jest.fn(), station: jest.fn(), dues: jest.fn(), toRectification: jest.fn() },
}));
jest.mock('@/services/photos', () => ({
  pickPhotos: jest.fn(async () => ({ ok: true, photos: [{ path: 'blob:one', size: 10 }], dropped: 0 })),
  uploadPhoto: jest.fn(async () => 'upl-abcdefghijk'),
}));
const api = inspections as unknown as Record<string, jest.Mock>;
const ITEMS = ['premises', 'equipment', 'signage', 'pricing', 'public_info', 'cleanliness'];

function visit(over: Partial<VisitView> = {}): VisitView {
  return { id: 'v-1', stationId: 'st-1', stationName: '贡江镇服务站', kind: 'inspection', kindLabel: '检查', visitedOn: '2026-09-30', score: 83, items: ITEMS.map((item) => (item === 'pricing' ? { item: item as 'pricing', label: '商品和服务明码标价', ok: false, note: '没有标价' } : { item: item as 'premises', label: item, ok: true })), problems: ['商品和服务明码标价：没有标价'], photoUrls: [], createdAt: '2026-09-30T02:00:00Z', ...over };
}
function station(over: Partial<StationVisitsView> = {}): StationVisitsView {
  return { station: { id: 'st-1', name: '贡江镇服务站' }, canRecord: true, canRectify: false, items: [], nextOffset: null, ...over };
}

beforeEach(() => {
  resetTaroAnd(api);
  routerParams.current = { stationId: 'st-1' };
});

describe('站点走访', () => {
  test('every item must be answered and a failed one explained before sending; then all items go', async () => {
    api.station.mockResolvedValue(station());
    api.record.mockResolvedValue(visit());
    const { container } = await renderSettled(<InspectPage />);
    expect(container.querySelector('#inspect-empty')).toBeTruthy();
    fireEvent.click(container.querySelector('#btn-inspect-save') as Element);
    expect(screen.getByText(/请检查“场所与功能分区/)).toBeTruthy();
    for (const c of ITEMS) fireEvent.click(container.querySelector(`#check-${c}-${c === 'pricing' ? 'bad' : 'ok'}`) as Element);
    fireEvent.click(container.querySelector('#btn-inspect-save') as Element);
    expect(screen.getByText(/不合格，请写明问题/)).toBeTruthy();
    expect(api.record).not.toHaveBeenCalled();
    type(container, 'check-pricing-note', '鸡蛋没有标价');
    await clickSettled(container, 'btn-inspect-save');
    expect(api.record).toHaveBeenCalledWith({ stationId: 'st-1', kind: 'inspection', items: ITEMS.map((item) => (item === 'pricing' ? { item, ok: false, note: '鸡蛋没有标价' } : { item, ok: true })) });
  });

  test('a guidance visit has no checklist; a photo goes with it', async () => {
    api.station.mockResolvedValue(station());
    api.record.mockResolvedValue(visit({ kind: 'guidance', items: undefined, score: undefined, problems: [] }));
    const { container } = await renderSettled(<InspectPage />);
    fireEvent.click(container.querySelector('#inspect-kind-guidance') as Element);
    expect(container.querySelector('#check-pricing-ok')).toBeNull();
    type(container, 'inspect-note', '讲解农产品上行');
    await clickSettled(container, 'btn-inspect-photo');
    expect(container.querySelectorAll('#inspect-photos .sp-photo')).toHaveLength(1);
    await clickSettled(container, 'btn-inspect-save');
    expect(api.record).toHaveBeenCalledWith({ stationId: 'st-1', kind: 'guidance', note: '讲解农产品上行', photos: ['upl-abcdefghijk'] });
  });

  test('the county: failed items → 下整改通知 asks first, then sends', async () => {
    api.station.mockResolvedValue(station({ canRecord: false, canRectify: true, items: [visit()] }));
    api.toRectification.mockResolvedValue(visit({ rectificationId: 'r-1' }));
    const { container } = await renderSettled(<InspectPage />);
    expect(container.querySelector('#inspect-form')).toBeNull();
    expect(container.querySelector('#visit-v-1')?.textContent).toContain('没有标价');
    fireEvent.click(container.querySelector('#btn-start-rectify-v-1') as Element);
    type(container, 'fixes-v-1', '全部商品标价');
    await clickSettled(container, 'btn-rectify-v-1');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '下达整改通知' }));
    expect(api.toRectification).toHaveBeenCalledWith({ id: 'v-1', requiredFixes: '全部商品标价', workdays: 10 });
  });

  test('the author sees photos still being checked, marked, and how many were removed; others see passed ones only', async () => {
    api.station.mockResolvedValue(station({ items: [visit({ photoUrls: ['https://x/ok.jpg'], pendingPhotoUrls: ['https://x/wait.jpg'], photosRemoved: 1 }), visit({ id: 'v-2', photoUrls: ['https://x/ok2.jpg'] })] }));
    const { container } = await renderSettled(<InspectPage />);
    expect(container.querySelectorAll('#visit-v-1 .sp-photo')).toHaveLength(2);
    expect(container.querySelector('#visit-pending-v-1')?.textContent).toContain('1 张照片正在审核，通过前只有您能看到');
    expect(container.querySelector('#visit-removed-v-1')?.textContent).toContain('1 张照片未通过内容安全检查，已删除');
    expect(container.querySelectorAll('#visit-v-2 .sp-photo')).toHaveLength(1);
    expect(container.querySelector('#visit-pending-v-2')).toBeNull();
    expect(container.querySelector('#visit-removed-v-2')).toBeNull();
  });
});

describe('走访情况', () => {
  test('operators and the stations behind', async () => {
    api.dues.mockResolvedValue({ region: { code: '360731' }, quarter: '2026Q3', year: '2026', stations: 2, operators: [{ operatorName: '于都运营中心', stations: 2, guidanceBehind: 1, trainingBehind: 2 }], behind: [{ stationId: 'st-2', stationName: '水头村服务点', operatorName: '于都运营中心', guidanceThisQuarter: 0, trainingThisYear: 0, inspectionsThisYear: 0, lastVisitOn: null, behind: ['guidance', 'training'] }] });
    const { container } = await renderSettled(<DuesPage />);
    expect(container.querySelector('#dues-operators')?.textContent).toContain('本季度未指导 1 个 · 今年未培训 2 个');
    fireEvent.click(container.querySelector('#due-st-2') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/official/inspect/index?stationId=st-2' });
  });
});
