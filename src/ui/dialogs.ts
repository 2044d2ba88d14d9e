/**
 * Toast and "确定 / 取消" dialog. Taro's H5 build keeps only the APIs it sees called as
 * `Taro.showModal(...)`, so these call them by name (an alias made them vanish on H5: no dialog,
 * the irreversible action ran on one tap).
 */
import Taro from '@tarojs/taro';

/** A short toast; a failure to show it never breaks the action that asked for it. */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  try {
    void Promise.resolve(Taro.showToast({ title, icon, duration: 2000 })).catch(() => undefined);
  } catch {
    /* no toast on this platform */
  }
}

export interface Confirmation {
  title: string;
  content: string;
  /** The verb on the button ("撤销", "确定撤回"); 确定 by default. */
  confirmText?: string;
  /** The way back; 取消 by default. */
  cancelText?: string;
}

/** Ask before something that cannot be undone; true only when the user pressed the confirm button. */
export async function confirm({ title, content, confirmText = '确定', cancelText = '取消' }: Confirmation): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText,
      // WeChat's default green is too light on white for older eyes.
      confirmColor: '#a3221b',
      cancelColor: '#1f1f1f',
    });
    return !!res?.confirm;
  } catch {
    return false;
  }
}
