/**
 * Directory home: nearby stations after a tap on "查找附近站点", or by region when location is
 * refused or unavailable; search by name / village / pinyin initials; filters; paging.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_RADIUS_M } from '@core/station/limits';
import DemoBanner from '../../components/DemoBanner';
import FilterBar from '../../components/FilterBar';
import PageShell from '../../components/PageShell';
import RegionPicker from '../../components/RegionPicker';
import SearchBox from '../../components/SearchBox';
import StationList from '../../components/StationList';
import { useStationQuery, type Filters, type StationQuery } from '../../hooks/useStationQuery';
import { REGION_EVENT, loadRegion, saveRegion, type ChosenRegion } from '../../store/region';
import type { LatLng } from '../../utils/geo';
import { locate, openLocationSetting } from '../../utils/location';
import './index.css';
import Button from '../../ui/Button';
import NavButtons, { type NavLink } from '../../ui/NavButtons';

type Mode = 'start' | 'locating' | 'nearby' | 'region' | 'pick';

const RADIUS_KM = DEFAULT_RADIUS_M / 1000;

const HOME_LINKS: NavLink[] = [
  { id: 'btn-home-complain', text: '我要投诉', url: '/pages/complaint/new/index', className: 'home-link' },
  { id: 'btn-home-me', text: '我的（投诉、评价）', url: '/pages/me/index', className: 'home-link' },
];

export default function IndexPage() {
  const [mode, setMode] = useState<Mode>(() => (loadRegion() ? 'region' : 'start'));
  const [position, setPosition] = useState<LatLng | null>(null);
  const [region, setRegion] = useState<ChosenRegion | null>(loadRegion);
  const [locateFail, setLocateFail] = useState<'denied' | 'unavailable' | null>(null);
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({});

  const query = useMemo<StationQuery | null>(() => {
    if (q) return { kind: 'search', q, regionCode: mode === 'region' && region ? region.code : undefined };
    if (mode === 'nearby' && position) return { kind: 'nearby', position };
    if (mode === 'region' && region) return { kind: 'region', regionCode: region.code };
    return null;
  }, [q, mode, position, region]);

  const list = useStationQuery(query, filters);

  const chooseRegion = (r: ChosenRegion) => {
    saveRegion(r);
    setRegion(r);
    setQ('');
    setMode('region');
  };

  useEffect(() => {
    const handler = (r: ChosenRegion) => chooseRegion(r);
    Taro.eventCenter.on(REGION_EVENT, handler);
    return () => {
      Taro.eventCenter.off(REGION_EVENT, handler);
    };
  }, []);

  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });

  const findNearby = async () => {
    if (mode === 'locating') return;
    setMode('locating');
    setLocateFail(null);
    setQ('');
    const res = await locate();
    if (res.ok) {
      setPosition(res.position);
      setMode('nearby');
    } else {
      setLocateFail(res.reason);
      setMode(region ? 'region' : 'pick');
    }
  };

  const enableLocation = async () => {
    if (await openLocationSetting()) findNearby();
  };

  const openStation = (id: string) => Taro.navigateTo({ url: `/pages/station/index?id=${encodeURIComponent(id)}` });
  const openRegionPage = () => Taro.navigateTo({ url: '/pages/region/index' });
  const openMap = () => {
    const f = `${filters.level ? `&level=${filters.level}` : ''}${filters.service ? `&service=${filters.service}` : ''}${filters.openNow ? '&openNow=1' : ''}`;
    if (mode === 'nearby' && position) Taro.navigateTo({ url: `/pages/map/index?lat=${position.lat}&lng=${position.lng}${f}` });
    else if (region) Taro.navigateTo({ url: `/pages/map/index?region=${region.code}&label=${encodeURIComponent(region.label)}${f}` });
  };

  const filtered = !!(filters.level || filters.service || filters.openNow);
  let emptyText = '没有找到站点';
  let emptyActionText: string | undefined;
  let onEmptyAction: (() => void) | undefined;
  if (filtered) {
    emptyText = '没有符合筛选条件的站点，试试减少筛选条件';
    emptyActionText = '清除筛选';
    onEmptyAction = () => setFilters({});
  } else if (query?.kind === 'nearby') {
    emptyText = `附近 ${RADIUS_KM} 公里内没有站点，试试按地区查找`;
    emptyActionText = '按地区查找';
    onEmptyAction = openRegionPage;
  } else if (query?.kind === 'region') {
    emptyText = '这个地区还没有公开的站点信息，试试换个地区';
    emptyActionText = '换个地区';
    onEmptyAction = openRegionPage;
  } else if (query?.kind === 'search') {
    emptyText = `没有找到和“${query.q}”有关的站点，试试换个说法或拼音首字母`;
  }

  return (
    <PageShell id='page-index' heading='找电商扶贫服务站点'>
      <DemoBanner />
      <View className='home-actions'>
        <Button id='btn-locate' className='btn btn--primary btn--grow btn--big mr' onClick={findNearby}>
          {mode === 'locating' ? '正在定位…' : '查找附近站点'}
        </Button>
        <Button id='btn-region' className='btn btn--secondary btn--grow btn--big' onClick={openRegionPage}>
          按地区查找
        </Button>
      </View>
      <SearchBox value={q} onSearch={setQ} />
      <NavButtons className='home-links' links={HOME_LINKS} />

      {locateFail && mode !== 'nearby' ? (
        <View id='locate-failed' className='notice notice--warn'>
          <Text className='notice__title'>{locateFail === 'denied' ? '没有定位权限' : '暂时拿不到您的位置'}</Text>
          <Text className='notice__text'>不用担心，可以按地区查找站点。</Text>
          {locateFail === 'denied' && process.env.TARO_ENV === 'weapp' ? (
            <Button id='btn-open-setting' className='btn btn--ghost btn--small btn--inline' onClick={enableLocation}>
              去开启定位
            </Button>
          ) : null}
        </View>
      ) : null}

      {mode === 'pick' && !q ? <RegionPicker title='请选择您所在的地区' onPick={chooseRegion} /> : null}

      {mode === 'start' && !q ? (
        <View id='welcome' className='card welcome'>
          <Text className='welcome__title'>找离您最近的电商扶贫服务站点</Text>
          <Text className='welcome__text'>可以寄快递、缴电费话费、代卖农产品。点上面的“查找附近站点”，或按地区查找。</Text>
        </View>
      ) : null}

      {query ? (
        <View className='context-line'>
          <Text id='list-context' className='context-line__text'>
            {query.kind === 'nearby' ? `附近 ${RADIUS_KM} 公里内的站点，按距离排序` : null}
            {query.kind === 'region' ? `地区：${region?.label ?? ''}` : null}
            {query.kind === 'search' ? `搜索“${query.q}”${query.regionCode && region ? `（${region.label}）` : ''}` : null}
          </Text>
          {query.kind === 'region' ? (
            <Button id='btn-change-region' className='link' onClick={openRegionPage}>
              更换
            </Button>
          ) : null}
          {query.kind !== 'search' && list.status === 'ready' && list.items.length ? (
            <Button id='btn-map' className='link' onClick={openMap}>
              看地图
            </Button>
          ) : null}
        </View>
      ) : null}

      {query ? <FilterBar value={filters} onChange={setFilters} /> : null}

      <StationList
        status={list.status}
        items={list.items}
        error={list.error}
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        moreError={list.moreError}
        onRetry={list.reload}
        onLoadMore={list.loadMore}
        onOpen={openStation}
        emptyText={emptyText}
        emptyActionText={emptyActionText}
        onEmptyAction={onEmptyAction}
        highlightService={filters.service}
      />
    </PageShell>
  );
}
