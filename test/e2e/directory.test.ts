/**
 * The H5 build in headless Chromium against the real local app (SQLite + demo data): find nearby
 * stations from the browser's position, search, open a station page and read its public
 * disclosure; the region picker when location is refused; elder mode's larger text.
 * Screenshots: .cache/e2e/directory-*.png (look at them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { StationDetail } from '../../core/station/api';
import { centreOf, settled } from './support/browser';
import { ROOT, startHarness, type Harness } from './support/harness';

/** Near 于都县城. The browser reports WGS-84; the app converts to GCJ-02 before asking. */
const YUDU = { latitude: 25.952, longitude: 115.415 };
const HOURS_LABELS = ['营业中', '已打烊', '今日休息', '未开门'];
const TRUST_CLASSES = ['badge-certified', 'badge-notice', 'badge-uncertified', 'badge-closed', 'badge-rectification'];

let h: Harness;
/** Page errors, console errors and failed requests of the current test (favicon aside). */
let problems: string[] = [];
/** Browsers opened by the current test, closed after it. */
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Say what is missing instead of timing out on a blank page.
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: run `npx tsx scripts/e2e.ts` (builds it) or `npm run build:h5` first');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`no browser at ${chromium}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (!cjk.error && !cjk.stdout.trim()) throw new Error('no Chinese font installed (screenshots would show boxes): apt-get install -y fonts-noto-cjk');
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

beforeEach(() => {
  problems = [];
});

afterEach(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  contexts = [];
  expect(problems).toEqual([]);
});

async function open(opts: Parameters<Harness['open']>[0] = {}): Promise<{ page: Page; telRequests: string[] }> {
  const { page, context } = await h.open(opts);
  contexts.push(context);
  const telRequests: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url)) problems.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('request', (r: Request) => {
    if (r.url().startsWith('tel:')) telRequests.push(r.url());
  });
  return { page, telRequests };
}

/**
 * Tap a picker level and wait for the next one. Under CPU load (CI runs browser files side by
 * side) a tap that lands while Taro is still sliding the list in is sometimes lost, as a person's
 * would be; the person taps again, so does this (once), then waits as usual.
 */
async function tapThrough(page: Page, selector: string, next: string): Promise<void> {
  await tap(page, selector);
  const shown = await page.locator(next).first().waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
  if (shown) return;
  if (await page.locator(selector).first().isVisible()) await tap(page, selector);
  await page.locator(next).first().waitFor({ state: 'visible' });
}

/**
 * Tap an element like a finger does: wait for it, scroll it into view, check that it is really the
 * topmost thing at its centre (document.elementFromPoint), then a touchscreen tap there.
 * (Playwright's own click/tap hit-test reports the index page's <taro-pull-to-refresh-core>
 * as "intercepting" some buttons — elementsFromPoint lists that ancestor first — although
 * real input events reach the button; this check uses the browser's own hit test instead.)
 */
async function tap(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.waitFor({ state: 'visible' });
  await el.scrollIntoViewIfNeeded();
  await settled(page, selector);
  const { x, y, covered } = await centreOf(el);
  if (covered) throw new Error(`${selector} is covered by ${covered} at (${Math.round(x)}, ${Math.round(y)})`);
  await page.touchscreen.tap(x, y);
}

/** Scroll an element to the top of the viewport, then wait for it to stand still. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await settled(page, selector);
}

/** Poll a Node-side condition (events the page has reported). */
async function until(cond: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function api<T>(action: string, data: object): Promise<T> {
  const res = await fetch(`${h.baseUrl}/api/stations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`stations.${action}: ${JSON.stringify(body.error)}`);
  return body.data;
}

interface CardInfo {
  id: string;
  name: string;
  distance: string;
  place: string;
  badges: { cls: string; text: string }[];
}

function cardsOf(page: Page, pageId: string): Promise<CardInfo[]> {
  return page.evaluate((root) => {
    const text = (el: Element | null) => (el?.textContent ?? '').trim();
    return Array.from(document.querySelectorAll(`#${root} #station-list .station-card`)).map((card) => ({
      id: card.id.replace(/^station-/, ''),
      name: text(card.querySelector('.station-card__name')),
      distance: text(card.querySelector('.station-card__distance')),
      place: text(card.querySelector('.station-card__place')),
      badges: Array.from(card.querySelectorAll('.badge')).map((b) => ({ cls: b.getAttribute('class') ?? '', text: text(b) })),
    }));
  }, pageId);
}

function metres(text: string): number {
  const m = /([\d.]+)\s*(米|公里)/.exec(text);
  if (!m) throw new Error(`no distance in «${text}»`);
  return Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
}

function expectBadges(cards: CardInfo[]): void {
  for (const c of cards) {
    const hours = c.badges.find((b) => b.cls.includes('badge-hours'));
    expect({ id: c.id, hours: hours && HOURS_LABELS.includes(hours.text) }).toEqual({ id: c.id, hours: true });
    expect({ id: c.id, trust: c.badges.some((b) => TRUST_CLASSES.some((t) => b.cls.includes(t))) }).toEqual({ id: c.id, trust: true });
  }
}

/** Font sizes (px) of every visible element that holds text of its own, inside `root`. */
function textSizes(page: Page, root: string): Promise<{ cls: string; text: string; px: number }[]> {
  return page.evaluate((sel) => {
    const out: { cls: string; text: string; px: number }[] = [];
    document.querySelectorAll(`${sel} *`).forEach((el) => {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!own) return;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) return;
      out.push({ cls: el.getAttribute('class') ?? el.tagName.toLowerCase(), text: (el.textContent ?? '').trim().slice(0, 20), px: parseFloat(getComputedStyle(el).fontSize) });
    });
    return out;
  }, root);
}

async function fontPx(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test('nearby (geolocation near 于都) → list by distance with badges → search "gjz" → station page with its full disclosure', async () => {
  const { page, telRequests } = await open({ geolocation: YUDU });
  await page.goto(`${h.baseUrl}/`);
  await settled(page, '#page-index #btn-locate');
  expect(await page.locator('#page-index #demo-banner').innerText()).toContain('演示数据');

  await tap(page, '#page-index #btn-locate');
  await page.locator('#page-index #station-list').waitFor();
  expect(await page.locator('#page-index #list-context').innerText()).toContain('按距离排序');
  const nearby = await cardsOf(page, 'page-index');
  expect(nearby.length).toBeGreaterThanOrEqual(10);
  const distances = nearby.map((c) => metres(c.distance));
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(distances[0]).toBeLessThan(3000);
  expect(nearby[0].place).toContain('于都县');
  expectBadges(nearby);
  await settled(page, '#page-index #station-list');
  await h.shot(page, 'directory-01-nearby');

  await page.locator('#page-index #search-input input').fill('gjz');
  await tap(page, '#page-index #search-submit');
  await page.locator('#page-index #list-context', { hasText: '搜索“gjz”' }).waitFor();
  await page.locator('#page-index #station-list').waitFor();
  const found = await cardsOf(page, 'page-index');
  expect(found.length).toBeGreaterThan(0);
  expect(found[0].name).toContain('贡江');
  expectBadges(found);
  await settled(page, '#page-index #station-list');
  await h.shot(page, 'directory-02-search-gjz');

  const target = found.find((c) => c.name.includes('贡江镇服务站')) ?? found[0];
  const expected = await api<StationDetail>('get', { id: target.id });
  await tap(page, `#page-index #station-${target.id}`);
  await page.locator('#page-station #station-name').waitFor();
  await settled(page, '#page-station #station-name');
  expect(page.url()).toContain(`/pages/station/index?id=${encodeURIComponent(target.id)}`);

  const p = '#page-station';
  expect(await page.locator(`${p} #station-name`).innerText()).toBe(expected.name);
  expect(HOURS_LABELS).toContain((await page.locator(`${p} #hours-state`).innerText()).trim());
  expect(await page.locator(`${p} #hours-week .table__row`).count()).toBe(expected.week.length);
  const fees = await page.locator(`${p} #section-fees .fee__item`).allInnerTexts();
  expect(fees).toEqual(expected.fees.map((f) => f.item));
  const commitments = await page.locator(`${p} #section-commitments .bullet__text`).allInnerTexts();
  expect(commitments).toEqual(expected.commitments);
  const channels = await page.locator(`${p} #section-channels`).innerText();
  for (const c of expected.complaintChannels) expect(channels).toContain(c.value);
  expect(channels).toContain('12345');
  expect(expected.certification).not.toBeNull();
  expect(await page.locator(`${p} #cert-no`).innerText()).toBe(expected.certification!.certificateNo);
  expect(await page.locator(`${p} #station-phone`).innerText()).toBe(expected.phone);
  await h.shot(page, 'directory-03-station-top');

  await scrollTo(page, `${p} #section-hours`);
  await h.shot(page, 'directory-04-station-hours-services');
  await scrollTo(page, `${p} #section-commitments`);
  await h.shot(page, 'directory-05-station-commitments-fees');
  await scrollTo(page, `${p} #section-channels`);
  await h.shot(page, 'directory-06-station-channels-contact');

  // 导航 on H5: no WeChat map, so the address and GCJ-02 coordinates are shown instead.
  await tap(page, `${p} #btn-navigate`);
  await page.locator(`${p} #place-fallback`).waitFor();
  expect(await page.locator(`${p} #station-coords`).innerText()).toContain(`${expected.location.lat.toFixed(5)}, ${expected.location.lng.toFixed(5)}`);
  await scrollTo(page, `${p} #station-detail .actions`);
  await h.shot(page, 'directory-07-station-navigate-fallback');

  // 打电话 on H5 hands a tel: link to the phone.
  await tap(page, `${p} #btn-call`);
  await until(() => telRequests.length > 0, 'a tel: request');
  expect(telRequests).toEqual([`tel:${expected.phone.replace(/\D/g, '')}`]);
});

test('search "贡江" (Chinese) finds 贡江 stations', async () => {
  const { page } = await open();
  await page.goto(`${h.baseUrl}/`);
  await page.locator('#page-index #search-input input').fill('贡江');
  await page.locator('#page-index #search-input input').press('Enter');
  await page.locator('#page-index #list-context', { hasText: '搜索“贡江”' }).waitFor();
  await page.locator('#page-index #station-list').waitFor();
  const found = await cardsOf(page, 'page-index');
  expect(found.filter((c) => c.name.includes('贡江')).length).toBeGreaterThan(0);
});

test('location refused → 没有定位权限 → region picker 赣州市 → 于都县 → county list', async () => {
  const { page } = await open(); // no geolocation permission granted: the browser refuses
  await page.goto(`${h.baseUrl}/`);
  await tap(page, '#page-index #btn-locate');
  await page.locator('#page-index #locate-failed').waitFor();
  expect(await page.locator('#page-index #locate-failed').innerText()).toContain('没有定位权限');
  expect(await page.locator('#page-index #btn-open-setting').count()).toBe(0); // weapp only

  await page.locator('#page-index #region-list').waitFor();
  await tap(page, '#page-index #region-3607');
  await page.locator('#page-index #region-360731').waitFor();
  expect(await page.locator('#page-index .region-picker__crumbs').innerText()).toContain('赣州市');
  await settled(page, '#page-index #region-list');
  await h.shot(page, 'directory-08-region-picker-ganzhou');

  await tap(page, '#page-index #region-360731');
  await tap(page, '#page-index #region-pick-all');
  await page.locator('#page-index #list-context', { hasText: '地区：于都县' }).waitFor();
  await page.locator('#page-index #station-list').waitFor();
  const cards = await cardsOf(page, 'page-index');
  expect(cards.length).toBeGreaterThanOrEqual(10);
  for (const c of cards) expect(c.place).toContain('于都县');
  expect(cards.every((c) => c.distance === '')).toBe(true); // no position, no distance
  expectBadges(cards);
  await settled(page, '#page-index #station-list');
  await h.shot(page, 'directory-09-region-yudu-list');

  // The choice is kept: a reload lists 于都县 again without asking.
  await page.reload();
  await page.locator('#page-index #list-context', { hasText: '地区：于都县' }).waitFor();
});

test('按地区查找 page: 赣州市 → 于都县 → 贡江镇 returns to the list of that township', async () => {
  const { page } = await open();
  await page.goto(`${h.baseUrl}/`);
  await tap(page, '#page-index #btn-region');
  await tapThrough(page, '#page-region #region-3607', '#page-region #region-360731');
  await tapThrough(page, '#page-region #region-360731', '#page-region #region-360731100');
  await tap(page, '#page-region #region-360731100');
  await page.locator('#page-index #list-context', { hasText: '地区：于都县 · 贡江镇' }).waitFor();
  await page.locator('#page-index #station-list').waitFor();
  const cards = await cardsOf(page, 'page-index');
  expect(cards.length).toBeGreaterThan(0);
  for (const c of cards) expect(c.place).toMatch(/于都县( · 贡江镇)?/);
  await settled(page, '#page-index #station-list');
  await h.shot(page, 'directory-10-region-page-gongjiang');
});

test('长辈模式: body text ≥ 18px, big tap targets, remembered', async () => {
  const { page } = await open();
  await page.goto(`${h.baseUrl}/pages/station/index?id=st-360731-000`);
  await settled(page, '#page-station #station-name');
  const bodyText = ['.bullet__text', '.kv__v', '.fee__item', '.step__text', '.channel__value', '.hours-now__detail'].map((c) => `#page-station ${c}`);
  const before = await Promise.all(bodyText.map((s) => fontPx(page, s)));
  expect(Math.max(...before)).toBeLessThan(18);

  await tap(page, '#page-station #elder-toggle');
  await page.locator('#page-station.page--elder').waitFor();
  expect(await page.locator('#page-station #elder-toggle').innerText()).toContain('开');
  const after = await Promise.all(bodyText.map((s) => fontPx(page, s)));
  for (const [i, px] of after.entries()) expect({ el: bodyText[i], px, big: px >= 18 }).toMatchObject({ big: true });
  // No visible text stays small in elder mode.
  const small = (await textSizes(page, '#page-station')).filter((t) => t.px < 18);
  expect(small).toEqual([]);
  for (const id of ['btn-call', 'btn-navigate']) {
    const box = await page.locator(`#page-station #${id}`).boundingBox();
    expect({ id, height: Math.round(box?.height ?? 0) >= 60 }).toEqual({ id, height: true });
  }
  await settled(page, '#page-station #station-name');
  await h.shot(page, 'directory-11-elder-station');
  await scrollTo(page, '#page-station #section-fees');
  await h.shot(page, 'directory-12-elder-station-fees');

  // Remembered across pages and reloads.
  await page.goto(`${h.baseUrl}/`);
  await page.locator('#page-index.page--elder').waitFor();
  await tap(page, '#page-index #btn-locate'); // refused → region picker
  await tapThrough(page, '#page-index #region-3607', '#page-index #region-360731');
  await tapThrough(page, '#page-index #region-360731', '#page-index #region-360731100');
  await tap(page, '#page-index #region-pick-all');
  await page.locator('#page-index #station-list').waitFor();
  expect(await fontPx(page, '#page-index .station-card__hours')).toBeGreaterThanOrEqual(18);
  const smallHome = (await textSizes(page, '#page-index')).filter((t) => t.px < 18);
  expect(smallHome).toEqual([]);
  await settled(page, '#page-index #station-list');
  await h.shot(page, 'directory-13-elder-home-list');
});
