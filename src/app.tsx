import type { PropsWithChildren } from 'react';
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import LoadFailure from './components/app/LoadFailure';
import { ensureCloud } from './services/transport';
import './app.css';
import './styles/feedback.css';

// H5: the home page ships in the entry bundle, so the first screen needs no second download
// after the app's code (webpack then leaves the router's lazy import of it empty).
if (process.env.TARO_ENV === 'h5') void import(/* webpackMode: "eager" */ './pages/index/index');

export const NOT_FOUND_PAGE = '/pages/not-found/index';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: connect to the cloud environment once; a no-op on H5 (the local server).
    ensureCloud();
  });
  // An address the app does not have: the 404 page (H5 and weapp), in place of a blank screen.
  usePageNotFound((res) => {
    // `stamp` is the router's own page counter, not part of the address the villager opened.
    const query = Object.entries((res.query ?? {}) as Record<string, string>).filter(([k]) => k !== 'stamp');
    const from = res.path + (query.length ? `?${new URLSearchParams(query).toString()}` : '');
    Taro.redirectTo({ url: `${NOT_FOUND_PAGE}?from=${encodeURIComponent(from)}` }).catch(() => undefined);
  });
  // children is the page being rendered
  return process.env.TARO_ENV === 'h5' ? (
    <>
      {children}
      <LoadFailure />
    </>
  ) : (
    children
  );
}

export default App;
