import { Text, View } from '@tarojs/components';
import type { TimelineItem } from '../../../services/complaints-admin';
import { formatDateTime } from '../../shared/ui';

const ROLE_TEXT: Record<string, string> = {
  resident: '投诉人',
  station_head: '站点',
  operator_staff: '运营单位',
  county_official: '县级',
  city_supervisor: '市级',
  province_admin: '省级',
  system: '系统',
  official: '主管部门',
};

/** Every step of the case: when, what, by whom (officials), public note or 内部 note. */
export default function Timeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <Text className='text-muted'>暂无记录</Text>;
  return (
    <View id='complaint-timeline' className='sp-timeline'>
      {items.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`sp-timeline__item ${t.internal ? 'sp-timeline__item--internal' : ''}`}>
          <View className='sp-timeline__dot' />
          <View className='sp-timeline__body'>
            <View className='sp-timeline__head'>
              <Text className='sp-timeline__label'>{t.label}</Text>
              {t.byRole ? <Text className='sp-timeline__role'>{ROLE_TEXT[t.byRole] ?? t.byRole}</Text> : null}
              {t.internal ? <Text className='badge badge--muted'>内部</Text> : null}
            </View>
            <Text className='sp-timeline__time'>{formatDateTime(t.at)}</Text>
            {t.note ? <Text className='sp-timeline__note'>{t.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
