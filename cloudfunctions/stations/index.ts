/**
 * Cloud entry of `stations` (the public directory). The platform calls `main(event, context)`;
 * everything else lives in ./handler.ts and the core.
 *
 * - wx-server-sdk is required lazily (it is not bundled: the cloud installs it) and the
 *   dependencies are built once per container, then reused by warm invocations.
 * - The caller is the OPENID of the WeChat context, never a field of the event.
 * - The platform adds `userInfo` (and on some paths `tcbContext`) to the event; they are removed
 *   before routing because the router rejects unknown fields.
 * - Logs are JSON lines (function, action, outcome, duration); input is never logged.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import { createCloudbaseRegionRepository, createCloudbaseStationRepository, type CbDatabase } from '../../adapters/cloudbase/stations';
import { systemClock } from '../../core/ports';
import type { Caller } from '../../core/shared/caller';
import { AppError, type Envelope } from '../../core/shared/errors';
import type { Logger } from '../../core/shared/router';
import { createStationsHandler } from './handler';

type Cloud = typeof WxServerSdk;

/** Fields the platform injects into the event; not part of our request shape. */
const PLATFORM_FIELDS = ['userInfo', 'tcbContext'];

const jsonLogger: Logger = {
  info: (entry) => console.info(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...entry })),
  error: (entry) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...entry })),
};

let container: { cloud: Cloud; handle: ReturnType<typeof createStationsHandler> } | null = null;

function boot(): NonNullable<typeof container> {
  if (container) return container;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Cloud;
  // The environment the function runs in (the SDK types the constant as a symbol).
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = cloud.database() as unknown as CbDatabase;
  const handle = createStationsHandler(
    // Read-only function: no pinyin function, so the pinyin dictionary stays out of the bundle.
    { stations: createCloudbaseStationRepository(db), regions: createCloudbaseRegionRepository(db), clock: systemClock },
    jsonLogger,
  );
  container = { cloud, handle };
  return container;
}

function withoutPlatformFields(event: unknown): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
  const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  for (const key of PLATFORM_FIELDS) delete copy[key];
  return copy;
}

export async function main(event: unknown, _context: unknown): Promise<Envelope<unknown>> {
  let booted: NonNullable<typeof container>;
  try {
    booted = boot();
  } catch (err) {
    const e = err as Error;
    jsonLogger.error({ fn: 'stations', action: 'boot', code: 'INTERNAL', error: e?.name ?? typeof err, stack: e?.stack?.split('\n').slice(1, 6).join(' | ') });
    return { ok: false, error: new AppError('INTERNAL').toBody() };
  }
  const openid = booted.cloud.getWXContext().OPENID;
  const caller: Caller = { openid: typeof openid === 'string' && openid ? openid : null };
  return booted.handle(withoutPlatformFields(event), caller);
}
