/**
 * 我的培训与考核 (the station head, 第九条3–4): sign in to a training with the session's code (typed,
 * or scanned: the code's scene `t=<code>` opens this page with it filled in), the head's own
 * training record, and their assessment for a period with its parts and the county's decisions.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../../components/PageShell';
import { heads, periodChoices } from '../../../../services/heads';
import { ApiError, toApiError } from '../../../../services/transport';
import { useLoad } from '../../../../hooks/useLoad';
import Button from '../../../../ui/Button';
import Notice from '../../../../ui/Notice';
import { Choices, Field, SubmitButton, TextInput, fieldError } from '../../../../ui/form';
import { formatDay, todayShanghai } from '../../../../ui/format';
import { toast } from '../../../../ui/dialogs';
import { PartsList, ResultBadge } from '../parts';
import '../../../shared/sub.css';
import '../heads.css';
import LoadStates from '../../components/LoadStates';

/** `t=7K3M09` from a scanned code's scene (URL-encoded in the launch query). */
function codeFromScene(scene: string | undefined): string {
  const m = /(?:^|&)t=([0-9A-Za-z]{6})/.exec(decodeURIComponent(scene ?? ''));
  return m ? m[1] : '';
}

function SignIn({ initial, onDone }: { initial: string; onDone: () => void }) {
  const [code, setCode] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (value = code) => {
    if (!value.trim()) return setError(new ApiError('VALIDATION_ERROR', '请输入签到码', { code: '请输入签到码' }));
    setBusy(true);
    setError(null);
    try {
      const r = await heads.signIn({ code: value.trim() });
      setDone(`已签到：${r.title}（${formatDay(r.date)}，${r.days} 天）`);
      setCode('');
      toast('已签到', 'success');
      onDone();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true });
      const found = codeFromScene(r.path?.split('scene=')[1]) || codeFromScene(r.result);
      if (found) {
        setCode(found);
        void submit(found);
      } else setError(new ApiError('VALIDATION_ERROR', '这不是培训签到码'));
    } catch {
      /* cancelled */
    }
  };
  return (
    <View id='heads-signin' className='section'>
      <Text className='sp-form__title'>培训签到</Text>
      <Field label='签到码' hint='培训现场扫码，或输入 6 位签到码' error={fieldError(error, 'code')}>
        <TextInput id='heads-signin-code' value={code} onChange={(v) => setCode(v.toUpperCase())} maxlength={8} placeholder='如 7K3M9P' />
      </Field>
      {error && !error.fields.code ? <Notice id='heads-signin-error' tone='danger' text={error.message} /> : null}
      {done ? <Notice id='heads-signin-done' tone='ok' text={done} /> : null}
      <View className='hd-actions'>
        <SubmitButton id='btn-heads-signin' text='签到' busy={busy} onClick={() => void submit()} />
        {process.env.TARO_ENV === 'weapp' ? (
          <Button id='btn-heads-scan' className='btn btn--ghost' onClick={() => void scan()}>
            扫码签到
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default function MyHeadPage() {
  const router = useRouter();
  const choices = periodChoices(todayShanghai());
  const [period, setPeriod] = useState(choices[0][0]);
  const training = useLoad(() => heads.myTraining(), []);
  const result = useLoad(() => heads.mine({ period }), [period]);
  usePullDownRefresh(() => {
    training.reload();
    result.reload();
    Taro.stopPullDownRefresh();
  });
  const t = training.data;
  const r = result.data;
  return (
    <PageShell id='page-heads-mine' heading='我的培训与考核'>
      <SignIn initial={codeFromScene(router.params.scene) || (router.params.code ?? '')} onDone={training.reload} />
      <View id='heads-training' className='section'>
        <Text className='sp-form__title'>我的培训</Text>
        <LoadStates load={training} errorId='heads-training-error' rows={2} />
        {t ? (
          <View>
            <Text className='sp-item__line'>
              岗前培训 {t.preJobDays} 天 · {t.year} 年培训 {t.thisYear} 次
            </Text>
            {t.behind.length ? <Notice id='heads-training-behind' tone='warn' text={t.behind.join('；')} /> : <Notice tone='ok' text='培训达标' />}
            {t.records.map((x, i) => (
              <Text key={i} className='sp-item__line'>
                {formatDay(x.date)} {x.title}（{x.kind === 'pre_job' ? '岗前' : '年度'}，{x.days} 天）
              </Text>
            ))}
            {!t.records.length ? <Text className='sp-small-note'>还没有培训记录</Text> : null}
          </View>
        ) : null}
      </View>
      <View id='heads-result' className='section'>
        <Text className='sp-form__title'>我的考核</Text>
        <Choices idPrefix='heads-period' options={choices} value={period} onChange={setPeriod} label='考核期' />
        <LoadStates load={result} errorId='heads-result-error' rows={3} />
        {r && result.status !== 'error' ? (
          <View>
            <View className='sp-item__top'>
              <Text className='sp-item__title'>{r.periodLabel}</Text>
              <ResultBadge id='heads-result-total' exempt={r.exempt} total={r.total} gradeLabel={r.gradeLabel} />
            </View>
            {r.exempt ? <Text className='sp-small-note'>本站在培育期内（认定后 6 个月），不参加考核；下面的分项供参考。</Text> : null}
            <PartsList id='heads-result-parts' parts={r.parts} />
            {r.decisions.map((d) => (
              <Text key={d.id} className='hd-decision'>
                {d.label}：{d.note}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
