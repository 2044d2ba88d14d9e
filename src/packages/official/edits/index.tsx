/**
 * 站点信息审核 (county, city, province officials): heads' proposals with a before/after comparison
 * (通过 publishes, 退回 needs a reason), temporary closures to review afterwards, villagers'
 * 信息有误 and stations whose information is past 180 days (信息无变化 re-confirms in one tap).
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { edits, type EditView } from '../../../services/edits';
import { useAction } from '../../../hooks/useAction';
import Notice from '../../../ui/Notice';
import { SubmitButton } from '../../../ui/form';
import { formatDateTime, formatDay } from '../../../ui/format';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import EditDiff from '../components/EditDiff';
import { ReturnActions, ReviewQueuePage } from '../components/ReviewQueue';
import '../../shared/sub.css';
import ItemHead from '../../../ui/ItemHead';

type Tab = 'pending' | 'approved' | 'returned';
const TABS: readonly (readonly [Tab, string])[] = [
  ['pending', '待处理'],
  ['approved', '已通过'],
  ['returned', '已退回'],
];

function EditCard({ e, onDone }: { e: EditView; onDone: (message: string) => void }) {
  const [comment, setComment] = useState('');
  const decide = useAction((decision: 'approve' | 'return') => edits.decide({ id: e.id, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }), {
    confirm: (decision) =>
      decision === 'approve' && e.kind === 'proposal'
        ? { title: '通过修改', content: `通过后「${e.stationName}」的站点页面立即更新，信息核实日期改为今天。`, confirmText: '确定通过' }
        : decision === 'return' && e.kind === 'closure'
          ? { title: '退回临时闭店', content: '退回后站点页面不再显示临时闭店，恢复正常营业时间。', confirmText: '确定退回' }
          : null,
    onDone: (r) => onDone(`${r.kindLabel}：${r.statusLabel}`),
    onConflict: (err) => onDone(err.message),
    onError: () => scrollIntoView(`edit-${e.id}`),
  });
  const confirmInfo = useAction(() => edits.confirmInfo(e.stationId), { onDone: () => onDone('已确认信息无变化') });
  const open = e.status === 'pending';
  const approveText = e.kind === 'proposal' ? '通过并公开' : e.kind === 'closure' ? '核实无误' : '已处理';
  return (
    <View id={`edit-${e.id}`} className='sp-item'>
      <ItemHead title={e.stationName} status={e.kindLabel} tone={e.kind === 'closure' || e.kind === 'report' ? 'danger' : 'warn'} />
      <Text className='sp-item__line'>
        {formatDateTime(e.createdAt)} · {e.statusLabel}
      </Text>
      {e.diff ? <EditDiff id={`diff-${e.id}`} diff={e.diff} photos={e.photos} /> : null}
      {e.closure ? <Notice tone='warn' title='已在站点页面显示' text={`${e.closure.reason}：${formatDay(e.closure.from)} 至 ${formatDay(e.closure.until)}`} /> : null}
      {e.report ? <Notice tone='info' title={`村民反馈：${e.report.topicLabel}有误`} text={e.report.text} /> : null}
      {e.kind === 'reminder' ? <Text className='sp-item__line'>信息核实于 {e.infoConfirmedOn ? formatDay(e.infoConfirmedOn) : '—'}，已超过 180 天。请联系站点更新，或确认信息无变化。</Text> : null}
      {e.comment ? <Notice tone='info' title='审核意见' text={e.comment} /> : null}
      {open ? (
        <ReturnActions
          id={e.id}
          decide={decide}
          approve={{ decision: 'approve', id: `btn-approve-${e.id}`, text: approveText }}
          reason={{ field: 'comment', inputId: `return-comment-${e.id}`, value: comment, onChange: setComment, placeholder: '写明要怎么改' }}
          canReturn={e.kind === 'proposal' || e.kind === 'closure'}
        >
          {e.kind === 'report' || e.kind === 'reminder' ? (
            <SubmitButton id={`btn-confirm-info-${e.id}`} tone='secondary' text='信息无变化' busy={confirmInfo.busy} onClick={() => void confirmInfo.run()} />
          ) : null}
        </ReturnActions>
      ) : null}
    </View>
  );
}

export default function EditsReviewPage() {
  return (
    <ReviewQueuePage
      id='page-edits-review'
      heading='站点信息审核'
      prefix='edits'
      tabs={TABS}
      load={edits.queue}
      empty='没有待处理的站点信息'
      showMessage
      card={(e, done) => <EditCard key={e.id} e={e} onDone={done} />}
    />
  );
}
