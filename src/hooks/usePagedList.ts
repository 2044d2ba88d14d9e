/**
 * A cursor-paged list for every page (the subpackages use it too): first page, "加载更多", 重试, refresh.
 * Answers to superseded loads are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/transport';

export type PagedStatus = 'loading' | 'ready' | 'error';

export interface PagedList<T> {
  status: PagedStatus;
  items: T[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  /** Start over; `quiet` keeps the items on screen until the answer comes. */
  reload: (quiet?: boolean) => void;
  loadMore: () => void;
  /** The whole first page's answer, for extra fields beside the items (e.g. calendarWarning). */
  first: Record<string, unknown> | null;
}

export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>, key: string): PagedList<T> {
  const [status, setStatus] = useState<PagedStatus>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [first, setFirst] = useState<Record<string, unknown> | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback((quiet = false) => {
    const n = ++seq.current;
    if (!quiet) setStatus('loading');
    setError(null);
    setMoreError(null);
    setLoadingMore(false);
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
        setItems((old) => [...old, ...page.items]);
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
