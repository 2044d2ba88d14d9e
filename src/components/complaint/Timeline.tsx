/** Every step of the complaint with when it happened and what was said (newest last). */
import { Text, View } from '@tarojs/components';
import type { TimelineItem } from '../../services/complaints';
import { formatDateTime } from '../../utils/feedback';

export default function Timeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return null;
  return (
    <View id='complaint-timeline' className='timeline'>
      {items.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__item ${i === items.length - 1 ? 'timeline__item--last' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__label'>{t.label}</Text>
            <Text className='timeline__at'>{formatDateTime(t.at)}</Text>
            {t.note ? <Text className='timeline__note'>{t.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
