/**
 * 服务信息公示牌 (issue 10 §5): the workbench's station code offers the sign; the sign shows the
 * station's public information, certificate and its signed 到店评价 code; H5 prints, the weapp
 * copies the desk link to print on a PC. No personal contact on the sign.
 */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import WorkbenchPage from '@/packages/official/home/index';
import SignPage, { signLink } from '@/packages/official/sign/index';
import { account } from '@/services/account';
import { ApiError, stations } from '@/services/api';
import { complaintsAdmin } from '@/services/complaints-admin';
import { ratingsAdmin } from '@/services/ratings-admin';
import { resetElderModeForTest } from '@/store/elder';
import { detail } from './fixtures';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { me: jest.fn(), calendar: jest.fn() } }));
jest.mock('@/services/complaints-admin', () => ({ complaintsAdmin: { queue: jest.fn() } }));
jest.mock('@/services/ratings-admin', () => ({ ratingsAdmin: { code: jest.fn() } }));
jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('search', 'get'));
const code = ratingsAdmin.code as jest.Mock;
const get = stations.get as jest.Mock;
const flush = () => act(async () => undefined);

const CODE = { scene: 's=st1', page: 'pages/station/index', image: { contentType: 'image/png', base64: 'iVBORw0KGgo=' } };
const STATION_ID = 'st-360731100-000';
const DETAIL = detail({ id: STATION_ID });

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  process.env.TARO_ENV = 'h5';
  (account.calendar as jest.Mock).mockResolvedValue({ warning: null });
  (complaintsAdmin.queue as jest.Mock).mockResolvedValue({ items: [], nextCursor: null });
  code.mockReset().mockResolvedValue(CODE);
  get.mockReset().mockResolvedValue(DETAIL);
});

afterAll(() => {
  process.env.TARO_ENV = 'h5';
});

test('the workbench offers the station head the sign of their station', async () => {
  (account.me as jest.Mock).mockResolvedValue({
    openid: 'h',
    roles: [{ id: 'b1', role: 'station_head', label: '站点负责人', scope: { kind: 'station', stationId: STATION_ID }, scopeLabel: '贡江镇服务站' }],
    isOfficial: false,
    isStationHead: true,
    isHandler: false,
  });
  const { container } = render(<WorkbenchPage />);
  await flush();
  await flush();
  const open = container.querySelector('#btn-open-sign')!;
  expect(open.textContent).toContain('服务信息公示牌');
  fireEvent.click(open);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/official/sign/index?id=${STATION_ID}` });
});

test('the sign shows name, level, hours, services, fees, commitments, channels, certificate and the signed code; H5 prints', async () => {
  routerParams.current = { id: STATION_ID };
  const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
  const { container } = render(<SignPage />);
  await flush();
  await flush();
  expect(get).toHaveBeenCalledWith({ id: STATION_ID });
  expect(code).toHaveBeenCalledWith({ stationId: STATION_ID });
  const sign = container.querySelector('#station-sign')!.textContent!;
  for (const part of ['服务信息公示牌', DETAIL.name, '乡镇服务站', '周一至周五', '14:00-18:00', '快递收发', '便民缴费', '代收电费', '免费', '快递代寄', '5 元/件', '明码标价', '12345', '400-800-1234', 'JXDSFP-2024-0188', '2024-03-15', '于都县商务局', '国庆节']) {
    expect(sign).toContain(part);
  }
  expect(sign).not.toContain('刘站长');
  expect(sign).not.toContain(DETAIL.phone);
  expect(container.querySelector('#sign-code-image')!.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  fireEvent.click(container.querySelector('#btn-print-sign')!);
  expect(print).toHaveBeenCalled();
  expect(container.querySelector('#btn-copy-sign-link')).toBeNull();
});

test('weapp: no printing; the desk link is copied for a PC', async () => {
  process.env.TARO_ENV = 'weapp';
  routerParams.current = { id: STATION_ID };
  const { container } = render(<SignPage />);
  await flush();
  await flush();
  expect(container.querySelector('#btn-print-sign')).toBeNull();
  fireEvent.click(container.querySelector('#btn-copy-sign-link')!);
  await flush();
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: `https://desk.test/packages/official/sign/index?id=${STATION_ID}` });
  expect(signLink('a b')).toBe('https://desk.test/packages/official/sign/index?id=a%20b');
});

test('a station out of scope says why and offers 重试', async () => {
  routerParams.current = { id: 'st-other' };
  code.mockRejectedValue(new ApiError('FORBIDDEN', '只能查看您负责的站点'));
  const { container } = render(<SignPage />);
  await flush();
  await flush();
  expect(container.querySelector('#sign-error')!.textContent).toContain('只能');
  expect(container.querySelector('#station-sign')).toBeNull();
});
