import { Text, View } from '@tarojs/components';
import type { StationSummary } from '@core/station/api';
import { formatDistance } from '@core/shared/geo';
import Button from '../../ui/Button';

/** The numbered list under the map (numbers match the map's marks). */
export default function MapStationList({ stations, onOpen }: { stations: StationSummary[]; onOpen: (id: string) => void }) {
  return (
    <View id='map-list' className='map-list'>
      {stations.map((s, i) => (
        <Button key={s.id} id={`map-item-${s.id}`} className='map-list__item' onClick={() => onOpen(s.id)}>
          <Text className={`map-dot map-dot--inline map-dot--${s.hours.state === 'open' ? 'open' : 'closed'}`}>{i + 1}</Text>
          <View className='map-list__text'>
            <Text className='map-list__name'>{s.name}</Text>
            <Text className='map-list__meta'>
              {s.hours.label}
              {s.distanceM !== undefined ? ` · ${formatDistance(s.distanceM)}` : ''}
            </Text>
          </View>
        </Button>
      ))}
    </View>
  );
}
