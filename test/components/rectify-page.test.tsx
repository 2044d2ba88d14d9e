/**
 * 站点整改: on 疑似闲置站点 the rules line names the region's own rules, and says when the counties
 * under a city or the province judge their stations by different rules (each by its own county's);
 * an order issued from an inspection shows the inspection's photos the server sends (passed ones).
 */
import { render } from '@testing-library/react';
import RectifyPage from '@/packages/official/rectify/index';
import { account } from '@/services/account';
import { rectify } from '@/services/rectify';
import { clickSettled, flush, renderSettled } from './act-helpers';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { me: jest.fn() } }));
jest.mock('@/services/rectify', () => ({ rectify: { idle: jest.fn(), list: jest.fn(), issue: jest.fn(), get: jest.fn(), forStation: jest.fn(), answer: jest.fn(), verify: jest.fn() } }));
const api = rectify as unknown as Record<string, jest.Mock>;

const RULES = { notOpenComplaints: 3, complaintWindowDays: 90, quietDays: 90, staleInfoDays: 180 };
const candidate = { stationId: 'st-1', stationName: '贡江镇服务站', reasons: [{ code: 'not_open', text: '近 90 天有 1 件“站点长期不开门”投诉' }] };

beforeEach(() => {
  resetTaro();
  routerParams.current = {};
  (account.me as jest.Mock).mockResolvedValue({ openid: 'o-city', roles: [], isOfficial: true, isStationHead: false, isHandler: false });
  api.list.mockResolvedValue({ items: [], nextCursor: null });
});

test.each([
  [true, '各县标准不同，每个站点按所在县的标准判断；本级标准：近 90 天“站点长期不开门”投诉达到 3 件'],
  [false, '依据：近 90 天“站点长期不开门”投诉达到 3 件'],
])('mixed %s: the rules line says so', async (mixed, said) => {
  api.idle.mockResolvedValue({ items: [candidate], rules: RULES, mixed });
  const { container } = await renderSettled(<RectifyPage />);
  await clickSettled(container, 'rectify-tab-idle');
  expect(container.querySelector('#idle-rules')!.textContent).toContain(said);
  expect(container.querySelector('#idle-st-1')!.textContent).toContain('近 90 天有 1 件');
});

test('an order from an inspection shows its checked photos', async () => {
  routerParams.current = { id: 'rx-1' };
  const order = { id: 'rx-1', version: 1, stationId: 'st-1', stationName: '贡江镇服务站', state: 'open', stateLabel: '整改中', problems: ['商品和服务明码标价：没有标价'], photos: ['https://x/p1.jpg'], requiredFixes: '全部商品标价', issuedAt: '2026-12-04T02:00:00Z', dueOn: '2026-12-18', dueProvisional: false, overdue: false, extensions: 0, answer: null, events: [], actions: [] };
  api.get.mockResolvedValue(order);
  const { container } = await renderSettled(<RectifyPage />);
  expect(container.querySelectorAll('#order-photos-rx-1 .photo__img')).toHaveLength(1);
  api.get.mockResolvedValue({ ...order, photos: [] });
  const again = render(<RectifyPage />);
  await flush();
  expect(again.container.querySelector('#order-photos-rx-1')).toBeNull();
});

test('the head who answered sees answer photos being checked, marked, and how many were removed', async () => {
  routerParams.current = { id: 'rx-2' };
  const order = { id: 'rx-2', version: 2, stationId: 'st-1', stationName: '贡江镇服务站', state: 'answered', stateLabel: '已提交整改情况，待核查', problems: ['不开门'], photos: [], requiredFixes: '按时开门', issuedAt: '2026-12-04T02:00:00Z', dueOn: '2026-12-18', dueProvisional: false, overdue: false, extensions: 0, answer: { text: '已按时开门', at: '2026-12-05T02:00:00Z', photos: [], pendingPhotos: ['https://x/wait.jpg'], photosRemoved: 1 }, events: [], actions: [] };
  api.get.mockResolvedValue(order);
  const { container } = await renderSettled(<RectifyPage />);
  expect(container.querySelectorAll('#order-answer-pending-photos-rx-2 .photo__img')).toHaveLength(1);
  expect(container.querySelector('#order-answer-pending-rx-2')?.textContent).toContain('1 张照片正在审核，通过前只有您能看到');
  expect(container.querySelector('#order-answer-removed-rx-2')?.textContent).toContain('1 张照片未通过内容安全检查，已删除');
  expect(container.querySelector('#order-answer-photos-rx-2')).toBeNull();
});
