/**
 * Offline map for H5 (and anywhere the native map is missing): stations plotted around the
 * resident, north up, with a scale bar — no map tiles, no network. Taro's H5 Map would load Baidu
 * Maps from the internet; weapp uses StationMap.weapp.tsx (Taro picks it by file name).
 */
import { Text, View } from '@tarojs/components';
import type { StationSummary } from '@core/station/api';
import { niceScale, offsetMeters, type LatLng } from '../../utils/geo';
import MapStationList from './MapStationList';
import './offline-map.css';
import Button from '../../ui/Button';

export interface StationMapProps {
  /** The resident's position; null = centre on the stations. */
  center: LatLng | null;
  stations: StationSummary[];
  onOpen: (id: string) => void;
}

const MIN_EXTENT_M = 500;

function formatScale(m: number): string {
  return m >= 1000 ? `${m / 1000} 公里` : `${m} 米`;
}

export function plot(center: LatLng | null, stations: StationSummary[]) {
  const origin =
    center ??
    (stations.length
      ? {
          lat: stations.reduce((a, s) => a + s.location.lat, 0) / stations.length,
          lng: stations.reduce((a, s) => a + s.location.lng, 0) / stations.length,
        }
      : { lat: 0, lng: 0 });
  const offsets = stations.map((s) => offsetMeters(origin, s.location));
  const far = offsets.reduce((m, o) => Math.max(m, Math.abs(o.x), Math.abs(o.y)), 0);
  // Half the width of the plot in metres, with a margin so edge dots stay inside.
  const extent = Math.max(MIN_EXTENT_M, far * 1.12);
  const scaleM = niceScale(extent * 0.6);
  const pct = (v: number) => Math.round((50 + (v / extent) * 45) * 100) / 100;
  const points = offsets.map((o) => ({ left: pct(o.x), top: Math.round((100 - pct(o.y)) * 100) / 100 }));
  return { origin, extent, scaleM, scalePct: Math.round(((scaleM / (2 * extent)) * 90) * 100) / 100, points };
}

export default function StationMap({ center, stations, onOpen }: StationMapProps) {
  const { scaleM, scalePct, points } = plot(center, stations);
  return (
    <View className='map-fallback'>
      <View id='offline-map' className='offline-map'>
        <View className='offline-map__plot'>
          <View className='offline-map__ring' />
          <Text className='offline-map__north'>北 ↑</Text>
          {center ? (
            <View className='offline-map__me' style={{ left: '50%', top: '50%' }}>
              <Text className='offline-map__me-dot' />
              <Text className='offline-map__me-label'>您在这里</Text>
            </View>
          ) : null}
          {stations.map((s, i) => (
            <Button
              key={s.id}
              id={`map-mark-${s.id}`}
              className={`map-dot map-dot--${s.hours.state === 'open' ? 'open' : 'closed'}`}
              // Nearest on top: where markers overlap, the nearest stays tappable.
              style={{ left: `${points[i].left}%`, top: `${points[i].top}%`, zIndex: String(stations.length - i) }}
              label={`${i + 1}号 ${s.name}`}
              onClick={() => onOpen(s.id)}
            >
              {i + 1}
            </Button>
          ))}
          <View id='map-scale' className='offline-map__scale'>
            <View className='offline-map__scale-bar' style={{ width: `${scalePct}%` }} />
            <Text className='offline-map__scale-text'>{formatScale(scaleM)}</Text>
          </View>
        </View>
        <Text className='offline-map__hint'>示意图：只表示方向和远近，不显示道路。绿色为营业中。</Text>
      </View>
      <MapStationList stations={stations} onOpen={onOpen} />
    </View>
  );
}
