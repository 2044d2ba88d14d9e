/**
 * Issue 9 §22–23 in the workbench: the station head gets the 到店评价 code of their station
 * (printable on H5); an official finds a station and gets its code; irreversible post actions ask
 * first and do nothing on 取消.
 */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import WorkbenchPage from '@/packages/official/home/index';
import PostManagePage from '@/packages/official/post/index';
import { account } from '@/services/account';
import { stations } from '@/services/api';
import { complaintsAdmin } from '@/services/complaints-admin';
import { ratingsAdmin } from '@/services/ratings-admin';
import { recruitment } from '@/services/recruitment';
import { resetElderModeForTest } from '@/store/elder';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { me: jest.fn(), calendar: jest.fn() } }));
jest.mock('@/services/complaints-admin', () => ({ complaintsAdmin: { queue: jest.fn() } }));
jest.mock('@/services/ratings-admin', () => ({ ratingsAdmin: { code: jest.fn() } }));
jest.mock('@/services/recruitment', () => ({ recruitment: { applications: jest.fn(), reserve: jest.fn(), cancelPost: jest.fn(), closePost: jest.fn(), openPost: jest.fn() } }));
jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('search'));
const me = account.me as jest.Mock;
const code = ratingsAdmin.code as jest.Mock;
const search = stations.search as jest.Mock;
const modal = Taro.showModal as unknown as jest.Mock;
const flush = () => act(async () => undefined);

const CODE = { scene: 's=st1', page: 'pages/station/index', image: { contentType: 'image/png', base64: 'iVBORw0KGgo=' } };
const role = (over: object) => ({ id: 'b1', role: 'station_head', label: '站点负责人', scope: { kind: 'station', stationId: 'st-360731100-000' }, scopeLabel: '贡江镇服务站', ...over });

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  (account.calendar as jest.Mock).mockResolvedValue({ warning: null });
  (complaintsAdmin.queue as jest.Mock).mockResolvedValue({ items: [], nextCursor: null });
  code.mockReset().mockResolvedValue(CODE);
  search.mockReset();
});

test('a station head sees their station by name and its code, and can print it', async () => {
  me.mockResolvedValue({ openid: 'h', roles: [role({})], isOfficial: false, isStationHead: true, isHandler: false });
  const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
  const { container } = render(<WorkbenchPage />);
  await flush();
  await flush();
  expect(container.querySelector('#workbench-who')!.textContent).toBe('站点负责人（贡江镇服务站）');
  expect(code).toHaveBeenCalledWith({ stationId: 'st-360731100-000' });
  expect(container.querySelector('#station-code')!.textContent).toContain('贡江镇服务站');
  expect(container.querySelector('#station-code-image')!.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  fireEvent.click(container.querySelector('#btn-print-code')!);
  expect(print).toHaveBeenCalled();
});

test('an official searches a station of the area and gets its code', async () => {
  me.mockResolvedValue({ openid: 'o', roles: [role({ role: 'county_official', label: '县级主管部门', scope: { kind: 'region', regionCode: '360731' }, scopeLabel: '于都县' })], isOfficial: true, isStationHead: false, isHandler: true });
  search.mockResolvedValue({ items: [{ id: 'st-1', name: '罗坳镇服务站' }], nextCursor: null });
  const { container } = render(<WorkbenchPage />);
  await flush();
  await flush();
  expect(container.querySelector('#workbench-who')!.textContent).toBe('县级主管部门（于都县）');
  expect(code).not.toHaveBeenCalled();
  const input = container.querySelector('#station-code-section #search-input input')!;
  fireEvent.input(input, { target: { value: '罗坳' } });
  fireEvent.click(container.querySelector('#station-code-section #search-submit')!);
  await flush();
  fireEvent.click(container.querySelector('#code-station-st-1')!);
  await flush();
  expect(code).toHaveBeenCalledWith({ stationId: 'st-1' });
  expect(container.querySelector('#station-code')!.textContent).toContain('罗坳镇服务站');
});

test('取消岗位 asks first; 取消 in the dialog sends nothing, 确定 cancels the post', async () => {
  routerParams.current = { id: 'post1' };
  const post = { id: 'post1', title: '贡江镇服务站负责人', version: 3, status: 'open', statusLabel: '报名中', stationName: '贡江镇服务站', villageName: null, opensOn: '2025-06-01', closesOn: '2025-06-30', requirements: [], rubric: [], noticeId: null };
  (recruitment.applications as jest.Mock).mockResolvedValue({ post, items: [] });
  (recruitment.cancelPost as jest.Mock).mockResolvedValue({ ...post, status: 'cancelled' });
  const { container } = render(<PostManagePage />);
  await flush();
  modal.mockResolvedValueOnce({ confirm: false, cancel: true });
  fireEvent.click(container.querySelector('#btn-cancel-post')!);
  await flush();
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消这个岗位' }));
  expect(recruitment.cancelPost).not.toHaveBeenCalled();
  fireEvent.click(container.querySelector('#btn-cancel-post')!);
  await flush();
  expect(recruitment.cancelPost).toHaveBeenCalledWith({ id: 'post1', version: 3 });
});
