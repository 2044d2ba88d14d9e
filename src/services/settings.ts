/** 参数设置 client (the `settings` function, 第十二条1): effective thresholds, the audit trail, changes. Typed by `SettingsApi`. */
import type { SettingsApi } from '../../cloudfunctions/settings/handler';
import { client, type Input } from './transport';

export type { ChangeView, SettingsView, SettingView } from '@core/settings/api';

const call = client<SettingsApi>('settings');

export const settings = {
  get: (input: Input<SettingsApi, 'get'> = {}) => call('get', input),
  changes: (input: Input<SettingsApi, 'changes'>) => call('changes', input),
  update: (input: Input<SettingsApi, 'update'>) => call('update', input, { write: true }),
};
