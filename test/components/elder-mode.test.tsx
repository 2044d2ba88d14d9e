/** 长辈模式: the toggle adds the root class, persists, and follows WeChat's font size until chosen. */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import { ELDER_KEY, resetElderModeForTest } from '@/store/elder';
import { resetTaro, storage, systemInfo } from './taro-mock';

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
});

function renderPage() {
  return render(
    <PageShell id='page-test'>
      <></>
    </PageShell>,
  );
}

test('off by default; the toggle adds page--elder on the root and persists "on"', () => {
  const { container } = renderPage();
  const root = container.querySelector('#page-test')!;
  const toggle = container.querySelector('#elder-toggle')!;
  expect(root.className).not.toContain('page--elder');
  expect(toggle.textContent).toContain('关');

  act(() => {
    fireEvent.click(toggle);
  });
  expect(root.className).toContain('page--elder');
  expect(toggle.className).toContain('elder-toggle--on');
  expect(toggle.textContent).toContain('开');
  expect(Taro.setStorageSync).toHaveBeenCalledWith(ELDER_KEY, 'on');

  act(() => {
    fireEvent.click(toggle);
  });
  expect(root.className).not.toContain('page--elder');
  expect(storage.get(ELDER_KEY)).toBe('off');
});

test('every open page follows the switch', () => {
  const a = renderPage();
  const b = render(
    <PageShell id='page-other'>
      <></>
    </PageShell>,
  );
  act(() => {
    fireEvent.click(a.container.querySelector('#elder-toggle')!);
  });
  expect(b.container.querySelector('#page-other')!.className).toContain('page--elder');
});

test('a stored choice is restored', () => {
  storage.set(ELDER_KEY, 'on');
  const { container } = renderPage();
  expect(container.querySelector('#page-test')!.className).toContain('page--elder');
});

test("WeChat's larger font size turns it on, unless the user turned it off", () => {
  systemInfo.fontSizeSetting = 20;
  const first = renderPage();
  expect(first.container.querySelector('#page-test')!.className).toContain('page--elder');
  first.unmount();

  resetElderModeForTest();
  storage.set(ELDER_KEY, 'off');
  const second = renderPage();
  expect(second.container.querySelector('#page-test')!.className).not.toContain('page--elder');
});
