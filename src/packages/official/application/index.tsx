/**
 * One application for a reviewer: the applicant's answers, masked ID and phone with an audited
 * 查看 (a reason is required; the server records who, when and why), and the scoring form — one
 * score 0–100 per published criterion, the weighted total shown as it is filled.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { recruitment, type ApplicationsView, type ScoredApplication } from '../../../services/recruitment';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import { previewTotal } from '../utils/rubric';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import LoadStates from '../components/LoadStates';

type PersonalField = 'idNumber' | 'phone';
const FIELD_TEXT: Record<PersonalField, string> = { idNumber: '身份证号', phone: '手机号' };
const REASONS = [
  ['核对身份', '核对身份'],
  ['资格审查', '资格审查'],
  ['电话联系本人', '电话联系本人'],
] as const;

function RevealRow({ applicationId, field, masked }: { applicationId: string; field: PersonalField; masked: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const reveal = useAction(() => recruitment.reveal({ applicationId, field, reason: reason.trim() }), {
    onDone: (r) => {
      setValue(r.value);
      setOpen(false);
    },
  });
  const { error, busy } = reveal;
  useScrollToFirstError(error);
  const submit = () => {
    if (!reason.trim()) {
      reveal.clearError();
      setOpen(true);
      return;
    }
    void reveal.run();
  };
  return (
    <View id={`reveal-${field}`} className='sp-reveal'>
      <View className='kv'>
        <Text className='kv__k'>{FIELD_TEXT[field]}</Text>
        <Text id={`app-${field}`} className='kv__v sp-masked'>
          {value ?? masked}
        </Text>
      </View>
      {value ? (
        <Notice id={`reveal-audited-${field}`} tone='info' title='已记录本次查看' text={`查看人、时间和原因“${reason.trim()}”已写入审计记录。请勿外传。`} />
      ) : open ? (
        <View id={`reveal-panel-${field}`} className='sp-panel'>
          <Field label={`查看完整${FIELD_TEXT[field]}的原因`} required hint='每次查看都会记录查看人、时间和原因' error={fieldError(error, 'reason')}>
            <Choices idPrefix={`reveal-reason-${field}`} options={REASONS} value={(REASONS.find(([r]) => r === reason)?.[0] ?? null) as (typeof REASONS)[number][0] | null} onChange={setReason} />
            <TextInput id={`reveal-reason-input-${field}`} value={reason} onChange={setReason} maxlength={100} placeholder='或写下其他原因' />
          </Field>
          {error ? <Notice id={`reveal-error-${field}`} tone='danger' text={error.message} /> : null}
          <SubmitButton id={`btn-confirm-reveal-${field}`} text='确认查看' busy={busy} disabled={!reason.trim()} onClick={() => void submit()} />
        </View>
      ) : (
        <Button id={`btn-reveal-${field}`} className='btn btn--ghost btn--small btn--inline' onClick={() => setOpen(true)}>
          查看完整{FIELD_TEXT[field]}
        </Button>
      )}
    </View>
  );
}

function ScoreForm({ view, app, onSaved, savedText }: { view: ApplicationsView; app: ScoredApplication; onSaved: (a: ScoredApplication) => void; savedText: string | null }) {
  const rubric = view.post.rubric;
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(rubric.map((r) => [r.criterion, app.myScore?.[r.criterion] !== undefined ? String(app.myScore[r.criterion]) : ''])));
  const total = previewTotal(rubric, scores);
  const score = useAction(() => recruitment.score({ applicationId: app.id, byCriterion: Object.fromEntries(rubric.map((r) => [r.criterion, Number(scores[r.criterion])])) }), { onDone: onSaved });
  const { error, busy } = score;
  useScrollToFirstError(error);
  const submit = () => {
    if (total !== null) void score.run();
  };
  return (
    <View id='score-form' className='section'>
      <Text className='section__title'>{app.myScore ? '修改我的评分' : '评分'}</Text>
      <Text className='sp-small-note'>每项打 0–100 分；总分按权重折算，多位评审取平均。</Text>
      <View className='section__body'>
        {rubric.map((r, i) => (
          <View key={r.criterion} className='sp-score-row'>
            <Text className='sp-score-row__label'>
              {r.criterion}（权重 {r.weight}）
            </Text>
            <View className='sp-score-row__input'>
              <TextInput id={`score-${i}`} type='number' value={scores[r.criterion] ?? ''} onChange={(v) => setScores({ ...scores, [r.criterion]: v.replace(/\D/g, '').slice(0, 3) })} maxlength={3} placeholder='0-100' />
            </View>
          </View>
        ))}
        <Text id='score-preview' className='sp-rubric-sum'>
          {total === null ? '每项填 0 到 100 的整数后显示总分' : `我的总分：${total}`}
        </Text>
        {error ? <Notice id='score-error' tone='danger' text={error.message} /> : null}
        {savedText && !busy ? <Notice id='score-saved' tone='ok' title='评分已保存' text={savedText} /> : null}
        <SubmitButton id='btn-submit-score' text='保存评分' busy={busy} disabled={total === null} onClick={() => void submit()} />
      </View>
    </View>
  );
}

export default function ApplicationPage() {
  const router = useRouter();
  const postId = router.params.postId ?? '';
  const id = router.params.id ?? '';
  const data = useLoad(() => recruitment.applications({ postId, limit: 50 }), [postId]);
  const [app, setApp] = useState<ScoredApplication | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setApp(data.data?.items.find((a) => a.id === id) ?? null);
  }, [data.data, id]);

  const v = data.data;
  return (
    <PageShell id='page-application' heading='报名材料'>
      <LoadStates load={data} loadingId='app-loading' errorId='app-error' rows={2} />
      {v && !app ? <EmptyState id='app-missing' text='没有找到这份报名' /> : null}
      {v && app ? (
        <View id='application-detail'>
          <Text className='sp-page-title'>{app.name}</Text>
          <Text className='sp-lead'>
            {v.post.title} · {app.statusLabel}
            {app.total !== null ? ` · 总分 ${app.total}（${app.reviewers} 人评分）` : ''}
          </Text>

          <View id='app-personal' className='section'>
            <Text className='section__title'>个人信息</Text>
            <View className='section__body'>
              <View className='kv'>
                <Text className='kv__k'>性别 / 出生</Text>
                <Text className='kv__v'>
                  {app.gender} · {app.birthYear} 年
                </Text>
              </View>
              <View className='kv'>
                <Text className='kv__k'>所在村</Text>
                <Text className='kv__v'>{app.villageName}</Text>
              </View>
              <RevealRow applicationId={app.id} field='idNumber' masked={app.idMasked} />
              <RevealRow applicationId={app.id} field='phone' masked={app.phoneMasked} />
              <Text className='sp-small-note'>报名时间：{formatDateTime(app.createdAt)}</Text>
            </View>
          </View>

          <View id='app-answers' className='section'>
            <Text className='section__title'>报名材料</Text>
            <View className='section__body'>
              <View className='kv'>
                <Text className='kv__k'>身份背景</Text>
                <Text className='kv__v'>{app.background}</Text>
              </View>
              <View className='kv'>
                <Text className='kv__k'>文化程度</Text>
                <Text className='kv__v'>{app.education}</Text>
              </View>
              <Text className='sub-title'>电商技能</Text>
              <Text className='sp-description'>{app.skills}</Text>
              <Text className='sub-title'>农产品经验</Text>
              <Text className='sp-description'>{app.productExperience}</Text>
              <Text className='sub-title'>个人陈述</Text>
              <Text className='sp-description'>{app.statement}</Text>
            </View>
          </View>

          {v.post.status === 'reviewing' && app.status === 'submitted' ? (
            <ScoreForm
              key={app.id}
              view={v}
              app={app}
              savedText={saved && app.total !== null ? `当前总分 ${app.total}（${app.reviewers} 人评分的平均）` : null}
              onSaved={(a) => {
                setApp(a);
                setSaved(true);
                toast('评分已保存', 'success');
              }}
            />
          ) : (
            <Notice tone='info' text={v.post.status === 'open' ? '报名截止后才能评分。' : '这份报名现在不能评分。'} />
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
