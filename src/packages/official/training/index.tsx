/**
 * 培训情况: appointed station heads and their training (第九条3: ≥ 3 days pre-job, ≥ 2 trainings
 * a year); those behind come first and are highlighted. 记录培训 adds a record.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ANNUAL_MIN_TRAININGS, PRE_JOB_MIN_DAYS } from '@core/recruitment/model';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { recruitment, type TrainingRow } from '../../../services/recruitment';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { Field, SubmitButton, fieldError, useScrollToFirstError } from '../../../ui/form';
import { formatDay } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import TrainingFields, { useTrainingDraft } from '../components/TrainingFields';
import '../../shared/sub.css';
import LoadStates from '../components/LoadStates';
import OptionButton from '../components/OptionButton';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';
import ItemHead from '../../../ui/ItemHead';

function RecordForm({ heads, onSaved }: { heads: TrainingRow[]; onSaved: () => void }) {
  const [stationId, setStationId] = useState<string | null>(heads.find((h) => h.behind.length)?.stationId ?? heads[0]?.stationId ?? null);
  const [t, setT] = useTrainingDraft('pre_job');
  const [hint, setHint] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useAction((id: string, title: string, n: number) => recruitment.recordTraining({ stationId: id, kind: t.kind, title, date: t.date, days: n }), {
    onDone: (_, _id, title, n) => {
      setSaved(`已记录：${title}（${n} 天）`);
      setT((d) => ({ ...d, title: '' }));
      toast('已记录', 'success');
      onSaved();
    },
  });
  const { error, busy } = record;
  useScrollToFirstError(error);
  const submit = () => {
    setHint(null);
    setSaved(null);
    if (!stationId) return setHint('请选择站点');
    if (!t.title.trim()) return setHint('请填写培训名称');
    const n = Number(t.days);
    if (!(n > 0 && n <= 60)) return setHint('天数应在 0.5 到 60 之间');
    void record.run(stationId, t.title.trim(), n);
  };
  return (
    <View id='training-form' className='sp-form'>
      <Text className='sp-form__title'>记录一次培训</Text>
      <Field label='站点负责人' required error={fieldError(error, 'stationId')}>
        {heads.map((h) => (
          <OptionButton key={h.stationId} id={`training-station-${h.stationId}`} title={h.headName} sub={h.stationName} on={stationId === h.stationId} onClick={() => setStationId(h.stationId)} />
        ))}
      </Field>
      <TrainingFields idPrefix='training' value={t} onChange={setT} error={error} titlePlaceholder='如：2026 年县级电商扶贫站长培训班' />
      {hint ? <Notice tone='warn' text={hint} /> : null}
      {error ? <Notice id='training-error' tone='danger' text={error.message} /> : null}
      {saved ? <Notice id='training-saved' tone='ok' text={saved} /> : null}
      <SubmitButton id='btn-record-training' text='保存培训记录' busy={busy} onClick={submit} />
    </View>
  );
}

export default function TrainingPage() {
  const data = useLoad(() => recruitment.training({}), []);
  usePullRefresh(data.reload);
  const d = data.data;
  const heads = d ? [...d.heads].sort((a, b) => b.behind.length - a.behind.length) : [];

  return (
    <PageShell id='page-training' heading='培训情况'>
      <Text className='sp-lead'>
        要求：岗前培训累计不少于 {PRE_JOB_MIN_DAYS} 天；每年培训、对接交流不少于 {ANNUAL_MIN_TRAININGS} 次（第九条3）。
      </Text>
      <LoadStates load={data} loadingId='training-loading' errorId='training-error-state' rows={2} />
      {d ? (
        <View>
          {d.behind ? <Notice id='training-behind' tone='danger' title={`${d.behind} 位负责人培训不达标`} text='请安排培训，培训后在下方记录。' /> : heads.length ? <Notice tone='ok' text={`${d.year} 年全部负责人培训达标`} /> : null}
          {!heads.length ? <EmptyState id='training-empty' text='辖区内还没有经公示任用的站点负责人' /> : null}
          <View id='training-list'>
            {heads.map((h) => (
              <View key={h.stationId} id={`training-${h.stationId}`} className={`sp-item ${h.behind.length ? 'sp-item--alert' : ''}`}>
                <ItemHead title={h.headName} status={h.behind.length ? '未达标' : '达标'} tone={h.behind.length ? 'danger' : 'ok'} />
                <Text className='sp-item__line'>{h.stationName}</Text>
                <Text className='sp-item__line'>
                  岗前培训 {h.preJobDays} 天 · {d.year} 年培训 {h.thisYear} 次
                </Text>
                {h.behind.map((b) => (
                  <Text key={b} className='sp-behind sp-item__line'>
                    {b}
                  </Text>
                ))}
                {h.records.length ? (
                  <Text className='sp-small-note'>
                    最近：{h.records.slice(-2).map((r) => `${formatDay(r.date)} ${r.title}（${r.days} 天）`).join('；')}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
          {heads.length ? <RecordForm heads={heads} onSaved={data.reload} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
