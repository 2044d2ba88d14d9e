/** `account`: who am I, role grants/revocations, the holiday calendar, Open311 API keys. */
import * as a from '../../core/account/service';
import * as k from '../../core/open311/keys';
import * as u from '../../core/notify/undeliverable';
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createAccountHandler(deps: a.AccountDeps & k.ApiKeyDeps & u.UndeliverableDeps & RateLimitDeps, logger?: Logger) {
  const s = a.createAccountService(deps);
  const keys = k.createApiKeyService(deps);
  const outbox = u.createUndeliverableService(deps);
  return rateLimitedRouter('account', deps, logger, serviceActions(s, {
    me: a.meInput,
    grant: a.grantInput,
    invite: a.inviteInput,
    accept: a.acceptInput,
    revoke: a.revokeInput,
    bindings: a.bindingsInput,
    calendar: a.calendarInput,
    setCalendarYear: a.setCalendarYearInput,
    // The province administrator's keys for hotline platforms (Open311, issue 11 §5)
    ...serviceActions(keys, { apiKeys: ['list', k.apiKeysInput], issueApiKey: ['issue', k.issueApiKeyInput], revokeApiKey: ['revoke', k.revokeApiKeyInput] }),
    // Messages WeChat would not deliver, with why (issue 11 §3)
    ...serviceActions(outbox, { undelivered: ['summary', u.undeliveredInput] }),
  }));
}

/** What each action takes and answers; the app's `account` client is typed by it. */
export type AccountApi = ApiOf<ReturnType<typeof createAccountHandler>>;
