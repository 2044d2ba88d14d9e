/** One request's loading state for any page: loading / ready / error with 重试. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/transport';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface Loaded<T> {
  status: LoadStatus;
  data: T | null;
  error: ApiError | null;
  /** Ask again; the data on screen stays until the answer comes (a refresh after an action). */
  reload: () => void;
  setData: (data: T) => void;
}

export function useLoad<T>(fetch: () => Promise<T>, deps: unknown[], opts: { skip?: boolean } = {}): Loaded<T> {
  const [state, setState] = useState<{ status: LoadStatus; data: T | null; error: ApiError | null }>({ status: 'loading', data: null, error: null });
  const seq = useRef(0);
  const run = useCallback(fetch, deps);
  const reload = useCallback(() => {
    if (opts.skip) return;
    const n = ++seq.current;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    run().then(
      (data) => n === seq.current && setState({ status: 'ready', data, error: null }),
      (e) => n === seq.current && setState((s) => ({ status: 'error', data: s.data, error: toApiError(e) })),
    );
  }, [run, opts.skip]);
  useEffect(() => {
    reload();
    return () => {
      seq.current++;
    };
  }, [reload]);
  const setData = useCallback((data: T) => setState({ status: 'ready', data, error: null }), []);
  return { ...state, reload, setData };
}
