/**
 * "Where am I?" — asked only after a tap. Answers GCJ-02 on both targets, or why not.
 * The app always works without location (region picker), so every failure is a normal outcome.
 */
import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from './geo';

export type LocateResult =
  | { ok: true; position: LatLng }
  | { ok: false; reason: 'denied' | 'unavailable' };

const TIMEOUT_MS = 12_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject({ errMsg: 'getLocation:fail timeout' }), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function isDenied(errMsg: string): boolean {
  return /auth|deny|denied|permission|privacy|拒绝/i.test(errMsg);
}

function failure(e: unknown): LocateResult {
  const msg = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as { message?: string })?.message ?? '');
  return { ok: false, reason: isDenied(msg) ? 'denied' : 'unavailable' };
}

/** WeChat answers GCJ-02 directly. */
async function locateWeapp(): Promise<LocateResult> {
  try {
    const res = await withTimeout(Taro.getLocation({ type: 'gcj02' }), TIMEOUT_MS);
    return { ok: true, position: { lat: res.latitude, lng: res.longitude } };
  } catch (e) {
    return failure(e);
  }
}

/** Browsers only know WGS-84 (Taro's H5 getLocation refuses 'gcj02'): convert. */
async function locateBrowser(): Promise<LocateResult> {
  try {
    const res = await withTimeout(Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 10_000 }), TIMEOUT_MS);
    return { ok: true, position: wgs84ToGcj02({ lat: res.latitude, lng: res.longitude }) };
  } catch (e) {
    return failure(e);
  }
}

export function locate(): Promise<LocateResult> {
  return process.env.TARO_ENV === 'weapp' ? locateWeapp() : locateBrowser();
}

/** weapp: after a refusal, the settings page is the only way back to permission. */
export async function openLocationSetting(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const res = await Taro.openSetting();
    return !!res.authSetting?.['scope.userLocation'];
  } catch {
    return false;
  }
}
