/**
 * Filters: 只看营业中 always in reach; level and service (single choice each) behind "筛选" so the
 * results stay near the top of a small screen.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { LEVEL_LABELS, SERVICES, STATION_LEVELS } from '@core/station/vocabulary';
import type { Filters } from '../hooks/useStationQuery';
import Button from '../ui/Button';

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
        <Button id='filter-open-now' className={chip(!!value.openNow)} onClick={() => onChange({ ...value, openNow: !value.openNow || undefined })}>
          {value.openNow ? '✓ ' : ''}只看营业中
        </Button>
        <Button id='filter-toggle' className={chip(count > 0)} onClick={() => setOpen(!open)}>
          {count ? `筛选（${count}）` : '按级别、服务筛选'} {open ? '▲' : '▼'}
        </Button>
        {active ? (
          <Button id='filter-clear' className='chip chip--link' onClick={() => onChange({})}>
            清除筛选
          </Button>
        ) : null}
      </View>
      {open ? (
        <View id='filter-panel' className='filters__panel'>
          <Text className='filters__label'>站点级别</Text>
          <View className='chips'>
            <Button id='filter-level-all' className={chip(!value.level)} onClick={() => onChange({ ...value, level: undefined })}>
              全部
            </Button>
            {STATION_LEVELS.map((level) => (
              <Button
                key={level}
                id={`filter-level-${level}`}
                className={chip(value.level === level)}
                onClick={() => onChange({ ...value, level: value.level === level ? undefined : level })}
              >
                {LEVEL_LABELS[level]}
              </Button>
            ))}
          </View>
          <Text className='filters__label'>服务项目（选一项）</Text>
          <View className='chips'>
            <Button id='filter-service-all' className={chip(!value.service)} onClick={() => onChange({ ...value, service: undefined })}>
              全部
            </Button>
            {SERVICES.map(([code, label]) => (
              <Button
                key={code}
                id={`filter-service-${code}`}
                className={chip(value.service === code)}
                onClick={() => onChange({ ...value, service: value.service === code ? undefined : code })}
              >
                {label}
              </Button>
            ))}
          </View>
          <Button id='filter-done' className='btn btn--ghost btn--block filters__done' onClick={() => setOpen(false)}>
            收起筛选
          </Button>
        </View>
      ) : null}
    </View>
  );
}
