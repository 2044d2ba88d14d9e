/**
 * `account` client: who am I (roles → which workbench tiles to show), role grants, and the
 * holiday-calendar status (officials are warned when next year's holidays are not entered yet).
 * Typed by `AccountApi` (types only: core/account/service.ts pulls in zod).
 */
import type { AccountApi } from '../../cloudfunctions/account/handler';
import { currentOpenid, pcSession } from './identity';
import { client, type Input, type Output } from './transport';

type In<K extends keyof AccountApi> = Input<AccountApi, K>;

export type MeView = Output<AccountApi, 'me'>;
export type CalendarStatus = Output<AccountApi, 'calendar'>;
export type BindingItem = Output<AccountApi, 'bindings'>['items'][number];
export type InviteMade = Output<AccountApi, 'invite'>;
export type ApiKeyItem = Output<AccountApi, 'apiKeys'>['items'][number];
export type ApiKeyIssued = Output<AccountApi, 'issueApiKey'>;
export type UndeliveredView = Output<AccountApi, 'undelivered'>;

const call = client<AccountApi>('account');
let meCache: { key: string; promise: Promise<MeView> } | null = null;

export const account = {
  /** Cached per identity for the session; `fresh` asks again (failures are never cached). */
  me(opts: { fresh?: boolean } = {}): Promise<MeView> {
    const key = `${currentOpenid() ?? ''}|${pcSession()?.token ?? ''}`;
    if (!meCache || meCache.key !== key || opts.fresh) {
      const promise = call('me', {});
      meCache = { key, promise };
      promise.catch(() => {
        if (meCache?.promise === promise) meCache = null;
      });
    }
    return meCache.promise;
  },
  calendar: () => call('calendar', {}),
  /** Province administrators: enter a year's holidays and make-up working days (调休). */
  setCalendarYear: (input: In<'setCalendarYear'>) => call('setCalendarYear', input, { write: true }),
  /** Role bindings the caller may see (inside their regions). */
  bindings: (input: In<'bindings'> = {}) => call('bindings', input),
  /** Grant by invitation: the answer carries the one-time code to hand to the person. */
  invite: (input: In<'invite'>) => call('invite', input, { write: true }),
  /** The invited person enters their code: the role is theirs (me() is asked again). */
  accept: async (input: In<'accept'>) => {
    const r = await call('accept', input, { write: true });
    meCache = null;
    return r;
  },
  revoke: (input: In<'revoke'>) => call('revoke', input, { write: true }),
  /** Province administrators: Open311 keys for hotline platforms (the key is answered once). */
  apiKeys: () => call('apiKeys', {}),
  undelivered: () => call('undelivered', {}),
  issueApiKey: (input: In<'issueApiKey'>) => call('issueApiKey', input, { write: true }),
  revokeApiKey: (input: In<'revokeApiKey'>) => call('revokeApiKey', input, { write: true }),
};

/** For tests. */
export function clearAccountCache(): void {
  meCache = null;
}
