/**
 * City → county → township, one level at a time (stations.regions). At any level the resident
 * can take the whole area ("查看全部"); choosing a township finishes.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RegionItem } from '../services/api';
import { useRegionChildren } from '../hooks/useRegionChildren';
import type { ChosenRegion } from '../store/region';
import { ErrorState, Skeleton } from './StateViews';
import Button from '../ui/Button';

/** city, county, township */
const MAX_DEPTH = 3;
const LEVEL_PROMPT = ['请选择市', '请选择县（市、区）', '请选择乡镇（街道）'];

interface Props {
  onPick: (region: ChosenRegion) => void;
  title?: string;
}

export default function RegionPicker({ onPick, title }: Props) {
  const [path, setPath] = useState<RegionItem[]>([]);
  const parent = path.length ? path[path.length - 1] : null;

  const { items, status, error, retry: load } = useRegionChildren(parent ? parent.code : null);

  const finish = (chain: RegionItem[]) => {
    const last = chain[chain.length - 1];
    // A villager knows their city; show county · township when there is one.
    const label = chain.length > 1 ? chain.slice(1).map((r) => r.name).join(' · ') : last.name;
    onPick({ code: last.code, label });
  };

  const choose = (item: RegionItem) => {
    const chain = [...path, item];
    if (chain.length >= MAX_DEPTH || !item.hasChildren) finish(chain);
    else setPath(chain);
  };

  return (
    <View id='region-picker' className='region-picker'>
      {title ? <Text className='region-picker__title'>{title}</Text> : null}
      <View className='region-picker__crumbs'>
        <Button id='region-crumb-root' className={`crumb ${path.length ? 'crumb--link' : ''}`} onClick={() => setPath([])}>
          江西省
        </Button>
        {path.map((r, i) => (
          <Button key={r.code} className={`crumb ${i < path.length - 1 ? 'crumb--link' : ''}`} onClick={() => setPath(path.slice(0, i + 1))}>
            {' › '}
            {r.name}
          </Button>
        ))}
      </View>
      {parent ? (
        <Button id='region-pick-all' className='btn btn--ghost btn--block' onClick={() => finish(path)}>
          查看{parent.name}全部站点
        </Button>
      ) : null}
      <Text className='region-picker__prompt'>{LEVEL_PROMPT[path.length] ?? '请选择'}</Text>
      {status === 'loading' ? <Skeleton id='region-loading' rows={2} /> : null}
      {status === 'error' ? <ErrorState id='region-error' retryId='region-retry' message={error?.message ?? '加载失败'} onRetry={load} /> : null}
      {status === 'ready' ? (
        <View id='region-list' className='region-list'>
          {items.length === 0 ? <Text className='state__text'>这里还没有下级地区</Text> : null}
          {items.map((r) => (
            <Button key={r.code} id={`region-${r.code}`} className='region-item' onClick={() => choose(r)}>
              <Text className='region-item__name'>{r.name}</Text>
              <Text className='region-item__arrow'>›</Text>
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
