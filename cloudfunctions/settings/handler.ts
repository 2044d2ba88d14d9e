/** `settings`: thresholds localities adjust (第十二条1). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/settings/api';
import { createSettingsService } from '../../core/settings/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';

export const createSettingsHandler = serviceHandler('settings', createSettingsService, {
  // County, city and province officials: their region or one inside it
  get: api.getSettingsInput,
  changes: api.settingsChangesInput,
  update: api.updateSettingsInput,
});

/** What each action takes and answers; the app's `settings` client is typed by it. */
export type SettingsApi = ApiOf<ReturnType<typeof createSettingsHandler>>;
