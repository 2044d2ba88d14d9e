/** Loading state for one request and for paged lists: loading / ready / error with 重试. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../services/transport';

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

export interface Paged<T> {
  status: LoadStatus;
  items: T[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  reload: () => void;
  loadMore: () => void;
  /** Extra fields of the first page (e.g. calendarWarning). */
  first: Record<string, unknown> | null;
}

/** A cursor-paged list. `key` changes (filters) start over. */
export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>, key: string): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [first, setFirst] = useState<Record<string, unknown> | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(() => {
    const n = ++seq.current;
    setStatus('loading');
    setError(null);
    setMoreError(null);
    fetchRef.current(undefined).then(
      (page) => {
        if (n !== seq.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setFirst(page as unknown as Record<string, unknown>);
        setStatus('ready');
      },
      (e) => {
        if (n !== seq.current) return;
        setError(toApiError(e));
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      seq.current++;
    };
  }, [key, reload]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const n = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef.current(cursor).then(
      (page) => {
        if (n !== seq.current) return;
        setItems((prev) => [...prev, ...page.items]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (e) => {
        if (n !== seq.current) return;
        setMoreError(toApiError(e));
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore]);

  return { status, items, error, hasMore: !!cursor, loadingMore, moreError, reload, loadMore, first };
}
