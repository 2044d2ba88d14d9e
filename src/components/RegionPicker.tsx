/**
 * City → county → township, one level at a time (stations.regions). At any level the resident
 * can take the whole area ("查看全部"); choosing a township finishes.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RegionItem } from '../services/api';
import { useRegionChildren } from '../hooks/useRegionChildren';
import type { ChosenRegion } from '../store/region';
import { RegionChoices, RegionCrumbs } from './RegionLevels';
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

  const region = useRegionChildren(parent ? parent.code : null);

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
      <RegionCrumbs path={path} onJump={setPath} rootId='region-crumb-root' />
      {parent ? (
        <Button id='region-pick-all' className='btn btn--ghost btn--block' onClick={() => finish(path)}>
          查看{parent.name}全部站点
        </Button>
      ) : null}
      <Text className='region-picker__prompt'>{LEVEL_PROMPT[path.length] ?? '请选择'}</Text>
      <RegionChoices region={region} onChoose={choose} idPrefix='region' itemPrefix='region' listId='region-list' skeletonRows={2} />
    </View>
  );
}
