/** 公示公告: notices in their period first; anyone can read them and object during the period. */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { notices, type NoticeSummary } from '../../../services/notices';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import { formatDay } from '../../../ui/format';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import ItemHead from '../../../ui/ItemHead';

const FILTERS: ['open' | 'closed' | 'all', string][] = [
  ['open', '公示中'],
  ['closed', '已结束'],
  ['all', '全部'],
];

export default function NoticesPage() {
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const list = usePagedList<NoticeSummary>((cursor) => notices.list({ status: status === 'all' ? undefined : status, cursor, limit: 20 }), status);
  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <PageShell id='page-notices' heading='公示公告'>
      <Text className='sp-lead'>拟任用的站点负责人在任用前公示不少于 5 个工作日。对公示对象有意见，可以在公示期内实名提出。</Text>
      <View className='chips'>
        {FILTERS.map(([code, label]) => (
          <Button key={code} id={`notices-filter-${code}`} className={`chip ${status === code ? 'chip--on' : ''}`} onClick={() => setStatus(code)}>
            {label}
          </Button>
        ))}
      </View>
      {list.status === 'loading' ? <Skeleton id='notices-loading' rows={2} /> : null}
      {list.status === 'error' ? <ErrorState id='notices-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? (
        <EmptyState id='notices-empty' text={status === 'open' ? '目前没有正在公示的内容' : '没有公示'} actionText={status === 'open' ? '看已结束的' : undefined} actionId='btn-closed-notices' onAction={status === 'open' ? () => setStatus('closed') : undefined} />
      ) : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='notices-list'>
          {list.items.map((n) => (
            <Button key={n.id} id={`notice-${n.id}`} className='sp-item' onClick={() => Taro.navigateTo({ url: `/packages/apply/notice/index?id=${encodeURIComponent(n.id)}` })}>
              <ItemHead title={n.title} status={n.running ? '公示中' : n.status === 'open' ? '即将公示' : '已结束'} tone={n.running ? 'warn' : 'muted'} />
              <Text className='sp-item__line'>
                公示期：{formatDay(n.startsOn)} 至 {formatDay(n.endsOn)}
              </Text>
              {n.outcomeLabel ? <Text className='sp-item__line'>{n.outcomeLabel}</Text> : null}
            </Button>
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={list.items.length} />
        </View>
      ) : null}
    </PageShell>
  );
}
