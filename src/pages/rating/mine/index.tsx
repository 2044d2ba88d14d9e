/** 我的评价: every rating I made, with its status (审核中 / 已公开 / 已被新评价替换) and replies. */
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import ListFooter from '../../../ui/ListFooter';
import PageShell from '../../../components/PageShell';
import RatingItem from '../../../components/rating/RatingItem';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { usePagedList } from '../../../hooks/usePagedList';
import { ratings, type RatingView } from '../../../services/ratings';
import Button from '../../../ui/Button';

export default function MyRatingsPage() {
  const list = usePagedList<RatingView>((cursor) => ratings.mine({ cursor, limit: 20 }), 'mine');

  usePullDownRefresh(() => {
    list.reload(true);
    Taro.stopPullDownRefresh();
  });

  const open = (stationId: string) => Taro.navigateTo({ url: `/pages/station/index?id=${encodeURIComponent(stationId)}` });

  return (
    <PageShell id='page-rating-mine' heading='我的评价'>
      {list.status === 'loading' ? <Skeleton id='ratings-loading' rows={2} /> : null}
      {list.status === 'error' ? <ErrorState id='ratings-error' message={list.error?.message ?? '加载失败'} onRetry={() => list.reload()} /> : null}
      {list.status === 'ready' && !list.items.length ? (
        <EmptyState id='ratings-empty' text='您还没有评价过站点。在站点页面点“评价这个站点”就可以评价。' actionText='去找站点' onAction={() => Taro.reLaunch({ url: '/pages/index/index' })} actionId='btn-find-station' />
      ) : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='my-ratings'>
          {list.items.map((r) => (
            <Button key={r.id} className='card' onClick={() => open(r.stationId)}>
              <RatingItem rating={r} showStation showStatus />
            </Button>
          ))}
          <ListFooter idPrefix='my-ratings' count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} endText={`共 ${list.items.length} 条，没有更多了`} />
        </View>
      ) : null}
    </PageShell>
  );
}
