/** A list of stations with its states: loading skeleton, empty, error + 重试, 加载更多. */
import { View } from '@tarojs/components';
import type { ServiceCode } from '@core/station/vocabulary';
import type { StationListState } from '../hooks/useStationQuery';
import StationCard from './StationCard';
import { EmptyState, ErrorState, Skeleton } from './StateViews';
import ListFooter from '../ui/ListFooter';

export interface StationListProps extends StationListState {
  onRetry: () => void;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  emptyText: string;
  emptyActionText?: string;
  onEmptyAction?: () => void;
  highlightService?: ServiceCode;
}

export default function StationList(p: StationListProps) {
  if (p.status === 'idle') return null;
  if (p.status === 'loading') return <Skeleton />;
  if (p.status === 'error') return <ErrorState message={p.error?.message ?? '加载失败'} onRetry={p.onRetry} />;
  if (!p.items.length) {
    return <EmptyState text={p.emptyText} actionText={p.emptyActionText} onAction={p.onEmptyAction} actionId='btn-empty-action' />;
  }
  return (
    <View id='station-list' className='station-list'>
      {p.items.map((s) => (
        <StationCard key={s.id} station={s} onOpen={p.onOpen} highlightService={p.highlightService} />
      ))}
      <ListFooter hasMore={p.hasMore} loadingMore={p.loadingMore} moreError={p.moreError} onMore={p.onLoadMore} count={p.items.length} endText={`共 ${p.items.length} 个站点，没有更多了`} />
    </View>
  );
}
