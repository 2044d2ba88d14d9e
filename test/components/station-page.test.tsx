/** The station page's 第十条3 sections, with the data client mocked. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StationPage from '@/pages/station/index';
import { ApiError, stations } from '@/services/api';
import { resetDemoForTest } from '@/store/demo';
import { resetElderModeForTest } from '@/store/elder';
import { press } from './act-helpers';
import { WED_10AM, detail } from './fixtures';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('nearby', 'search', 'get', 'regions'));
const get = stations.get as jest.Mock;

async function open(station = detail()) {
  get.mockResolvedValue(station);
  routerParams.current = { id: station.id };
  const view = render(<StationPage />);
  await screen.findByText(station.name);
  return view;
}

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  resetDemoForTest();
  get.mockReset();
  // Only the clock is faked: timers and promises run normally.
  jest.useFakeTimers({ now: WED_10AM, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'nextTick', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

test('loads the station by the id in the route', async () => {
  const { container } = await open();
  expect(get).toHaveBeenCalledWith({ id: 'st-ydgj-01' });
  expect(container.querySelector('#station-name')!.textContent).toBe('江西电商扶贫工程贡江镇服务站');
});

test('hours: today state computed on the phone, weekly table, upcoming special days', async () => {
  // The server said "closed"; the page recomputes from the weekly rules at Wed 10:00 → open.
  const { container } = await open(detail({ hours: { state: 'closed', label: '已打烊', detail: 'stale' } }));
  const hours = container.querySelector('#section-hours')!;
  expect(hours.querySelector('#hours-state')!.textContent).toBe('营业中');
  expect(hours.querySelector('#hours-detail')!.textContent).toBe('今天 12:00 打烊');
  expect(hours.textContent).toContain('周一至周五');
  expect(hours.textContent).toContain('08:00-12:00，14:00-18:00');
  expect(hours.textContent).toContain('周日');
  // Past exception (6月2日) hidden, future ones listed with notes.
  expect(hours.textContent).not.toContain('端午节');
  expect(hours.textContent).toContain('10月1日 周三');
  expect(hours.textContent).toContain('休息（国庆节）');
  expect(hours.textContent).toContain('09:00-15:00（调整）');
});

test('hours: closed now shows the next opening', async () => {
  jest.setSystemTime(new Date('2025-06-04T04:30:00Z')); // Wed 12:30 Shanghai, lunch break
  const { container } = await open();
  expect(container.querySelector('#hours-state')!.textContent).toBe('未开门');
  expect(container.querySelector('#hours-detail')!.textContent).toBe('今天 14:00 开门');
});

test('fees: 免费 for 0, "5 元/件", decimals, conditions', async () => {
  const { container } = await open();
  const fees = container.querySelector('#section-fees')!;
  const rows = Array.from(fees.querySelectorAll('.fee')).map((r) => r.textContent);
  expect(rows[0]).toContain('代收电费');
  expect(rows[0]).toContain('免费');
  expect(rows[1]).toContain('快递代寄');
  expect(rows[1]).toContain('5 元/件');
  expect(rows[1]).toContain('1 公斤以内，省内');
  expect(rows[2]).toContain('0.5 元/页');
});

test('complaint channels: each phone channel is callable, online ones are text', async () => {
  const { container } = await open();
  const channels = container.querySelector('#section-channels')!;
  expect(channels.textContent).toContain('于都县商务局');
  expect(channels.textContent).toContain('在“赣服通”搜索 12345 留言');
  expect(channels.querySelectorAll('.btn')).toHaveLength(3);
  fireEvent.click(channels.querySelector('#btn-channel-1')!);
  expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07976331234' });
  fireEvent.click(channels.querySelector('#btn-channel-2')!);
  expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '12345' });
});

test('services, processes, commitments, contact and operator are all shown', async () => {
  const { container } = await open();
  expect(container.querySelector('#section-services')!.textContent).toContain('快递收发');
  const processes = container.querySelector('#section-processes')!;
  expect(processes.textContent).toContain('寄快递');
  expect(processes.querySelectorAll('.step')).toHaveLength(3);
  expect(container.querySelector('#section-commitments')!.textContent).toContain('快递丢失照价赔偿');
  const contact = container.querySelector('#section-contact')!;
  expect(contact.textContent).toContain('刘站长');
  expect(contact.textContent).toContain('于都县电商运营有限公司');
  fireEvent.click(contact.querySelector('#btn-call-operator')!);
  expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4008001234' });
  const facts = container.querySelector('#section-facts')!;
  expect(facts.textContent).toContain('江西省 › 赣州市 › 于都县 › 贡江镇');
  expect(facts.textContent).toContain('淘宝、拼多多');
  expect(facts.textContent).toContain('60 ㎡');
  expect(facts.textContent).toContain('约 1.2万人');
  expect(facts.textContent).toContain('信息核实于 2025年5月20日');
  expect(facts.textContent).not.toContain('信息可能已过期');
});

test('certified: certificate shown; not certified: the 第十一条7 warning', async () => {
  const { container, unmount } = await open();
  const cert = container.querySelector('#section-certification')!;
  expect(cert.textContent).toContain('已认定的电商扶贫站点，可放心办理');
  expect(cert.textContent).toContain('JXDSFP-2024-0188');
  expect(cert.textContent).toContain('2024年3月15日');
  unmount();

  const second = await open(detail({ status: 'notice', statusLabel: '认定公示中', certified: false, certification: null }));
  const warn = second.container.querySelector('#cert-warning')!;
  expect(warn.textContent).toContain('该站点尚未认定，不得以“电商扶贫”名义经营');
  expect(second.container.querySelector('#cert-ok')).toBeNull();
});

test('cultivation period and stale information are flagged', async () => {
  const { container } = await open(detail({ inCultivation: true, cultivationEndsOn: '2025-09-15', stale: true, infoConfirmedOn: '2024-10-01' }));
  expect(container.querySelector('#cultivation')!.textContent).toContain('2025年9月15日');
  expect(container.querySelector('#freshness')!.textContent).toContain('信息可能已过期');
});

test('打电话 dials the station; 导航 on H5 shows coordinates and a copyable address', async () => {
  const { container } = await open();
  fireEvent.click(container.querySelector('#btn-call')!);
  expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07976221234' });
  fireEvent.click(container.querySelector('#btn-navigate')!);
  expect(Taro.openLocation).not.toHaveBeenCalled();
  expect(container.querySelector('#station-coords')!.textContent).toContain('25.95200, 115.41500');
  fireEvent.click(container.querySelector('#btn-copy-place')!);
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '江西电商扶贫工程贡江镇服务站 于都县贡江镇长征大道 18 号' });
});

test('导航 in weapp opens WeChat’s map at the GCJ-02 point', async () => {
  process.env.TARO_ENV = 'weapp';
  try {
    const { container } = await open();
    fireEvent.click(container.querySelector('#btn-navigate')!);
    expect(Taro.openLocation).toHaveBeenCalledWith({ latitude: 25.952, longitude: 115.415, name: '江西电商扶贫工程贡江镇服务站', address: '于都县贡江镇长征大道 18 号', scale: 16 });
  } finally {
    process.env.TARO_ENV = 'h5';
  }
});

test('closed station says so and offers no call / navigate buttons', async () => {
  const { container } = await open(detail({ status: 'closed', statusLabel: '已关停', certified: false, certification: null }));
  expect(container.querySelector('#closed-notice')!.textContent).toContain('该站点已关停');
  expect(container.querySelector('#btn-call')).toBeNull();
  expect(container.querySelector('#btn-navigate')).toBeNull();
  expect(container.querySelector('#closed-notice')!.textContent).toContain('附近 30 公里内没有在办的站点');
});

test('a closed station points to the nearest open one and goes there', async () => {
  const { container } = await open(detail({ status: 'closed', statusLabel: '已关停', certified: false, certification: null, nearestOpen: { id: 'st-ydgj-02', name: '江西电商扶贫工程长龙村服务点', distanceM: 2400 } }));
  expect(container.querySelector('#closed-notice')!.textContent).toContain('离这里最近的在办站点是“江西电商扶贫工程长龙村服务点”（约 2.4 公里）');
  const go = jest.fn(() => Promise.resolve({ errMsg: 'ok' }));
  Object.assign(Taro, { redirectTo: go });
  fireEvent.click(container.querySelector('#btn-nearest-open')!);
  expect(go).toHaveBeenCalledWith({ url: '/pages/station/index?id=st-ydgj-02' });
});

test('demo stations say so', async () => {
  const { container } = await open(detail({ demo: true }));
  expect(container.querySelector('#demo-note')!.textContent).toContain('演示数据');
});

test('error with the server’s message, 重试 asks again', async () => {
  get.mockRejectedValueOnce(new ApiError('UNAVAILABLE', '网络不太好，请检查网络后重试')).mockResolvedValueOnce(detail());
  routerParams.current = { id: 'st-ydgj-01' };
  const { container } = render(<StationPage />);
  expect(container.querySelector('#station-loading')).not.toBeNull();
  await screen.findByText('网络不太好，请检查网络后重试');
  await press(container, 'btn-retry');
  await waitFor(() => expect(container.querySelector('#station-name')).not.toBeNull());
  expect(get).toHaveBeenCalledTimes(2);
});

test('unknown station: the server’s message and the way home, no pointless 重试', async () => {
  get.mockRejectedValue(new ApiError('NOT_FOUND', '没有找到这个站点，可能已被撤销'));
  routerParams.current = { id: 'st-gone' };
  const { container } = render(<StationPage />);
  await screen.findByText('没有找到这个站点，可能已被撤销');
  expect(container.querySelector('#btn-retry')).toBeNull();
  fireEvent.click(container.querySelector('#btn-home')!);
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
});

test('the station’s approved photos show in their own section; none, no section', async () => {
  const { container, unmount } = await open(detail({ photos: ['/files/upl-aaaaaaaaaaaa?exp=1&sig=x', '/files/upl-bbbbbbbbbbbb?exp=1&sig=y'] }));
  expect(container.querySelector('#section-photos')?.textContent).toContain('站点照片');
  expect(container.querySelectorAll('#station-photos .photo__img')).toHaveLength(2);
  unmount();
  const bare = await open(detail({ photos: [] }));
  expect(bare.container.querySelector('#section-photos')).toBeNull();
});
