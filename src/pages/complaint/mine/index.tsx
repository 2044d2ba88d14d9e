/**
 * 我的投诉: newest first, each with its status; tap → 投诉详情. Refreshes when shown again. Above
 * them, the cases the villager follows (关注: 我也遇到了 or 并单), whose result comes there.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';

import StatusChip from '../../../components/complaint/StatusChip';
import ListFooter from '../../../ui/ListFooter';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { usePagedList } from '../../../hooks/usePagedList';
import { complaints, type ComplaintListItem } from '../../../services/complaints';
import { formatDay } from '../../../ui/format';
import Button from '../../../ui/Button';
import ClaimForm from '../../../components/complaint/ClaimForm';

export default function MyComplaintsPage() {
  const [following, setFollowing] = useState<ComplaintListItem[]>([]);
  const list = usePagedList<ComplaintListItem>(async (cursor) => {
    const page = await complaints.mine({ cursor, limit: 20 });
    // The first page carries the followed cases.
    if (!cursor) setFollowing(page.following ?? []);
    return page;
  }, 'mine');

  // Back from a complaint: its status may have changed.
  useRefreshOnShow(() => list.reload(true));
  usePullRefresh(() => list.reload(true));

  const open = (id: string) => Taro.navigateTo({ url: `/pages/complaint/detail/index?id=${encodeURIComponent(id)}` });
  const newComplaint = () => Taro.navigateTo({ url: '/pages/complaint/new/index' });

  return (
    <PageShell id='page-complaint-mine' heading='我的投诉'>
      {list.status === 'loading' ? <Skeleton id='mine-loading' rows={2} /> : null}
      {list.status === 'error' ? <ErrorState id='mine-error' message={list.error?.message ?? '加载失败'} onRetry={() => list.reload()} /> : null}
      {list.status === 'ready' && following.length ? (
        <View id='following-list'>
          {following.map((c) => (
            <Button key={c.id} id={`following-${c.id}`} className='card complaint-card' onClick={() => open(c.id)}>
              <View className='detail__top'>
                <Text className='complaint-card__title'>
                  <Text id={`following-label-${c.id}`} className='badge badge--info'>
                    关注
                  </Text>{' '}
                  {c.categoryLabel}
                </Text>
                <StatusChip id={`following-status-${c.id}`} status={c.status} label={c.statusLabel} />
              </View>
              <Text className='complaint-card__station'>{c.stationName}</Text>
              <Text className='complaint-card__meta'>
                {c.follow === 'merged' ? '您的投诉已并入这件一起办理' : '您点过“我也遇到了”'} · 编号 {c.trackingNo}
              </Text>
              {c.status === 'replied' || c.status === 'closed' ? <Text className='complaint-card__todo'>看处理结果 ›</Text> : null}
            </Button>
          ))}
        </View>
      ) : null}
      {list.status === 'ready' && !list.items.length && !following.length ? (
        <EmptyState id='mine-empty' text='您还没有投诉过。站点有问题，可以在这里投诉。' actionText='我要投诉' onAction={newComplaint} actionId='btn-new-complaint' />
      ) : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='mine-list'>
          {list.items.map((c) => (
            <Button key={c.id} id={`complaint-${c.id}`} className='card complaint-card' onClick={() => open(c.id)}>
              <View className='detail__top'>
                <Text className='complaint-card__title'>{c.categoryLabel}</Text>
                <StatusChip id={`complaint-status-${c.id}`} status={c.status} label={c.statusLabel} />
              </View>
              <Text className='complaint-card__station'>{c.stationName}</Text>
              <Text className='complaint-card__meta'>
                {formatDay(c.submittedAt)} 提交 · 编号 {c.trackingNo}
              </Text>
              {c.status === 'replied' ? <Text className='complaint-card__todo'>已答复，请去评价 ›</Text> : null}
            </Button>
          ))}
          <ListFooter idPrefix='mine' count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} endText={`共 ${list.items.length} 件，没有更多了`} />
        </View>
      ) : null}
      {list.status === 'ready' ? <ClaimForm onClaimed={open} /> : null}
    </PageShell>
  );
}
