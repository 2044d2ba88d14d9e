/**
 * City → county → township → village (12-digit code), one level at a time, from the `stations`
 * function's `regions` action. Used by the application form and the officials' post form.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { RegionChoices, RegionCrumbs } from '../../components/RegionLevels';
import type { RegionItem } from '../../services/api';
import { useRegionChildren } from '../../hooks/useRegionChildren';
import Button from '../../ui/Button';
import Picked from './Picked';

export interface ChosenVillage {
  code: string;
  name: string;
  /** e.g. 于都县 · 贡江镇 · 长龙居委会 */
  label: string;
}

const PROMPTS = ['请选择市', '请选择县（市、区）', '请选择乡镇（街道）', '请选择村（社区）'];

interface Props {
  value: ChosenVillage | null;
  onChange: (v: ChosenVillage) => void;
  idPrefix?: string;
  /** The level that finishes the choice (a role's scope is a city or a county). */
  finishAt?: 'city' | 'county' | 'village';
}

const PLACEHOLDER = { city: '请选择：市', county: '请选择：市 › 县', village: '请选择：市 › 县 › 乡镇 › 村' };

export default function VillagePicker({ value, onChange, idPrefix = 'village', finishAt = 'village' }: Props) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<RegionItem[]>([]);
  const parent = path.length ? path[path.length - 1] : null;

  const region = useRegionChildren(parent ? parent.code : null, open);

  const choose = (item: RegionItem) => {
    if (item.level === finishAt || !item.hasChildren) {
      if (item.level !== finishAt) return; // only the level asked for finishes
      const chain = [...path, item];
      onChange({ code: item.code, name: item.name, label: (chain.length > 1 ? chain.slice(1) : chain).map((r) => r.name).join(' · ') });
      setOpen(false);
      return;
    }
    setPath([...path, item]);
  };

  if (!open && !value) {
    return (
      <Button id={`${idPrefix}-open`} className='sp-picker' onClick={() => setOpen(true)}>
        <Text className='sp-input__placeholder'>{PLACEHOLDER[finishAt]}</Text>
        <Text className='sp-picker__arrow'>›</Text>
      </Button>
    );
  }

  if (!open && value) return <Picked idPrefix={idPrefix} text={value.label} onChange={() => setOpen(true)} />;

  return (
    <View id={`${idPrefix}-picker`} className='sp-village-picker'>
      <RegionCrumbs path={path} onJump={setPath} />
      <Text className='region-picker__prompt'>{PROMPTS[path.length] ?? '请选择'}</Text>
      <RegionChoices region={region} onChoose={choose} idPrefix={idPrefix} itemPrefix={`${idPrefix}-item`} skeletonRows={1} arrow={(r) => (r.level === 'village' ? '选择' : '›')} />
      {value ? (
        <Button className='btn btn--ghost btn--block sp-village-picker__cancel' onClick={() => setOpen(false)}>
          不改了，仍选 {value.name}
        </Button>
      ) : null}
    </View>
  );
}
