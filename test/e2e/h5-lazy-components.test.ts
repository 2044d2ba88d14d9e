/**
 * Picker, Textarea and Image reach the H5 build through src/ui/lazy-components.h5.ts (kept out of
 * the first screen's bundle, issue 9 item 16): they must still register and work. The official's
 * date field opens Taro's date picker and 确定 keeps a day; the home page's first download holds
 * none of their code.
 */
import { browserSuite, settled, tap } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('home page download holds no picker, textarea or image component', async () => {
  const page = await browsers.open();
  const scripts: string[] = [];
  page.on('response', async (r) => {
    if (r.url().endsWith('.js')) scripts.push(await r.text());
  });
  await page.goto(`${h.baseUrl}/pages/index/index`);
  await page.locator('#page-index #btn-region').waitFor();
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of ['taro-picker-core', 'taro-textarea-core', 'taro-image-core']) expect(scripts.some((s) => s.includes(`"${tag}"`))).toBe(false);
  expect(browsers.problems).toEqual([]);
});

test('official: the date field opens the date picker, 确定 keeps a day', async () => {
  const page = await browsers.open({ openid: DEMO.county });
  await page.goto(`${h.baseUrl}/packages/official/post-new/index`);
  await settled(page, '#post-closes');
  expect(await page.evaluate(() => !!customElements.get('taro-picker-core'))).toBe(true);
  await tap(page, '#post-closes');
  const picker = page.locator('.weui-picker').last();
  await picker.waitFor({ state: 'visible' });
  await picker.locator('.weui-picker__action').last().click();
  await picker.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => /\d{4}-\d{2}-\d{2}/.test(document.querySelector('#post-closes')?.textContent ?? ''));
  expect(browsers.problems).toEqual([]);
});
