/**
 * 冒名站点举报 (第十一条7) for officials: what villagers reported in the region, newest first; each
 * is closed once with what was found and done (asks first). Who reported is never shown.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, EmptyState, Skeleton } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import { unlisted, type UnlistedItem } from '../../../services/unlisted';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import PhotoStrip from '../../../ui/PhotoStrip';
import Notice from '../../../ui/Notice';
import '../../shared/sub.css';

const OUTCOMES = [
  ['dealt_with', '已查处：责令摘牌、停止冒用'],
  ['listed', '经核实是登记的站点'],
  ['not_found', '未发现冒用'],
] as const;
type Outcome = (typeof OUTCOMES)[number][0];
const TABS = [
  ['open', '待核查'],
  ['closed', '已处理'],
] as const;

function Report({ r, onDone }: { r: UnlistedItem; onDone: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState('');
  const close = useAction(() => unlisted.handle({ id: r.id, version: r.version, outcome: outcome!, note: note.trim() }), {
    confirm: () => ({ title: '办结举报', content: `按“${OUTCOMES.find(([c]) => c === outcome)?.[1]}”办结这条举报？办结后不能再改。`, confirmText: '办结' }),
    onDone: () => {
      toast('已办结', 'success');
      onDone();
    },
  });
  return (
    <View id={`unlisted-${r.id}`} className='sp-form'>
      <Text className='sp-form__title'>
        {r.regionLabel} · {r.place}
      </Text>
      <Text className='sp-item__line'>
        {r.reportedOn} 举报 · {r.statusLabel}
        {r.held ? ' · 内容待审核' : ''}
      </Text>
      <Text className='sp-item__line'>{r.description}</Text>
      {r.photos.length ? <PhotoStrip id={`unlisted-photos-${r.id}`} urls={r.photos} label="举报照片" /> : null}
      {r.location ? <Text className='sp-small-note'>举报人所在位置：{r.location.lat.toFixed(5)}, {r.location.lng.toFixed(5)}</Text> : null}
      {r.status === 'closed' ? (
        <Notice tone='ok' title={r.outcomeLabel ?? '已处理'} text={`${r.note ?? ''}（${r.closedOn ?? ''}）`} />
      ) : (
        <View>
          <Field label='处理结果' required error={fieldError(close.error, 'outcome')}>
            <Choices idPrefix={`unlisted-outcome-${r.id}`} options={OUTCOMES} value={outcome} onChange={setOutcome} label='处理结果' />
          </Field>
          <Field label='核查和处理情况' required error={fieldError(close.error, 'note')}>
            <TextArea id={`unlisted-note-${r.id}`} value={note} onChange={setNote} maxlength={300} placeholder='去现场看到的情况、采取的措施' />
          </Field>
          {close.error && !Object.keys(close.error.fields ?? {}).length ? <Notice tone='danger' text={close.error.message} /> : null}
          <SubmitButton id={`unlisted-close-${r.id}`} text='办结' busy={close.busy} disabled={!outcome || note.trim().length < 4} onClick={() => void close.run()} />
        </View>
      )}
    </View>
  );
}

export default function UnlistedReportsPage() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useLoad(() => unlisted.list({ status }), [status]);
  return (
    <PageShell id='page-unlisted' heading='冒名站点举报'>
      <View className='sp-controls'>
        <Choices idPrefix='unlisted-tab' options={TABS} value={status} onChange={setStatus} label='状态' />
      </View>
      {list.status === 'loading' && !list.data ? <Skeleton id='unlisted-loading' rows={2} /> : null}
      {list.status === 'error' && !list.data ? <ErrorState id='unlisted-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
      {list.data && !list.data.items.length ? <EmptyState id='unlisted-empty' text={status === 'open' ? '没有待核查的举报。' : '还没有办结的举报。'} /> : null}
      {list.data?.items.map((r) => <Report key={r.id} r={r} onDone={list.reload} />)}
    </PageShell>
  );
}
