/** `settings`: thresholds localities adjust (第十二条1). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/settings/api';
import { createSettingsService, type SettingsDeps } from '../../core/settings/service';
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createSettingsHandler(deps: SettingsDeps & RateLimitDeps, logger?: Logger) {
  const s = createSettingsService(deps);
  return rateLimitedRouter('settings', deps, logger, serviceActions(s, {
    // County, city and province officials: their region or one inside it
    get: api.getSettingsInput,
    changes: api.settingsChangesInput,
    update: api.updateSettingsInput,
  }));
}

/** What each action takes and answers; the app's `settings` client is typed by it. */
export type SettingsApi = ApiOf<ReturnType<typeof createSettingsHandler>>;
