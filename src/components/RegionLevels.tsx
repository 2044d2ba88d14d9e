/**
 * The two halves of every region picker (city → county → township → village, one level at a
 * time): the crumbs back up the chosen path, and the current level's children to choose from.
 */
import { Text, View } from '@tarojs/components';
import type { RegionItem } from '../services/api';
import type { useRegionChildren } from '../hooks/useRegionChildren';
import { ErrorState, Skeleton } from './StateViews';
import Button from '../ui/Button';

/** 江西省 › 赣州市 › 于都县: each crumb but the last goes back to that level. */
export function RegionCrumbs({ path, onJump, rootId }: { path: RegionItem[]; onJump: (path: RegionItem[]) => void; rootId?: string }) {
  return (
    <View className='region-picker__crumbs'>
      <Button id={rootId} className={`crumb ${path.length ? 'crumb--link' : ''}`} onClick={() => onJump([])}>
        江西省
      </Button>
      {path.map((r, i) => (
        <Button key={r.code} className={`crumb ${i < path.length - 1 ? 'crumb--link' : ''}`} onClick={() => onJump(path.slice(0, i + 1))}>
          {' › '}
          {r.name}
        </Button>
      ))}
    </View>
  );
}

interface ChoicesProps {
  region: ReturnType<typeof useRegionChildren>;
  onChoose: (item: RegionItem) => void;
  /** Ids of the loading / error / retry views: `${idPrefix}-loading` … */
  idPrefix: string;
  /** Each item's id is `${itemPrefix}-${code}`. */
  itemPrefix: string;
  listId?: string;
  skeletonRows: number;
  arrow?: (item: RegionItem) => string;
}

/** The current level: loading, a failure with 重试, or its regions. */
export function RegionChoices({ region: { items, status, error, retry }, onChoose, idPrefix, itemPrefix, listId, skeletonRows, arrow = () => '›' }: ChoicesProps) {
  if (status === 'loading') return <Skeleton id={`${idPrefix}-loading`} rows={skeletonRows} />;
  if (status === 'error') return <ErrorState id={`${idPrefix}-error`} retryId={`${idPrefix}-retry`} message={error?.message ?? '加载失败'} onRetry={retry} />;
  return (
    <View id={listId} className='region-list'>
      {items.length === 0 ? <Text className='state__text'>这里还没有下级地区</Text> : null}
      {items.map((r) => (
        <Button key={r.code} id={`${itemPrefix}-${r.code}`} className='region-item' onClick={() => onChoose(r)}>
          <Text className='region-item__name'>{r.name}</Text>
          <Text className='region-item__arrow'>{arrow(r)}</Text>
        </Button>
      ))}
    </View>
  );
}
