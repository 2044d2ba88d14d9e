/**
 * Map of stations: around the resident (`?lat=&lng=`) or in a region (`?region=&label=`).
 * weapp renders WeChat's native map; H5 an offline plot (see components/map).
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { StationSummary } from '@core/station/api';
import { MAX_PAGE } from '@core/station/limits';
import { SERVICE_CODES, STATION_LEVELS, type ServiceCode, type StationLevel } from '@core/station/vocabulary';
import PageShell from '../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../components/StateViews';
import StationMap from '../../components/map/StationMap';
import { stations, toApiError, type ApiError } from '../../services/api';
import type { LatLng } from '../../utils/geo';
import './index.css';

function parseParams(params: Record<string, string | undefined>) {
  const lat = Number(params.lat);
  const lng = Number(params.lng);
  const center: LatLng | null = params.lat && params.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  const level = STATION_LEVELS.includes(params.level as StationLevel) ? (params.level as StationLevel) : undefined;
  const service = (SERVICE_CODES as readonly string[]).includes(params.service ?? '') ? (params.service as ServiceCode) : undefined;
  return {
    center,
    region: params.region || undefined,
    label: params.label ? decodeURIComponent(params.label) : '',
    filters: { level, service, openNow: params.openNow === '1' || undefined },
  };
}

export default function MapPage() {
  const router = useRouter();
  const [{ center, region, label, filters }] = useState(() => parseParams(router.params));
  const [items, setItems] = useState<StationSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    let alive = true;
    setItems(null);
    setError(null);
    const request = center
      ? stations.nearby({ lat: center.lat, lng: center.lng, limit: MAX_PAGE, ...filters })
      : region
        ? stations.search({ regionCode: region, limit: MAX_PAGE, ...filters })
        : Promise.reject(toApiError(null));
    request.then(
      (page) => alive && setItems(page.items),
      (e) => alive && setError(toApiError(e)),
    );
    return () => {
      alive = false;
    };
  }, [center, region, filters]);

  useEffect(() => load(), [load]);

  const openStation = (id: string) => Taro.navigateTo({ url: `/pages/station/index?id=${encodeURIComponent(id)}` });

  return (
    <PageShell id='page-map' heading={center ? '附近站点地图' : `${label || '地区'}站点地图`}>
      {!center && !region ? (
        <EmptyState id='map-no-place' text='不知道要看哪里的地图，请先回首页查找附近站点或选择地区' actionText='回到首页' onAction={() => Taro.reLaunch({ url: '/pages/index/index' })} />
      ) : (
        <View>
          {!items && !error ? <Skeleton id='map-loading' rows={2} /> : null}
          {error ? <ErrorState id='map-error' message={error.message} onRetry={load} /> : null}
          {items && items.length === 0 ? <EmptyState id='map-empty' text='这里没有可以显示的站点' /> : null}
          {items && items.length ? (
            <View>
              <Text className='map-count'>共 {items.length} 个站点，点编号查看详情</Text>
              <StationMap center={center} stations={items} onOpen={openStation} />
            </View>
          ) : null}
        </View>
      )}
    </PageShell>
  );
}
