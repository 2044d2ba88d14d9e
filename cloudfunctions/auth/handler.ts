/**
 * `auth`: scan-to-sign-in for the officials' PC desk (core/auth/signin.ts). `start` and `poll` are
 * called by a PC without identity; `inspect` and `confirm` by the official in the mini-program;
 * `signOut` by the signed-in PC with its session token.
 */
import * as a from '../../core/auth/signin';
import { action, createRouter, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { anyone } from '../_shared/actions';

export function createAuthHandler(deps: a.SignInDeps, logger?: Logger) {
  const s = a.createSignInService(deps);
  return createRouter(
    'auth',
    serviceActions(s, {
      // Rate limits are counted inside the service: start per PC, poll per code, sign-out per session.
      start: action({ input: a.startInput, run: (_i, c) => s.start(c.openid ?? c.client ?? 'anonymous') }),
      poll: anyone(a.pollInput, s.poll),
      inspect: a.inspectInput,
      confirm: a.confirmInput,
      signOut: anyone(a.signOutInput, s.signOut),
    }),
    logger,
  );
}

/** What each action takes and answers; the app's `auth` client is typed by it. */
export type AuthApi = ApiOf<ReturnType<typeof createAuthHandler>>;
