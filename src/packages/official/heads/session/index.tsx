/**
 * 培训签到 (operator staff, 第九条3): open a training session and show its sign-in code (and QR) to
 * the heads in the room; each head scans or types it and their training is recorded. The code
 * works for 2 hours; the last sessions are listed with their codes while they work.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../../components/PageShell';
import { heads, type OpenedSession } from '../../../../services/heads';
import { useAction } from '../../../../hooks/useAction';
import { useLoad } from '../../../../hooks/useLoad';
import Notice from '../../../../ui/Notice';
import { SubmitButton } from '../../../../ui/form';
import { formatDay } from '../../../../ui/format';
import { Image } from '../../../../ui/lazy-components';
import TrainingFields, { useTrainingDraft } from '../../components/TrainingFields';
import '../../../shared/sub.css';
import '../heads.css';
import LoadStates from '../../components/LoadStates';
import { usePullRefresh } from '../../../../hooks/useRefreshOnShow';
import ItemHead from '../../../../ui/ItemHead';

const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

export default function TrainingSessionPage() {
  const list = useLoad(() => heads.sessions(), []);
  const [t, setT] = useTrainingDraft('annual');
  const [opened, setOpened] = useState<OpenedSession | null>(null);
  usePullRefresh(list.reload);
  const open = useAction(() => heads.openSession({ kind: t.kind, title: t.title.trim(), date: t.date, days: Number(t.days) }), {
    onDone: (s) => {
      setOpened(s);
      setT((d) => ({ ...d, title: '' }));
      list.reload();
    },
  });
  const { error } = open;
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
        <TrainingFields idPrefix='heads-session' value={t} onChange={setT} error={error} titlePlaceholder='如：农产品直播带货培训' />
        {error && !Object.keys(error.fields).length ? <Notice id='heads-session-error' tone='danger' text={error.message} /> : null}
        <SubmitButton id='btn-heads-session-open' text='生成签到码' busy={open.busy} onClick={() => void open.run()} />
      </View>
      <Text className='sp-list-heading'>最近的培训</Text>
      <LoadStates load={list} errorId='heads-sessions-error' rows={2} />
      <View id='heads-sessions'>
        {list.data?.items.map((s) => (
          <View key={s.id} className='sp-item'>
            <ItemHead title={s.title} status={s.live ? `签到码 ${s.code}` : '已结束'} tone={s.live ? 'ok' : 'muted'} />
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
