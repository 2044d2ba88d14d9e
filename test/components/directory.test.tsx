/** Home page list states: loading, empty, error → 重试, 加载更多, filters, search, region fallback. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import IndexPage from '@/pages/index/index';
import { ApiError, stations } from '@/services/api';
import { resetDemoForTest } from '@/store/demo';
import { resetElderModeForTest } from '@/store/elder';
import { press } from './act-helpers';
import { summary } from './fixtures';
import { resetTaro } from './taro-mock';

jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('nearby', 'search', 'get', 'regions'));
const nearby = stations.nearby as jest.Mock;
const search = stations.search as jest.Mock;
const regions = stations.regions as jest.Mock;

const HERE = { latitude: 25.95, longitude: 115.41 };

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  resetDemoForTest();
  nearby.mockReset();
  search.mockReset();
  regions.mockReset();
});

async function tapFindNearby(container: HTMLElement) {
  (Taro.getLocation as jest.Mock).mockResolvedValue(HERE);
  await press(container, 'btn-locate');
}

test('asks for location only on a tap, then shows a loading skeleton', async () => {
  const page = deferred<unknown>();
  nearby.mockReturnValue(page.promise);
  const { container } = render(<IndexPage />);
  expect(Taro.getLocation).not.toHaveBeenCalled();
  expect(container.querySelector('#welcome')).not.toBeNull();

  await tapFindNearby(container);
  expect(Taro.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  expect(container.querySelector('#list-loading')).not.toBeNull();
  // H5: the browser's WGS-84 fix is converted to GCJ-02 before asking (offset ≈ 0.003°, 0.005°).
  const input = nearby.mock.calls[0][0];
  expect(input.lat).toBeCloseTo(25.9474, 3);
  expect(input.lng).toBeCloseTo(115.4153, 3);
  expect(input.limit).toBe(20);

  await act(async () => page.resolve({ items: [summary()], nextCursor: null }));
  expect(container.querySelector('#list-loading')).toBeNull();
  expect(container.querySelector('#station-list')!.textContent).toContain('江西电商扶贫工程贡江镇服务站');
  expect(container.querySelector('#list-end')!.textContent).toContain('没有更多了');
});

test('weapp asks WeChat for GCJ-02 directly', async () => {
  process.env.TARO_ENV = 'weapp';
  try {
    nearby.mockResolvedValue({ items: [], nextCursor: null });
    const { container } = render(<IndexPage />);
    await tapFindNearby(container);
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(nearby.mock.calls[0][0]).toMatchObject({ lat: 25.95, lng: 115.41 });
  } finally {
    process.env.TARO_ENV = 'h5';
  }
});

test('empty nearby list suggests searching by region', async () => {
  nearby.mockResolvedValue({ items: [], nextCursor: null });
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  await screen.findByText('附近 20 公里内没有站点，试试按地区查找');
  fireEvent.click(container.querySelector('#btn-empty-action')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/region/index' });
});

test('error shows the message; 重试 calls again', async () => {
  nearby.mockRejectedValueOnce(new ApiError('UNAVAILABLE', '网络不太好，请检查网络后重试')).mockResolvedValueOnce({ items: [summary()], nextCursor: null });
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  await screen.findByText('网络不太好，请检查网络后重试');
  await press(container, 'btn-retry');
  await waitFor(() => expect(container.querySelector('#station-list')).not.toBeNull());
  expect(nearby).toHaveBeenCalledTimes(2);
  expect(nearby.mock.calls[1][0]).toEqual(nearby.mock.calls[0][0]);
});

test('加载更多 sends nextCursor and appends', async () => {
  nearby
    .mockResolvedValueOnce({ items: [summary({ id: 'st-a', name: '甲站' })], nextCursor: 'cur-1' })
    .mockResolvedValueOnce({ items: [summary({ id: 'st-b', name: '乙站' })], nextCursor: null });
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  await screen.findByText('甲站');
  expect(container.querySelector('#list-end')).toBeNull();
  await press(container, 'btn-load-more');
  await screen.findByText('乙站');
  expect(nearby.mock.calls[1][0]).toMatchObject({ cursor: 'cur-1' });
  expect(screen.getByText('甲站')).toBeTruthy();
  expect(container.querySelector('#btn-load-more')).toBeNull();
  expect(container.querySelector('#list-end')!.textContent).toContain('共 2 个站点');
});

test('a failed 加载更多 keeps the list and offers to try again', async () => {
  nearby
    .mockResolvedValueOnce({ items: [summary({ id: 'st-a', name: '甲站' })], nextCursor: 'cur-1' })
    .mockRejectedValueOnce(new ApiError('UNAVAILABLE', '网络不太好，请检查网络后重试'));
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  await screen.findByText('甲站');
  await press(container, 'btn-load-more');
  await screen.findByText('网络不太好，请检查网络后重试');
  expect(screen.getByText('甲站')).toBeTruthy();
  expect(container.querySelector('#btn-load-more')!.textContent).toBe('重新加载');
});

test('filters re-query: 只看营业中, level, service', async () => {
  nearby.mockResolvedValue({ items: [summary()], nextCursor: null });
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  await screen.findByText('江西电商扶贫工程贡江镇服务站');
  await press(container, 'filter-open-now');
  expect(nearby.mock.calls.at(-1)![0]).toMatchObject({ openNow: true });
  expect(container.querySelector('#filter-panel')).toBeNull();
  await press(container, 'filter-toggle');
  await press(container, 'filter-level-village');
  expect(nearby.mock.calls.at(-1)![0]).toMatchObject({ openNow: true, level: 'village' });
  await press(container, 'filter-service-express');
  expect(nearby.mock.calls.at(-1)![0]).toMatchObject({ service: 'express' });
  expect(container.querySelector('#filter-toggle')!.textContent).toContain('筛选（2）');
  // Filtered and empty → offer to clear the filters.
  nearby.mockResolvedValue({ items: [], nextCursor: null });
  await press(container, 'filter-level-county');
  await screen.findByText('没有符合筛选条件的站点，试试减少筛选条件');
  await press(container, 'btn-empty-action');
  const last = nearby.mock.calls.at(-1)![0];
  expect(last.level).toBeUndefined();
  expect(last.service).toBeUndefined();
  expect(last.openNow).toBeUndefined();
});

test('search by pinyin initials', async () => {
  search.mockResolvedValue({ items: [summary()], nextCursor: null });
  const { container } = render(<IndexPage />);
  const input = container.querySelector('#search-input')!;
  await act(async () => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value: 'ydx' } }));
  });
  await press(container, 'search-submit');
  expect(search).toHaveBeenCalledWith(expect.objectContaining({ q: 'ydx', limit: 20 }));
  await screen.findByText('江西电商扶贫工程贡江镇服务站');
  expect(container.querySelector('#list-context')!.textContent).toBe('搜索“ydx”');
});

test('location refused → region picker (city → county → township) → list by region', async () => {
  (Taro.getLocation as jest.Mock).mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
  regions.mockImplementation(({ parentCode }: { parentCode?: string | null }) => {
    if (!parentCode) return Promise.resolve([{ code: '3607', name: '赣州市', level: 'city', hasChildren: true }]);
    if (parentCode === '3607') return Promise.resolve([{ code: '360731', name: '于都县', level: 'county', hasChildren: true }]);
    return Promise.resolve([{ code: '360731100', name: '贡江镇', level: 'township', hasChildren: true }]);
  });
  search.mockResolvedValue({ items: [summary()], nextCursor: null });
  const { container } = render(<IndexPage />);
  await press(container, 'btn-locate');
  expect(container.querySelector('#locate-failed')!.textContent).toContain('没有定位权限');
  await screen.findByText('赣州市');
  await press(container, 'region-3607');
  await act(async () => {
    fireEvent.click(await screen.findByText('于都县'));
  });
  await act(async () => {
    fireEvent.click(await screen.findByText('贡江镇'));
  });
  expect(search).toHaveBeenCalledWith(expect.objectContaining({ regionCode: '360731100' }));
  await screen.findByText('江西电商扶贫工程贡江镇服务站');
  expect(container.querySelector('#list-context')!.textContent).toBe('地区：于都县 · 贡江镇');
  expect(container.querySelector('#region-picker')).toBeNull();
  // Remembered for the next visit.
  expect(Taro.setStorageSync).toHaveBeenCalledWith('zdt.region', { code: '360731100', label: '于都县 · 贡江镇' });
});

test('a region remembered from last time lists at once', async () => {
  (Taro.setStorageSync as jest.Mock)('zdt.region', { code: '360731', label: '于都县' });
  search.mockResolvedValue({ items: [summary()], nextCursor: null });
  render(<IndexPage />);
  await screen.findByText('江西电商扶贫工程贡江镇服务站');
  expect(search).toHaveBeenCalledWith(expect.objectContaining({ regionCode: '360731' }));
});

test('opening a station navigates with its id', async () => {
  nearby.mockResolvedValue({ items: [summary()], nextCursor: null });
  const { container } = render(<IndexPage />);
  await tapFindNearby(container);
  fireEvent.click(await screen.findByText('江西电商扶贫工程贡江镇服务站'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/station/index?id=st-ydgj-01' });
});
