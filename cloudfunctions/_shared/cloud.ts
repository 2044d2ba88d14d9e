/**
 * What every cloud entry shares: lazy wx-server-sdk boot once per container, identity from the
 * WeChat context (never from the event), removal of platform-injected event fields, JSON-line
 * logs without input, and a safe INTERNAL answer when booting fails.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import type { CbDb } from '../../adapters/cloudbase/sdk';
import { cloudbaseStores } from '../../adapters/cloudbase/stores';
import type { Caller } from '../../core/shared/caller';
import { AppError, type Envelope } from '../../core/shared/errors';
import type { Logger } from '../../core/shared/router';

export type Cloud = typeof WxServerSdk;
export type Handle = (event: unknown, caller: Caller) => Promise<Envelope<unknown>>;

/** Fields the platform injects into the event; not part of our request shape. */
const PLATFORM_FIELDS = ['userInfo', 'tcbContext'];

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

/**
 * Every CloudBase store over the function's database. The one cast from the SDK's typing to the
 * subset the stores use (adapters/cloudbase/sdk.ts CbDb) happens here.
 */
export function cloudStores(cloud: Cloud) {
  return cloudbaseStores(cloud.database() as unknown as CbDb);
}

/** Build `main(event, context)` for a function whose handler is made once per container. */
export function cloudEntry(fn: string, build: (cloud: Cloud) => Handle) {
  let container: { cloud: Cloud; handle: Handle } | null = null;
  return async function main(event: unknown, _context: unknown): Promise<Envelope<unknown>> {
    try {
      if (!container) {
        const cloud = bootCloud();
        container = { cloud, handle: build(cloud) };
      }
    } catch (err) {
      const e = err as Error;
      jsonLogger.error({ fn, action: 'boot', code: 'INTERNAL', error: e?.name ?? typeof err, stack: e?.stack?.split('\n').slice(1, 6).join(' | ') });
      return { ok: false, error: new AppError('INTERNAL').toBody() };
    }
    const openid = container.cloud.getWXContext().OPENID;
    return container.handle(withoutPlatformFields(event), { openid: typeof openid === 'string' && openid ? openid : null });
  };
}

/** Environment configuration of a function, read once at boot. */
export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
}
