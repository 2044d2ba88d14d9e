import { Text, View } from '@tarojs/components';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Shown instead of the number, e.g. "92%". */
  valueText?: string;
  tone?: 'primary' | 'secondary' | 'danger';
}

/** Horizontal bars with plain CSS: the longest bar is the largest value. */
export default function Bars({ id, items, max }: { id?: string; items: BarItem[]; max?: number }) {
  const top = max ?? Math.max(1, ...items.map((i) => i.value));
  if (!items.length) return <Text className='text-muted'>暂无数据</Text>;
  return (
    <View id={id} className='sp-bars'>
      {items.map((it) => (
        <View key={it.key} className='sp-bar-row'>
          <View className='sp-bar-row__head'>
            <Text className='sp-bar-row__label'>{it.label}</Text>
            <Text className='sp-bar-row__value'>{it.valueText ?? it.value}</Text>
          </View>
          <View className='sp-bar'>
            <View className={`sp-bar__fill ${it.tone && it.tone !== 'primary' ? `sp-bar__fill--${it.tone}` : ''}`} style={{ width: `${Math.max(it.value > 0 ? 2 : 0, Math.round((it.value / top) * 100))}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
