/**
 * Taro's compiled weapp pages (dist/weapp) rendered under miniprogram-simulate + jsdom.
 *
 * What is real: the built page bundles (app.js, taro.js, the page's js), Taro's runtime and
 * React reconciler, the `base.wxml` templates compiled by WeChat's own `wcc`, exparser (the
 * WeChat component framework) dispatching events to Taro's `eh` handler, the app's transport
 * calling `wx.cloud.callFunction`, and — behind it — the real `stations` cloud-function handler
 * over an in-memory SQLite database seeded with the demo data (seed/demo.ts).
 *
 * What is shimmed: the mini-program globals Taro needs (`App`, `getApp`, `getCurrentPages`,
 * `Page` mapped onto `Component` whose lifetimes call onLoad/onShow/onReady/onUnload) and the
 * `wx.*` APIs the app calls (location, phone, map, storage, navigation, toasts, cloud). Every stubbed
 * `wx.*` call is recorded in `wxEnv.calls`.
 *
 * Usage (one jest file = one fresh module registry = one mini-program "process"):
 *   const env = await setupWeapp();                  // once per file (beforeAll)
 *   const page = await renderPage('pages/station/index?id=st-360731-000');
 *   await page.waitFor('station-name');
 *   await page.tap('btn-call');
 *   expect(env.callsTo('makePhoneCall')[0].phoneNumber).toBe(...)
 *   page.unmount();
 */
import { randomIds } from '../../../adapters/platform/crypto';
import { localContentSecurity } from '../../../adapters/platform/local';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../adapters/sqlite/db';
import { systemClock, type Clock } from '../../../core/ports';
import { createStationsHandler } from '../../../cloudfunctions/stations/handler';
import { createLocalStores, type FunctionHandler } from '../../../server/functions';
import { seedIfEmpty } from '../../../server/seed';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST = path.join(ROOT, 'dist', 'weapp');
export const BUILD_HINT = 'run npm run build:weapp first';

/** Fails (never skips) when the weapp build is missing: `npm test` builds it before jest. */
export function assertWeappBuilt(): void {
  const missing = ['app.js', 'app.json', 'base.wxml', 'taro.js', 'comp.js'].filter((f) => !existsSync(path.join(DIST, f)));
  if (missing.length) {
    throw new Error(`dist/weapp is missing or incomplete (no ${missing.join(', ')} in ${DIST}): ${BUILD_HINT}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Minimal typings of the untyped simulate / j-component / exparser internals used here.

interface ExparserNode {
  id?: string;
  $$?: Node;
  childNodes: ExparserNode[];
  shadowRoot?: ExparserNode | null;
  textContent?: string;
  dataset?: Record<string, unknown>;
  _vt?: { tagName?: string; attrs?: { name: string; value: unknown }[] };
}
interface ExparserApi {
  Element: unknown;
  Component: unknown;
  TextNode: unknown;
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: ExparserNode, event: unknown): void;
  };
}
interface RootComponent {
  _exparserNode: ExparserNode;
  dom: HTMLElement;
  data: Record<string, any>;
  instance: Record<string, any>;
  attach(parent: Element): void;
  detach(): void;
}
interface SimulateApi {
  load(componentPath: string, options?: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): RootComponent;
}

// ---------------------------------------------------------------------------------------------
// The `wx` environment.

export interface WxCall {
  api: string;
  /** The options object (or first argument) the app passed. */
  args: any;
}

export type LocationAnswer = { latitude: number; longitude: number } | 'denied' | 'unavailable';

export interface WxEnv {
  /** Every stubbed wx.* call, in order. */
  calls: WxCall[];
  /** Options of each call to `wx.<api>`. */
  callsTo(api: string): any[];
  clearCalls(): void;
  /** Wait until wx.<api> has been called `count` times (polls; fails with the calls seen). */
  waitForCall(api: string, count?: number, timeoutMs?: number): Promise<any[]>;
  /** What wx.getLocation answers next (default: denied, as a fresh user who taps 拒绝). */
  location: LocationAnswer;
  /** wx.getStorageSync / setStorageSync backing store. */
  storage: Map<string, unknown>;
  /** wx.getSystemInfoSync / getAppBaseInfo font size (16 = WeChat default; larger → elder mode). */
  fontSizeSetting: number;
  /** OPENID the cloud functions see (null: anonymous). */
  openid: string | null;
  /** Cloud functions by name: `wx.cloud.callFunction({ name, data })` → handler(data, caller). */
  functions: Record<string, FunctionHandler>;
  /** The SQLite database behind `functions.stations` (demo data). */
  db: Db;
}

const g = globalThis as any;
let env: WxEnv | null = null;
let simulate: SimulateApi;
let exparser: ExparserApi;
/** Component id per page route: a page bundle runs once per jest module registry. */
const pageIds = new Map<string, string>();
/** The `Component(...)` definitions each executed file made, replayed on re-registration. */
const definitions = new Map<string, Record<string, any>>();
/** The page stack `getCurrentPages()` answers. */
const pageStack: any[] = [];
/** Route + query of the page being rendered, picked up by the Page shim's `attached`. */
let pendingLaunch: { route: string; query: Record<string, string> } | null = null;
let appInstance: any = null;
let recorderManager: Record<string, (...a: any[]) => void> | null = null;

function record(api: string, args: unknown): void {
  env?.calls.push({ api, args });
}

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };

/**
 * An asynchronous wx API: callbacks (what Taro's promisified wrapper passes) or a promise
 * when no callback is given. `impl` returns the success result or throws `{ errMsg }`.
 */
function asyncApi(api: string, impl: (opts: any) => unknown | Promise<unknown> = () => ({})) {
  return (opts: Callbacks & Record<string, unknown> = {}) => {
    record(api, opts);
    const p = Promise.resolve()
      .then(() => impl(opts))
      .then((res) => ({ errMsg: `${api}:ok`, ...(res as object) }));
    const hasCallbacks = !!(opts.success || opts.fail || opts.complete);
    p.then(
      (res) => {
        opts.success?.(res);
        opts.complete?.(res);
      },
      (err) => {
        opts.fail?.(err);
        opts.complete?.(err);
      },
    );
    return hasCallbacks ? undefined : p;
  };
}

function syncApi<T>(api: string, impl: (...args: any[]) => T) {
  return (...args: any[]) => {
    record(api, args.length <= 1 ? args[0] : args);
    return impl(...args);
  };
}

function systemInfo() {
  const fontSizeSetting = env?.fontSizeSetting ?? 16;
  return {
    brand: 'devtools',
    model: 'iPhone 12',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 763,
    statusBarHeight: 47,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17.0',
    platform: 'devtools',
    fontSizeSetting,
    SDKVersion: '3.5.0',
    theme: 'light',
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  };
}

function wxStubs(e: WxEnv): Record<string, unknown> {
  const ok = (api: string) => asyncApi(api);
  return {
    // location & maps
    getLocation: asyncApi('getLocation', () => {
      const answer = e.location;
      if (answer === 'denied') throw { errMsg: 'getLocation:fail auth deny' };
      if (answer === 'unavailable') throw { errMsg: 'getLocation:fail system error' };
      return { latitude: answer.latitude, longitude: answer.longitude, speed: -1, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 };
    }),
    openLocation: ok('openLocation'),
    chooseLocation: asyncApi('chooseLocation', () => {
      throw { errMsg: 'chooseLocation:fail cancel' };
    }),
    openSetting: asyncApi('openSetting', () => ({ authSetting: { 'scope.userLocation': e.location !== 'denied' } })),
    getSetting: asyncApi('getSetting', () => ({ authSetting: { 'scope.userLocation': e.location !== 'denied' } })),
    authorize: asyncApi('authorize', () => {
      if (e.location === 'denied') throw { errMsg: 'authorize:fail auth deny' };
      return {};
    }),
    // phone, clipboard, UI feedback
    makePhoneCall: ok('makePhoneCall'),
    setClipboardData: ok('setClipboardData'),
    showToast: ok('showToast'),
    hideToast: ok('hideToast'),
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false })),
    showActionSheet: asyncApi('showActionSheet', () => {
      throw { errMsg: 'showActionSheet:fail cancel' };
    }),
    setNavigationBarTitle: ok('setNavigationBarTitle'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    pageScrollTo: ok('pageScrollTo'),
    showShareMenu: ok('showShareMenu'),
    // files: choosing from a chat is cancelled unless a test says otherwise; downloads answer 200
    chooseMessageFile: asyncApi('chooseMessageFile', () => {
      throw { errMsg: 'chooseMessageFile:fail cancel' };
    }),
    downloadFile: asyncApi('downloadFile', (o: { url: string }) => ({ statusCode: 200, tempFilePath: `wxfile://tmp/${String(o.url).length}.xlsx` })),
    openDocument: ok('openDocument'),
    // navigation: recorded, not performed (render the target page yourself)
    navigateTo: ok('navigateTo'),
    redirectTo: ok('redirectTo'),
    reLaunch: ok('reLaunch'),
    switchTab: ok('switchTab'),
    navigateBack: ok('navigateBack'),
    // storage
    getStorageSync: syncApi('getStorageSync', (key: string) => (e.storage.has(key) ? e.storage.get(key) : '')),
    setStorageSync: syncApi('setStorageSync', (key: string, value: unknown) => void e.storage.set(key, value)),
    removeStorageSync: syncApi('removeStorageSync', (key: string) => void e.storage.delete(key)),
    clearStorageSync: syncApi('clearStorageSync', () => e.storage.clear()),
    getStorage: asyncApi('getStorage', (o) => {
      if (!e.storage.has(o.key)) throw { errMsg: 'getStorage:fail data not found' };
      return { data: e.storage.get(o.key) };
    }),
    setStorage: asyncApi('setStorage', (o) => void e.storage.set(o.key, o.data)),
    removeStorage: asyncApi('removeStorage', (o) => void e.storage.delete(o.key)),
    // system
    getSystemInfoSync: syncApi('getSystemInfoSync', systemInfo),
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => {
      const s = systemInfo();
      return { SDKVersion: s.SDKVersion, language: s.language, version: s.version, theme: s.theme, fontSizeSetting: s.fontSizeSetting, enableDebug: false, host: { env: 'WeChat' } };
    }),
    getWindowInfo: syncApi('getWindowInfo', () => {
      const s = systemInfo();
      return { pixelRatio: s.pixelRatio, screenWidth: s.screenWidth, screenHeight: s.screenHeight, windowWidth: s.windowWidth, windowHeight: s.windowHeight, statusBarHeight: s.statusBarHeight, safeArea: s.safeArea, screenTop: 0 };
    }),
    getDeviceInfo: syncApi('getDeviceInfo', () => ({ brand: 'devtools', model: 'iPhone 12', system: 'iOS 17.0', platform: 'devtools', benchmarkLevel: 1 })),
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: 'wifi' })),
    // network: the weapp build talks to the cloud only; a request is a bug worth seeing
    request: asyncApi('request', (o) => {
      throw { errMsg: `request:fail wx.request is not expected in the weapp build (${String(o.url)})` };
    }),
    // recorder and audio (说一说): a recording lasts `e.recordMs`; its file is a temp path
    // One manager per app, as in WeChat.
    getRecorderManager: syncApi('getRecorderManager', () => {
      if (recorderManager) return recorderManager;
      const on: Record<string, (r: unknown) => void> = {};
      return (recorderManager = {
        onStop: (f: (r: unknown) => void) => void (on.stop = f),
        onError: (f: (r: unknown) => void) => void (on.error = f),
        start: (o: unknown) => record('recorder.start', o),
        stop: () => void setTimeout(() => on.stop?.({ tempFilePath: 'wxfile://tmp/voice.mp3', duration: 8000, fileSize: 48000 }), 0),
      });
    }),
    createInnerAudioContext: syncApi('createInnerAudioContext', () => ({
      src: '',
      play() {
        record('audio.play', this.src);
      },
      stop() {},
      destroy() {},
      onEnded() {},
      onStop() {},
      onError() {},
    })),
    // cloud
    cloud: {
      uploadFile: asyncApi('cloud.uploadFile', (o: { cloudPath: string }) => ({ fileID: `cloud://test-env.bucket/${o.cloudPath}` })),
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: syncApi('cloud.init', () => undefined),
      callFunction: asyncApi('cloud.callFunction', async (o: { name: string; data?: unknown }) => {
        const handler = e.functions[o.name];
        if (!handler) throw { errCode: -501000, errMsg: `cloud.callFunction:fail -501000 FunctionName parameter could not be found (${o.name})` };
        // The client → cloud boundary serialises the event and the answer.
        const event = JSON.parse(JSON.stringify(o.data ?? {}));
        const result = await handler(event, { openid: e.openid });
        return { result: JSON.parse(JSON.stringify(result)), requestID: `test-${e.calls.length}` };
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mini-program globals.

function installGlobals(): void {
  g.App = (config: any) => {
    appInstance = config;
    const launch = { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} };
    config.onLaunch?.call(config, launch);
    config.onShow?.call(config, launch);
  };
  g.getApp = () => appInstance;
  g.getCurrentPages = () => pageStack.slice();
  g.Page = (config: Record<string, any>) => {
    const methods: Record<string, unknown> = {};
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) {
      if (k === 'data') continue;
      if (typeof v === 'function') methods[k] = v;
      else fields[k] = v;
    }
    g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        created(this: any) {
          Object.assign(this, fields);
        },
        attached(this: any) {
          const launch = pendingLaunch ?? { route: '', query: {} };
          pendingLaunch = null;
          this.route = launch.route;
          this.__route__ = launch.route;
          this.options = launch.query;
          pageStack.push(this);
          this.onLoad?.(launch.query);
          this.onShow?.();
        },
        ready(this: any) {
          this.onReady?.();
        },
        detached(this: any) {
          const i = pageStack.indexOf(this);
          if (i >= 0) pageStack.splice(i, 1);
          this.onHide?.();
          this.onUnload?.();
        },
      },
    });
  };
}

/**
 * simulate runs a component's js with `require` and "deletes it from require.cache", which jest's
 * module registry ignores: a second run is a no-op and its Component() never registers again. Keep
 * the definition each file made and replay it when the file is asked to run again.
 */
function installJsRunner(): void {
  const utils = require('miniprogram-simulate/src/utils');
  const simComponent = g.Component;
  let running: string | null = null;
  g.Component = (options: Record<string, any>) => {
    if (running) definitions.set(running, options);
    return simComponent({ ...options });
  };
  utils.runJs = (filePath: string) => {
    const key = path.resolve(filePath);
    const seen = definitions.get(key);
    if (seen) {
      simComponent({ ...seen });
      return;
    }
    running = key;
    try {
      require(key);
    } finally {
      running = null;
    }
    if (!definitions.has(key)) throw new Error(`${path.relative(ROOT, key)}.js did not call Page() or Component()`);
  };
}

export interface SetupOptions {
  /** Clock of the cloud functions (default: the real clock). */
  clock?: Clock;
  openid?: string | null;
  location?: LocationAnswer;
  fontSizeSetting?: number;
  /** Initial storage, e.g. { 'zdt.elderMode': 'on' }. */
  storage?: Record<string, unknown>;
}

/**
 * Once per test file: the demo backend, the wx stubs, the globals, then dist/weapp/app.js
 * (which loads common/vendors/taro/runtime and calls App()).
 */
export async function setupWeapp(opts: SetupOptions = {}): Promise<WxEnv> {
  assertWeappBuilt();
  if (env) return env;

  // The real stations handler over in-memory SQLite with the demo data.
  const db = openDatabase(':memory:');
  const stores = createLocalStores(db);
  const clock = opts.clock ?? systemClock;
  await seedIfEmpty(stores, clock.now());
  const functions: Record<string, FunctionHandler> = {
    stations: createStationsHandler({ stations: stores.stations, regions: stores.regions, rateLimits: stores.rateLimits, edits: stores.stationEdits, unlisted: stores.unlisted, uploads: { claim: async (id: string) => id }, content: localContentSecurity(), ids: randomIds, clock }),
  };

  const calls: WxCall[] = [];
  const e: WxEnv = {
    calls,
    callsTo: (api) => calls.filter((c) => c.api === api).map((c) => c.args),
    clearCalls: () => void calls.splice(0),
    waitForCall: async (api, count = 1, timeoutMs = 5000) => {
      await until(() => e.callsTo(api).length >= count, timeoutMs, () => `wx.${api} called ${e.callsTo(api).length} time(s), wanted ${count}. wx calls: ${describeCalls(calls)}`);
      return e.callsTo(api);
    },
    location: opts.location ?? 'denied',
    storage: new Map(Object.entries(opts.storage ?? {})),
    fontSizeSetting: opts.fontSizeSetting ?? 16,
    openid: opts.openid === undefined ? 'weapp-test-openid' : opts.openid,
    functions,
    db,
  };
  env = e;

  // miniprogram-simulate installs its wx mock and Component() on import.
  simulate = require('miniprogram-simulate');
  exparser = require('miniprogram-exparser');
  Object.assign(g.wx, wxStubs(e));
  installGlobals();
  installJsRunner();

  // Taro's runtime promisifies the wx APIs that exist now: the stubs must be in place first.
  require(path.join(DIST, 'app.js'));
  if (!appInstance) throw new Error('dist/weapp/app.js did not call App()');
  return e;
}

export function wxEnv(): WxEnv {
  if (!env) throw new Error('call setupWeapp() first (beforeAll)');
  return env;
}

/** Close the demo database (afterAll). The page bundles stay loaded until jest drops the registry. */
export function teardownWeapp(): void {
  for (const p of pageStack.slice()) p.__testHandle?.unmount();
  env?.db.close();
}

// ---------------------------------------------------------------------------------------------
// Waiting.

const POLL_MS = 10;

async function until(cond: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (cond()) return;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Let pending promises, Taro's batched setData and exparser updates run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}

function describeCalls(calls: WxCall[]): string {
  if (!calls.length) return '(none)';
  return calls
    .slice(-12)
    .map((c) => `${c.api}(${short(c.args)})`)
    .join(', ');
}

function short(v: unknown): string {
  try {
    const s = JSON.stringify(v, (k, x) => (typeof x === 'function' ? undefined : x));
    return s && s.length > 160 ? `${s.slice(0, 160)}…` : String(s);
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Pages.

export interface PageHandle {
  route: string;
  query: Record<string, string>;
  root: RootComponent;
  /** The page instance (what getCurrentPages() holds): data, route, options. */
  instance: any;
  /** Element with this id (the `id` a page gave a Taro component), anywhere in the page, or null. */
  find(id: string): ExparserNode | null;
  /** Every element whose id starts with `prefix`, in document order. */
  findAll(prefix: string): ExparserNode[];
  has(id: string): boolean;
  /** Wait until the element is rendered (polls), then return it. */
  waitFor(id: string, timeoutMs?: number): Promise<ExparserNode>;
  /** Wait until `id` is gone (e.g. a loading skeleton). */
  waitForGone(id: string, timeoutMs?: number): Promise<void>;
  waitUntil(cond: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Wait until the text of the element with this id contains `text`. */
  waitForText(id: string, text: string, timeoutMs?: number): Promise<void>;
  /** Text of the element with this id (or of a node), as rendered. */
  text(idOrNode: string | ExparserNode): string;
  /** Text of the whole page. */
  pageText(): string;
  /** Class list of an element (as written in the source: simulate's `main--` / `comp--` prefixes removed). */
  classes(idOrNode: string | ExparserNode): string[];
  /** Elements carrying a class (e.g. `badge-hours`), optionally inside `within`. */
  findAllByClass(className: string, within?: string | ExparserNode): ExparserNode[];
  /** Tap an element (exparser `tap`, as the client dispatches it) and let the page update. */
  tap(idOrNode: string | ExparserNode): Promise<void>;
  /** A touch event (touchstart, touchend…) on the node, as a finger holding it. */
  touch(idOrNode: string | ExparserNode, type: 'touchstart' | 'touchend' | 'touchcancel'): Promise<void>;
  /** Type into an <Input> (`input` event with detail.value). */
  type(id: string, value: string): Promise<void>;
  /** Press the keyboard's confirm key on an <Input>. */
  confirm(id: string, value: string): Promise<void>;
  unmount(): void;
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const clean = url.replace(/^\//, '');
  const [route, qs = ''] = clean.split('?');
  const query: Record<string, string> = {};
  for (const part of qs.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    // WeChat hands page options over as they appear in the URL.
    if (i < 0) query[part] = '';
    else query[part.slice(0, i)] = part.slice(i + 1);
  }
  return { route, query };
}

function loadPageComponent(route: string): string {
  let id = pageIds.get(route);
  if (id) return id;
  const file = path.join(DIST, route);
  if (!existsSync(`${file}.js`) || !existsSync(`${file}.wxml`)) {
    throw new Error(`dist/weapp/${route}.{js,wxml} not found — is "${route}" in app.config.ts? (${BUILD_HINT})`);
  }
  id = simulate.load(file, { rootPath: DIST, compiler: 'official' });
  pageIds.set(route, id);
  return id;
}

/** `instanceof` without TypeScript narrowing (exparser's classes are untyped). */
function isA(node: unknown, cls: unknown): boolean {
  return node instanceof (cls as new () => unknown);
}

function walk(node: ExparserNode | null | undefined, visit: (n: ExparserNode) => boolean | void): boolean {
  if (!node) return false;
  if (visit(node) === true) return true;
  if (isA(node, exparser.Component) && node.shadowRoot && walk(node.shadowRoot, visit)) return true;
  for (const child of node.childNodes ?? []) {
    if (isA(child, exparser.Element) && walk(child, visit)) return true;
  }
  return false;
}

function textOf(node: ExparserNode): string {
  let out = '';
  const visit = (n: ExparserNode) => {
    if (isA(n, exparser.TextNode)) {
      out += n.textContent ?? '';
      return;
    }
    if (isA(n, exparser.Component) && n.shadowRoot) visit(n.shadowRoot);
    for (const c of n.childNodes ?? []) visit(c);
  };
  visit(node);
  return out;
}

/** simulate prefixes classes with the component's tag name (`main` for the page, `comp` for Taro's recursive component). */
const CLASS_PREFIX = /^(main|comp)--/;

function classesOf(node: ExparserNode): string[] {
  const el = node.$$ as Element | undefined;
  if (!el || typeof (el as Element).getAttribute !== 'function') return [];
  return String(el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.replace(CLASS_PREFIX, ''));
}

/** Render a page of the build, e.g. `pages/station/index?id=st-360731-000`, attached to document.body. */
export async function renderPage(url: string): Promise<PageHandle> {
  if (!env) throw new Error('call setupWeapp() first (beforeAll)');
  const { route, query } = parseUrl(url);
  const componentId = loadPageComponent(route);
  pendingLaunch = { route, query };
  const root = simulate.render(componentId);
  const parent = document.createElement('page-wrapper');
  document.body.appendChild(parent);
  root.attach(parent);
  const instance = root.instance;
  let mounted = true;

  const shadow = () => root._exparserNode.shadowRoot ?? null;
  const find = (id: string): ExparserNode | null => {
    const hits: ExparserNode[] = [];
    walk(shadow(), (n) => {
      if (!isA(n, exparser.TextNode) && n.id === id) {
        hits.push(n);
        return true;
      }
    });
    return hits[0] ?? null;
  };
  const nodeOf = (idOrNode: string | ExparserNode) => {
    if (typeof idOrNode !== 'string') return idOrNode;
    const n = find(idOrNode);
    if (!n) throw new Error(`#${idOrNode} is not on ${route}. Page text: ${pageText().slice(0, 400)}`);
    return n;
  };
  const pageText = () => textOf(root._exparserNode).replace(/\s+/g, ' ').trim();
  const failure = (what: string) => () => `${what} on ${route}. Page text: «${pageText().slice(0, 600)}». wx calls: ${describeCalls(env?.calls ?? [])}`;

  const handle: PageHandle = {
    route,
    query,
    root,
    instance,
    find,
    findAll(prefix) {
      const out: ExparserNode[] = [];
      walk(shadow(), (n) => {
        if (!isA(n, exparser.TextNode) && typeof n.id === 'string' && n.id.startsWith(prefix)) out.push(n);
      });
      return out;
    },
    has: (id) => !!find(id),
    async waitFor(id, timeoutMs = 5000) {
      await until(() => !!find(id), timeoutMs, failure(`#${id} did not appear`));
      return find(id) as ExparserNode;
    },
    async waitForGone(id, timeoutMs = 5000) {
      await until(() => !find(id), timeoutMs, failure(`#${id} did not go away`));
    },
    async waitUntil(cond, what, timeoutMs = 5000) {
      await until(cond, timeoutMs, failure(what));
    },
    async waitForText(id, text, timeoutMs = 5000) {
      await until(() => textOf(nodeOf(id)).replace(/\s+/g, ' ').includes(text), timeoutMs, failure(`#${id} did not come to say "${text}"`));
    },
    text: (idOrNode) => textOf(nodeOf(idOrNode)).replace(/\s+/g, ' ').trim(),
    pageText,
    classes: (idOrNode) => classesOf(nodeOf(idOrNode)),
    findAllByClass(className, within) {
      const out: ExparserNode[] = [];
      const start = within === undefined ? shadow() : nodeOf(within);
      walk(start, (n) => {
        if (!isA(n, exparser.TextNode) && classesOf(n).includes(className)) out.push(n);
      });
      return out;
    },
    async tap(idOrNode) {
      const n = nodeOf(idOrNode);
      exparser.Event.dispatchEvent(
        n,
        exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }),
      );
      await settle();
    },
    async touch(idOrNode, type) {
      const n = nodeOf(idOrNode);
      const t = [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }];
      exparser.Event.dispatchEvent(n, exparser.Event.create(type, {}, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: type === 'touchstart' ? t : [], changedTouches: t } }));
      await settle();
    },
    async type(id, value) {
      const n = nodeOf(id);
      exparser.Event.dispatchEvent(n, exparser.Event.create('input', { value, cursor: value.length, keyCode: 0 }, { bubbles: false, composed: false, capturePhase: false, extraFields: {} }));
      await settle();
    },
    async confirm(id, value) {
      const n = nodeOf(id);
      exparser.Event.dispatchEvent(n, exparser.Event.create('confirm', { value }, { bubbles: false, composed: false, capturePhase: false, extraFields: {} }));
      await settle();
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.detach();
      parent.remove();
    },
  };
  instance.__testHandle = handle;
  return handle;
}
