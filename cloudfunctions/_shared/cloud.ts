/**
 * What every cloud entry shares: lazy wx-server-sdk boot once per container, identity from the
 * WeChat context (never from the event), removal of platform-injected event fields, JSON-line
 * logs without input, and a safe INTERNAL answer when booting fails.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import { storesOver, type CbDb, type StoreFactory, type StoresOf } from '../../adapters/cloudbase/sdk';
import type * as catalogue from '../../adapters/cloudbase/stores';
import type { CloudbaseOptions } from '../../adapters/cloudbase/stations';
import type { Caller } from '../../core/shared/caller';
import { AppError, type Envelope } from '../../core/shared/errors';
import type { Logger } from '../../core/shared/router';
import { sessionOpenid } from '../../core/auth/session';
import { createCloudbaseSignInRepository } from '../../adapters/cloudbase/signin';
import { randomSignInSecrets } from '../../adapters/platform/signin';
import { contextVariable, customUserId } from './context';

export type Cloud = typeof WxServerSdk;
export type Handle = (event: unknown, caller: Caller) => Promise<Envelope<unknown>>;

/** Fields the platform injects into the event (and the custom-login PC's session token, checked by callerOf); not part of our request shape. */
const PLATFORM_FIELDS = ['userInfo', 'tcbContext', 'session'];

export const jsonLogger: Logger = {
  info: (entry) => console.info(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...entry })),
  error: (entry) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry })),
};

export function withoutPlatformFields(event: unknown): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
  const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  for (const key of PLATFORM_FIELDS) delete copy[key];
  return copy;
}

export function bootCloud(): Cloud {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Cloud;
  // The environment the function runs in (the SDK types the constant as a symbol).
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return cloud;
}

/** The function's database as the stores type it: the one cast from the SDK's typing to the subset they use (adapters/cloudbase/sdk.ts CbDb). */
export function cloudDb(cloud: Cloud): CbDb {
  return cloud.database() as unknown as CbDb;
}

/**
 * The CloudBase stores a function needs, over its database: `factories` are taken from the catalogue
 * (adapters/cloudbase/stores.ts), one per store key, so the bundle carries those adapters only.
 * Write the object `satisfies StoresFor<typeof createXHandler>`, so that tsc checks it against the
 * handler's deps.
 */
export function cloudStores<F extends Record<string, StoreFactory<unknown, CloudbaseOptions> | null>>(cloud: Cloud, factories: F, options: Pick<CloudbaseOptions, 'pinyin'> = {}): StoresOf<F> {
  const all: CloudbaseOptions = options;
  return storesOver(cloudDb(cloud), factories, all);
}

/** The store keys of the catalogue. */
type StoreKey = keyof typeof catalogue;
type DepsOf<C extends (...args: never[]) => unknown> = Parameters<C>[0];
type OptionalKeys<D> = { [K in keyof D]-?: object extends Pick<D, K> ? K : never }[keyof D];
type Factory<T> = StoreFactory<T, CloudbaseOptions>;

/**
 * The store factories a consumer (a handler's `create…Handler`, or any function of deps) calls for:
 * every catalogue key its deps name, each building what the deps type asks. The optional ones too,
 * since leaving one out would silently switch a feature off: null says "none" on purpose. Other
 * deps keys may be given a factory as well (`edits: stationEdits`); a key no deps name is refused,
 * so a bundle carries no store nobody uses.
 */
export type StoresFor<C extends (...args: never[]) => unknown, D = DepsOf<C>> = {
  [K in Extract<keyof D, StoreKey>]-?: K extends OptionalKeys<D> ? Factory<NonNullable<D[K]>> | null : Factory<D[K]>;
} & { [K in Exclude<keyof D, StoreKey>]?: Factory<D[K]> };

/** Field a PC signed in by custom login adds to every call: its session token (checked, then removed). */
export const SESSION_FIELD = 'session';

const SIGNED_OUT = '登录已过期或已退出，请重新扫码登录';

/**
 * Who calls, never from the event: the WeChat OPENID; else a PC signed in by custom login, whose
 * user id (TCB_CUSTOM_USER_ID, cloudfunctions/_shared/context.ts) must match a live session whose
 * token the call carries — so 退出登录 and the 12-hour expiry hold at once, not only when
 * CloudBase's own login state runs out. Anyone else is anonymous (the anonymous id only counts
 * calls for rate limits).
 */
export async function callerOf(
  wxOpenid: unknown,
  context: unknown,
  event: unknown,
  sessions: (token: string) => Promise<string | null>,
): Promise<{ ok: true; caller: Caller } | { ok: false; error: AppError }> {
  if (typeof wxOpenid === 'string' && wxOpenid) return { ok: true, caller: { openid: wxOpenid } };
  const custom = customUserId(context);
  if (custom) {
    const token = event && typeof event === 'object' ? (event as Record<string, unknown>)[SESSION_FIELD] : undefined;
    const openid = typeof token === 'string' ? await sessions(token) : null;
    if (!openid || openid !== custom) return { ok: false, error: new AppError('UNAUTHENTICATED', SIGNED_OUT) };
    return { ok: true, caller: { openid } };
  }
  const anonymous = contextVariable(context, 'TCB_UUID');
  return { ok: true, caller: { openid: null, ...(anonymous ? { client: anonymous } : {}) } };
}

/** Build `main(event, context)` for a function whose handler is made once per container. */
export function cloudEntry(fn: string, build: (cloud: Cloud) => Handle) {
  let container: { cloud: Cloud; handle: Handle; sessions: (token: string) => Promise<string | null> } | null = null;
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    try {
      if (!container) {
        const cloud = bootCloud();
        // Made on the first custom-login call only: WeChat callers never need it.
        let signins: ReturnType<typeof createCloudbaseSignInRepository> | null = null;
        const sessions = async (token: string) => {
          signins ??= createCloudbaseSignInRepository(cloudDb(cloud));
          return sessionOpenid(await signins.getSession(randomSignInSecrets.hash(token)), new Date());
        };
        container = { cloud, handle: build(cloud), sessions };
      }
    } catch (err) {
      const e = err as Error;
      jsonLogger.error({ fn, action: 'boot', code: 'INTERNAL', error: e?.name ?? typeof err, stack: e?.stack?.split('\n').slice(1, 6).join(' | ') });
      return { ok: false, error: new AppError('INTERNAL').toBody() };
    }
    let who: Awaited<ReturnType<typeof callerOf>>;
    try {
      who = await callerOf(container.cloud.getWXContext().OPENID, context, event, container.sessions);
    } catch (err) {
      const body = err instanceof AppError ? err.toBody() : new AppError('INTERNAL').toBody();
      jsonLogger.error({ fn, action: 'caller', code: body.code, error: (err as Error)?.name ?? typeof err });
      return { ok: false, error: body };
    }
    if (!who.ok) {
      jsonLogger.info({ fn, action: 'caller', code: who.error.code });
      return { ok: false, error: who.error.toBody() };
    }
    return container.handle(withoutPlatformFields(event), who.caller);
  };
}

/** Environment configuration of a function, read once at boot. */
export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
}
