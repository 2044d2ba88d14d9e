import { Text, View } from '@tarojs/components';
import type { ComplaintListItem } from '../../../services/complaints-admin';
import { formatDateTime } from '../../shared/ui';
import DeadlineBadge from './DeadlineBadge';
import { ESCALATION_TEXT, statusTone } from './status';

/** One complaint in the queue or the station's list. */
export default function ComplaintCard({ item, onOpen, showStation = true }: { item: ComplaintListItem; onOpen: (id: string) => void; showStation?: boolean }) {
  return (
    <View id={`queue-item-${item.id}`} className={`item queue-item ${item.overdue ? 'item--alert' : ''}`} hoverClass='tap-active' onClick={() => onOpen(item.id)}>
      <View className='item__top'>
        <Text className='item__title'>{item.categoryLabel}</Text>
        <Text className={`status status--${statusTone(item.status)}`}>{item.statusLabel}</Text>
      </View>
      {showStation ? <Text className='item__line'>{item.stationName}</Text> : null}
      <Text className='item__line'>
        {item.trackingNo} · {formatDateTime(item.submittedAt)} 提交
      </Text>
      <View className='item__meta'>
        <DeadlineBadge id={`deadline-${item.id}`} subject={item} />
        {item.escalationLevel > 0 ? <Text className='badge badge--danger'>{ESCALATION_TEXT[item.escalationLevel] ?? '督办'}</Text> : null}
        {item.held ? <Text className='badge badge--warn'>内容待审核</Text> : null}
      </View>
    </View>
  );
}
