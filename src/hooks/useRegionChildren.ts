/**
 * The children of a region (or the cities of Jiangxi for null), for every region/village picker:
 * loading / ready / error with a retry; answers to a superseded parent are dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import { stations, toApiError, type ApiError, type RegionItem } from '../services/api';

export function useRegionChildren(parentCode: string | null, enabled = true) {
  const [items, setItems] = useState<RegionItem[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    let alive = true;
    setStatus('loading');
    stations.regions({ parentCode }).then(
      (list) => {
        if (!alive) return;
        setItems(list);
        setStatus('ready');
      },
      (e) => {
        if (!alive) return;
        setError(toApiError(e));
        setStatus('error');
      },
    );
    return () => {
      alive = false;
    };
  }, [parentCode]);

  useEffect(() => (enabled ? load() : undefined), [enabled, load]);

  return { items, status, error, retry: load };
}
