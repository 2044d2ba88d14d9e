/** Cloud entry of `account`: roles, grants and the calendar; first administrators from ZDT_ADMINS. */
import { bootstrapAdmins, parseAdminConfig } from '../../core/account/service';
import { AppError } from '../../core/shared/errors';
import { toErrorBody } from '../../core/shared/router';
import { apiKeys, audit, calendars, complaints, outbox, rateLimits, regions, roles, stations } from '../../adapters/cloudbase/stores';
import { cloudEntry, cloudStores, jsonLogger, type StoresFor } from '../_shared/cloud';
import { basicDeps } from '../_shared/deps';
import { createAccountHandler } from './handler';
import { randomInviteCodes } from '../../adapters/platform/invite-codes';
import { randomApiKeys } from '../../adapters/platform/api-keys';

type Admins = ReturnType<typeof parseAdminConfig>;

/**
 * ZDT_ADMINS parsed, or which entry (1-based) is malformed. Never the values: entries hold openids.
 */
export function readAdminConfig(spec: string): { ok: true; admins: Admins } | { ok: false; entry: number } {
  try {
    return { ok: true, admins: parseAdminConfig(spec) };
  } catch {
    const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = entries.findIndex((e) => {
      try {
        parseAdminConfig(e);
        return false;
      } catch {
        return true;
      }
    });
    return { ok: false, entry: bad + 1 };
  }
}

export const main = cloudEntry('account', (cloud) => {
  const stores = cloudStores(cloud, { roles, audit, calendars, stations, regions, complaints, apiKeys, outbox, rateLimits } satisfies StoresFor<typeof createAccountHandler>);
  const deps = { ...stores, ...basicDeps(), inviteCodes: randomInviteCodes(), apiKeySource: randomApiKeys() };
  const handle = createAccountHandler(deps, jsonLogger);
  const config = readAdminConfig(process.env.ZDT_ADMINS ?? '');
  // Configured administrators are ensured once per container, before the first action.
  let ready: Promise<unknown> | null = null;
  return async (event, caller) => {
    if (!config.ok) {
      // A malformed ZDT_ADMINS is an operator's mistake: every call answers INTERNAL (until the
      // variable is fixed) and logs where the mistake is, without any value.
      jsonLogger.error({ fn: 'account', action: 'config', code: 'INTERNAL', error: 'ConfigError', variable: 'ZDT_ADMINS', entry: config.entry });
      return { ok: false, error: new AppError('INTERNAL').toBody() };
    }
    ready ??= bootstrapAdmins(deps, config.admins).catch((err: unknown) => {
      ready = null; // tried again on the next call
      throw err;
    });
    try {
      await ready;
    } catch (err) {
      const body = toErrorBody(err);
      jsonLogger.error({ fn: 'account', action: 'bootstrapAdmins', code: body.code, error: (err as Error)?.name ?? typeof err });
      return { ok: false, error: body };
    }
    return handle(event, caller);
  };
});
