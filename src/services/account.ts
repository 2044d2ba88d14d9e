/**
 * `account` client: who am I (roles → which workbench tiles to show) and the holiday-calendar
 * status (officials are warned when next year's holidays are not entered yet).
 * Only types come from core/account/service.ts (the module itself pulls in zod).
 */
import type { MeView } from '@core/account/service';
import type { Role, Scope } from '@core/authz/roles';
import { currentOpenid } from './identity';
import { callFunction } from './transport';

export type { MeView };

export interface CalendarStatus {
  years: { year: number; source: 'official' | 'admin' }[];
  missingYears: number[];
  warning: string | null;
}

let meCache: { key: string; promise: Promise<MeView> } | null = null;

export const account = {
  /** Cached per identity for the session; `fresh` asks again (failures are never cached). */
  me(opts: { fresh?: boolean } = {}): Promise<MeView> {
    const key = currentOpenid() ?? '';
    if (!meCache || meCache.key !== key || opts.fresh) {
      const promise = callFunction<MeView>('account', 'me', {});
      meCache = { key, promise };
      promise.catch(() => {
        if (meCache?.promise === promise) meCache = null;
      });
    }
    return meCache.promise;
  },
  calendar: () => callFunction<CalendarStatus>('account', 'calendar', {}),
  /** Province administrators: enter a year's holidays and make-up working days (调休). */
  setCalendarYear: (input: { year: number; holidays: string[]; workdays: string[] }) =>
    callFunction<{ year: number; saved: boolean }>('account', 'setCalendarYear', input, { write: true }),
  /** Role bindings the caller may see (inside their regions). */
  bindings: (input: { cursor?: string; limit?: number } = {}) => callFunction<{ items: BindingItem[]; nextCursor: string | null }>('account', 'bindings', input),
  grant: (input: { openid: string; role: Role; scope: Scope; reason?: string }) => callFunction<{ id: string; label: string; scopeLabel: string }>('account', 'grant', input, { write: true }),
  revoke: (input: { id: string }) => callFunction<{ id: string; revoked: boolean }>('account', 'revoke', input, { write: true }),
};

export interface BindingItem {
  id: string;
  openid: string;
  role: Role;
  label: string;
  scopeLabel: string;
  grantedAt: string;
}

/** For tests. */
export function clearAccountCache(): void {
  meCache = null;
}
