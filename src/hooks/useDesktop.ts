/**
 * Whether the page is on a desk-sized screen (issue 11 §1): H5 in a window at least
 * DESK_MIN_WIDTH CSS pixels wide. The mini-program always answers false (phone layout), and so
 * does a narrow browser; the answer follows the window as it is resized.
 */
import { useEffect, useState } from 'react';

export const DESK_MIN_WIDTH = 1024;
const QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;

function matches(): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return window.matchMedia(QUERY).matches;
}

export function useDesktop(): boolean {
  const [desk, setDesk] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(QUERY);
    const changed = () => setDesk(mq.matches);
    changed();
    mq.addEventListener?.('change', changed);
    return () => mq.removeEventListener?.('change', changed);
  }, []);
  return desk;
}
