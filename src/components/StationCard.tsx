/** One station in a list: name, open state, trust, distance, place, services. Tap → station page. */
import { Text, View } from '@tarojs/components';
import type { StationSummary } from '@core/station/api';
import { formatDistance } from '@core/shared/geo';
import { LEVEL_LABELS, type ServiceCode } from '@core/station/vocabulary';
import { hoursTone, trustBadges } from '../utils/trust';
import Badges from './Badges';
import ServiceChips from './ServiceChips';
import Button from '../ui/Button';

interface Props {
  station: StationSummary;
  onOpen: (id: string) => void;
  highlightService?: ServiceCode;
}

export default function StationCard({ station: s, onOpen, highlightService }: Props) {
  const hoursBadge = { key: 'hours', text: s.hours.label, tone: hoursTone(s.hours.state, s.hours.label) };
  return (
    <Button id={`station-${s.id}`} className='card station-card' onClick={() => onOpen(s.id)}>
      <View className='station-card__top'>
        <Text className='station-card__name'>{s.name}</Text>
        {s.distanceM !== undefined ? <Text className='station-card__distance'>{formatDistance(s.distanceM)}</Text> : null}
      </View>
      <Badges badges={[hoursBadge, ...trustBadges(s)]} />
      <View className='station-card__line'>
        <Text className='station-card__level'>{LEVEL_LABELS[s.level]}</Text>
        <Text className='station-card__place'>{s.place}</Text>
      </View>
      <Text className='station-card__hours'>{s.hours.note ? `${s.hours.detail}（${s.hours.note}）` : s.hours.detail}</Text>
      <ServiceChips services={s.services} max={5} highlight={highlightService} />
    </Button>
  );
}
