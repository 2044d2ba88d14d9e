/** The region the resident last listed stations by, kept so the next visit starts there. */
import Taro from '@tarojs/taro';

export interface ChosenRegion {
  code: string;
  /** Short name to show, e.g. 于都县 · 贡江镇 */
  label: string;
}

const KEY = 'zdt.region';
export const REGION_EVENT = 'zdt:region-chosen';

export function loadRegion(): ChosenRegion | null {
  try {
    const v = Taro.getStorageSync(KEY) as ChosenRegion | '';
    return v && typeof v === 'object' && typeof v.code === 'string' ? v : null;
  } catch {
    return null;
  }
}

export function saveRegion(region: ChosenRegion | null): void {
  try {
    if (region) Taro.setStorageSync(KEY, region);
    else Taro.removeStorageSync(KEY);
  } catch {
    /* ignore */
  }
}

/** Tell the home page (region page → navigateBack). */
export function announceRegion(region: ChosenRegion): void {
  saveRegion(region);
  Taro.eventCenter.trigger(REGION_EVENT, region);
}
