/** One rating: the four scores, words, 到店评价, date, the head's reply; (mine) its status. */
import { Text, View } from '@tarojs/components';
import { DIMENSIONS } from '@core/rating/model';
import type { RatingView } from '../../services/ratings';
import { formatDay } from '../../ui/format';

/** Short names so four scores fit one line on a small phone. */
const SHORT: Record<string, string> = { attitude: '态度', pricing: '收费', cleanliness: '环境', efficiency: '效率' };

export default function RatingItem({ rating: r, showStation, showStatus }: { rating: RatingView; showStation?: boolean; showStatus?: boolean }) {
  return (
    <View id={`rating-item-${r.id}`} className='rating-item'>
      {showStation ? <Text className='rating-item__station'>{r.stationName}</Text> : null}
      <View className='rating-item__top'>
        <Text className='rating-item__scores'>{DIMENSIONS.map(([d]) => `${SHORT[d]} ${r.scores[d]}★`).join('  ')}</Text>
      </View>
      <View className='rating-item__badges'>
        {r.visitVerified ? <Text className='badge badge--ok'>到店评价</Text> : null}
        {showStatus ? <Text className={`badge ${r.status === 'published' ? 'badge--info' : r.status === 'held' ? 'badge--warn' : 'badge--muted'}`}>{r.statusLabel}</Text> : null}
        <Text className='rating-item__date'>{formatDay(r.createdAt)}</Text>
      </View>
      {r.comment ? <Text className='rating-item__comment'>{r.comment}</Text> : null}
      {r.reply ? (
        <View className='rating-item__reply'>
          <Text className='rating-item__reply-label'>站长回复：</Text>
          <Text>{r.reply.text}</Text>
        </View>
      ) : null}
    </View>
  );
}
