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

/** Every way a form marks a problem: a Field's wrapper, or a bare error line under an input. */
const FIRST_ERROR = '.sp-field--error, .sp-field__error, .field__error';

/**
 * Bring the first problem on the page into view (document order), so a villager who taps 提交 at the
 * bottom of a long form sees what to fix. Runs after the page has drawn the red text.
 */
export function scrollToFirstError(): void {
  // The mini-program draws in another thread: give it a moment to show the red text first.
  setTimeout(() => {
    if (process.env.TARO_ENV === 'h5') {
      const el = typeof document === 'undefined' ? null : document.querySelector(FIRST_ERROR);
      if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return;
    }
    Promise.resolve(Taro.pageScrollTo?.({ selector: FIRST_ERROR, duration: 200, offsetTop: -80 })).catch(() => undefined);
  }, process.env.TARO_ENV === 'h5' ? 0 : 60);
}
