/**
 * WeChat subscribe messages for complaint updates (PRODUCT §3: asked on a tap, one template per
 * event type). Template ids come from the build constant COMPLAINT_TEMPLATE_IDS
 * (config/index.ts; `COMPLAINT_TEMPLATE_IDS=id1,id2,id3 npx taro build --type weapp`). WeChat takes
 * at most 3 per request. No ids, H5, a refusal or an error: nothing happens — submitting a
 * complaint never waits for or depends on this.
 */
import Taro from '@tarojs/taro';

/** WeChat's limit per requestSubscribeMessage call. */
const MAX_PER_REQUEST = 3;

export function complaintTemplateIds(): string[] {
  const ids = typeof COMPLAINT_TEMPLATE_IDS !== 'undefined' && Array.isArray(COMPLAINT_TEMPLATE_IDS) ? COMPLAINT_TEMPLATE_IDS : [];
  return ids.filter((id) => typeof id === 'string' && id !== '').slice(0, MAX_PER_REQUEST);
}

/** Call straight from the tap handler (WeChat requires a user gesture); do not await it. */
export function askForComplaintUpdates(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = complaintTemplateIds();
  if (!tmplIds.length) return;
  try {
    const p = Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    if (p && typeof p.catch === 'function') p.catch(() => undefined);
  } catch {
    /* old base library or refused: updates are still visible in 我的投诉 */
  }
}
