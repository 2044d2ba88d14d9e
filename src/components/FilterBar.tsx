/**
 * Filters: 只看营业中 always in reach; level and service (single choice each) behind "筛选" so the
 * results stay near the top of a small screen.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { LEVEL_LABELS, SERVICES, STATION_LEVELS } from '@core/station/vocabulary';
import type { Filters } from '../hooks/useStationQuery';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

export default function FilterBar({ value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const count = (value.level ? 1 : 0) + (value.service ? 1 : 0);
  const active = count > 0 || !!value.openNow;
  const chip = (selected: boolean) => `chip ${selected ? 'chip--on' : ''}`;

  return (
    <View id='filter-bar' className='filters'>
      <View className='chips'>
        <Text id='filter-open-now' className={chip(!!value.openNow)} onClick={() => onChange({ ...value, openNow: !value.openNow || undefined })}>
          {value.openNow ? '✓ ' : ''}只看营业中
        </Text>
        <Text id='filter-toggle' className={chip(count > 0)} onClick={() => setOpen(!open)}>
          {count ? `筛选（${count}）` : '按级别、服务筛选'} {open ? '▲' : '▼'}
        </Text>
        {active ? (
          <Text id='filter-clear' className='chip chip--link' onClick={() => onChange({})}>
            清除筛选
          </Text>
        ) : null}
      </View>
      {open ? (
        <View id='filter-panel' className='filters__panel'>
          <Text className='filters__label'>站点级别</Text>
          <View className='chips'>
            <Text id='filter-level-all' className={chip(!value.level)} onClick={() => onChange({ ...value, level: undefined })}>
              全部
            </Text>
            {STATION_LEVELS.map((level) => (
              <Text
                key={level}
                id={`filter-level-${level}`}
                className={chip(value.level === level)}
                onClick={() => onChange({ ...value, level: value.level === level ? undefined : level })}
              >
                {LEVEL_LABELS[level]}
              </Text>
            ))}
          </View>
          <Text className='filters__label'>服务项目（选一项）</Text>
          <View className='chips'>
            <Text id='filter-service-all' className={chip(!value.service)} onClick={() => onChange({ ...value, service: undefined })}>
              全部
            </Text>
            {SERVICES.map(([code, label]) => (
              <Text
                key={code}
                id={`filter-service-${code}`}
                className={chip(value.service === code)}
                onClick={() => onChange({ ...value, service: value.service === code ? undefined : code })}
              >
                {label}
              </Text>
            ))}
          </View>
          <View id='filter-done' className='btn btn--ghost btn--block filters__done' hoverClass='tap-active' onClick={() => setOpen(false)}>
            收起筛选
          </View>
        </View>
      ) : null}
    </View>
  );
}
