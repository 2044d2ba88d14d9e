/**
 * Demo identity for H5 local mode: the local server takes the caller from the `X-WX-OPENID`
 * header (what WeChat's container hosting injects), so the H5 app keeps the chosen demo openid in
 * local storage and the transport sends it. In weapp the identity is the real OPENID the cloud
 * function sees, and everything here is a no-op.
 */
import Taro from '@tarojs/taro';

const KEY = 'zdt.demoOpenid';

export interface DemoIdentity {
  openid: string;
  role: string;
  /** e.g. { kind: 'county', code: '360731' } — shape owned by the server. */
  scope: { kind: string; [key: string]: unknown } | null;
  name: string;
  note?: string;
}

export const isLocalMode = (): boolean => process.env.TARO_ENV === 'h5';

export function currentOpenid(): string | null {
  if (!isLocalMode()) return null;
  try {
    const v = Taro.getStorageSync(KEY);
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}

export function setDemoOpenid(openid: string | null): void {
  if (!isLocalMode()) return;
  try {
    if (openid) Taro.setStorageSync(KEY, openid);
    else Taro.removeStorageSync(KEY);
  } catch {
    /* storage full or blocked: the header is simply not sent */
  }
}

let cached: Promise<DemoIdentity[] | null> | null = null;

/**
 * The local server's demo identities (`GET /dev/identities`), or null when the server does not
 * offer them (not local mode, or weapp). A non-null answer also means "this is a local/demo server".
 */
export function listDemoIdentities(): Promise<DemoIdentity[] | null> {
  if (!isLocalMode()) return Promise.resolve(null);
  if (!cached) {
    cached = Taro.request({ url: '/dev/identities', method: 'GET', dataType: 'json', timeout: 10_000 })
      .then((res) => (res.statusCode === 200 && Array.isArray(res.data) ? (res.data as DemoIdentity[]) : null))
      .catch(() => null);
    // Retry on the next call if it failed (e.g. the network was down).
    cached.then((v) => {
      if (!v) cached = null;
    });
  }
  return cached;
}

/** For tests: forget the cached identity list. */
export function clearDemoIdentitiesCache(): void {
  cached = null;
}
