/** What happens next and by when, in plain words (working days already counted by the server). */
import { Text, View } from '@tarojs/components';
import { ACCEPT_WORKDAYS, EVALUATION_DAYS, REPLY_WORKDAYS } from '@core/complaint/limits';
import type { ComplaintView } from '../../services/complaints';
import { dayAfter, formatDay } from '../../ui/format';

export default function Deadlines({ view }: { view: ComplaintView }) {
  const lines: string[] = [];
  switch (view.status) {
    case 'submitted':
      lines.push(`${formatDay(view.acceptDueOn)}前受理，或告诉您不予受理的原因（${ACCEPT_WORKDAYS} 个工作日内）。`);
      lines.push(`受理后 ${REPLY_WORKDAYS} 个工作日内答复您。`);
      break;
    case 'accepted':
    case 'assigned':
      if (view.replyDueOn) lines.push(view.replyExtended ? `答复期限已延长，${formatDay(view.replyDueOn)}前答复您。` : `${formatDay(view.replyDueOn)}前答复您。`);
      break;
    case 'replied':
      if (view.reply) lines.push(`请在 ${dayAfter(view.reply.at, EVALUATION_DAYS)}前评价处理结果；不评价的，到期按“未评价”办结。`);
      break;
    default:
      break;
  }
  if (!lines.length) return null;
  return (
    <View id='complaint-deadlines' className='deadlines'>
      <Text className='deadlines__title'>接下来</Text>
      {lines.map((l) => (
        <Text key={l} className='deadlines__line'>
          {l}
        </Text>
      ))}
      {view.deadlineProvisional ? <Text className='deadlines__note'>明年的节假日安排还没公布，遇到节假日日期会顺延。</Text> : null}
      <Text className='deadlines__note'>逾期未办的，会自动交上级督办。</Text>
    </View>
  );
}
