/**
 * Browser test harness: the real local app (SQLite, demo data, every handler) on a free port
 * serving the H5 build, and headless Chromium through playwright-core. Screenshots go to
 * .cache/e2e/ so a person can look at them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createLocalApp, type LocalApp } from '../../../server/app';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SHOTS = join(ROOT, '.cache', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  app: LocalApp;
  baseUrl: string;
  /** A fresh browser context (own storage) acting as `openid` (demo identity) or anonymous. */
  open(opts?: { openid?: string; geolocation?: { latitude: number; longitude: number }; mobile?: boolean; /** A fake microphone (a tone), allowed without asking: 说一说. */ fakeMicrophone?: boolean }): Promise<{ page: Page; context: BrowserContext }>;
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'zdt-e2e-'));
  const app = await createLocalApp({
    dbFile: join(dir, 'db.sqlite'),
    keyFile: join(dir, 'keys.txt'),
    uploadsDir: join(dir, 'uploads'),
    h5Dir: join(ROOT, 'dist', 'h5'),
    demo: true,
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];

  return {
    app,
    baseUrl,
    async open(opts = {}) {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', ...(opts.fakeMicrophone ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : [])],
        ...(opts.fakeMicrophone ? { permissions: ['microphone'] } : {}),
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: opts.mobile ?? true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
      });
      contexts.push(context);
      if (opts.openid) {
        // The H5 app keeps the demo identity in local storage (src/services/identity.ts).
        await context.addInitScript((openid: string) => {
          try {
            window.localStorage.setItem('zdt.demoOpenid', JSON.stringify({ data: openid }));
          } catch {
            /* ignore */
          }
        }, opts.openid);
      }
      const page = context.pages()[0] ?? (await context.newPage());
      return { page, context };
    },
    async shot(page, name) {
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
