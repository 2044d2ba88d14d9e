/** H5 local mode: the demo identity switcher on 我的 (list from /dev/identities, current one marked, switching reloads). */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import IdentitySwitcher from '@/components/me/IdentitySwitcher';
import MePage from '@/pages/me/index';
import { clearDemoIdentitiesCache, currentOpenid, setDemoOpenid } from '@/services/identity';
import { resetElderModeForTest } from '@/store/elder';
import { clearAccountCache } from '@/services/account';
import { installExtraTaro, serve } from './feedback-support';
import Taro from '@tarojs/taro';
import { resetTaro } from './taro-mock';

const IDENTITIES = [
  { openid: 'demo-resident-1', role: 'resident', scope: { kind: 'none' }, name: '村民张三（演示）', note: '普通居民：查站点、投诉、评价' },
  { openid: 'demo-county-official-1', role: 'county_official', scope: { kind: 'region', regionCode: '360731' }, name: '于都县商务局干部（演示）', note: '于都县' },
];

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  installExtraTaro();
  clearAccountCache();
  clearDemoIdentitiesCache();
});

test('lists the demo identities, marks the current one, switching stores the openid and reloads', async () => {
  setDemoOpenid('demo-resident-1');
  serve({}, { identities: IDENTITIES });
  const onSwitched = jest.fn();
  const { container } = render(<IdentitySwitcher onSwitched={onSwitched} />);
  const $ = (s: string) => container.querySelector(s);
  await waitFor(() => expect($('#identity-switcher')).not.toBeNull());
  expect($('#identity-demo-resident-1')!.className).toContain('identity--on');
  expect($('#identity-demo-resident-1')!.textContent).toContain('当前');
  expect($('#identity-demo-county-official-1')!.className).not.toContain('identity--on');

  // Tapping the current one does nothing.
  fireEvent.click($('#identity-demo-resident-1')!);
  expect(onSwitched).not.toHaveBeenCalled();

  act(() => {
    fireEvent.click($('#identity-demo-county-official-1')!);
  });
  expect(currentOpenid()).toBe('demo-county-official-1');
  expect(onSwitched).toHaveBeenCalledTimes(1);
  expect($('#identity-demo-county-official-1')!.className).toContain('identity--on');

  act(() => {
    fireEvent.click($('#identity-none')!);
  });
  expect(currentOpenid()).toBeNull();
});

test('not shown when the server has no demo identities', async () => {
  serve({});
  const { container } = render(<IdentitySwitcher onSwitched={jest.fn()} />);
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(container.querySelector('#identity-switcher')).toBeNull();
});

test('never shown in weapp', async () => {
  process.env.TARO_ENV = 'weapp';
  try {
    serve({}, { identities: IDENTITIES });
    const { container } = render(<IdentitySwitcher onSwitched={jest.fn()} />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(container.querySelector('#identity-switcher')).toBeNull();
    expect(Taro.request).not.toHaveBeenCalledWith(expect.objectContaining({ url: '/dev/identities' }));
  } finally {
    process.env.TARO_ENV = 'h5';
  }
});

test('我的: entries to my complaints and ratings, elder mode switch, the switcher in H5 local mode', async () => {
  setDemoOpenid('demo-resident-1');
  serve({ 'account.me': () => ({ openid: 'demo-resident-1', roles: [], isOfficial: false, isStationHead: false, isHandler: false }) }, { identities: IDENTITIES });
  const { container } = render(<MePage />);
  const $ = (s: string) => container.querySelector(s);
  await waitFor(() => expect($('#identity-switcher')).not.toBeNull());
  fireEvent.click($('#me-complaints')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/complaint/mine/index' });
  fireEvent.click($('#me-ratings')!);
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/rating/mine/index' });
  act(() => {
    fireEvent.click($('#me-elder-toggle')!);
  });
  expect($('#page-me')!.className).toContain('page--elder');
  expect($('#more-entries')).not.toBeNull();
});
