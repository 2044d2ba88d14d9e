/**
 * 公示和异议 (officials): the notice as published, and the real-name objections with 处理:
 * 核查中 / 异议成立 (stops the appointment at once) / 异议不成立, with a reply to the objector.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '../../../components/StateViews';
import { notices, type NoticeDetail, type ObjectionView } from '../../../services/notices';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, fieldError, useScrollToFirstError } from '../../../ui/form';
import { formatDateTime, formatDay } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import '../../shared/sub.css';
import { LoadedPage } from '../components/LoadStates';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';

type Outcome = 'investigating' | 'upheld' | 'dismissed';
const OUTCOMES: readonly (readonly [Outcome, string])[] = [
  ['investigating', '核查中'],
  ['upheld', '异议成立'],
  ['dismissed', '异议不成立'],
];

function ObjectionCard({ o, kind, onDone }: { o: ObjectionView; kind: NoticeDetail['kind']; onDone: (message: string, conflict?: boolean) => void }) {
  const open = o.status === 'received' || o.status === 'investigating';
  const [status, setStatus] = useState<Outcome | null>(null);
  const [response, setResponse] = useState('');
  const resolve = useAction((outcome: Outcome) => notices.resolve({ objectionId: o.id, version: o.version, status: outcome, response: response.trim() || undefined }), {
    onDone: (r) => onDone(`已处理：${r.statusLabel}`),
    onConflict: (err) => onDone(err.message, true),
  });
  const { error, busy } = resolve;
  useScrollToFirstError(error);
  const [hint, setHint] = useState<string | null>(null);
  const submit = () => {
    setHint(null);
    if (!status) return setHint('请选择处理结果');
    if (status !== 'investigating' && !response.trim()) return setHint('请填写给异议人的答复');
    void resolve.run(status);
  };
  return (
    <View id={`objection-${o.id}`} className='sp-item'>
      <View className='sp-item__top'>
        <Text className='sp-item__title'>
          {o.realName}（{o.phoneMasked}）
        </Text>
        <Text className={`sp-status sp-status--${o.status === 'upheld' ? 'danger' : o.status === 'dismissed' ? 'muted' : 'warn'}`}>{o.statusLabel}</Text>
      </View>
      <Text className='sp-item__line'>{formatDateTime(o.createdAt)}</Text>
      <Text className='sp-description sp-objection-text'>{o.text}</Text>
      {o.response ? <Notice tone='info' title='答复' text={o.response} /> : null}
      {open ? (
        <View className='sp-panel'>
          <Field label='处理结果' required>
            <Choices idPrefix={`resolve-status-${o.id}`} options={OUTCOMES} value={status} onChange={setStatus} />
          </Field>
          {status === 'upheld' ? <Notice tone='danger' text={kind === 'certification' ? '异议成立会立即中止这次认定，申请退回县级重新审核，运营单位会看到您的答复。' : '异议成立会立即停止这次任用，岗位回到评审，可以从其他报名者中重新选定。'} /> : null}
          <Field label='给异议人的答复' required={status !== 'investigating'} error={fieldError(error, 'response')}>
            <TextArea id={`resolve-response-${o.id}`} value={response} onChange={setResponse} maxlength={500} placeholder='写明核查情况和结论' />
          </Field>
          {hint ? <Notice tone='warn' text={hint} /> : null}
          {error ? <Notice tone='danger' text={error.message} /> : null}
          <SubmitButton id={`btn-resolve-${o.id}`} text='提交处理结果' busy={busy} onClick={() => void submit()} />
        </View>
      ) : null}
    </View>
  );
}

export default function ObjectionsPage() {
  const router = useRouter();
  const noticeId = router.params.noticeId ?? '';
  const data = useLoad<{ notice: NoticeDetail; objections: ObjectionView[] }>(
    async () => {
      const [notice, objections] = await Promise.all([notices.get({ id: noticeId }), notices.objections({ noticeId })]);
      return { notice, objections };
    },
    [noticeId],
  );
  const [result, setResult] = useState<{ tone: 'ok' | 'warn'; title: string; text?: string } | null>(null);
  usePullRefresh(data.reload);
  const done = (message: string, conflict?: boolean) => {
    setResult(conflict ? { tone: 'warn', title: '已被他人处理，已刷新', text: message } : { tone: 'ok', title: message });
    if (!conflict) toast(message, 'success');
    data.reload();
  };
  return (
    <LoadedPage id='page-objections' heading='公示和异议' load={data} loadingId='objections-loading' errorId='objections-error' rows={2}>
      {(d) => (
        <>
          <View id='notice-summary' className='section'>
            <Text className='section__title'>{d.notice.title}</Text>
            <View className='section__body'>
              {d.notice.facts.map((f) => (
                <View key={f.label} className='kv'>
                  <Text className='kv__k'>{f.label}</Text>
                  <Text className='kv__v'>{f.value}</Text>
                </View>
              ))}
              <View className='kv'>
                <Text className='kv__k'>公示期</Text>
                <Text className='kv__v'>
                  {formatDay(d.notice.startsOn)} 至 {formatDay(d.notice.endsOn)}
                  {d.notice.running ? '（公示中）' : d.notice.status === 'open' ? '（未开始）' : '（已结束）'}
                </Text>
              </View>
              {d.notice.outcomeLabel ? <Notice tone={d.notice.outcome === 'approved' ? 'ok' : 'warn'} text={d.notice.outcomeLabel} /> : null}
            </View>
          </View>
          {result ? <Notice id={result.tone === 'ok' ? 'resolve-result' : 'conflict-notice'} tone={result.tone} title={result.title} text={result.text} /> : null}
          <Text className='sub-title sp-list-heading'>异议（{d.objections.length}）</Text>
          {!d.objections.length ? <EmptyState id='objections-empty' text='公示期内还没有收到异议' /> : null}
          <View id='objections-list'>
            {d.objections.map((o) => (
              <ObjectionCard key={`${o.id}-${o.version}`} o={o} kind={d.notice.kind} onDone={done} />
            ))}
          </View>
        </>
      )}
    </LoadedPage>
  );
}
