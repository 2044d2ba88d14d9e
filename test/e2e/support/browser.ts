/**
 * Helpers shared by the flow tests (complaint loop, rating visit, recruitment): a browser that
 * records page errors / console errors / failed requests, finger taps that check the element is
 * really on top, waiting for Taro's page slide-in to settle, text entry into Taro inputs, and
 * direct calls to the local functions as a given identity. Same rules as directory.test.ts: wait
 * for elements, never fixed sleeps; selectors scoped to a page id (H5 keeps earlier pages in the DOM).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ROOT, startHarness, type Harness } from './harness';

/** A started harness, after checking what the browser tests need (the H5 build, Chromium, a CJK font). */
export async function startChecked(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: run `npx tsx scripts/e2e.ts` (builds it) or `npm run build:h5` first');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`no browser at ${chromium}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (!cjk.error && !cjk.stdout.trim()) throw new Error('no Chinese font installed (screenshots would show boxes): apt-get install -y fonts-noto-cjk');
  return startHarness();
}

/** Problems seen by every browser a test opened; `allow` lets a test expect a given failed request. */
export class Browsers {
  problems: string[] = [];
  private contexts: BrowserContext[] = [];
  private allowed: RegExp[] = [];

  constructor(private readonly h: () => Harness) {}

  /** An expected failure (e.g. the 400 a forged code gets): matched against "HTTP <status> <url>" and console text. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  async open(opts: Parameters<Harness['open']>[0] = {}): Promise<Page> {
    const { page, context } = await this.h().open(opts);
    this.contexts.push(context);
    const who = opts.openid ?? 'anonymous';
    const note = (p: string) => {
      if (!this.allowed.some((a) => a.test(p))) this.problems.push(`[${who}] ${p}`);
    };
    page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url)) note(`console.error: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) note(`HTTP ${r.status()} ${r.url()}`);
    });
    return page;
  }

  /** A PC browser (1366×768) as `openid` (none: anonymous), at `path` when given. */
  async pc(openid?: string, path?: string): Promise<Page> {
    const page = await this.open({ ...(openid ? { openid } : {}), mobile: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    if (path) await page.goto(`${this.h().baseUrl}${path}`);
    return page;
  }

  /**
   * A PC browser as `openid` on the officials' workbench, having clicked the tile `#tile-<tile>`,
   * once `#page-<tile> <ready>` has settled; `p` is that page's root selector.
   */
  async pcTile(openid: string, tile: string, ready: string): Promise<{ page: Page; p: string }> {
    const page = await this.pc(openid, '/packages/official/home/index');
    await page.locator(`#tile-${tile}`).click();
    const p = `#page-${tile}`;
    await settled(page, `${p} ${ready}`);
    return { page, p };
  }

  async closeAll(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    this.contexts = [];
    this.allowed = [];
  }
}

/**
 * Taro H5 pages slide in: wait until no CSS animation/transition runs on `selector` or its
 * ancestors and its position stands still (two polls alike).
 */
export async function settled(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    (sel) => {
      const w = window as unknown as { __lastRects?: Record<string, string> };
      const el = document.querySelector(sel);
      if (!el) return false;
      const running = document.getAnimations().some((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return a.playState === 'running' && !!target && target.contains(el);
      });
      const r = el.getBoundingClientRect();
      const rect = `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`;
      w.__lastRects ??= {};
      const still = w.__lastRects[sel] === rect;
      w.__lastRects[sel] = rect;
      return !running && still;
    },
    selector,
    { polling: 50, timeout: 15_000 },
  );
}

/**
 * Where a finger taps `el` (its centre), and what covers that point by the browser's own hit test
 * (document.elementFromPoint): '' when `el` or a child of it is on top.
 */
export function centreOf(el: Locator): Promise<{ x: number; y: number; covered: string }> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const top = document.elementFromPoint(cx, cy);
    const ok = !!top && (top === node || node.contains(top));
    return { x: cx, y: cy, covered: ok ? '' : `${top?.tagName.toLowerCase()}.${top?.getAttribute('class') ?? ''}#${top?.id ?? ''}` };
  });
}

/**
 * Tap like a finger: wait for the element, scroll it into view, wait until it stands still and is
 * the topmost thing at its centre (a toast may cover it for a moment), then a touchscreen tap.
 */
export async function tap(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  // Settle first: scrolling while the page still slides in would scroll sideways too.
  await settled(page, selector);
  await el.scrollIntoViewIfNeeded();
  await settled(page, selector);
  const hit = () => centreOf(el);
  let at = await hit();
  if (at.covered) {
    // Wait (browser-side polling) for whatever covers it — typically a toast — to go away.
    const handle = await el.elementHandle();
    await page
      .waitForFunction(
        (node) => {
          if (!node) return false;
          const r = node.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !!top && (top === node || node.contains(top));
        },
        handle,
        { polling: 50, timeout: 10_000 },
      )
      .catch(() => undefined);
    at = await hit();
    if (at.covered) throw new Error(`${selector} is covered by ${at.covered} at (${Math.round(at.x)}, ${Math.round(at.y)})`);
  }
  await page.touchscreen.tap(at.x, at.y);
}

/** Type into a Taro <Input>/<Textarea> (the id sits on the wrapper; the native field is inside). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = page.locator(`${selector} input, ${selector} textarea`).first();
  await settled(page, selector);
  await field.scrollIntoViewIfNeeded();
  await field.fill(value);
}

/** Scroll an element to the top of the viewport, then wait for it to stand still (for screenshots). */
export async function scrollTo(page: Page, selector: string, block: 'start' | 'center' = 'start'): Promise<void> {
  // Settle first: scrolling while the page still slides in would scroll sideways too.
  await settled(page, selector);
  await page.locator(selector).first().evaluate((el, b) => el.scrollIntoView({ block: b, inline: 'nearest' }), block);
  await settled(page, selector);
}

export async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

/** Wait until the element's text contains `expected`. */
export async function waitText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  await page.locator(selector, { hasText: expected }).first().waitFor({ state: 'visible' });
}

/** Call a local function as `openid` (or anonymous); throws with the server's error. */
export async function call<T>(h: Harness, fn: string, action: string, data: object, openid?: string, requestId?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['X-WX-OPENID'] = openid;
  const res = await fetch(`${h.baseUrl}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }) });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${fn}.${action} as ${openid ?? 'anonymous'}: HTTP ${res.status} ${JSON.stringify(body.error)}`);
  return body.data;
}

/** Choose a real picture (the top left of the page on screen, `width`×`height`) in the file chooser `button` opens. */
export async function pickPicture(page: Page, button: string, name: string, size = { width: 320, height: 240 }): Promise<void> {
  const picture = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
  const chooser = page.waitForEvent('filechooser');
  await page.locator(button).click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: picture });
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from now. */
export function shanghaiDay(days = 0, now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The jest lifecycle every browser test shares: start the checked harness before all tests, close
 * it after, and after each test fail on what the browsers saw (page errors, console errors, failed
 * requests). `h` forwards to the started harness, so tests use it as a plain value. With
 * `keepBrowsers` the pages stay open from one test to the next (a journey told in several tests).
 */
export function browserSuite(opts: { keepBrowsers?: boolean } = {}): { h: Harness; browsers: Browsers } {
  let started: Harness | undefined;
  const current = (): Harness => {
    if (!started) throw new Error('the harness is not started yet: use h inside a test or a hook');
    return started;
  };
  const h = new Proxy({} as Harness, {
    get: (_t, prop) => {
      const value = (current() as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
  const browsers = new Browsers(current);
  beforeAll(async () => {
    started = await startChecked();
  });
  afterAll(async () => {
    await browsers.closeAll();
    await started?.close();
  });
  afterEach(async () => {
    const problems = browsers.problems;
    browsers.problems = [];
    if (!opts.keepBrowsers) await browsers.closeAll();
    expect(problems).toEqual([]);
  });
  return { h, browsers };
}

/**
 * Tap a step of a picker that slides the next level in: a tap during the slide-in is sometimes
 * lost under load, as it would be for a person, who taps again; so does this (once).
 */
export async function tapThrough(page: Page, selector: string, next: string): Promise<void> {
  await tap(page, selector);
  const shown = await page.locator(next).first().waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
  if (shown) return;
  if (await page.locator(selector).first().isVisible()) await tap(page, selector);
  await page.locator(next).first().waitFor({ state: 'visible' });
}
