/** weapp: WeChat's native map with a numbered marker per station; tap a marker → station page. */
import { Map, View } from '@tarojs/components';
import MapStationList from './MapStationList';
import type { StationMapProps } from './StationMap';

/** Copied into the package by config/index.ts (copy.patterns). */
const MARKER_ICON = '/assets/marker.png';

export default function StationMap({ center, stations, onOpen }: StationMapProps) {
  const markers = stations.map((s, i) => ({
    id: i,
    latitude: s.location.lat,
    longitude: s.location.lng,
    title: s.name,
    iconPath: MARKER_ICON,
    width: 30,
    height: 30,
    // The number matches the list under the map; tapping the marker opens the station.
    label: { content: String(i + 1), color: '#1f1f1f', fontSize: 14, anchorX: -5, anchorY: -48, bgColor: '#ffffff', padding: 2, borderRadius: 4 },
  }));
  const first = stations[0]?.location;
  const centre = center ?? first ?? { lat: 27.6, lng: 115.9 };
  const open = (markerId: number | string) => {
    const s = stations[Number(markerId)];
    if (s) onOpen(s.id);
  };
  return (
    <View className='map-native'>
      <Map
        id='station-map'
        className='map-native__map'
        latitude={centre.lat}
        longitude={centre.lng}
        scale={13}
        showLocation={!!center}
        markers={markers as never}
        includePoints={[...(center ? [{ latitude: center.lat, longitude: center.lng }] : []), ...stations.map((s) => ({ latitude: s.location.lat, longitude: s.location.lng }))]}
        onMarkerTap={(e) => open(e.detail.markerId)}
        onError={() => undefined}
      />
      <MapStationList stations={stations} onOpen={onOpen} />
    </View>
  );
}
