/**
 * Business hours: today's state (recomputed on the phone from the weekly rules so it stays fresh),
 * next opening, the weekly table, upcoming special days.
 */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import { hoursStatus } from '@core/station/hours';
import { toShanghai } from '@core/shared/time';
import { describeException, formatShortDate } from '../../utils/format';
import { hoursTone } from '../../utils/trust';
import Section from './Section';

const MAX_EXCEPTIONS = 8;

export default function HoursSection({ station, now }: { station: StationDetail; now: Date }) {
  const status = hoursStatus(station.openingHours, now);
  const today = toShanghai(now).date;
  const upcoming = station.openingHours.exceptions
    .filter((e) => e.date >= today)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .slice(0, MAX_EXCEPTIONS);
  return (
    <Section id='section-hours' title='营业时间'>
      <View className='hours-now'>
        <Text id='hours-state' className={`badge badge--big badge--${hoursTone(status.state, status.label)}`}>
          {status.label}
        </Text>
        <Text id='hours-detail' className='hours-now__detail'>
          {status.detail}
        </Text>
      </View>
      {status.note ? <Text className='hours-note'>今日说明：{status.note}</Text> : null}
      <View id='hours-week' className='table'>
        {station.week.map((row) => (
          <View key={row.days} className='table__row'>
            <Text className='table__cell table__cell--head'>{row.days}</Text>
            <Text className={`table__cell ${row.text === '休息' ? 'text-muted' : ''}`}>{row.text}</Text>
          </View>
        ))}
      </View>
      {upcoming.length ? (
        <View id='hours-exceptions' className='hours-exceptions'>
          <Text className='sub-title'>特殊安排</Text>
          {upcoming.map((e) => (
            <View key={e.date} className='table__row'>
              <Text className='table__cell table__cell--head'>{formatShortDate(e.date)}</Text>
              <Text className='table__cell'>
                {describeException(e)}
                {e.note ? `（${e.note}）` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Section>
  );
}
