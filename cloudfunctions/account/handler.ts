/** `account`: who am I, role grants/revocations, the holiday calendar, Open311 API keys. */
import * as a from '../../core/account/service';
import * as k from '../../core/open311/keys';
import * as u from '../../core/notify/undeliverable';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createAccountHandler(deps: a.AccountDeps & k.ApiKeyDeps & u.UndeliverableDeps & RateLimitDeps, logger?: Logger) {
  const s = a.createAccountService(deps);
  const keys = k.createApiKeyService(deps);
  const outbox = u.createUndeliverableService(deps);
  return createRouter(
    'account',
    rateLimited('account', {
      me: action({ input: a.meInput, run: (_i, c) => s.me(c.openid) }),
      grant: action({ input: a.grantInput, run: (i, c) => s.grant(c.openid, i) }),
      invite: action({ input: a.inviteInput, run: (i, c) => s.invite(c.openid, i) }),
      accept: action({ input: a.acceptInput, run: (i, c) => s.accept(c.openid, i) }),
      revoke: action({ input: a.revokeInput, run: (i, c) => s.revoke(c.openid, i) }),
      bindings: action({ input: a.bindingsInput, run: (i, c) => s.bindings(c.openid, i) }),
      calendar: action({ input: a.calendarInput, run: (_i, c) => s.calendar(c.openid) }),
      setCalendarYear: action({ input: a.setCalendarYearInput, run: (i, c) => s.setCalendarYear(c.openid, i) }),
      // The province administrator's keys for hotline platforms (Open311, issue 11 §5)
      apiKeys: action({ input: k.apiKeysInput, run: (_i, c) => keys.list(c.openid) }),
      issueApiKey: action({ input: k.issueApiKeyInput, run: (i, c) => keys.issue(c.openid, i) }),
      revokeApiKey: action({ input: k.revokeApiKeyInput, run: (i, c) => keys.revoke(c.openid, i) }),
      // Messages WeChat would not deliver, with why (issue 11 §3)
      undelivered: action({ input: u.undeliveredInput, run: (_i, c) => outbox.summary(c.openid) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `account` client is typed by it. */
export type AccountApi = ApiOf<ReturnType<typeof createAccountHandler>>;
