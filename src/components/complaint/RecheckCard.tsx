/**
 * 回访 "问题还在吗？" about four weeks after the case ended. 还在 reopens it once (or, when it cannot
 * reopen, files a new case linked to it); 已解决 is recorded. Answered once, so 还在 is confirmed first.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { complaints, type ComplaintView } from '../../services/complaints';
import { reloadOnConflict, useAction } from '../../hooks/useAction';
import Button from '../../ui/Button';
import { ErrorLine } from '../../ui/send';

interface Props {
  view: ComplaintView;
  onDone: (view: ComplaintView) => void;
  onStale?: () => void;
}

export default function RecheckCard({ view, onDone, onStale }: Props) {
  const r = view.recheck;
  const answer = useAction((recheckAnswer: 'persists' | 'resolved') => complaints.recheck({ id: view.id, version: view.version, recheckAnswer }), {
    // 还在 is answered once, so it is confirmed first.
    confirm: (recheckAnswer) =>
      recheckAnswer === 'persists'
        ? { title: '问题还在', content: r?.reopens ? '这件投诉会重新办理，5 个工作日内再答复您。确定吗？' : '会为您登记一件新的投诉，接着处理。确定吗？', cancelText: '再想想' }
        : null,
    onDone,
    onError: reloadOnConflict(onStale),
  });
  const { busy: sending, error } = answer;
  if (!r) return null;

  if (r.answer) {
    return (
      <View id='recheck-answered' className='notice notice--info'>
        <Text className='notice__title'>回访：{r.answer === 'resolved' ? '您说问题已解决' : '您说问题还在'}</Text>
        {r.linkedCase ? (
          <Button id='btn-recheck-linked' className='btn btn--ghost btn--block' onClick={() => Taro.navigateTo({ url: `/pages/complaint/detail/index?id=${r.linkedCase!.id}` })}>
            已登记为新投诉 {r.linkedCase.trackingNo}，查看进展
          </Button>
        ) : null}
      </View>
    );
  }

  return (
    <View id='recheck-card' className='section'>
      <Text className='section__title'>问题还在吗？</Text>
      <Text className='text-muted'>这件投诉已经结束一段时间了。您反映的问题现在还在吗？</Text>
      <ErrorLine id='recheck-error' error={error} />
      <View className='evaluation__choices'>
        <Button id='btn-recheck-persists' className={`btn evaluation__choice evaluation__choice--bad ${sending ? 'btn--disabled' : ''}`} onClick={() => void answer.run('persists')}>
          还在
        </Button>
        <Button id='btn-recheck-resolved' className={`btn evaluation__choice ${sending ? 'btn--disabled' : ''}`} onClick={() => void answer.run('resolved')}>
          已解决
        </Button>
      </View>
    </View>
  );
}
