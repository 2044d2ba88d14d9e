/**
 * 长辈模式 (elder mode): larger text (body ≥ 36 design px = 18 px), tap targets ≥ 60 px, high
 * contrast. Stored as 'on' / 'off' once the user chooses; until then it follows WeChat's font size
 * setting (larger than the default 16 → on).
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

export const ELDER_KEY = 'zdt.elderMode';
const DEFAULT_FONT_SIZE = 16;

let value: boolean | null = null;
const listeners = new Set<(on: boolean) => void>();

/** WeChat's 我-设置-通用-字体大小, in px (16 = default). getAppBaseInfo on newer base libraries. */
function systemFontSize(): number | undefined {
  const t = Taro as unknown as { getAppBaseInfo?: () => { fontSizeSetting?: number } };
  try {
    const size = typeof t.getAppBaseInfo === 'function' ? t.getAppBaseInfo()?.fontSizeSetting : undefined;
    if (typeof size === 'number') return size;
  } catch {
    /* fall through */
  }
  try {
    const size = Taro.getSystemInfoSync()?.fontSizeSetting;
    return typeof size === 'number' ? size : undefined;
  } catch {
    return undefined;
  }
}

function systemPrefersLarge(): boolean {
  const size = systemFontSize();
  return size !== undefined && size > DEFAULT_FONT_SIZE;
}

export function getElderMode(): boolean {
  if (value === null) {
    let stored: unknown = '';
    try {
      stored = Taro.getStorageSync(ELDER_KEY);
    } catch {
      stored = '';
    }
    value = stored === 'on' ? true : stored === 'off' ? false : systemPrefersLarge();
  }
  return value;
}

export function setElderMode(on: boolean): void {
  value = on;
  try {
    Taro.setStorageSync(ELDER_KEY, on ? 'on' : 'off');
  } catch {
    /* not persisted, still applied */
  }
  listeners.forEach((fn) => fn(on));
}

export function subscribeElderMode(fn: (on: boolean) => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** For tests: forget the in-memory value so the next read consults storage again. */
export function resetElderModeForTest(): void {
  value = null;
  listeners.clear();
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(getElderMode);
  useEffect(() => {
    setOn(getElderMode());
    return subscribeElderMode(setOn);
  }, []);
  return [on, setElderMode];
}
