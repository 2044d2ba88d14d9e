/**
 * `npm run first-screen`: how long a villager on a slow phone link waits for the H5 home page.
 * Headless Chromium (playwright-core, /usr/bin/chromium) throttled through CDP the way issue 9
 * measured it: slow 3G = 400 ms round trip, 400 kbps down and up
 * (Network.emulateNetworkConditions), CPU 4× slower (Emulation.setCPUThrottlingRate). Each run
 * is a fresh browser profile (empty cache), a 375×667 phone, against the real local server with
 * demo data. Reported per run and as the median:
 *   first paint      first contentful paint (the inline shell in src/index.html, or blank before it)
 *   usable           the app's home page is on screen with its buttons working (shell gone)
 *   first station    a returning villager (region saved) sees the first station card
 *   bytes / requests what went over the wire until the first station
 *   opened again     the same phone reopening the page (what the cache saves)
 * Goal: usable ≤ 3 s (the process exits 1 when the median misses it).
 *
 * Options: --runs N (default 3), --dir DIR (an H5 build, default dist/h5), --baseline (serve the
 * build the way the server did before issue 9: uncompressed, `no-cache`, for the "before"
 * figure), --json FILE, --shots (screenshots to .cache/first-screen/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { createLocalApp } from '../server/app';
import { precompressDir } from '../server/h5-static';

const ROOT = resolve(__dirname, '..');
const GOAL_MS = 3000;
const PROFILE = { latency: 400, kbps: 400, cpu: 4 };
const REGION = { code: '360731', label: '赣州市 · 于都县' };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const runs = Math.max(1, Math.min(10, Number(arg('runs') ?? 3)));
const h5Dir = resolve(arg('dir') ?? join(ROOT, 'dist', 'h5'));
const baseline = process.argv.includes('--baseline');
const shots = process.argv.includes('--shots');
const jsonOut = arg('json');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Run {
  firstPaint: number;
  usable: number;
  firstStation: number;
  bytes: number;
  requests: number;
  /** The same villager opening it again (hashed files from the cache). */
  repeatUsable: number;
  repeatBytes: number;
}

/**
 * Marks taken inside the page (performance.now() is ms since navigation start). A string, not a
 * function: tsx would wrap inner functions in a `__name` helper the page does not have.
 */
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const check = () => {
    if (!marks.usable && document.querySelector('#page-index #btn-region') && !document.getElementById('zdt-shell')) marks.usable = performance.now();
    if (!marks.firstStation && document.querySelector('#page-index .station-card')) marks.firstStation = performance.now();
    return !!(marks.usable && marks.firstStation);
  };
  const seen = new MutationObserver(() => {
    if (check()) seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function serve(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  // As buildH5 does: brotli/gzip copies made once, so no run waits for the server to compress.
  if (!baseline) precompressDir(h5Dir);
  const dir = mkdtempSync(join(tmpdir(), 'zdt-first-screen-'));
  const app = await createLocalApp({
    dbFile: join(dir, 'db.sqlite'),
    keyFile: join(dir, 'keys.txt'),
    uploadsDir: join(dir, 'uploads'),
    h5Dir: baseline ? undefined : h5Dir,
    demo: true,
  });
  let server: Server = app.server;
  if (baseline) {
    // Exactly what server/http.ts did before: sirv, uncompressed, every file `no-cache`.
    const old = sirv(h5Dir, { dev: true, etag: true, gzip: false, single: true });
    server = createServer((req, res) => {
      if (/^\/(api|files|dev)\//.test(req.url ?? '')) app.server.emit('request', req, res);
      else
        old(req, res, () => {
          res.writeHead(404).end();
        });
    });
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Warm the server (compression of a fresh build, SQLite pages) so a run measures the link.
  for (const path of ['/', '/pages/index/index']) await fetch(baseUrl + path, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  return {
    baseUrl,
    close: async () => {
      if (server !== app.server) await new Promise<void>((r) => server.close(() => r()));
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(baseUrl: string, n: number): Promise<Run> {
  const profileDir = mkdtempSync(join(tmpdir(), 'zdt-first-screen-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // A returning villager: the region chosen last time (Taro's storage format).
    await context.addInitScript((region) => {
      try {
        window.localStorage.setItem('zdt.region', JSON.stringify({ data: region }));
      } catch {
        /* ignore */
      }
    }, REGION);
    await context.addInitScript({ content: MARKS });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytesPerSecond = (PROFILE.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PROFILE.latency, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests += 1;
    });

    const load = async (label: string) => {
      bytes = 0;
      requests = 0;
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      if (shots && label === 'first') {
        await page.locator('#zdt-shell').waitFor({ state: 'visible', timeout: 60_000 }).catch(() => undefined);
        mkdirSync(join(ROOT, '.cache', 'first-screen'), { recursive: true });
        await page.screenshot({ path: join(ROOT, '.cache', 'first-screen', `${baseline ? 'before' : 'after'}-${n}-shell.png`) }).catch(() => undefined);
      }
      await page
        .waitForFunction(
          () => {
            const m = (window as unknown as { __marks?: Record<string, number> }).__marks;
            return !!(m && m.usable && m.firstStation);
          },
          undefined,
          { timeout: 120_000, polling: 100 },
        )
        .catch(async (err: Error) => {
          const state = await page.evaluate(() => ({ marks: (window as unknown as { __marks?: unknown }).__marks, text: document.body.innerText.slice(0, 200) }));
          throw new Error(`${err.message}\n${JSON.stringify(state)}`);
        });
      const marks = await page.evaluate(() => {
        const m = (window as unknown as { __marks: Record<string, number> }).__marks;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        return { firstPaint: fcp, usable: m.usable, firstStation: m.firstStation };
      });
      if (shots) await page.screenshot({ path: join(ROOT, '.cache', 'first-screen', `${baseline ? 'before' : 'after'}-${n}-${label}.png`) });
      return { ...marks, bytes, requests };
    };
    const first = await load('first');
    const repeat = await load('repeat');
    return { ...first, repeatUsable: repeat.usable, repeatBytes: repeat.bytes };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const server = await serve();
  const results: Run[] = [];
  try {
    for (let i = 1; i <= runs; i += 1) {
      const r = await measure(server.baseUrl, i);
      results.push(r);
      console.info(
        `run ${i}: first paint ${s(r.firstPaint)}, usable ${s(r.usable)}, first station ${s(r.firstStation)}, ${(r.bytes / 1024).toFixed(0)} KB in ${r.requests} requests; again: usable ${s(r.repeatUsable)}, ${(r.repeatBytes / 1024).toFixed(0)} KB`,
      );
    }
  } finally {
    await server.close();
  }
  const summary = {
    profile: `slow 3G: ${PROFILE.latency} ms RTT, ${PROFILE.kbps} kbps, CPU ${PROFILE.cpu}×`,
    build: h5Dir,
    serving: baseline ? 'baseline (uncompressed, no-cache)' : 'server/http.ts',
    runs,
    first_paint_ms: Math.round(median(results.map((r) => r.firstPaint))),
    usable_ms: Math.round(median(results.map((r) => r.usable))),
    first_station_ms: Math.round(median(results.map((r) => r.firstStation))),
    wire_kb: Math.round(median(results.map((r) => r.bytes)) / 1024),
    requests: median(results.map((r) => r.requests)),
    repeat_usable_ms: Math.round(median(results.map((r) => r.repeatUsable))),
    repeat_wire_kb: Math.round(median(results.map((r) => r.repeatBytes)) / 1024),
    goal_usable_ms: GOAL_MS,
  };
  console.info(`\n${summary.profile}; ${summary.serving}; median of ${runs}:`);
  console.info(`  first paint   ${s(summary.first_paint_ms)}`);
  console.info(`  usable        ${s(summary.usable_ms)}   (goal ≤ ${s(GOAL_MS)}: ${summary.usable_ms <= GOAL_MS ? 'met' : 'NOT met'})`);
  console.info(`  first station ${s(summary.first_station_ms)}`);
  console.info(`  over the wire ${summary.wire_kb} KB in ${summary.requests} requests`);
  console.info(`  opened again  usable ${s(summary.repeat_usable_ms)}, ${summary.repeat_wire_kb} KB over the wire`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
  process.exit(summary.usable_ms <= GOAL_MS ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
