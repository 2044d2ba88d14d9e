/**
 * 未读提醒 on the workbench and the desk (issue 11 §3): the hand-offs addressed to this official —
 * a new assignment, a 退单, a 督办 or its answer, an extension to decide — with the unread count.
 * Tapping one opens its case (which marks its items read: ComplaintCase calls inbox.markCaseRead).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { inbox, INBOX_CHANGED } from '../../../services/inbox';
import { useLoad } from '../../../hooks/useLoad';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import Button from '../../../ui/Button';

/** Items shown; the rest wait in the queue (the count still says how many are unread). */
const SHOWN = 8;

/** `collapsed`: the count only until tapped (the desk keeps its table rows in view). */
export default function Inbox({ onOpen, collapsed = false }: { onOpen: (complaintId: string) => void; collapsed?: boolean }) {
  const box = useLoad(() => inbox.list(), []);
  const [open, setOpen] = useState(!collapsed);
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
      {collapsed ? (
        <Button id='inbox-count' className='link' onClick={() => setOpen(!open)}>
          {unread.length ? `未读提醒 ${v.unread} 条${open ? '' : '（点开查看）'}` : '没有未读提醒'}
        </Button>
      ) : (
        <Text id='inbox-count' className='sp-form__title'>
          {unread.length ? `未读提醒 ${v.unread} 条` : '没有未读提醒'}
        </Text>
      )}
      {(open ? unread.slice(0, SHOWN) : []).map((i) => (
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
