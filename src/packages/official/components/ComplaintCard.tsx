import { Text, View } from '@tarojs/components';
import type { ComplaintListItem } from '../../../services/complaints-admin';
import { formatDateTime } from '../../../ui/format';
import DeadlineBadge from './DeadlineBadge';
import { statusTone } from '../../../ui/format';
import { ESCALATION_TEXT } from './status';
import Button from '../../../ui/Button';
import ItemHead from '../../../ui/ItemHead';

/** One complaint in the queue or the station's list. */
export default function ComplaintCard({ item, onOpen, showStation = true }: { item: ComplaintListItem; onOpen: (id: string) => void; showStation?: boolean }) {
  return (
    <Button id={`queue-item-${item.id}`} className={`sp-item sp-queue-item ${item.overdue ? 'sp-item--alert' : ''}`} onClick={() => onOpen(item.id)}>
      <ItemHead title={item.categoryLabel} status={item.statusLabel} tone={statusTone(item.status)} />
      {showStation ? <Text className='sp-item__line'>{item.stationName}</Text> : null}
      <Text className='sp-item__line'>
        {item.trackingNo} · {formatDateTime(item.submittedAt)} 提交
      </Text>
      <View className='sp-item__meta'>
        <DeadlineBadge id={`deadline-${item.id}`} subject={item} />
        {item.escalationLevel > 0 ? <Text className='badge badge--danger'>{ESCALATION_TEXT[item.escalationLevel] ?? '督办'}</Text> : null}
        {item.held ? <Text className='badge badge--warn'>内容待审核</Text> : null}
        {item.deadlineProvisional ? <Text className='badge badge--warn'>期限待节假日录入后确定</Text> : null}
        {item.awaitingReceipt ? <Text className='badge badge--warn'>待签收</Text> : null}
        {item.returned ? <Text className='badge badge--danger'>已退单，待重新转办</Text> : null}
        {item.supervisionDueOn ? <Text className='badge badge--danger'>督办待答复</Text> : null}
      </View>
    </Button>
  );
}
