/**
 * Posts this official created on this device. The server lists only published posts
 * (`posts` leaves out drafts and cancelled ones) and has no "my posts" action, so the ids of
 * posts created here are remembered locally to find drafts again.
 */
import Taro from '@tarojs/taro';

const KEY = 'zdt.official.posts';
const MAX = 30;

export function myPostIds(): string[] {
  try {
    const v = Taro.getStorageSync(KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberPost(id: string): void {
  try {
    Taro.setStorageSync(KEY, [id, ...myPostIds().filter((x) => x !== id)].slice(0, MAX));
  } catch {
    /* not remembered: the post still exists on the server */
  }
}

