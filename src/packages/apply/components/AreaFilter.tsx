/** 全省 → 市 → 县: where to look for posts. Two levels are enough to find a county's posts. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import type { RegionItem } from '../../../services/api';
import { useRegionChildren } from '../../../hooks/useRegionChildren';
import Button from '../../../ui/Button';

export interface Area {
  code: string;
  label: string;
}

export default function AreaFilter({ onPick }: { onPick: (area: Area | null) => void }) {
  const [city, setCity] = useState<RegionItem | null>(null);

  const { items, status, error, retry: load } = useRegionChildren(city ? city.code : null);

  return (
    <View id='area-filter' className='filters__panel sp-area-filter'>
      <View className='chips'>
        <Button id='area-all' className='chip' onClick={() => (city ? onPick({ code: city.code, label: city.name }) : onPick(null))}>
          {city ? `${city.name}全部` : '全省'}
        </Button>
        {city ? (
          <Button id='area-back' className='chip chip--link' onClick={() => setCity(null)}>
            ‹ 换个市
          </Button>
        ) : null}
      </View>
      {status === 'loading' ? <Skeleton id='area-loading' rows={1} /> : null}
      {status === 'error' ? <ErrorState id='area-error' retryId='area-retry' message={error?.message ?? '加载失败'} onRetry={load} /> : null}
      {status === 'ready' ? (
        <View className='chips'>
          {items.map((r) => (
            <Button key={r.code} id={`area-${r.code}`} className='chip' onClick={() => (city ? onPick({ code: r.code, label: `${city.name} · ${r.name}` }) : setCity(r))}>
              {r.name}
            </Button>
          ))}
        </View>
      ) : null}
      {status === 'ready' ? <Text className='sp-small-note sp-area-filter__hint'>{city ? '选择县（市、区）' : '先选市'}</Text> : null}
    </View>
  );
}
