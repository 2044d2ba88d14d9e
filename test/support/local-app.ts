/**
 * The whole local app (SQLite + local platform + HTTP server) for server tests: a temp data
 * directory, demo data, a fixed clock that tests move by hand, and `call()` over real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingNotifier } from '../../adapters/platform/local';
import type { ComplaintFaults } from '../../adapters/sqlite/complaints';
import type { Clock } from '../../core/ports';
import type { Envelope } from '../../core/shared/errors';
import type { Logger } from '../../core/shared/router';
import { createLocalApp, type LocalApp } from '../../server/app';
import { createLocalFunctions, type LocalPlatform } from '../../server/functions';
import { DEFAULT_LIMITS, type Limit } from '../../core/shared/rate-limit';

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  private t: number;
  constructor(iso: string) {
    this.t = new Date(iso).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000;
  }
}

export { DEMO, HEAD_STATION, type DemoKey } from './demo';

export interface CallResult<T = unknown> {
  status: number;
  body: Envelope<T>;
}

export interface TestApp {
  app: LocalApp;
  clock: FixedClock;
  notifier: ReturnType<typeof recordingNotifier>;
  base: string;
  dir: string;
  /** POST /api/<fn> with { action, data, requestId? } as `openid` (null: no identity header). */
  call<T = unknown>(fn: string, action: string, data?: unknown, openid?: string | null, requestId?: string): Promise<CallResult<T>>;
  /**
   * The same handlers in-process over the same database (no HTTP): for setting records up fast.
   * The event goes through a JSON round trip, as it would over the wire.
   */
  direct<T = unknown>(fn: string, action: string, data?: unknown, openid?: string | null, requestId?: string): Promise<Envelope<T>>;
  /** direct() that fails the test unless the answer is ok; returns data. */
  okDirect<T = any>(fn: string, action: string, data?: unknown, openid?: string | null, requestId?: string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Like call() but fails the test unless the answer is ok; returns data. */
  ok<T = any>(fn: string, action: string, data?: unknown, openid?: string | null, requestId?: string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface StartOptions {
  now?: string;
  logger?: Logger;
  accessLog?: (entry: Record<string, unknown>) => void;
  faults?: ComplaintFaults;
  platform?: Partial<LocalPlatform>;
  /** Rate limits; default ROOMY_LIMITS (test/server/rate-limits.test.ts runs the real defaults). */
  limits?: Record<string, Limit>;
}

/** Every default limit × 1000: counters are kept as usual, but a test's bursts stay under them. */
export const ROOMY_LIMITS: Record<string, Limit> = Object.fromEntries(
  Object.entries(DEFAULT_LIMITS).map(([k, l]) => [k, { windowS: l.windowS, max: l.max * 1000, staffMax: (l.staffMax ?? l.max) * 1000 }]),
);

let counter = 0;
/** A fresh, valid requestId. */
export function rid(prefix = 'req'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function startApp(opts: StartOptions = {}): Promise<TestApp> {
  const dir = await mkdtemp(join(tmpdir(), 'zdt-test-'));
  const clock = new FixedClock(opts.now ?? '2026-09-30T02:00:00.000Z');
  const notifier = recordingNotifier();
  const app = await createLocalApp({
    dbFile: join(dir, 'db', 'zdt.sqlite'),
    keyFile: join(dir, 'keys', 'data-keys.txt'),
    uploadsDir: join(dir, 'uploads'),
    demo: true,
    platform: { clock, notifier, limits: opts.limits ?? ROOMY_LIMITS, ...opts.platform },
    logger: opts.logger,
    accessLog: opts.accessLog,
    faults: opts.faults,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  async function call<T>(fn: string, action: string, data?: unknown, openid: string | null = null, requestId?: string): Promise<CallResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers['x-wx-openid'] = openid;
    const body: Record<string, unknown> = { action };
    if (data !== undefined) body.data = data;
    if (requestId !== undefined) body.requestId = requestId;
    const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Envelope<T> };
  }

  const inProcess = createLocalFunctions(app.stores, app.platform).functions;
  async function direct<T>(fn: string, action: string, data?: unknown, openid: string | null = null, requestId?: string): Promise<Envelope<T>> {
    const event: Record<string, unknown> = { action };
    if (data !== undefined) event.data = data;
    if (requestId !== undefined) event.requestId = requestId;
    return (await inProcess[fn](JSON.parse(JSON.stringify(event)), { openid })) as Envelope<T>;
  }

  return {
    app,
    clock,
    direct,
    notifier,
    base,
    dir,
    call,
    async ok(fn, action, data, openid, requestId) {
      const r = await call(fn, action, data, openid, requestId);
      if (!r.body.ok) throw new Error(`${fn}.${action} as ${openid}: ${r.status} ${JSON.stringify(r.body.error)}`);
      return r.body.data as never;
    },
    async okDirect(fn, action, data, openid, requestId) {
      const r = await direct(fn, action, data, openid, requestId);
      if (!r.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(r.error)}`);
      return r.data as never;
    },
    raw: (path, init) => fetch(`${base}${path}`, init),
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Count rows of a table (tests only; the name is a literal from the test). */
export function countRows(app: LocalApp, table: string, where = '', ...params: unknown[]): number {
  return app.db.prepare(`SELECT count(*) FROM ${table}${where ? ` WHERE ${where}` : ''}`).pluck().get(...params) as number;
}

/**
 * Registers the set-up every HTTP test file repeats: start the app before the file's (or the
 * describe block's) tests, close it after; `each` gives every test a fresh app. The returned
 * handle forwards to the app running at the time, so tests use it as they would the app itself.
 */
export function appForTests(opts: StartOptions = {}, { each = false, timeout }: { each?: boolean; timeout?: number } = {}): TestApp {
  let current: TestApp | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    current = await startApp(opts);
  }, timeout);
  (each ? afterEach : afterAll)(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!current) throw new Error('The test app runs only inside the tests and their hooks.');
      return current[key as keyof TestApp];
    },
  });
}
