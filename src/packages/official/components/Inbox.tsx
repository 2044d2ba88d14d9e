/**
 * 未读提醒 on the workbench and the desk (issue 11 §3): the hand-offs addressed to this official —
 * a new assignment, a 退单, a 督办 or its answer, an extension to decide — with the unread count.
 * Tapping one opens its case (which marks its items read: ComplaintCase calls inbox.markCaseRead).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { inbox, INBOX_CHANGED } from '../../../services/inbox';
import { useLoad } from '../../../hooks/useLoad';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import Button from '../../../ui/Button';

/** Items shown; the rest wait in the queue (the count still says how many are unread). */
const SHOWN = 8;

export default function Inbox({ onOpen }: { onOpen: (complaintId: string) => void }) {
  const box = useLoad(() => inbox.list(), []);
  useRefreshOnShow(() => box.reload());
  useEffect(() => {
    const reload = () => box.reload();
    Taro.eventCenter.on(INBOX_CHANGED, reload);
    return () => {
      Taro.eventCenter.off(INBOX_CHANGED, reload);
    };
  }, [box.reload]);
  const v = box.data;
  if (!v || !v.items.length) return null;
  const unread = v.items.filter((i) => !i.read);
  return (
    <View id='inbox' className='sp-form inbox'>
      <Text id='inbox-count' className='sp-form__title'>
        {unread.length ? `未读提醒 ${v.unread} 条` : '没有未读提醒'}
      </Text>
      {unread.slice(0, SHOWN).map((i) => (
        <Button key={i.id} id={`inbox-item-${i.id}`} className='sp-item inbox__item' onClick={() => onOpen(i.complaintId)}>
          <Text className='sp-item__title'>{i.label}</Text>
          <Text className='sp-item__line'>
            {i.trackingNo} · {i.station}
            {i.detail ? ` · ${i.detail}` : ''}
          </Text>
        </Button>
      ))}
    </View>
  );
}
