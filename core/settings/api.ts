/** The contract of the `settings` function: zod inputs with limits; answers as plain types. */
import { regionCode, text, z } from '../shared/zod';
import type { SettingDef, SettingGroup, SettingLevel } from './model';

const settingsRegion = z.string().check(z.regex(/^36(\d{2}|\d{4})?$/, '请选择省、设区市或县'));
const settingKey = z.string().check(z.regex(/^[a-zA-Z.]{3,48}$/, '没有这项设置'));

export const getSettingsInput = z.strictObject({ regionCode: z.optional(settingsRegion) });
export const updateSettingsInput = z.strictObject({
  regionCode: settingsRegion,
  /** Key → new whole number, or null to use the broader region's value again. */
  values: z.record(settingKey, z.nullable(z.int('请填写整数'))).check(z.refine((o) => Object.keys(o).length <= 40, '设置项太多')),
  reason: text(200, '调整原因', { min: 2, tooShort: '请写明调整原因' }),
  /** The version read (0: the region has set nothing yet). */
  version: z.int().check(z.gte(0), z.lte(1_000_000)),
});
export const settingsChangesInput = z.strictObject({ regionCode: z.optional(regionCode), offset: z.optional(z.int().check(z.gte(0), z.lte(10_000))) });

export interface SettingView extends Pick<SettingDef, 'key' | 'group' | 'label' | 'unit' | 'min' | 'max'> {
  /** Effective at the region, and where it comes from. */
  value: number | null;
  source: SettingLevel | 'default';
  sourceLabel: string;
  /** What this region itself sets (null: it uses the broader value). */
  own: number | null;
  /** What applies when this region drops its own value. */
  inherited: number | null;
}

export interface ChangeView {
  id: string;
  at: string;
  region: string;
  by: string;
  reason: string;
  lines: string[];
}

export interface SettingsView {
  region: { code: string; name: string; level: SettingLevel };
  /** Regions the caller may switch to: their own and the ones inside it, one level down. */
  regions: { code: string; name: string }[];
  groups: { group: SettingGroup; label: string; items: SettingView[] }[];
  canEdit: boolean;
  version: number;
  /** Changes at this region and the ones above it, newest first. */
  changes: ChangeView[];
  nextOffset: number | null;
}
