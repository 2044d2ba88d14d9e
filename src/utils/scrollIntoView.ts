/**
 * Bring a form's problem or answer into view, so "请看红字提示" never points at red text
 * off-screen and a failure notice never hides the button it talks about. H5 scrolls the element
 * itself (`nearest`: only as far as needed); the mini-program scrolls the page to it.
 */
import Taro from '@tarojs/taro';

export function scrollIntoView(id: string, block: 'center' | 'nearest' = 'center'): void {
  if (process.env.TARO_ENV === 'h5') {
    const el = typeof document === 'undefined' ? null : document.getElementById(id);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block, behavior: 'smooth' });
    return;
  }
  Promise.resolve(Taro.pageScrollTo?.({ selector: `#${id}`, duration: 200 })).catch(() => undefined);
}
