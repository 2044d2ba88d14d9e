/**
 * Proof of visit (到店评价): the short-lived token the server handed out after the station's code
 * was scanned, kept per station until it expires. The rating form sends it; the server checks it.
 */
import Taro from '@tarojs/taro';

export interface StoredVisit {
  stationId: string;
  stationName: string;
  token: string;
  expiresAt: string;
}

const keyOf = (stationId: string) => `zdt.visit.${stationId}`;

export function saveVisit(v: StoredVisit): void {
  try {
    Taro.setStorageSync(keyOf(v.stationId), v);
  } catch {
    /* not kept: the rating is simply not marked 到店评价 */
  }
}

/** The station's token if it has not expired (expired ones are removed). */
export function loadVisit(stationId: string, now = new Date()): StoredVisit | null {
  try {
    const v = Taro.getStorageSync(keyOf(stationId)) as StoredVisit | '';
    if (!v || typeof v !== 'object' || v.stationId !== stationId || typeof v.token !== 'string') return null;
    if (!(new Date(v.expiresAt).getTime() > now.getTime())) {
      Taro.removeStorageSync(keyOf(stationId));
      return null;
    }
    return v;
  } catch {
    return null;
  }
}

export function clearVisit(stationId: string): void {
  try {
    Taro.removeStorageSync(keyOf(stationId));
  } catch {
    /* ignore */
  }
}
