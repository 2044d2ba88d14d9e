/**
 * H5: a page whose code could not be downloaded (offline after the first load, or a link that
 * dropped mid-way). Taro's router then leaves the old page on screen with the new address and
 * only logs "Loading chunk … failed"; this says so in plain words with 重试 and 返回, and each
 * try shows that it happened (a second failure is numbered, not identical to the first).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import './load-failure.css';
import Button from '../../ui/Button';
import { BusyButton } from '../../ui/send';

/** webpack's error for a chunk that did not load (script error, timeout or missing CSS). */
export function isChunkLoadError(reason: unknown): boolean {
  const e = reason as { name?: unknown; message?: unknown; code?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return e.name === 'ChunkLoadError' || e.code === 'CSS_CHUNK_LOAD_FAILED' || (typeof e.message === 'string' && /Loading (CSS )?chunk [\w-]+ failed/.test(e.message));
}

interface Failure {
  /** The address of the page that did not open (path + query). */
  url: string;
  tries: number;
  offline: boolean;
}

export default function LoadFailure() {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!isChunkLoadError(event.reason)) return;
      // Handled here: the console keeps no unexplained error.
      event.preventDefault();
      const url = window.location.pathname + window.location.search;
      setRetrying(false);
      setFailure((f) => ({ url, tries: f && f.url === url ? f.tries + 1 : 1, offline: navigator.onLine === false }));
    };
    // A page that did open clears the notice.
    const onRoute = () => setFailure(null);
    window.addEventListener('unhandledrejection', onRejection);
    Taro.eventCenter.on('__afterTaroRouterChange', onRoute);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      Taro.eventCenter.off('__afterTaroRouterChange', onRoute);
    };
  }, []);

  if (!failure) return null;

  const retry = () => {
    if (retrying) return;
    setRetrying(true);
    // Loads the same address again in place of what is on screen (the address already shows it).
    Taro.redirectTo({ url: failure.url }).catch(() => undefined);
  };
  const back = () => {
    setFailure(null);
    if (Taro.getCurrentPages().length > 0) window.history.back();
    else Taro.reLaunch({ url: '/pages/index/index' }).catch(() => undefined);
  };

  return (
    <View id='load-failure' className='load-failure' aria-live='assertive'>
      <View className='load-failure__box'>
        <Text className='load-failure__title'>页面没有打开</Text>
        <Text className='load-failure__text'>
          {failure.offline ? '手机现在没有联网。' : '网络不好，页面没有下载下来。'}
          请检查网络（移动数据或 Wi-Fi）后点“重试”。
        </Text>
        {failure.tries > 1 ? (
          <Text id='load-failure-tries' className='load-failure__tries'>
            已试了 {failure.tries} 次，还是没打开。
          </Text>
        ) : null}
        <BusyButton id='btn-load-retry' className='btn btn--primary btn--big btn--block' busy={retrying} text='重试' busyText='正在重试…' onClick={retry} />
        <Button id='btn-load-back' className='btn btn--ghost btn--block' onClick={back}>
          返回
        </Button>
      </View>
    </View>
  );
}
