/**
 * 台账审核 (operator staff): its stations' entries waiting for review, with the anomaly flags;
 * 核实 accepts, 退回 asks for a reason and confirms first; the head then corrects and resubmits.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { ledger, type EntryView } from '../../../../services/ledger';
import { useAction } from '../../../../hooks/useAction';
import { EntryBody } from '../../components/LedgerParts';
import { ReturnActions, ReviewQueuePage } from '../../components/ReviewQueue';
import '../../../shared/sub.css';

type Tab = 'submitted' | 'returned' | 'accepted';
const TABS: readonly (readonly [Tab, string])[] = [
  ['submitted', '待审核'],
  ['returned', '已退回'],
  ['accepted', '已核实'],
];

function ReviewCard({ e, onDone }: { e: EntryView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
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
        <ReturnActions
          id={e.id}
          decide={decide}
          approve={{ decision: 'accept', id: `btn-accept-${e.id}`, text: '核实无误' }}
          reason={{ field: 'reason', inputId: `return-reason-${e.id}`, value: reason, onChange: setReason, placeholder: '写明哪里不对、要怎么改' }}
        />
      ) : null}
    </View>
  );
}

export default function LedgerReviewPage() {
  return (
    <ReviewQueuePage
      id='page-ledger-review'
      heading='台账审核'
      prefix='ledger-review'
      tabs={TABS}
      load={ledger.queue}
      empty='没有待审核的台账'
      card={(e, done) => <ReviewCard key={e.id} e={e} onDone={done} />}
    />
  );
}
