/** Right after filing: the tracking number at once, what happens next and by when. */
import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '../../services/complaints';
import Deadlines from './Deadlines';
import StatusChip from './StatusChip';
import TrackingNo from './TrackingNo';

interface Props {
  view: ComplaintView;
  onOpen: () => void;
  onBack: () => void;
}

export default function ComplaintSuccess({ view, onOpen, onBack }: Props) {
  const note = view.timeline[0]?.note;
  return (
    <View id='complaint-success'>
      <View className='card success'>
        <Text className='success__title'>投诉已提交</Text>
        <Text className='success__station'>{view.stationName}</Text>
        <View className='success__status'>
          <Text className='text-muted'>现在的状态：</Text>
          <StatusChip id='complaint-status' status={view.status} label={view.statusLabel} />
        </View>
        <TrackingNo value={view.trackingNo} />
        <Text className='field__hint'>请记下编号。在“我的 → 我的投诉”里随时可以看进度。</Text>
        {note && /审核/.test(note) ? <Text className='notice__text text-muted'>{note}</Text> : null}
      </View>
      <View className='card'>
        <Deadlines view={view} />
      </View>
      <View className='form__submit'>
        <View id='btn-open-complaint' className='btn btn--primary btn--big btn--block' hoverClass='tap-active' onClick={onOpen}>
          查看处理进度
        </View>
        <View id='btn-back-station' className='btn btn--ghost btn--block' hoverClass='tap-active' onClick={onBack}>
          返回
        </View>
      </View>
    </View>
  );
}
