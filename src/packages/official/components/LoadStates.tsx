/**
 * What a page shows while its data is on the way: 正在加载… the first time (not while a reload
 * keeps the old data on screen), the error with 重试 when it failed.
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../services/transport';
import type { Loaded } from '../../../hooks/useLoad';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';

interface Props {
  /** A `useLoad` result, or a `usePagedList` one (which has no `data`: its skeleton shows on every loading). */
  load: { status: 'loading' | 'ready' | 'error'; error: ApiError | null; reload: () => void; data?: unknown };
  loadingId?: string;
  errorId?: string;
  rows?: number;
}

export default function LoadStates({ load, loadingId, errorId, rows }: Props) {
  return (
    <>
      {load.status === 'loading' && !load.data ? <Skeleton id={loadingId} rows={rows} /> : null}
      {load.status === 'error' ? <ErrorState id={errorId} message={load.error?.message ?? '加载失败'} onRetry={load.reload} /> : null}
    </>
  );
}

/** A page of one loaded value: its load states, then `children(data)` once the data is there. */
export function LoadedPage<T>({ id, heading, load, children, ...states }: Omit<Props, 'load'> & { id: string; heading: string; load: Loaded<T>; children: (data: T) => ReactNode }) {
  return (
    <PageShell id={id} heading={heading}>
      <LoadStates load={load} {...states} />
      {load.data ? <View>{children(load.data)}</View> : null}
    </PageShell>
  );
}
