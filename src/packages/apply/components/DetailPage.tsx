/**
 * A page of one record named by the route's `id` (a post, a notice): 正在加载…, 没有找到 with 返回,
 * or the error with 重试; then `children(record)` inside #<idPrefix>-detail.
 */
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import PageShell from '../../../components/PageShell';
import { DetailStates } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';

interface Props<T> {
  id: string;
  heading: string;
  /** Begins the ids of the states and of the record: <idPrefix>-loading, -error, -detail. */
  idPrefix: string;
  fetch: (id: string) => Promise<T>;
  children: (record: T) => ReactNode;
}

export default function DetailPage<T>({ id, heading, idPrefix, fetch, children }: Props<T>) {
  const recordId = useRouter().params.id ?? '';
  const load = useLoad(() => fetch(recordId), [recordId]);
  return (
    <PageShell id={id} heading={heading}>
      <DetailStates load={load} idPrefix={idPrefix} />
      {load.data ? <View id={`${idPrefix}-detail`}>{children(load.data)}</View> : null}
    </PageShell>
  );
}
