/**
 * The hooks every weapp page test file repeats, once: the file's test timeout (30 s unless
 * `timeoutMs`); set the mini-program up (beforeAll), with the local functions and demo officials
 * unless `local: false`; unmount the page and forget the wx calls after each test; close it all
 * (afterAll). Like test/e2e/support/browser.ts `browserSuite()`,
 * `env` and `page` are proxies, so tests keep using plain values: `await render(url)` makes `page`
 * the new page.
 */
import { wireLocalFunctions, type LocalOptions } from './local-functions';
import { renderPage, setupWeapp, teardownWeapp, type PageHandle, type SetupOptions, type WxEnv } from './simulate';

export type WiredStores = Awaited<ReturnType<typeof wireLocalFunctions>>;

/** A `wx.cloud.callFunction` call as the app made it. */
export interface FunctionCall {
  name: string;
  data: { action: string; data: Record<string, unknown>; requestId?: string };
}

export interface SuiteOptions extends SetupOptions {
  /** Put the real local functions (and the demo officials) behind wx.cloud (default true; or which of them). */
  local?: boolean | LocalOptions;
  /** What the tests start from, after the functions are wired (in the same beforeAll). */
  setup?: (stores: WiredStores, env: WxEnv) => Promise<void> | void;
  /** The test timeout for the file (default 30 s: the built pages run slowly under the simulator). */
  timeoutMs?: number;
}

export interface WeappSuite {
  env: WxEnv;
  /** The page last rendered (unmounted after each test). */
  page: PageHandle;
  /** Render the page at `url` (as `openid` from now on, when given). */
  render(url: string, openid?: string | null): Promise<PageHandle>;
  /** Call cloud function `name` directly (not through a page) as `openid`; throws unless ok; returns its data. */
  call<T = { id: string; version: number }>(name: string, action: string, data: unknown, openid: string | null, requestId?: string): Promise<T>;
  /** The app's calls to cloud function `name` (and `action`, when given), in order. */
  callsOf(name: string, action?: string): FunctionCall[];
}

function proxyOf<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get: (_t, prop) => {
      const target = current() as Record<string | symbol, unknown>;
      const value = target[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_t, prop, value) => {
      (current() as Record<string | symbol, unknown>)[prop] = value;
      return true;
    },
  });
}

export function weappSuite(opts: SuiteOptions = {}): WeappSuite {
  const { local = true, setup, timeoutMs = 30_000, ...setupOpts } = opts;
  jest.setTimeout(timeoutMs);
  let started: WxEnv | null = null;
  let current: PageHandle | null = null;
  const env = proxyOf<WxEnv>(() => {
    if (!started) throw new Error('the weapp is not set up (see the error of beforeAll)');
    return started;
  });
  const page = proxyOf<PageHandle>(() => {
    if (!current) throw new Error('no page yet: call render(url) first');
    return current;
  });

  beforeAll(async () => {
    const e = await setupWeapp(setupOpts);
    started = e;
    if (local) {
      const stores = await wireLocalFunctions(e, local === true ? {} : local);
      await setup?.(stores, e);
    } else if (setup) {
      throw new Error('setup needs the local functions (local: true)');
    }
  });
  afterAll(() => teardownWeapp());
  afterEach(() => {
    current?.unmount();
    current = null;
    started?.clearCalls();
  });

  return {
    env,
    page,
    async render(url, openid) {
      if (openid !== undefined) env.openid = openid;
      current = await renderPage(url);
      return current;
    },
    async call<T>(name: string, action: string, data: unknown, openid: string | null, requestId?: string) {
      const r = (await env.functions[name]!({ action, data, ...(requestId ? { requestId } : {}) }, { openid })) as { ok: boolean; data?: unknown };
      if (!r.ok) throw new Error(`${name}.${action}: ${JSON.stringify(r)}`);
      return r.data as T;
    },
    callsOf(name, action) {
      return (env.callsTo('cloud.callFunction') as FunctionCall[]).filter((c) => c.name === name && (!action || c.data?.action === action));
    },
  };
}
