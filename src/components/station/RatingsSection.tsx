/**
 * 评价 on the station page (docs/product.md §4): the published score, recent ratings with the head's
 * replies, "评价这个站点" (disabled with the reason when the caller may not rate it), and the
 * "被诱导好评/差评骚扰？" report.
 */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import { useLoad } from '../../hooks/useLoad';
import { usePagedList } from '../../hooks/usePagedList';
import { ratings, type RatingView, type SummaryView } from '../../services/ratings';
import ListFooter from '../../ui/ListFooter';
import PressureReport from '../rating/PressureReport';
import RatingItem from '../rating/RatingItem';
import RatingSummary from '../rating/RatingSummary';
import Section from './Section';
import { QuietError } from '../StateViews';
import Button from '../../ui/Button';

const RECENT = 3;

interface Props {
  station: StationDetail;
  /** A valid 到店 token is kept for this station. */
  visited: boolean;
  onRate: () => void;
}

export function rateBlockedReason(station: Pick<StationDetail, 'status'>, summary: Pick<SummaryView, 'canRate'> | null): string | null {
  if (station.status === 'closed') return '站点已关停，不能评价';
  if (summary?.canRate === false) return '您负责管理或监管这个站点，不能给它评价（防止刷单）';
  return null;
}

export default function RatingsSection({ station, visited, onRate }: Props) {
  const { data: summary, error, reload } = useLoad(() => ratings.summary({ stationId: station.id }), [station.id]);
  const list = usePagedList<RatingView>((cursor) => ratings.list({ stationId: station.id, cursor, limit: RECENT }), station.id);
  const retry = () => {
    reload();
    list.reload();
  };

  const blocked = rateBlockedReason(station, summary);

  return (
    <Section id='section-ratings' title='评价'>
      {summary ? <RatingSummary summary={summary} /> : null}
      {!summary && error ? (
        <QuietError id='rating-summary-error' text='评分暂时加载不出来。' retryId='rating-summary-retry' onRetry={retry} />
      ) : null}
      {!summary && !error ? <Text className='text-muted'>正在加载评分…</Text> : null}

      <Button
        id='btn-rate'
        className={`btn ${blocked ? 'btn--disabled' : 'btn--primary'} btn--block feedback__btn`}
        hoverClass={blocked ? 'none' : 'tap-active'}
        onClick={() => !blocked && onRate()}
      >
        {visited && !blocked ? '到店评价这个站点' : '评价这个站点'}
      </Button>
      {blocked ? (
        <Text id='rate-disabled-reason' className='small text-muted'>
          {blocked}
        </Text>
      ) : null}

      {list.status === 'ready' && list.items.length ? (
        <View id='rating-list' className='rating-list'>
          <Text className='sub-title'>最近的评价</Text>
          {list.items.map((r) => (
            <RatingItem key={r.id} rating={r} />
          ))}
          <ListFooter idPrefix='ratings' count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} endText='没有更多评价了' />
        </View>
      ) : null}
      {list.status === 'error' && summary?.count ? (
        <QuietError text='评价列表暂时加载不出来。' onRetry={() => list.reload()} />
      ) : null}

      <View className='feedback__report'>
        <PressureReport stationId={station.id} />
      </View>
    </Section>
  );
}
