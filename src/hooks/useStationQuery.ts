/**
 * One list of stations: first page on query change, "加载更多" with nextCursor, retry.
 * Answers to superseded queries are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServiceCode, StationLevel } from '@core/station/vocabulary';
import { stations, toApiError, type ApiError, type StationPage, type StationSummary } from '../services/api';
import type { LatLng } from '../utils/geo';

export interface Filters {
  level?: StationLevel;
  service?: ServiceCode;
  openNow?: boolean;
}

export type StationQuery =
  | { kind: 'nearby'; position: LatLng }
  | { kind: 'region'; regionCode: string }
  | { kind: 'search'; q: string; regionCode?: string };

export const PAGE_SIZE = 20;

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface StationListState {
  status: ListStatus;
  items: StationSummary[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Error of the last "加载更多" (the list itself stays). */
  moreError: ApiError | null;
}

function fetchPage(query: StationQuery, filters: Filters, cursor?: string): Promise<StationPage> {
  const common = { level: filters.level, service: filters.service, openNow: filters.openNow || undefined, cursor, limit: PAGE_SIZE };
  switch (query.kind) {
    case 'nearby':
      return stations.nearby({ lat: query.position.lat, lng: query.position.lng, ...common });
    case 'region':
      return stations.search({ regionCode: query.regionCode, ...common });
    case 'search':
      return stations.search({ q: query.q, regionCode: query.regionCode, ...common });
  }
}

const initial: StationListState = { status: 'idle', items: [], error: null, hasMore: false, loadingMore: false, moreError: null };

export function useStationQuery(query: StationQuery | null, filters: Filters) {
  const [state, setState] = useState<StationListState>(initial);
  const cursor = useRef<string | null>(null);
  const seq = useRef(0);
  const moreInFlight = useRef(false);
  const key = query ? JSON.stringify([query, filters]) : '';

  const load = useCallback(() => {
    const my = ++seq.current;
    moreInFlight.current = false;
    if (!query) {
      setState(initial);
      return;
    }
    setState({ ...initial, status: 'loading' });
    fetchPage(query, filters).then(
      (page) => {
        if (my !== seq.current) return;
        cursor.current = page.nextCursor;
        setState({ ...initial, status: 'ready', items: page.items, hasMore: !!page.nextCursor });
      },
      (e) => {
        if (my !== seq.current) return;
        setState({ ...initial, status: 'error', error: toApiError(e) });
      },
    );
  }, [key]);

  useEffect(() => {
    load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (!query || !cursor.current || moreInFlight.current) return;
    moreInFlight.current = true;
    const my = seq.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    fetchPage(query, filters, cursor.current).then(
      (page) => {
        if (my !== seq.current) return;
        moreInFlight.current = false;
        cursor.current = page.nextCursor;
        setState((s) => {
          const seen = new Set(s.items.map((i) => i.id));
          return { ...s, items: [...s.items, ...page.items.filter((i) => !seen.has(i.id))], hasMore: !!page.nextCursor, loadingMore: false };
        });
      },
      (e) => {
        if (my !== seq.current) return;
        moreInFlight.current = false;
        setState((s) => ({ ...s, loadingMore: false, moreError: toApiError(e) }));
      },
    );
  }, [key]);

  return { ...state, reload: load, loadMore };
}
