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

/** A value kept in H5 storage (nothing in weapp, or when the storage is blocked). */
function readLocal(key: string): unknown {
  if (!isLocalMode()) return null;
  try {
    return Taro.getStorageSync(key);
  } catch {
    return null;
  }
}

/** Keeps a value in H5 storage, or forgets it (null); a full or blocked storage simply keeps nothing. */
function writeLocal(key: string, value: unknown): void {
  if (!isLocalMode()) return;
  try {
    if (value) Taro.setStorageSync(key, value);
    else Taro.removeStorageSync(key);
  } catch {
    /* the demo header is not sent / the PC is not signed in */
  }
}

export function currentOpenid(): string | null {
  const v = readLocal(KEY);
  return typeof v === 'string' && v ? v : null;
}

export function setDemoOpenid(openid: string | null): void {
  writeLocal(KEY, openid);
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

// ——— PC session (scan-to-sign-in, core/auth/signin.ts) ———

const SESSION_KEY = 'zdt.pcSession';

/** A signed-in PC: the session token (sent as `Authorization: Bearer`), when it ends, who it is. */
export interface PcSession {
  token: string;
  expiresAt: string;
  roles: string[];
}

/** The PC's live session (H5 only), or null; an expired one is forgotten. */
export function pcSession(now = Date.now()): PcSession | null {
  const v = readLocal(SESSION_KEY) as Partial<PcSession> | null;
  if (!v || typeof v !== 'object' || typeof v.token !== 'string' || typeof v.expiresAt !== 'string') return null;
  if (Date.parse(v.expiresAt) <= now) {
    writeLocal(SESSION_KEY, null);
    return null;
  }
  return { token: v.token, expiresAt: v.expiresAt, roles: Array.isArray(v.roles) ? v.roles.filter((r) => typeof r === 'string') : [] };
}

export function setPcSession(session: PcSession | null): void {
  writeLocal(SESSION_KEY, session);
}

/**
 * The identity headers of an H5 request: a PC session wins (its token stands for the official);
 * otherwise the demo identity chosen in 我的, as before.
 */
export function identityHeaders(): Record<string, string> {
  const session = pcSession();
  if (session) return { Authorization: `Bearer ${session.token}` };
  const openid = currentOpenid();
  return openid ? { 'X-WX-OPENID': openid } : {};
}
