/**
 * 站点整改 (第十一条6): officials see stations that look idle (with the reasons in words) and the
 * rectification orders in their region; they issue an order, extend it once, restore the station
 * after checking the answer, or close it (confirmed first). A station head sees their station's
 * orders and answers with what was fixed.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { account } from '../../../services/account';
import { rectify, type IdleCandidate, type RectificationView } from '../../../services/rectify';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import Notice from '../../../ui/Notice';
import Button from '../../../ui/Button';
import { Choices, Field, SubmitButton, TextArea, fieldError, useScrollToFirstError, InputField } from '../../../ui/form';
import { useHints } from '../../../hooks/useHints';
import { formatDateTime, formatDay } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import PhotoPicker from '../../../components/complaint/PhotoPicker';
import type { DraftPhoto } from '../../../store/complaintDraft';
import PhotoStrip from '../../../ui/PhotoStrip';
import { ANSWER_PHOTOS_MAX } from '@core/station/limits';
import '../../shared/sub.css';
import LoadStates from '../components/LoadStates';
import ItemHead from '../../../ui/ItemHead';

const TABS = [
  ['orders', '整改通知'],
  ['idle', '疑似闲置站点'],
] as const;

type Verdict = 'restore' | 'extend' | 'close' | 'withdraw';
const VERDICT_TEXT: Record<Verdict, string> = { restore: '核查合格，恢复', extend: '延长期限', close: '关停站点', withdraw: '撤销通知' };

function OrderCard({ o, by, onChanged, onOpen }: { o: RectificationView; by: 'county' | 'station'; onChanged: (next: RectificationView) => void; onOpen?: () => void }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [comment, setComment] = useState('');
  const [days, setDays] = useState('5');
  const [answerText, setAnswerText] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [uploading, setUploading] = useState(0);
  const verify = useAction(
    () => rectify.verify({ id: o.id, version: o.version, outcome: verdict!, comment: comment.trim(), ...(verdict === 'extend' ? { workdays: Number(days) } : {}) }),
    {
      confirm: () =>
        verdict === 'close'
          ? { title: '关停站点', content: `关停“${o.stationName}”？站点将不再对外展示，负责人的角色同时撤销。此操作不能撤回。`, confirmText: '关停' }
          : verdict === 'withdraw'
            ? { title: '撤销整改通知', content: '撤销后站点恢复原来的状态。', confirmText: '撤销' }
            : null,
      onDone: (next) => {
        toast('已办理', 'success');
        onChanged(next);
      },
      onConflict: (err) => toast(err.message),
    },
  );
  const answer = useAction(() => rectify.answer({ id: o.id, version: o.version, text: answerText.trim(), ...(photos.length ? { photos: photos.map((p) => p.id) } : {}) }), {
    onDone: (next) => {
      toast('已提交', 'success');
      onChanged(next);
    },
    onConflict: (err) => toast(err.message),
  });
  useScrollToFirstError(verify.error ?? answer.error);
  const verdicts = o.actions.filter((a): a is Verdict => a !== 'answer');

  return (
    <View id={`order-${o.id}`} className='sp-item'>
      <ItemHead title={o.stationName} status={o.stateLabel} tone={o.state === 'closed' ? 'danger' : o.state === 'restored' || o.state === 'withdrawn' ? 'muted' : 'warn'} />
      <Text className='sp-item__line'>
        {o.overdue ? '已逾期 · ' : ''}整改期限 {formatDay(o.dueOn)}
        {o.dueProvisional ? '（节假日未录入，可能调整）' : ''}
        {o.extensions ? ' · 已延期' : ''}
      </Text>
      <Text className='sp-item__line'>问题：{o.problems.join('；')}</Text>
      <Text className='sp-item__line'>要求：{o.requiredFixes}</Text>
      {o.photos.length ? (
        <View className='sp-answer-photos'>
          <Text className='sp-item__line'>检查照片</Text>
          <PhotoStrip id={`order-photos-${o.id}`} urls={o.photos} label='检查照片' />
        </View>
      ) : null}
      {o.answer ? (
        <Text className='sp-description'>
          站点答复（{formatDateTime(o.answer.at)}）：{o.answer.text}
        </Text>
      ) : null}
      {o.answer?.photos.length ? (
        <View className='sp-answer-photos'>
          <Text className='sp-item__line'>整改照片（点开看大图）</Text>
          <PhotoStrip id={`order-answer-photos-${o.id}`} urls={o.answer.photos} label='整改照片' />
        </View>
      ) : null}
      {o.answer?.pendingPhotos?.length ? (
        <View id={`order-answer-pending-${o.id}`} className='sp-answer-photos'>
          <PhotoStrip id={`order-answer-pending-photos-${o.id}`} urls={o.answer.pendingPhotos} label='整改照片' />
          <Text className='sp-small-note'>{o.answer.pendingPhotos.length} 张照片正在审核，通过前只有您能看到</Text>
        </View>
      ) : null}
      {o.answer?.photosRemoved ? <Notice id={`order-answer-removed-${o.id}`} tone='warn' text={`${o.answer.photosRemoved} 张照片未通过内容安全检查，已删除`} /> : null}
      {o.actions.includes('answer') && by === 'station' ? (
        <View className='sp-form'>
          <Field label='整改情况' required hint='写清整改了什么、什么时候完成，主管部门会核查' error={fieldError(answer.error, 'text')}>
            <TextArea id={`order-answer-${o.id}`} value={answerText} onChange={setAnswerText} maxlength={1000} />
          </Field>
          <Field label='整改照片' hint='拍下整改后的样子，主管部门核查时会看' error={fieldError(answer.error, 'photos')}>
            <PhotoPicker idPrefix={`order-photo-${o.id}`} photos={photos} onChange={(u) => setPhotos(u)} onBusyChange={setUploading} max={ANSWER_PHOTOS_MAX} />
          </Field>
          {answer.error && !Object.keys(answer.error.fields).length ? <Notice tone='danger' text={answer.error.message} /> : null}
          <SubmitButton id={`order-answer-submit-${o.id}`} text='提交整改情况' busy={answer.busy} onClick={() => (uploading ? toast('照片还在上传，请稍等') : void answer.run())} />
        </View>
      ) : null}
      {verdicts.length && by === 'county' ? (
        <View className='sp-form'>
          <Field label='办理' required>
            <Choices idPrefix={`order-verdict-${o.id}`} options={verdicts.map((v) => [v, VERDICT_TEXT[v]] as const)} value={verdict} onChange={setVerdict} label='办理' />
          </Field>
          {verdict === 'extend' ? (
            <InputField label='延长几个工作日' required error={fieldError(verify.error, 'workdays')} id={`order-days-${o.id}`} type='number' value={days} onChange={setDays} maxlength={2} />
          ) : null}
          {verdict ? (
            <Field label='说明' required error={fieldError(verify.error, 'comment')}>
              <TextArea id={`order-comment-${o.id}`} value={comment} onChange={setComment} maxlength={300} />
            </Field>
          ) : null}
          {verify.error && !Object.keys(verify.error.fields).length ? <Notice tone='danger' text={verify.error.message} /> : null}
          {verdict ? <SubmitButton id={`order-verdict-submit-${o.id}`} text={VERDICT_TEXT[verdict]} tone={verdict === 'close' ? 'danger' : 'primary'} busy={verify.busy} onClick={() => void verify.run()} /> : null}
        </View>
      ) : null}
      {onOpen ? (
        <Button id={`order-open-${o.id}`} className='link' onClick={onOpen}>
          办理
        </Button>
      ) : null}
      <View className='sp-timeline'>
        {o.events.map((e, i) => (
          <Text key={i} className='sp-item__line'>
            {formatDateTime(e.at)} {e.by}：{e.action}。{e.note}
          </Text>
        ))}
      </View>
    </View>
  );
}

function IssueForm({ candidate, onIssued }: { candidate: IdleCandidate; onIssued: (o: RectificationView) => void }) {
  const [problems, setProblems] = useState(candidate.reasons.map((r) => r.text).join('\n'));
  const [fixes, setFixes] = useState('');
  const [days, setDays] = useState('10');
  const { hint, check } = useHints();
  const issue = useAction(
    () => rectify.issue({ stationId: candidate.stationId, problems: problems.split('\n').map((p) => p.trim()).filter(Boolean), requiredFixes: fixes.trim(), workdays: Number(days) }),
    { confirm: { title: '下达整改通知', content: `给“${candidate.stationName}”下达整改通知？站点会显示“整改中”。`, confirmText: '下达' }, onDone: onIssued },
  );
  useScrollToFirstError(issue.error);
  const submit = () => {
    const passed = check({
      problems: !problems.trim() && '请写明存在的问题',
      fixes: fixes.trim().length < 5 && '请写明整改要求（至少 5 个字）',
      days: !/^\d{1,2}$/.test(days) && '请填写工作日天数',
    });
    if (passed) void issue.run();
  };
  return (
    <View id={`issue-form-${candidate.stationId}`} className='sp-form'>
      <Field label='存在问题（一行一个）' required error={hint.problems ?? fieldError(issue.error, 'problems')}>
        <TextArea id='issue-problems' value={problems} onChange={setProblems} maxlength={600} />
      </Field>
      <Field label='整改要求' required error={hint.fixes ?? fieldError(issue.error, 'requiredFixes')}>
        <TextArea id='issue-fixes' value={fixes} onChange={setFixes} maxlength={500} placeholder='如：按公示时间开门，张贴价目表，补齐服务设备' />
      </Field>
      <InputField label='整改期限（工作日，5 到 40 天）' required error={hint.days ?? fieldError(issue.error, 'workdays')} id='issue-days' type='number' value={days} onChange={setDays} maxlength={2} />
      {issue.error && !Object.keys(issue.error.fields).length ? <Notice tone='danger' text={issue.error.message} /> : null}
      <SubmitButton id='issue-submit' text='下达整改通知' busy={issue.busy} onClick={submit} />
    </View>
  );
}

function OfficialDesk() {
  const [tab, setTab] = useState<'orders' | 'idle'>('orders');
  const orders = useLoad(() => rectify.list({ limit: 50 }), []);
  const idle = useLoad(() => (tab === 'idle' ? rectify.idle({}) : Promise.resolve(null)), [tab]);
  const [issuing, setIssuing] = useState<string | null>(null);
  // Back from an order: its state may have changed.
  useRefreshOnShow(orders.reload);

  return (
    <View>
      <View className='sp-controls'>
      <Choices idPrefix='rectify-tab' options={TABS} value={tab} onChange={setTab} label='查看' />
      </View>
      {tab === 'orders' ? (
        <View id='rectify-orders'>
          <LoadStates load={orders} loadingId='rectify-loading' errorId='rectify-error' rows={2} />
          {orders.data && !orders.data.items.length ? <EmptyState id='rectify-empty' text='辖区内没有整改通知。可在“疑似闲置站点”里查看需要关注的站点。' /> : null}
          {orders.data?.items.map((o) => (
            <OrderCard key={`${o.id}-${o.version}`} o={o} by='county' onChanged={() => orders.reload()} onOpen={() => void Taro.navigateTo({ url: `/packages/official/rectify/index?id=${encodeURIComponent(o.id)}` })} />
          ))}
        </View>
      ) : (
        <View id='rectify-idle'>
          {idle.status === 'loading' ? <Skeleton id='idle-loading' rows={2} /> : null}
          {idle.status === 'error' ? <ErrorState id='idle-error' message={idle.error?.message ?? '加载失败'} onRetry={idle.reload} /> : null}
          {idle.data ? (
            <Text id='idle-rules' className='sp-small-note sp-controls'>
              {idle.data.mixed ? '各县标准不同，每个站点按所在县的标准判断；本级标准：' : '依据：'}近 {idle.data.rules.complaintWindowDays} 天“站点长期不开门”投诉达到 {idle.data.rules.notOpenComplaints} 件，或同时有两项以上：{idle.data.rules.quietDays} 天无评价和到店记录、信息 {idle.data.rules.staleInfoDays} 天未核实、暂无负责人。培育期内的站点不列入。这只是提示，请核实后再处理。
            </Text>
          ) : null}
          {idle.data && !idle.data.items.length ? <EmptyState id='idle-empty' text='没有疑似闲置的站点' /> : null}
          {idle.data?.items.map((c) => (
            <View key={c.stationId} id={`idle-${c.stationId}`} className='sp-item'>
              <Text className='sp-item__title'>{c.stationName}</Text>
              {c.reasons.map((r) => (
                <Text key={r.code} className='sp-item__line'>
                  · {r.text}
                </Text>
              ))}
              {c.reasons.some((r) => r.code === 'no_head') ? (
                <Button id={`idle-recruit-${c.stationId}`} className='link' onClick={() => void Taro.navigateTo({ url: `/packages/official/post-new/index?stationId=${encodeURIComponent(c.stationId)}` })}>
                  发布负责人招募
                </Button>
              ) : null}
              {issuing === c.stationId ? (
                <IssueForm
                  candidate={c}
                  onIssued={() => {
                    toast('已下达', 'success');
                    setIssuing(null);
                    setTab('orders');
                    orders.reload();
                  }}
                />
              ) : (
                <Button id={`idle-issue-${c.stationId}`} className='link' onClick={() => setIssuing(c.stationId)}>
                  下达整改通知
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function OrderDetail({ id, by }: { id: string; by: 'county' | 'station' }) {
  const o = useLoad(() => rectify.get({ id }), [id]);
  if (o.status === 'loading' && !o.data) return <Skeleton id='order-loading' rows={3} />;
  if (o.status === 'error') return <ErrorState id='order-error' message={o.error?.message ?? '加载失败'} onRetry={o.reload} />;
  return o.data ? <OrderCard o={o.data} by={by} onChanged={() => o.reload()} /> : null;
}

function StationDesk({ stations }: { stations: { id: string; name: string }[] }) {
  return (
    <View>
      {stations.map((s) => (
        <StationOrders key={s.id} station={s} />
      ))}
    </View>
  );
}

function StationOrders({ station }: { station: { id: string; name: string } }) {
  const list = useLoad(() => rectify.forStation({ stationId: station.id }), [station.id]);
  return (
    <View id={`station-orders-${station.id}`}>
      <LoadStates load={list} rows={1} />
      {list.data && !list.data.items.length ? <EmptyState text={`${station.name}没有整改通知`} /> : null}
      {list.data?.items.map((o) => <OrderCard key={`${o.id}-${o.version}`} o={o} by='station' onChanged={() => list.reload()} />)}
    </View>
  );
}

export default function RectifyPage() {
  const router = useRouter();
  const orderId = router.params.id;
  const me = useLoad(() => account.me({ fresh: true }), []);
  const d = me.data;
  const own = d ? d.roles.flatMap((r) => (r.scope.kind === 'station' ? [{ id: r.scope.stationId, name: r.scopeLabel }] : [])) : [];
  return (
    <PageShell id='page-rectify' heading='站点整改'>
      {me.status === 'loading' && !d ? <Skeleton id='rectify-me-loading' rows={2} /> : null}
      {me.status === 'error' && !d ? <ErrorState id='rectify-me-error' message={me.error?.message ?? '加载失败'} onRetry={me.reload} /> : null}
      {d && orderId ? <OrderDetail id={orderId} by={d.isOfficial ? 'county' : 'station'} /> : null}
      {d && !orderId && d.isOfficial ? <OfficialDesk /> : null}
      {d && !orderId && !d.isOfficial && own.length ? <StationDesk stations={own} /> : null}
      {d && !d.isOfficial && !own.length ? <Notice tone='info' text='站点整改由县级主管部门办理；站点负责人在这里答复本站的整改通知。' /> : null}
    </PageShell>
  );
}
