/**
 * One of my complaints: status, tracking number, deadlines, the reply, what I wrote, every step;
 * 撤回 while it can still be withdrawn; the evaluation form after the reply.
 */
import { Text, View } from '@tarojs/components';
import { Image } from '../../ui/lazy-components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EVALUATION_LABELS } from '@core/complaint/model';
import { complaints, type ComplaintView } from '../../services/complaints';
import { toApiError, type ApiError } from '../../services/transport';
import { formatDateTime } from '../../ui/format';
import Deadlines from './Deadlines';
import EvaluationForm from './EvaluationForm';
import RecheckCard from './RecheckCard';
import SupplementForm from './SupplementForm';
import StatusChip from './StatusChip';
import Timeline from '../../ui/Timeline';
import TrackingNo from './TrackingNo';
import Button from '../../ui/Button';
import Notice from '../../ui/Notice';
import { BusyButton } from '../../ui/send';
import VoicePlayer from '../../ui/VoicePlayer';

interface Props {
  view: ComplaintView;
  onChange: (view: ComplaintView) => void;
  /** Ask the server again (after a CONFLICT). */
  onReload: () => void;
}

export default function ComplaintDetailView({ view, onChange, onReload }: Props) {
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const withdraw = async () => {
    if (withdrawing) return;
    const ok = await Taro.showModal({
      title: '撤回投诉',
      content: '撤回后这件投诉就不再处理了，确定撤回吗？',
      confirmText: '确定撤回',
      cancelText: '不撤回',
      // WeChat's default green is too light on white for older eyes.
      confirmColor: '#a3221b',
      cancelColor: '#1f1f1f',
    }).then(
      (r) => r.confirm,
      () => false,
    );
    if (!ok) return;
    setWithdrawing(true);
    setError(null);
    complaints.withdraw({ id: view.id, version: view.version }).then(
      (v) => {
        setWithdrawing(false);
        onChange(v);
      },
      (e) => {
        const err = toApiError(e);
        setWithdrawing(false);
        setError(err);
        if (err.code === 'CONFLICT') onReload();
      },
    );
  };

  const previewPhoto = (url: string) => {
    Taro.previewImage({ current: url, urls: view.photos }).catch(() => undefined);
  };

  return (
    <View id='complaint-detail'>
      <View className='card'>
        <View className='detail__top'>
          <Text className='detail__category'>{view.categoryLabel}</Text>
          <StatusChip id='complaint-status' status={view.status} label={view.statusLabel} />
        </View>
        <Text className='detail__station'>{view.stationName}</Text>
        <Text className='detail__meta'>{formatDateTime(view.submittedAt)} 提交</Text>
        <TrackingNo value={view.trackingNo} />
        {view.progressLabel ? (
          <Text id='complaint-progress' className='badge badge--info'>
            {view.progressLabel}
          </Text>
        ) : null}
        <Deadlines view={view} />
      </View>

      {view.recheck ? <RecheckCard view={view} onDone={onChange} onStale={onReload} /> : null}

      {view.linkedFrom ? (
        <Button id='btn-linked-from' className='btn btn--ghost btn--block' onClick={() => Taro.navigateTo({ url: `/pages/complaint/detail/index?id=${view.linkedFrom!.id}` })}>
          接续投诉 {view.linkedFrom.trackingNo}，查看原来的办理过程
        </Button>
      ) : null}

      {view.supporting ? (
        // 我也遇到了 or 并单: someone else's case, read-only; the result comes here and can be evaluated.
        <Notice
          id='complaint-following'
          tone='info'
          title='关注的投诉'
          text={(view.following === 'merged' ? '您的投诉已合并到这件投诉一起办理。' : '您点过“我也遇到了”。') + (view.evaluation ? '处理结果在这里答复。' : '处理结果在这里答复，答复后您也可以评价。')}
        />
      ) : null}

      {view.transfer ? (
        // 转其他部门: where it went and how to follow it there.
        <Notice id='complaint-transfer' tone='info' title={`已转交${view.transfer.departmentName}办理`}>
          <Text className='notice__text' userSelect>
            对方编号：{view.transfer.reference}。{view.transfer.note}
          </Text>
          <Text className='notice__text'>后续请凭这个编号向{view.transfer.departmentName}查询。</Text>
        </Notice>
      ) : null}

      {view.reply ? (
        <View id='complaint-reply' className='section reply'>
          <Text className='section__title'>答复</Text>
          {view.reply.unresolvable ? (
            <Text id='complaint-unresolvable' className='notice__title'>
              无法解决：{view.reply.unresolvable.reason}
            </Text>
          ) : null}
          <Text className='reply__text' userSelect>
            {view.reply.text}
          </Text>
          <Text className='reply__at'>{formatDateTime(view.reply.at)}</Text>
        </View>
      ) : null}

      {view.canEvaluate ? <EvaluationForm view={view} onDone={onChange} onStale={onReload} /> : null}

      {view.evaluation ? (
        <Notice id='complaint-evaluation' tone='ok' title={`您的评价：${EVALUATION_LABELS[view.evaluation]}`} />
      ) : null}

      {view.supporting ? null : (
        <View className='section'>
          <Text className='section__title'>我反映的情况</Text>
          <View className='section__body'>
            <Text className='detail__description' userSelect>
              {view.description}
            </Text>
            {view.voice ? <VoicePlayer id='complaint-voice' url={view.voice.url} seconds={view.voice.seconds} note={view.voice.pending ? '录音审核中，通过前只有您能听到' : undefined} /> : null}
            {view.photos.length ? (
              <View className='photos__grid detail__photos'>
                {view.photos.map((url, i) => (
                  <Image key={url} id={`complaint-photo-${i}`} className='photo__img detail__photo' src={url} mode='aspectFill' onClick={() => previewPhoto(url)} />
                ))}
              </View>
            ) : null}
            <View className='kv'>
              <Text className='kv__k'>回电电话</Text>
              <Text className='kv__v'>{view.phoneMasked ?? '没有留'}</Text>
            </View>
            <View className='kv'>
              <Text className='kv__k'>我的身份</Text>
              <Text className='kv__v'>{view.shareIdentity ? '您允许站点看到' : '站点看不到是您投诉的'}</Text>
            </View>
            {view.supporters > 0 ? (
              <View className='kv'>
                <Text className='kv__k'>也遇到的人</Text>
                <Text className='kv__v'>{view.supporters} 人</Text>
              </View>
            ) : null}
          </View>
        </View>
      )}

      <View className='section'>
        <Text className='section__title'>办理过程</Text>
        <View className='section__body'>
          <Timeline items={view.timeline} />
        </View>
      </View>

      {view.canSupplement ? <SupplementForm view={view} onDone={onChange} onStale={onReload} /> : null}

      {error ? (
        <Notice id='complaint-action-error' tone='danger' text={error.message} />
      ) : null}

      {view.canWithdraw ? (
        <View className='form__submit'>
          <BusyButton id='btn-withdraw' className='btn btn--ghost btn--danger btn--block' busy={withdrawing} text='撤回投诉' busyText='正在撤回…' onClick={withdraw} />
          <Text className='field__hint'>问题已经解决了，可以撤回。答复之前都可以撤回。</Text>
        </View>
      ) : null}
    </View>
  );
}
