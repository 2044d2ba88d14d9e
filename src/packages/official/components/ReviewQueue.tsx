/**
 * The review queues (站点信息审核, 台账审核): status tabs over the cards of one tab, and each card's
 * 通过 / 退回… / 退回 buttons with the reason asked for before returning.
 */
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';
import type { Action } from '../../../hooks/useAction';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import LoadStates from './LoadStates';

interface QueueProps<Tab extends string, T> {
  id: string;
  heading: string;
  /** Begins the ids: <prefix>-tab, -loading, -error, -empty, -list, -message. */
  prefix: string;
  /** The first tab is the queue itself (asked for without a status). */
  tabs: readonly (readonly [Tab, string])[];
  load: (input: { status?: Tab }) => Promise<{ items: T[]; nextOffset?: number | null }>;
  /** What an empty first tab says (the others say 暂无记录). */
  empty: string;
  /** Keep what was just done above the list, besides the toast. */
  showMessage?: boolean;
  card: (item: T, done: (message: string) => void) => ReactNode;
}

export function ReviewQueuePage<Tab extends string, T>({ id, heading, prefix, tabs, load, empty, showMessage, card }: QueueProps<Tab, T>) {
  const first = tabs[0][0];
  const [tab, setTab] = useState<Tab>(first);
  const page = useLoad(() => load(tab === first ? {} : { status: tab }), [tab]);
  const [message, setMessage] = useState<string | null>(null);
  usePullRefresh(page.reload);
  const done = (m: string) => {
    setMessage(m);
    toast(m, 'success');
    page.reload();
  };
  const items = page.data?.items ?? [];
  return (
    <PageShell id={id} heading={heading}>
      <Choices idPrefix={`${prefix}-tab`} options={tabs} value={tab} onChange={setTab} label='状态' />
      {showMessage && message ? <Notice id={`${prefix}-message`} tone='ok' title={message} /> : null}
      <LoadStates load={page} loadingId={`${prefix}-loading`} errorId={`${prefix}-error`} rows={3} />
      {page.data && !items.length ? <EmptyState id={`${prefix}-empty`} text={tab === first ? empty : '暂无记录'} /> : null}
      <View id={`${prefix}-list`}>{items.map((item) => card(item, done))}</View>
      {page.data?.nextOffset ? <Text className='sp-item__line'>只显示前 {items.length} 条，处理后会显示更多</Text> : null}
    </PageShell>
  );
}

interface ReturnProps<D extends string> {
  /** The item's id, in the buttons' ids. */
  id: string;
  decide: Action<[D | 'return']>;
  approve: { decision: D; id: string; text: string };
  /** The reason: its field name in the server's errors, its input's id and hint. */
  reason: { field: string; inputId: string; value: string; onChange: (v: string) => void; placeholder: string };
  /** Items that cannot be returned show 通过 only. */
  canReturn?: boolean;
  /** Other buttons, before 通过. */
  children?: ReactNode;
}

export function ReturnActions<D extends string>({ id, decide, approve, reason, canReturn = true, children }: ReturnProps<D>) {
  const [returning, setReturning] = useState(false);
  const reasonError = fieldError(decide.error, reason.field);
  return (
    <View className='sp-item__actions'>
      {returning ? (
        <Field label='退回原因' required error={reasonError}>
          <TextArea id={reason.inputId} value={reason.value} onChange={reason.onChange} maxlength={200} placeholder={reason.placeholder} />
        </Field>
      ) : null}
      {decide.error && !reasonError ? <Notice tone='danger' text={decide.error.message} /> : null}
      {children}
      {!returning ? <SubmitButton id={approve.id} text={approve.text} busy={decide.busy} onClick={() => void decide.run(approve.decision)} /> : null}
      {canReturn ? (
        returning ? (
          <SubmitButton id={`btn-return-${id}`} tone='danger' text='退回' busy={decide.busy} onClick={() => void decide.run('return')} />
        ) : (
          <Button id={`btn-start-return-${id}`} className='btn btn--ghost btn--block' onClick={() => setReturning(true)}>
            退回…
          </Button>
        )
      ) : null}
    </View>
  );
}
