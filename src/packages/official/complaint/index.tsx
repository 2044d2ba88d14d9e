/**
 * One complaint for officials and handlers (`detail`) or for the station head (`stationDetail`,
 * ?mode=station: no complainant identity unless they allowed it, no actions). Facts, deadlines,
 * contact as the server gives it (full phone only to the handler), photos, the timeline, and
 * the buttons the server allows.
 */
import { Text, View } from '@tarojs/components';
import { Image } from '../../../ui/lazy-components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';
import { EVALUATION_LABELS } from '@core/complaint/model';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { complaintsAdmin, type ComplaintCaseView } from '../../../services/complaints-admin';
import { inbox } from '../../../services/inbox';
import type { ApiError } from '../../../services/transport';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { formatDateTime, formatDay } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import CaseActions from '../components/CaseActions';
import DeadlineBadge from '../components/DeadlineBadge';
import Timeline from '../../../ui/Timeline';
import { statusTone } from '../../../ui/format';
import '../../shared/sub.css';
import { useDesktop } from '../../../hooks/useDesktop';
import Button from '../../../ui/Button';
import VoicePlayer from '../../../ui/VoicePlayer';

// Desk sizes for a PC window (H5 only; the mini-program keeps the phone layout).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

/** The desk's side pane holds the case without a second page header. */
function PaneShell({ id, children }: { id: string; heading?: string; className?: string; children?: ReactNode }) {
  return (
    <View id={id} className='desk-case'>
      {children}
    </View>
  );
}

function Kv({ k, v, id }: { k: string; v: string; id?: string }) {
  return (
    <View className='kv' id={id}>
      <Text className='kv__k'>{k}</Text>
      <Text className='kv__v'>{v}</Text>
    </View>
  );
}

export default function ComplaintPage() {
  const router = useRouter();
  return <ComplaintCase id={router.params.id ?? ''} asStation={router.params.mode === 'station'} />;
}

/** The case's page body: also the desk's side pane (`pane`: no page shell; `onChanged` after an action). */
export function ComplaintCase({ id, asStation = false, pane = false, onChanged }: { id: string; asStation?: boolean; pane?: boolean; onChanged?: (view: ComplaintCaseView) => void }) {
  const Shell = pane ? PaneShell : PageShell;
  const desk = useDesktop();
  const c = useLoad<ComplaintCaseView>(() => (asStation ? complaintsAdmin.stationDetail({ id }) : complaintsAdmin.detail({ id })), [id, asStation]);
  const [result, setResult] = useState<{ tone: 'ok' | 'warn'; title: string; text?: string } | null>(null);
  // Opened: its unread hand-offs (新转办, 退单, 督办, 延期申请) are read now (issue 11 §3).
  const openedId = c.data?.id;
  useEffect(() => {
    if (openedId) inbox.markCaseRead(openedId);
  }, [openedId]);

  const changed = (view: ComplaintCaseView, message: string) => {
    // An action answers the case without its followers (they do not change with it): keep those shown.
    c.setData(view.followers || !c.data?.followers ? view : { ...view, followers: c.data.followers });
    setResult({ tone: 'ok', title: message });
    toast(message, 'success');
    onChanged?.(view);
  };
  const conflict = (err: ApiError) => {
    // The server's "请刷新后再试" is done already; other conflicts (e.g. 目标投诉已办结) keep their reason.
    setResult({ tone: 'warn', title: '已被他人处理，已刷新', text: /刷新/.test(err.message) ? '下面是最新情况，请确认后再操作。' : err.message });
    c.reload();
  };

  const v = c.data;
  const call = () => v?.phone && Taro.makePhoneCall({ phoneNumber: v.phone }).catch(() => undefined);
  const preview = (url: string) => v && Taro.previewImage({ current: url, urls: v.photos }).catch(() => undefined);

  return (
    <Shell id={pane ? 'desk-case' : 'page-complaint'} heading={asStation ? '本站投诉' : '投诉办理'} className={desk && !pane ? 'desk-page' : undefined}>
      {!v && c.status === 'loading' ? <Skeleton id='complaint-loading' rows={2} /> : null}
      {!v && c.status === 'error' ? (
        c.error?.code === 'NOT_FOUND' || c.error?.code === 'FORBIDDEN' ? (
          <EmptyState id='complaint-error' text={c.error.message} actionText={pane ? undefined : '返回'} actionId='btn-back' onAction={() => Taro.navigateBack()} />
        ) : (
          <ErrorState id='complaint-error' message={c.error?.message ?? '加载失败'} onRetry={c.reload} />
        )
      ) : null}
      {v ? (
        <View id='complaint-detail'>
          <View className='sp-case-head'>
            <Text className='sp-page-title sp-case-head__title'>{v.categoryLabel}</Text>
            <View className='sp-case-head__row'>
              <Text id='complaint-status' className={`sp-status sp-status--${statusTone(v.status)}`}>
                {v.statusLabel}
              </Text>
              <DeadlineBadge id='complaint-deadline' subject={v} />
              {v.escalationLevel > 0 ? <Text className='badge badge--danger'>{v.escalationLabel}</Text> : null}
              {v.held ? <Text className='badge badge--warn'>内容待审核</Text> : null}
              {v.awaitingReceipt ? (
                <Text id='complaint-awaiting-receipt' className='badge badge--warn'>
                  待签收
                </Text>
              ) : null}
            </View>
            <Text className='sp-small-note'>投诉编号 {v.trackingNo}</Text>
          </View>

          {result ? <Notice id={result.tone === 'ok' ? 'action-result' : 'conflict-notice'} tone={result.tone} title={result.title} text={result.text} /> : null}
          {c.status === 'loading' ? <Notice id='complaint-refreshing' tone='info' text='正在刷新…' /> : null}
          {c.status === 'error' && c.error ? <Notice id='refresh-error' tone='danger' text={`刷新失败：${c.error.message}`} /> : null}
          {v.calendarWarning ? <Notice id='complaint-calendar-warning' tone='warn' text={v.calendarWarning} /> : null}
          {v.held && !asStation ? <Notice tone='warn' text='投诉内容需要人工审核：审核通过前站点看不到，受理前请先审核。' /> : null}

          {/* A station head answers a case assigned to the station (the server lists 答复 then). */}
          {!asStation || v.allowedActions.length ? <CaseActions c={v} onChanged={changed} onConflict={conflict} /> : null}

          <View id='complaint-facts' className='section'>
            <Text className='section__title'>基本情况</Text>
            <View className='section__body'>
              <Kv k='站点' v={v.stationName} />
              {!asStation ? <Kv k='运营单位' v={v.operatorName} /> : null}
              <Kv k='提交时间' v={formatDateTime(v.submittedAt)} />
              {v.intakeLabel ? <Kv k='来源' v={v.intakeLabel} /> : null}
              <Kv k='受理期限' v={`${formatDay(v.acceptDueOn)} 前`} />
              {v.replyDueOn ? <Kv k='答复期限' v={`${formatDay(v.replyDueOn)} 前${v.extension ? `（已延期 ${v.extension.workdays} 个工作日）` : ''}`} /> : null}
              {v.extension ? <Kv k='延期理由' v={v.extension.reason} /> : null}
              {v.extensionRequest ? (
                <Kv
                  id='complaint-extension-request'
                  k='延期申请'
                  v={`延至 ${formatDay(v.extensionRequest.dueOn)}（${v.extensionRequest.workdays} 个工作日）：${v.extensionRequest.reason}。${
                    !v.extensionRequest.decision ? '等待县级主管部门审批' : v.extensionRequest.decision.approved ? '已同意' : `未同意${v.extensionRequest.decision.note ? `：${v.extensionRequest.decision.note}` : ''}`
                  }`}
                />
              ) : null}
              {v.assigneeLabel ? <Kv k='转办给' v={v.assigneeLabel} /> : null}
              {v.assigneeLabel && v.assignedAt ? <Kv id='complaint-receipt' k='签收' v={v.receivedAt ? `已签收（${formatDateTime(v.receivedAt)}）` : `未签收（${formatDateTime(v.assignedAt)} 转办）`} /> : null}
              {v.returns?.length && !asStation
                ? v.returns.map((r, i) => <Kv key={`${r.at}-${i}`} id={`complaint-return-${i}`} k='退单' v={`${r.assigneeLabel}，${formatDateTime(r.at)}：${r.reason}`} />)
                : null}
              {v.refusal ? <Kv k='不予受理' v={v.refusal.text} /> : null}
              {v.mergedInto ? <Kv k='已并入' v={v.mergedInto} /> : null}
              {v.transfer ? <Kv id='complaint-transfer' k='已转交' v={`${v.transfer.departmentName}（对方编号 ${v.transfer.reference}）：${v.transfer.note}`} /> : null}
              {v.reopenCount ? <Kv k='重办' v={`投诉人不满意，已重办 ${v.reopenCount} 次`} /> : null}
              {v.supporters ? <Kv k='附议' v={`另有 ${v.supporters} 人反映了同样的问题`} /> : null}
              <Kv k='督办级别' v={v.escalationLabel} />
              {v.supervisions?.map((s, i) => (
                <Kv
                  key={s.at}
                  id={`complaint-supervision-${i}`}
                  k={s.levelLabel}
                  v={`${s.instruction}（${formatDay(s.dueOn)}前答复）。${s.answer ? `县级答复：${s.answer.text}` : s.overdue ? '已超期未答复' : '等待县级答复'}`}
                />
              ))}
            </View>
          </View>

          <View id='complaint-contact' className='section'>
            <Text className='section__title'>投诉人</Text>
            <View className='section__body'>
              <Text id='complainant' className='notice__text'>
                {v.complainant}
              </Text>
              {v.phone ? (
                <View className='sp-row sp-contact-row'>
                  <Text id='complaint-phone' className='sp-row__grow sp-masked'>
                    回访电话：{v.phone}
                  </Text>
                  <Button id='btn-call' className='btn btn--secondary btn--small' onClick={call}>
                    拨打
                  </Button>
                </View>
              ) : v.phoneMasked ? (
                <View>
                  <Text id='complaint-phone' className='sp-masked'>
                    回访电话：{v.phoneMasked}
                  </Text>
                  <Text className='sp-small-note'>完整号码只给承办人看（受理人或被转办的单位）。</Text>
                </View>
              ) : null}
            </View>
          </View>

          <View id='complaint-description' className='section'>
            <Text className='section__title'>投诉内容</Text>
            <View className='section__body'>
              <Text className='sp-description'>{v.description || (v.voice ? '（见录音）' : '（无）')}</Text>
              {v.voice ? <VoicePlayer id='complaint-voice' url={v.voice.url} seconds={v.voice.seconds} note='投诉人的录音（说一说）' /> : null}
              {v.photos.length ? (
                <View id='complaint-photos' className='sp-photos'>
                  {v.photos.map((url) => (
                    <Image key={url} className='sp-photo' src={url} mode='aspectFill' onClick={() => preview(url)} />
                  ))}
                </View>
              ) : null}
            </View>
          </View>

          {v.reply ? (
            <View id='complaint-reply' className='section'>
              <Text className='section__title'>答复</Text>
              <View className='section__body'>
                {v.reply.unresolvable ? <Kv id='complaint-unresolvable' k='办理结果' v={`无法解决：${v.reply.unresolvable.reason}`} /> : null}
                <Text className='sp-description'>{v.reply.text}</Text>
                <Text className='sp-small-note'>{formatDateTime(v.reply.at)}</Text>
                {v.evaluation ? <Text className='sp-small-note'>投诉人评价：{EVALUATION_LABELS[v.evaluation]}</Text> : null}
              </View>
            </View>
          ) : null}

          {v.followers && (v.followers.supporters || v.followers.merged) ? (
            // Followers (我也遇到了, 并单) get the reply too and evaluate it for themselves; the case's
            // own evaluation is the complainant's (core/complaint/follow.ts).
            <View id='complaint-followers' className='section'>
              <Text className='section__title'>关注这件投诉的人</Text>
              <View className='section__body'>
                <Kv k='关注' v={`${v.followers.merged ? `并单投诉人 ${v.followers.merged} 人` : ''}${v.followers.merged && v.followers.supporters ? '，' : ''}${v.followers.supporters ? `同样遇到的 ${v.followers.supporters} 人` : ''}`} />
                {v.followers.evaluations.length ? (
                  v.followers.evaluations.map((e, i) => (
                    <Text key={`${e.at}-${i}`} id={`follower-evaluation-${i}`} className='sp-small-note'>
                      {e.viaLabel}评价：{e.label}
                      {e.comment ? `（${e.comment}）` : ''} · {formatDateTime(e.at)}
                    </Text>
                  ))
                ) : (
                  <Text className='sp-small-note'>{v.reply ? '还没有人评价' : '答复后他们也可以评价'}</Text>
                )}
              </View>
            </View>
          ) : null}

          <View className='section'>
            <Text className='section__title'>办理过程</Text>
            <View className='section__body'>
              <Timeline items={v.timeline} emptyText='暂无记录' />
            </View>
          </View>
        </View>
      ) : null}
    </Shell>
  );
}
