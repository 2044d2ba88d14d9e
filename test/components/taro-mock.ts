/**
 * A small stand-in for `@tarojs/taro` under jest (mapped in jest.config.js). Every API the app
 * uses is a jest.fn with a sensible default; tests override with mockImplementation and read calls.
 * Storage is an in-memory map; eventCenter is a real little emitter (the components lib uses it).
 */
type Handler = (...args: unknown[]) => void;

class Events {
  private handlers = new Map<string, Set<Handler>>();
  on(name: string, fn: Handler) {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(fn);
    return this;
  }
  once(name: string, fn: Handler) {
    const wrap: Handler = (...args) => {
      this.off(name, wrap);
      fn(...args);
    };
    return this.on(name, wrap);
  }
  off(name?: string, fn?: Handler) {
    if (!name) this.handlers.clear();
    else if (!fn) this.handlers.delete(name);
    else this.handlers.get(name)?.delete(fn);
    return this;
  }
  trigger(name: string, ...args: unknown[]) {
    this.handlers.get(name)?.forEach((fn) => fn(...args));
    return this;
  }
}

export const storage = new Map<string, unknown>();
export const routerParams: { current: Record<string, string> } = { current: {} };
export const systemInfo = { fontSizeSetting: 16 as number | undefined };

const ok = () => Promise.resolve({ errMsg: 'ok' });

const Taro = {
  eventCenter: new Events(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getSystemInfoSync: jest.fn(() => ({ ...systemInfo })),
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
  openSetting: jest.fn(() => Promise.resolve({ authSetting: {} })),
  makePhoneCall: jest.fn(ok),
  openLocation: jest.fn(ok),
  setClipboardData: jest.fn(ok),
  // As wx.showModal answers when the person taps the confirm button.
  showModal: jest.fn(() => Promise.resolve({ errMsg: 'showModal:ok', confirm: true, cancel: false })),
  navigateTo: jest.fn(ok),
  navigateBack: jest.fn(ok),
  reLaunch: jest.fn(ok),
  stopPullDownRefresh: jest.fn(),
  showToast: jest.fn(ok),
  getCurrentPages: jest.fn(() => [{}, {}]),
  request: jest.fn(() => Promise.reject({ errMsg: 'request:fail' })),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
};

export const useRouter = jest.fn(() => ({ params: routerParams.current, path: '' }));
export const useLaunch = jest.fn();
export const useDidShow = jest.fn();
export const usePullDownRefresh = jest.fn();
export const useShareAppMessage = jest.fn();
export const useReachBottom = jest.fn();

/** Back to defaults between tests. */
export function resetTaro(): void {
  storage.clear();
  routerParams.current = {};
  systemInfo.fontSizeSetting = 16;
  Taro.eventCenter.off();
  jest.clearAllMocks();
  Taro.getLocation.mockImplementation(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' }));
  Taro.request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }));
  Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));
  Taro.cloud.callFunction.mockReset();
}

/** resetTaro, and every method of the test's mocked service client back to a bare mock. */
export function resetTaroAnd(client: Record<string, jest.Mock>): void {
  resetTaro();
  for (const m of Object.values(client)) m.mockReset();
}

export default Taro;
