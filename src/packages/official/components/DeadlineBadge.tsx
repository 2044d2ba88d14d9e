import { Text, View } from '@tarojs/components';
import { deadlineInfo, type DeadlineSubject } from '../utils/deadline';

/** "受理 还剩 2 个工作日" / "答复 已超期 1 天" (red). Nothing for closed cases. */
export default function DeadlineBadge({ id, subject, now }: { id?: string; subject: DeadlineSubject; now?: Date }) {
  const info = deadlineInfo(subject, now);
  if (!info) return null;
  return (
    <View className='sp-deadline-line'>
      <Text className='sp-deadline-line__stage'>{info.stage}期限：</Text>
      <Text id={id} className={`sp-deadline sp-deadline--${info.tone}`}>
        {info.text}
      </Text>
    </View>
  );
}
