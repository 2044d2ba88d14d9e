/**
 * 站点负责人招募 (public): posts by region — open ones first — with links to my applications
 * and the public notices (公示).
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { recruitment, type PublicPost } from '../../../services/recruitment';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import { formatDay } from '../../../ui/format';
import AreaFilter, { type Area } from '../components/AreaFilter';
import { locate } from '../../../utils/location';
import { formatDistance } from '@core/shared/geo';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import ItemHead from '../../../ui/ItemHead';
import NavButtons, { type NavLink } from '../../../ui/NavButtons';

const KEY = 'zdt.apply.area';

const LINKS: NavLink[] = [
  { id: 'link-mine', text: '我的报名', url: '/packages/apply/mine/index' },
  { id: 'link-notices', text: '公示公告', url: '/packages/apply/notices/index' },
  { id: 'link-entity', text: '站点申办', url: '/packages/apply/entity/index' },
];

function loadArea(): Area | null {
  try {
    const v = Taro.getStorageSync(KEY) as Area | '';
    return v && typeof v === 'object' && typeof v.code === 'string' ? v : null;
  } catch {
    return null;
  }
}

function PostCard({ p }: { p: PublicPost & { distanceM?: number } }) {
  const closed = p.status === 'open' && !p.open;
  return (
    <Button id={`post-${p.id}`} className='sp-item' onClick={() => Taro.navigateTo({ url: `/packages/apply/post/index?id=${encodeURIComponent(p.id)}` })}>
      <ItemHead title={p.title} status={p.open ? '报名中' : closed ? '不在报名时间' : p.statusLabel} tone={p.open ? 'ok' : 'muted'} />
      <Text className='sp-item__line'>
        {p.stationName ?? (p.villageName ? `${p.villageName}（新设站点）` : '')}
        {p.distanceM !== undefined ? ` · 约 ${formatDistance(p.distanceM)}` : ''}
      </Text>
      <Text className='sp-item__line'>
        报名时间：{formatDay(p.opensOn)} 至 {formatDay(p.closesOn)}
      </Text>
    </Button>
  );
}

export default function ApplyHomePage() {
  const [area, setArea] = useState<Area | null>(loadArea);
  const [picking, setPicking] = useState(false);
  /** Set after "附近的岗位": open posts nearest first. */
  const [near, setNear] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateMessage, setLocateMessage] = useState('');
  const list = usePagedList<PublicPost>(
    (cursor) => recruitment.posts(near ? { lat: near.lat, lng: near.lng, cursor, limit: 20 } : { regionCode: area?.code, cursor, limit: 20 }),
    near ? `near:${near.lat},${near.lng}` : (area?.code ?? 'all'),
  );
  const findNearby = async () => {
    setLocating(true);
    setLocateMessage('');
    const r = await locate();
    setLocating(false);
    if (r.ok) setNear({ lat: r.position.lat, lng: r.position.lng });
    else setLocateMessage(r.reason === 'denied' ? '没有定位权限，请按地区查看' : '暂时无法定位，请按地区查看');
  };
  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });
  const pick = (a: Area | null) => {
    setNear(null);
    setArea(a);
    setPicking(false);
    try {
      if (a) Taro.setStorageSync(KEY, a);
      else Taro.removeStorageSync(KEY);
    } catch {
      /* ignore */
    }
  };
  // Near me keeps the server's distance order; by region, open posts first.
  const items = near ? list.items : [...list.items].sort((a, b) => Number(b.open) - Number(a.open));

  return (
    <PageShell id='page-apply' heading='站点负责人招募'>
      <Text className='sp-lead'>电商扶贫服务站点负责人通过自主报名、公开比选、公示确定。符合条件的都可以报名。</Text>
      <NavButtons className='sp-links' links={LINKS} />
      <View className='sp-area-line'>
        <Text id='area-current' className='sp-area-line__text'>
          地区：{area?.label ?? '全省'}
        </Text>
        <Button id='btn-area' className='link' onClick={() => setPicking(!picking)}>
          {picking ? '收起' : '更换'}
        </Button>
      </View>
      <View className='sp-area-line'>
        <Button id='btn-near' className='link' onClick={() => void (near ? setNear(null) : findNearby())}>
          {near ? '按地区查看' : locating ? '正在定位…' : '附近的岗位'}
        </Button>
        {near ? <Text id='near-on' className='sp-area-line__text'>按离您的距离排列（报名中的岗位）</Text> : null}
        {locateMessage ? <Text id='near-error' className='sp-area-line__text'>{locateMessage}</Text> : null}
      </View>
      {picking ? <AreaFilter onPick={pick} /> : null}

      {list.status === 'loading' ? <Skeleton id='posts-loading' rows={2} /> : null}
      {list.status === 'error' ? <ErrorState id='posts-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !items.length ? (
        <EmptyState id='posts-empty' text={area ? `${area.label}目前没有招募岗位，可以看看全省的` : '目前没有招募岗位'} actionText={area ? '看全省' : undefined} actionId='btn-all-areas' onAction={area ? () => pick(null) : undefined} />
      ) : null}
      {list.status === 'ready' && items.length ? (
        <View id='posts-list'>
          {items.map((p) => (
            <PostCard key={p.id} p={p} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={items.length} />
        </View>
      ) : null}
    </PageShell>
  );
}
