/**
 * 疑似闲置站点 on 站点整改: the rules line names the region's own rules, and says when the counties
 * under a city or the province judge their stations by different rules (each by its own county's).
 */
import { act, fireEvent, render } from '@testing-library/react';
import RectifyPage from '@/packages/official/rectify/index';
import { account } from '@/services/account';
import { rectify } from '@/services/rectify';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { me: jest.fn() } }));
jest.mock('@/services/rectify', () => ({ rectify: { idle: jest.fn(), list: jest.fn(), issue: jest.fn(), get: jest.fn(), forStation: jest.fn(), answer: jest.fn(), verify: jest.fn() } }));
const api = rectify as unknown as Record<string, jest.Mock>;

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
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
  const { container } = render(<RectifyPage />);
  await flush();
  fireEvent.click(container.querySelector('#rectify-tab-idle') as Element);
  await flush();
  expect(container.querySelector('#idle-rules')!.textContent).toContain(said);
  expect(container.querySelector('#idle-st-1')!.textContent).toContain('近 90 天有 1 件');
});
