/** `settings`: thresholds localities adjust (第十二条1). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/settings/api';
import { createSettingsService, type SettingsDeps } from '../../core/settings/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createSettingsHandler(deps: SettingsDeps & RateLimitDeps, logger?: Logger) {
  const s = createSettingsService(deps);
  return createRouter(
    'settings',
    rateLimited('settings', {
      // County, city and province officials: their region or one inside it
      get: action({ input: api.getSettingsInput, run: (i, c) => s.get(c.openid, i) }),
      changes: action({ input: api.settingsChangesInput, run: (i, c) => s.changes(c.openid, i) }),
      update: action({ input: api.updateSettingsInput, run: (i, c) => s.update(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `settings` client is typed by it. */
export type SettingsApi = ApiOf<ReturnType<typeof createSettingsHandler>>;
