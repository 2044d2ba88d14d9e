/** Filters: level, one service, 只看营业中. Single-choice chips, big enough to hit. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { LEVEL_LABELS, SERVICES, STATION_LEVELS, type ServiceCode } from '@core/station/vocabulary';
import type { Filters } from '../hooks/useStationQuery';

/** What villagers come for most (PRODUCT §1), shown before "更多服务". */
const COMMON: ServiceCode[] = ['express', 'bill_payment', 'product_sales', 'purchasing', 'rural_finance', 'ticket_booking'];

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

export default function FilterBar({ value, onChange }: Props) {
  const [moreOpen, setMoreOpen] = useState(false);
  const services = moreOpen ? SERVICES.map(([code]) => code) : COMMON;
  const active = !!(value.level || value.service || value.openNow);
  const chip = (selected: boolean) => `chip ${selected ? 'chip--on' : ''}`;

  return (
    <View id='filter-bar' className='filters'>
      <View className='chips'>
        <Text
          id='filter-open-now'
          className={chip(!!value.openNow)}
          onClick={() => onChange({ ...value, openNow: !value.openNow || undefined })}
        >
          {value.openNow ? '✓ ' : ''}只看营业中
        </Text>
        <Text id='filter-level-all' className={chip(!value.level)} onClick={() => onChange({ ...value, level: undefined })}>
          全部级别
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
      <View className='chips'>
        {services.map((code) => (
          <Text
            key={code}
            id={`filter-service-${code}`}
            className={chip(value.service === code)}
            onClick={() => onChange({ ...value, service: value.service === code ? undefined : code })}
          >
            {SERVICES.find(([c]) => c === code)?.[1]}
          </Text>
        ))}
        <Text id='filter-more' className='chip chip--link' onClick={() => setMoreOpen(!moreOpen)}>
          {moreOpen ? '收起' : '更多服务'}
        </Text>
        {active ? (
          <Text id='filter-clear' className='chip chip--link' onClick={() => onChange({})}>
            清除筛选
          </Text>
        ) : null}
      </View>
    </View>
  );
}
