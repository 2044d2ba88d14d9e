/**
 * 评价站点 `?stationId=&name=&visit=1`. `visit=1` means the station page held a visit token
 * (到店评价); the token itself is read from the phone's storage, never from the link.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import RatingForm from '../../../components/rating/RatingForm';
import RatingItem from '../../../components/rating/RatingItem';
import { EmptyState } from '../../../components/StateViews';
import { VISIT_HOURS } from '@core/rating/limits';
import type { SubmitResult } from '../../../services/ratings';
import { clearVisit, loadVisit } from '../../../store/visit';
import { param } from '../../../utils/params';
import Button from '../../../ui/Button';

export default function NewRatingPage() {
  const { params } = useRouter();
  const stationId = param(params.stationId);
  const name = param(params.name);
  const wantedVisit = params.visit === '1';
  const [visitToken, setVisitToken] = useState<string | null>(() => (stationId ? loadVisit(stationId)?.token ?? null : null));
  const [visitLost, setVisitLost] = useState(() => wantedVisit && !visitToken);
  const [result, setResult] = useState<SubmitResult | null>(null);

  const back = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
    else Taro.reLaunch({ url: `/pages/station/index?id=${encodeURIComponent(stationId)}` });
  };

  if (!stationId) {
    return (
      <PageShell id='page-rating-new' heading='评价站点'>
        <EmptyState id='rating-no-station' text='不知道要评价哪个站点，请从站点页面点“评价这个站点”' actionText='回到首页' onAction={() => Taro.reLaunch({ url: '/pages/index/index' })} actionId='btn-home' />
      </PageShell>
    );
  }

  if (result) {
    return (
      <PageShell id='page-rating-new' heading='评价已提交'>
        <View id='rating-done' className='card success'>
          <Text className='success__title'>{result.heldMessage ? '评价已提交' : '谢谢您的评价'}</Text>
          <Text className='success__station'>{result.rating.stationName}</Text>
          {result.replacedMessage ? (
            <Text id='rating-replaced' className='notice notice--info rating-done__note'>
              {result.replacedMessage}
            </Text>
          ) : null}
          {result.heldMessage ? (
            <Text id='rating-held' className='notice notice--warn rating-done__note'>
              {result.heldMessage}
            </Text>
          ) : null}
          <RatingItem rating={result.rating} showStatus />
        </View>
        <View className='form__submit'>
          <Button id='btn-rating-back' className='btn btn--primary btn--big btn--block' onClick={back}>
            返回站点
          </Button>
          <Button id='btn-rating-mine' className='btn btn--ghost btn--block' onClick={() => Taro.redirectTo({ url: '/pages/rating/mine/index' })}>
            看我的评价
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell id='page-rating-new' heading='评价站点'>
      <View className='card form__station'>
        <Text className='form__station-label'>评价站点</Text>
        <Text id='rating-station' className='form__station-name'>
          {name || '这个站点'}
        </Text>
        {visitToken ? (
          <Text id='rating-visit' className='badge badge--ok rating-visit'>
            到店评价
          </Text>
        ) : null}
      </View>
      {visitLost ? (
        <View id='rating-visit-lost' className='notice notice--warn'>
          <Text className='notice__text'>到店凭证已过期（扫码后 {VISIT_HOURS} 小时内有效），这次评价不会标上“到店评价”。想标上，请再扫一次站点的二维码。</Text>
        </View>
      ) : null}
      <RatingForm
        stationId={stationId}
        visitToken={visitToken}
        onSubmitted={setResult}
        onVisitExpired={() => {
          clearVisit(stationId);
          setVisitToken(null);
          setVisitLost(true);
        }}
      />
    </PageShell>
  );
}
