/**
 * Station page additions: public complaint figures, the rating summary and recent ratings, the
 * 评价 / 投诉 entries, and 到店评价 from a scanned code (`scene`), valid or not.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StationPage from '@/pages/station/index';
import { stations } from '@/services/api';
import { setDemoOpenid } from '@/services/identity';
import { resetDemoForTest } from '@/store/demo';
import { resetElderModeForTest } from '@/store/elder';
import { loadVisit } from '@/store/visit';
import { detail } from './fixtures';
import { fail, flush, installExtraTaro, ratingView, serve, summaryView, type Handler } from './feedback-support';
import { resetTaro, routerParams, storage } from './taro-mock';

jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('nearby', 'search', 'get', 'regions'));
const get = stations.get as jest.Mock;
const SCENE = 'st-ydgj-01.kABCDEFGHIJKL';

const handlers = (over: Record<string, Handler> = {}): Record<string, Handler> => ({
  'complaints.publicStats': () => ({ stationId: 'st-ydgj-01', months: 12, complaints: 7, onTimeRate: 0.857, satisfactionRate: null }),
  'ratings.summary': () => summaryView(),
  'ratings.list': () => ({ items: [ratingView({ visitVerified: true, reply: { text: '谢谢支持', at: '2025-06-05T02:00:00.000Z' } })], nextCursor: null }),
  'ratings.visit': () => ({ stationId: 'st-ydgj-01', stationName: '江西电商扶贫工程贡江镇服务站', visitToken: '1999999999999.kAbcdefghijklmnopqrstuv', expiresAt: new Date(Date.now() + 3 * 3_600_000).toISOString() }),
  ...over,
});

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  resetDemoForTest();
  installExtraTaro();
  setDemoOpenid('demo-resident-1');
  get.mockReset();
  get.mockImplementation(async ({ id }: { id: string }) => detail({ id }));
});

async function open(params: Record<string, string>, over: Record<string, Handler> = {}) {
  const sent = serve(handlers(over));
  routerParams.current = params;
  const r = render(<StationPage />);
  const $ = (s: string) => r.container.querySelector(s);
  // Let the station and section requests answer inside act.
  await act(flush);
  return { ...r, $, sent };
}

test('public complaint figures, rating summary, recent ratings with the head’s reply', async () => {
  const { $ } = await open({ id: 'st-ydgj-01' });
  await waitFor(() => expect($('#complaint-stats')).not.toBeNull());
  expect($('#complaint-stats')!.textContent).toBe('近12个月投诉 7 件，按时办结率 86%，满意率 暂无');
  await waitFor(() => expect($('#rating-overall')).not.toBeNull());
  expect($('#rating-overall')!.textContent).toBe('4.2');
  expect($('#rating-count')!.textContent).toBe('3 人评价，其中到店评价 1 条');
  expect($('#rating-few')!.textContent).toContain('评价较少');
  expect($('#rating-dim-score-pricing')!.textContent).toContain('明码标价/收费合理');
  await waitFor(() => expect($('#rating-list')).not.toBeNull());
  expect($('#rating-list')!.textContent).toContain('站长回复：');
  expect($('#rating-list')!.textContent).toContain('谢谢支持');
  expect($('#rating-list')!.textContent).toContain('到店评价');

  fireEvent.click($('#btn-rate')!);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/rating/new/index?stationId=st-ydgj-01&name=${encodeURIComponent(detail().name)}` });
  fireEvent.click($('#btn-complain')!);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/complaint/new/index?stationId=st-ydgj-01&stationName=${encodeURIComponent(detail().name)}` });
  expect($('#btn-report-pressure')!.textContent).toBe('被诱导好评/差评骚扰？');
});

test('no ratings yet: says so; a manager of the station cannot rate (button disabled with the reason)', async () => {
  const { $ } = await open({ id: 'st-ydgj-01' }, { 'ratings.summary': () => summaryView({ count: 0, overall: null, visitVerified: 0, canRate: false }), 'ratings.list': () => ({ items: [], nextCursor: null }) });
  await waitFor(() => expect($('#rating-none')).not.toBeNull());
  expect($('#btn-rate')!.className).toContain('btn--disabled');
  expect($('#rate-disabled-reason')!.textContent).toContain('不能给它评价');
  fireEvent.click($('#btn-rate')!);
  expect(Taro.navigateTo).not.toHaveBeenCalled();
});

test('a closed station: no online complaint or rating', async () => {
  get.mockResolvedValue(detail({ status: 'closed', statusLabel: '已关停' }));
  const { $ } = await open({ id: 'st-ydgj-01' });
  await waitFor(() => expect($('#section-feedback')).not.toBeNull());
  expect($('#btn-complain')).toBeNull();
  expect($('#section-feedback')!.textContent).toContain('已关停');
  expect($('#rate-disabled-reason')!.textContent).toContain('已关停');
});

test('the pressure report goes to officials with the chosen kind', async () => {
  const { $, sent } = await open({ id: 'st-ydgj-01' }, { 'ratings.report': () => ({ received: true }) });
  await waitFor(() => expect($('#btn-report-pressure')).not.toBeNull());
  fireEvent.click($('#btn-report-pressure')!);
  fireEvent.click($('#btn-report-send')!);
  expect($('#rating-report')!.textContent).toContain('请选择是哪种情况');
  fireEvent.click($('#report-kind-induced_praise')!);
  await act(async () => {
    fireEvent.click($('#btn-report-send')!);
  });
  await waitFor(() => expect($('#rating-report')!.textContent).toContain('已收到'));
  expect(sent.find((s) => s.action === 'report')!.data).toEqual({ stationId: 'st-ydgj-01', kind: 'induced_praise' });
});

test('scanned code (weapp options.scene, still encoded): visit token stored, banner, rating link carries visit=1', async () => {
  const { $, sent } = await open({ scene: encodeURIComponent(SCENE) });
  await waitFor(() => expect($('#visit-banner')).not.toBeNull());
  expect(get).toHaveBeenCalledWith({ id: 'st-ydgj-01' });
  expect(sent.find((s) => s.action === 'visit')!.data).toEqual({ scene: SCENE });
  expect($('#visit-banner')!.textContent).toContain('您已到店，可进行到店评价');
  expect(loadVisit('st-ydgj-01')!.token).toBe('1999999999999.kAbcdefghijklmnopqrstuv');
  fireEvent.click($('#btn-visit-rate')!);
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/rating/new/index?stationId=st-ydgj-01&name=${encodeURIComponent(detail().name)}&visit=1` });
  await waitFor(() => expect($('#btn-rate')!.textContent).toBe('到店评价这个站点'));
});

test('a forged or stale code: clear message, the station page still works, nothing stored', async () => {
  const { $ } = await open({ scene: SCENE }, { 'ratings.visit': () => fail('VALIDATION_ERROR', '这个二维码不是本站点的有效二维码，请扫描站点张贴的官方二维码', { scene: '二维码无效' }) });
  await waitFor(() => expect($('#visit-error')).not.toBeNull());
  expect($('#visit-error')!.textContent).toContain('不是本站点的有效二维码');
  await waitFor(() => expect($('#station-name')).not.toBeNull());
  expect($('#visit-banner')).toBeNull();
  expect(storage.has('zdt.visit.st-ydgj-01')).toBe(false);
});

test('a code that does not even name a station: says so and offers the way home', async () => {
  const { $ } = await open({ scene: 'hello' }, { 'ratings.visit': () => fail('VALIDATION_ERROR', '这个二维码不是本站点的有效二维码，请扫描站点张贴的官方二维码') });
  await waitFor(() => expect($('#visit-error')).not.toBeNull());
  expect($('#station-error')!.textContent).toContain('二维码无效');
  expect(get).not.toHaveBeenCalled();
});
