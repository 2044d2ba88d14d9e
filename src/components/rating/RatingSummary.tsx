/**
 * The published score: a smoothed overall (a few ratings cannot swing it), the four dimensions,
 * how many ratings and how many were made at the station (到店评价), and "评价较少" when few.
 */
import { Text, View } from '@tarojs/components';
import { DIMENSION_LABELS } from '@core/rating/model';
import type { SummaryView } from '../../services/ratings';
import { score1, starText } from '../../ui/format';

export default function RatingSummary({ summary }: { summary: SummaryView }) {
  if (!summary.count || summary.overall === null) {
    return (
      <View id='rating-summary' className='rating-summary'>
        <Text id='rating-none' className='text-muted'>
          还没有人评价这个站点。
        </Text>
      </View>
    );
  }
  return (
    <View id='rating-summary' className='rating-summary'>
      <View className='rating-summary__top'>
        <Text id='rating-overall' className='rating-summary__score'>
          {score1(summary.overall)}
        </Text>
        <View className='rating-summary__right'>
          <Text className='stars'>
            {starText(summary.overall)}
          </Text>
          <Text id='rating-count' className='rating-summary__count'>
            {summary.count} 人评价，其中到店评价 {summary.visitVerified} 条
          </Text>
        </View>
      </View>
      {summary.fewRatings ? (
        <Text id='rating-few' className='rating-summary__few'>
          评价较少，分数仅供参考
        </Text>
      ) : null}
      <View className='rating-summary__dims'>
        {summary.dimensions.map((d) => (
          <View key={d.dimension} id={`rating-dim-score-${d.dimension}`} className='dim-row'>
            <Text className='dim-row__label'>{DIMENSION_LABELS[d.dimension]}</Text>
            <Text className='stars stars--small'>{starText(d.smoothed)}</Text>
            <Text className='dim-row__score'>{score1(d.smoothed)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
