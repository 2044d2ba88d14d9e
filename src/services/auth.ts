/**
 * `auth` client: scan-to-sign-in for the officials' PC desk (core/auth/signin.ts). Typed by
 * `AuthApi` (types only).
 */
import type { AuthApi } from '../../cloudfunctions/auth/handler';
import { client, type Output } from './transport';

export type SignInStart = Output<AuthApi, 'start'>;
export type SignInPoll = Output<AuthApi, 'poll'>;
export type SignInInspect = Output<AuthApi, 'inspect'>;

const call = client<AuthApi>('auth');

export const auth = {
  start: () => call('start', {}),
  poll: (ticket: string) => call('poll', { ticket }),
  inspect: (ticket: string) => call('inspect', { ticket }),
  confirm: (ticket: string, approve: boolean) => call('confirm', { ticket, approve }, { write: true }),
  signOut: (session: string) => call('signOut', { session }, { write: true }),
};
