/**
 * Coming back to a page (from a case, a form, another identity) refreshes what it shows; the first
 * show is the initial load, so it is skipped.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';

/** The latest closure: pages pass inline functions that read the current state. */
function useLatest<T>(value: T): { current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

export function useRefreshOnShow(refresh: () => void): void {
  const shown = useRef(false);
  const latest = useLatest(refresh);
  useDidShow(() => {
    if (shown.current) latest.current();
    shown.current = true;
  });
}

/** 下拉刷新 runs `refresh` and folds the spinner away at once (the page shows its own loading state). */
export function usePullRefresh(refresh: () => void): void {
  const latest = useLatest(refresh);
  usePullDownRefresh(() => {
    latest.current();
    Taro.stopPullDownRefresh();
  });
}
