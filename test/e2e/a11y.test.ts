/**
 * axe-core over every page of the H5 build, in normal and 长辈模式, as the identity that can see it:
 * 0 violations. Data the detail pages need (a complaint, a post) is created through the API first.
 * Also: buttons and switches are reachable with Tab and have a role and a name.
 */
import type { Page } from 'playwright-core';
import { browserSuite, call, shanghaiDay } from './support/browser';
import { axeViolations } from './support/axe';
import { DEMO, HEAD_STATION } from '../support/demo';
import { rubric } from '../support/rubric';

const { h, browsers } = browserSuite();

/** Open `path` fresh, wait for its data (no skeleton, network quiet), run axe over the page. */
async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(`${h.baseUrl}${path}`);
  await page.locator('.page').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.skeleton') && document.getAnimations().every((a) => a.playState !== 'running'), undefined, { polling: 100, timeout: 15_000 });
  const violations = await axeViolations(page);
  return violations.map((v) => `${path}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` +${v.nodes.length - 3}` : ''}`);
}

async function pagesFor(): Promise<{ openid?: string; paths: string[] }[]> {
  const complaint = await call<{ id: string }>(h, 'complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递多收了 5 元，没有收据。' }, DEMO.resident1, 'a11y-complaint-1');
  const post = await call<{ id: string; version: number }>(h, 'recruitment', 'createPost', {
    title: '贡江镇服务站负责人',
    stationId: HEAD_STATION,
    requirements: ['会用智能手机'],
    rubric: rubric({ 电商技能: 60, 群众认可: 40 }),
    opensOn: shanghaiDay(),
    closesOn: shanghaiDay(14),
  }, DEMO.county);
  await call(h, 'recruitment', 'openPost', { id: post.id, version: post.version }, DEMO.county);
  const id = (s: string) => encodeURIComponent(s);
  return [
    {
      paths: ['/pages/index/index', `/pages/station/index?id=${HEAD_STATION}`, '/pages/map/index', '/pages/region/index', '/packages/apply/index/index', `/packages/apply/post/index?id=${id(post.id)}`, '/packages/apply/notices/index'],
    },
    {
      openid: DEMO.resident1,
      paths: [
        '/pages/me/index',
        `/pages/complaint/new/index?stationId=${HEAD_STATION}`,
        '/pages/complaint/mine/index',
        '/pages/report-unlisted/index',
        `/pages/complaint/detail/index?id=${id(complaint.id)}`,
        '/pages/rating/mine/index',
        `/packages/apply/form/index?postId=${id(post.id)}`,
        '/packages/apply/mine/index',
        '/packages/official/accept/index',
      ],
    },
    { openid: DEMO.stationHead, paths: ['/packages/official/home/index', '/packages/official/station/index', '/packages/official/sign/index?id=st-360731100-000', `/packages/official/edit/index?stationId=${HEAD_STATION}`] },
    {
      openid: DEMO.county,
      paths: [
        '/packages/official/home/index',
        '/packages/official/queue/index',
        `/packages/official/complaint/index?id=${id(complaint.id)}`,
        '/packages/official/stats/index',
        '/packages/official/ratings/index',
        '/packages/official/posts/index',
        '/packages/official/post-new/index',
        `/packages/official/post/index?id=${id(post.id)}`,
        '/packages/official/training/index',
        '/packages/official/edits/index',
        '/packages/official/record/index',
        '/packages/official/coverage/index',
        '/packages/official/unlisted/index',
        '/packages/official/settings/index',
      ],
    },
    { openid: DEMO.province, paths: ['/packages/official/admin/index'] },
  ];
}

let groups: { openid?: string; paths: string[] }[] = [];
beforeAll(async () => {
  groups = await pagesFor();
}, 60_000);

for (const elder of [false, true]) {
  test(`axe: no violations on any page${elder ? ' in 长辈模式' : ''}`, async () => {
    const found: string[] = [];
    for (const g of groups) {
      const page = await browsers.open({ openid: g.openid });
      await page.context().addInitScript((on: string) => window.localStorage.setItem('zdt.elderMode', JSON.stringify({ data: on })), elder ? 'on' : 'off');
      for (const path of g.paths) {
        found.push(...(await audit(page, path)));
        if (elder) expect(await page.locator('.page--elder').count()).toBeGreaterThan(0);
      }
      await page.context().close();
    }
    expect(found).toEqual([]);
    expect(browsers.problems).toEqual([]);
  }, 600_000);
}

test('keyboard: Tab reaches the 长辈模式 switch and the search, buttons have a role and a name', async () => {
  const page = await browsers.open();
  await page.goto(`${h.baseUrl}/pages/index/index`);
  await page.locator('#page-index #elder-toggle').waitFor();
  const sw = page.locator('#page-index #elder-toggle');
  expect(await sw.getAttribute('role')).toBe('switch');
  expect(await sw.getAttribute('aria-checked')).toBe('false');
  // Tab order follows the page: the switch at the top comes before anything below it.
  const order: string[] = [];
  for (let i = 0; i < 40 && !order.includes('elder-toggle'); i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
  }
  expect(order).toContain('elder-toggle');
  await page.keyboard.press('Enter');
  await page.locator('#page-index.page--elder').waitFor();
  expect(await sw.getAttribute('aria-checked')).toBe('true');
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#page-index .btn, #page-index .chip, #page-index .link'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => !el.getAttribute('role') || el.getAttribute('tabindex') === null || !(el.getAttribute('aria-label') || el.textContent?.trim()))
      .map((el) => el.id || el.className),
  );
  expect(unnamed).toEqual([]);
  expect(browsers.problems).toEqual([]);
});
