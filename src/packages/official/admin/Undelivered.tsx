/**
 * 发送失败的消息 (province administrator, issue 11 §3): how many subscribe messages the outbox gave
 * up on, and why in plain words — mostly people who did not allow that message, which only they
 * can change; the other reasons point at the template setup (docs/cloudbase.md).
 */
import { Text, View } from '@tarojs/components';
import { account } from '../../../services/account';
import { useLoad } from '../../../hooks/useLoad';
import { ErrorState, Skeleton } from '../../../components/StateViews';

export default function Undelivered() {
  const u = useLoad(() => account.undelivered(), []);
  return (
    <View id='undelivered' className='sp-form'>
      <Text className='sp-form__title'>发送失败的消息</Text>
      {u.status === 'loading' && !u.data ? <Skeleton id='undelivered-loading' rows={1} /> : null}
      {u.status === 'error' && !u.data ? <ErrorState id='undelivered-error' message={u.error?.message ?? '加载失败'} onRetry={u.reload} /> : null}
      {u.data ? (
        <>
          <Text id='undelivered-total' className='sp-item__title'>
            {u.data.total ? `${u.data.total} 条消息没能送达` : '没有发送失败的消息。'}
          </Text>
          {u.data.reasons.map((r, i) => (
            <Text key={r.reason} id={`undelivered-reason-${i}`} className='sp-item__line'>
              {r.reason}：{r.count} 条
            </Text>
          ))}
        </>
      ) : null}
    </View>
  );
}
