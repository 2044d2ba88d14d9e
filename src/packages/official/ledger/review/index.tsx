/**
 * 台账审核 (operator staff): its stations' entries waiting for review, with the anomaly flags;
 * 核实 accepts, 退回 asks for a reason and confirms first; the head then corrects and resubmits.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../../components/PageShell';
import { EmptyState } from '../../../../components/StateViews';
import { ledger, type EntryView } from '../../../../services/ledger';
import { useAction } from '../../../../hooks/useAction';
import { useLoad } from '../../../../hooks/useLoad';
import Button from '../../../../ui/Button';
import Notice from '../../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../../../ui/form';
import { toast } from '../../../../ui/dialogs';
import { EntryBody } from '../../components/LedgerParts';
import '../../../shared/sub.css';
import LoadStates from '../../components/LoadStates';
import { usePullRefresh } from '../../../../hooks/useRefreshOnShow';

type Tab = 'submitted' | 'returned' | 'accepted';
const TABS: readonly (readonly [Tab, string])[] = [
  ['submitted', '待审核'],
  ['returned', '已退回'],
  ['accepted', '已核实'],
];

function ReviewCard({ e, onDone }: { e: EntryView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [returning, setReturning] = useState(false);
  const decide = useAction((decision: 'accept' | 'return') => ledger.review({ id: e.id, decision, ...(decision === 'return' && reason.trim() ? { reason: reason.trim() } : {}) }), {
    confirm: (decision) => (decision === 'return' ? { title: '退回这条台账', content: `退回给「${e.stationName}」改正，对方会看到退回原因。`, confirmText: '确定退回' } : null),
    onDone: (r) => onDone(r.status === 'accepted' ? '已核实' : '已退回'),
    onConflict: (err) => onDone(err.message),
  });
  const open = e.status === 'submitted';
  return (
    <View id={`review-${e.id}`} className={`sp-item ${e.flags.length ? 'sp-item--alert' : ''}`}>
      <EntryBody e={e} showStation />
      {open ? (
        <View className='sp-item__actions'>
          {returning ? (
            <Field label='退回原因' required error={fieldError(decide.error, 'reason')}>
              <TextArea id={`return-reason-${e.id}`} value={reason} onChange={setReason} maxlength={200} placeholder='写明哪里不对、要怎么改' />
            </Field>
          ) : null}
          {decide.error && !fieldError(decide.error, 'reason') ? <Notice tone='danger' text={decide.error.message} /> : null}
          {!returning ? <SubmitButton id={`btn-accept-${e.id}`} text='核实无误' busy={decide.busy} onClick={() => void decide.run('accept')} /> : null}
          {returning ? (
            <SubmitButton id={`btn-return-${e.id}`} tone='danger' text='退回' busy={decide.busy} onClick={() => void decide.run('return')} />
          ) : (
            <Button id={`btn-start-return-${e.id}`} className='btn btn--ghost btn--block' onClick={() => setReturning(true)}>
              退回…
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}

export default function LedgerReviewPage() {
  const [tab, setTab] = useState<Tab>('submitted');
  const page = useLoad(() => ledger.queue(tab === 'submitted' ? {} : { status: tab }), [tab]);
  usePullRefresh(page.reload);
  const done = (m: string) => {
    toast(m, 'success');
    page.reload();
  };
  const items = page.data?.items ?? [];
  return (
    <PageShell id='page-ledger-review' heading='台账审核'>
      <Choices idPrefix='ledger-review-tab' options={TABS} value={tab} onChange={setTab} label='状态' />
      <LoadStates load={page} loadingId='ledger-review-loading' errorId='ledger-review-error' rows={3} />
      {page.data && !items.length ? <EmptyState id='ledger-review-empty' text={tab === 'submitted' ? '没有待审核的台账' : '暂无记录'} /> : null}
      <View id='ledger-review-list'>
        {items.map((e) => (
          <ReviewCard key={e.id} e={e} onDone={done} />
        ))}
      </View>
      {page.data?.nextOffset ? <Text className='sp-item__line'>只显示前 {items.length} 条，处理后会显示更多</Text> : null}
    </PageShell>
  );
}
