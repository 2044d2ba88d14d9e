/**
 * 培训签到 (operator staff, 第九条3): open a training session and show its sign-in code (and QR) to
 * the heads in the room; each head scans or types it and their training is recorded. The code
 * works for 2 hours; the last sessions are listed with their codes while they work.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../../components/PageShell';
import { heads, type OpenedSession } from '../../../../services/heads';
import { toApiError, type ApiError } from '../../../../services/transport';
import { useLoad } from '../../../../hooks/useLoad';
import Notice from '../../../../ui/Notice';
import { Choices, Field, SubmitButton, TextInput, fieldError } from '../../../../ui/form';
import { formatDay, todayShanghai } from '../../../../ui/format';
import { Image } from '../../../../ui/lazy-components';
import DateField from '../../components/DateField';
import '../../../shared/sub.css';
import '../heads.css';
import LoadStates from '../../components/LoadStates';
import { usePullRefresh } from '../../../../hooks/useRefreshOnShow';

const KINDS = [
  ['pre_job', '岗前培训'],
  ['annual', '年度培训/交流'],
] as const;

const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

export default function TrainingSessionPage() {
  const list = useLoad(() => heads.sessions(), []);
  const [kind, setKind] = useState<'pre_job' | 'annual'>('annual');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayShanghai());
  const [days, setDays] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<OpenedSession | null>(null);
  usePullRefresh(list.reload);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await heads.openSession({ kind, title: title.trim(), date, days: Number(days) });
      setOpened(s);
      setTitle('');
      list.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageShell id='page-heads-session' heading='培训签到'>
      {opened ? (
        <View id='heads-session-opened' className='section'>
          <Text className='sp-form__title'>{opened.title}</Text>
          <Text className='sp-lead'>请站点负责人在“我的培训与考核”扫码或输入签到码，{hhmm(opened.expiresAt)} 前有效。</Text>
          {opened.image ? <Image id='heads-session-qr' className='hd-qr' src={`data:${opened.image.contentType};base64,${opened.image.base64}`} mode='aspectFit' {...{ nativeProps: { alt: '培训签到二维码' } }} /> : null}
          <Text id='heads-session-code' className='hd-code'>
            {opened.code}
          </Text>
        </View>
      ) : null}
      <View id='heads-session-form' className='sp-form'>
        <Text className='sp-form__title'>开始一次培训签到</Text>
        <Field label='培训类型' required error={fieldError(error, 'kind')}>
          <Choices idPrefix='heads-session-kind' options={KINDS} value={kind} onChange={setKind} />
        </Field>
        <Field label='培训名称' required error={fieldError(error, 'title')}>
          <TextInput id='heads-session-title' value={title} onChange={setTitle} maxlength={60} placeholder='如：农产品直播带货培训' />
        </Field>
        <Field label='日期' required error={fieldError(error, 'date')}>
          <DateField id='heads-session-date' value={date} onChange={setDate} />
        </Field>
        <Field label='天数' required error={fieldError(error, 'days')}>
          <TextInput id='heads-session-days' type='digit' value={days} onChange={setDays} maxlength={4} />
        </Field>
        {error && !Object.keys(error.fields).length ? <Notice id='heads-session-error' tone='danger' text={error.message} /> : null}
        <SubmitButton id='btn-heads-session-open' text='生成签到码' busy={busy} onClick={() => void submit()} />
      </View>
      <Text className='sp-list-heading'>最近的培训</Text>
      <LoadStates load={list} errorId='heads-sessions-error' rows={2} />
      <View id='heads-sessions'>
        {list.data?.items.map((s) => (
          <View key={s.id} className='sp-item'>
            <View className='sp-item__top'>
              <Text className='sp-item__title'>{s.title}</Text>
              <Text className={`sp-status ${s.live ? 'sp-status--ok' : 'sp-status--muted'}`}>{s.live ? `签到码 ${s.code}` : '已结束'}</Text>
            </View>
            <Text className='sp-item__line'>
              {formatDay(s.date)} · {s.kind === 'pre_job' ? '岗前培训' : '年度培训'} · {s.days} 天
            </Text>
          </View>
        ))}
        {list.data && !list.data.items.length ? <Text className='sp-small-note'>还没有组织过培训签到</Text> : null}
      </View>
    </PageShell>
  );
}
