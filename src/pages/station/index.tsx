/**
 * Station page: everything 第十条3 asks a station to make public, plus certification, freshness
 * and the call / navigate actions. Open state is recomputed on the phone every minute.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { LEVEL_LABELS } from '@core/station/vocabulary';
import Badges from '../../components/Badges';
import PageShell from '../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../components/StateViews';
import ActionBar from '../../components/station/ActionBar';
import CertificationSection from '../../components/station/CertificationSection';
import ChannelsSection from '../../components/station/ChannelsSection';
import CommitmentsSection from '../../components/station/CommitmentsSection';
import ContactSection from '../../components/station/ContactSection';
import FactsSection from '../../components/station/FactsSection';
import FeedbackSection from '../../components/station/FeedbackSection';
import FeesSection from '../../components/station/FeesSection';
import HoursSection from '../../components/station/HoursSection';
import ProcessesSection from '../../components/station/ProcessesSection';
import ServicesSection from '../../components/station/ServicesSection';
import { stations, toApiError, type ApiError, type StationDetail } from '../../services/api';
import { markDemoSeen } from '../../store/demo';
import { trustBadges } from '../../utils/trust';
import { callPhone } from '../../utils/phone';
import './index.css';

export default function StationPage() {
  const router = useRouter();
  const id = router.params.id ?? '';
  const [station, setStation] = useState<StationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(() => new Date());

  const load = useCallback(() => {
    let alive = true;
    setError(null);
    setStation(null);
    stations.get({ id }).then(
      (s) => {
        if (!alive) return;
        if (s.demo) markDemoSeen();
        setNow(new Date());
        setStation(s);
      },
      (e) => alive && setError(toApiError(e)),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  useEffect(() => load(), [load]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  useShareAppMessage(() => ({
    title: station ? `${station.name}（营业时间、收费、电话）` : '站点通',
    path: `/pages/station/index?id=${encodeURIComponent(id)}`,
  }));

  const goHome = () => Taro.reLaunch({ url: '/pages/index/index' });

  return (
    <PageShell id='page-station' heading='站点详情'>
      {!station && !error ? <Skeleton id='station-loading' rows={2} /> : null}
      {error && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_ERROR') ? (
        // Asking again will not help: say so and offer the way back.
        <EmptyState id='station-error' text={error.message} actionText='回到首页' onAction={goHome} actionId='btn-home' />
      ) : null}
      {error && error.code !== 'NOT_FOUND' && error.code !== 'VALIDATION_ERROR' ? (
        <ErrorState
          id='station-error'
          message={error.message}
          onRetry={load}
          extra={
            <View id='btn-home' className='btn btn--ghost' hoverClass='tap-active' onClick={goHome}>
              回到首页
            </View>
          }
        />
      ) : null}
      {station ? (
        <View id='station-detail'>
          <View className='card station-head'>
            <Text id='station-name' className='station-head__name' userSelect>
              {station.name}
            </Text>
            <Text className='station-head__meta'>
              {LEVEL_LABELS[station.level]} · {station.statusLabel}
            </Text>
            <Text className='station-head__place'>{station.place}</Text>
            <Badges badges={trustBadges(station)} />
            {station.demo ? (
              <Text id='demo-note' className='demo-note'>
                演示数据：这个站点是为演示生成的，不是真实站点
              </Text>
            ) : null}
          </View>

          {station.status === 'closed' ? (
            <View id='closed-notice' className='notice notice--danger'>
              <Text className='notice__title'>该站点已关停</Text>
              <Text className='notice__text'>请选择附近其他站点。如有遗留问题，可拨打运营单位热线 {station.operator.hotline}。</Text>
              <View id='btn-call-operator-closed' className='btn btn--ghost btn--small btn--inline' hoverClass='tap-active' onClick={() => callPhone(station.operator.hotline)}>
                拨打运营单位热线
              </View>
            </View>
          ) : (
            <ActionBar station={station} />
          )}

          <CertificationSection station={station} />
          <HoursSection station={station} now={now} />
          <ServicesSection station={station} />
          <ProcessesSection station={station} />
          <CommitmentsSection station={station} />
          <FeesSection station={station} />
          <ChannelsSection station={station} />
          <ContactSection station={station} />
          <FactsSection station={station} />
          <FeedbackSection station={station} />
        </View>
      ) : null}
    </PageShell>
  );
}
