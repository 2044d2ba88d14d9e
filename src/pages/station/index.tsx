/**
 * Station page: everything 第十条3 asks a station to make public, plus certification, freshness
 * and the call / navigate actions. Open state is recomputed on the phone every minute.
 * Opened by scanning the station's code (`scene`: weapp `options.scene`, H5 `?scene=`) it asks
 * the server for a visit token (到店评价) and keeps it for the station; a bad code says so and
 * the page still shows the station named in it.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { formatDistance } from '@core/shared/geo';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseScene } from '@core/rating/rules';
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
import InfoReport from '../../components/station/InfoReport';
import PhotosSection from '../../components/station/PhotosSection';
import ProcessesSection from '../../components/station/ProcessesSection';
import RatingsSection from '../../components/station/RatingsSection';
import ServicesSection from '../../components/station/ServicesSection';
import { stations, toApiError, type ApiError, type StationDetail } from '../../services/api';
import { ratings } from '../../services/ratings';
import { markDemoSeen } from '../../store/demo';
import { loadVisit, saveVisit } from '../../store/visit';
import { VISIT_HOURS } from '@core/rating/limits';
import { param } from '../../utils/params';
import { trustBadges } from '../../utils/trust';
import { callPhone } from '../../utils/phone';
import { formatDay } from '../../ui/format';
import './index.css';
import Button from '../../ui/Button';

type VisitState = { status: 'checking' } | { status: 'ok'; stationName: string } | { status: 'error'; message: string };

export default function StationPage() {
  const router = useRouter();
  const scene = param(router.params.scene);
  // A scanned code names the station before its signature is checked (the page works either way).
  const id = param(router.params.id) || parseScene(scene)?.stationId || '';
  const [station, setStation] = useState<StationDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [visit, setVisit] = useState<VisitState | null>(() => (!scene && id && loadVisit(id) ? { status: 'ok', stationName: '' } : null));
  /** Bumped when the page shows again (back from rating or complaining): the sections reload. */
  const [shownCount, setShownCount] = useState(0);
  const shown = useRef(false);

  useEffect(() => {
    if (!scene) return;
    let alive = true;
    setVisit({ status: 'checking' });
    ratings.visit({ scene }).then(
      (v) => {
        saveVisit({ stationId: v.stationId, stationName: v.stationName, token: v.visitToken, expiresAt: v.expiresAt });
        if (alive) setVisit({ status: 'ok', stationName: v.stationName });
      },
      (e) => alive && setVisit({ status: 'error', message: toApiError(e).message }),
    );
    return () => {
      alive = false;
    };
  }, [scene]);

  useDidShow(() => {
    if (shown.current) {
      setShownCount((n) => n + 1);
      if (id && !loadVisit(id)) setVisit((v) => (v?.status === 'ok' ? null : v));
    }
    shown.current = true;
  });

  const load = useCallback(() => {
    if (!id) return undefined;
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
  const rate = () => {
    if (!station) return;
    const visited = !!loadVisit(station.id);
    Taro.navigateTo({
      url: `/pages/rating/new/index?stationId=${encodeURIComponent(station.id)}&name=${encodeURIComponent(station.name)}${visited ? '&visit=1' : ''}`,
    });
  };
  const visitOk = visit?.status === 'ok';

  return (
    <PageShell id='page-station' heading='站点详情'>
      {visit?.status === 'checking' ? (
        <View id='visit-checking' className='notice notice--info'>
          <Text className='notice__text'>正在核对站点二维码…</Text>
        </View>
      ) : null}
      {visit?.status === 'error' ? (
        <View id='visit-error' className='notice notice--warn'>
          <Text className='notice__title'>这次扫码不能算到店</Text>
          <Text className='notice__text'>{visit.message}</Text>
          <Text className='notice__text'>站点信息照常可以看，也可以普通评价。</Text>
        </View>
      ) : null}
      {visitOk && station ? (
        <View id='visit-banner' className='notice notice--ok visit-banner'>
          <Text className='notice__title'>您已到店，可进行到店评价</Text>
          <Text className='notice__text'>扫码后 {VISIT_HOURS} 小时内有效，评价会标上“到店评价”。</Text>
          <Button id='btn-visit-rate' className='btn btn--primary btn--small btn--inline' onClick={rate}>
            去评价
          </Button>
        </View>
      ) : null}
      {!id ? <EmptyState id='station-error' text='这个二维码无效，请扫描站点张贴的官方二维码' actionText='回到首页' onAction={goHome} actionId='btn-home' /> : null}
      {id && !station && !error ? <Skeleton id='station-loading' rows={2} /> : null}
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
            <Button id='btn-home' className='btn btn--ghost' onClick={goHome}>
              回到首页
            </Button>
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

          {station.closure && station.status !== 'closed' ? (
            <View id='closure-notice' className='notice notice--danger'>
              <Text className='notice__title'>临时闭店，请勿前往</Text>
              <Text className='notice__text'>
                {station.closure.reason}：{formatDay(station.closure.from)} 至 {formatDay(station.closure.until)}
              </Text>
            </View>
          ) : null}
          {station.status === 'closed' ? (
            <View id='closed-notice' className='notice notice--danger'>
              <Text className='notice__title'>该站点已关停</Text>
              <Text className='notice__text'>
                {station.nearestOpen ? `离这里最近的在办站点是“${station.nearestOpen.name}”（约 ${formatDistance(station.nearestOpen.distanceM)}）。` : '附近 30 公里内没有在办的站点。'}
                如有遗留问题，可拨打运营单位热线 {station.operator.hotline}。
              </Text>
              {station.nearestOpen ? (
                <Button id='btn-nearest-open' className='btn btn--primary btn--small btn--inline' onClick={() => void Taro.redirectTo({ url: `/pages/station/index?id=${encodeURIComponent(station.nearestOpen!.id)}` })}>
                  去最近的站点
                </Button>
              ) : null}
              <Button id='btn-call-operator-closed' className='btn btn--ghost btn--small btn--inline' onClick={() => callPhone(station.operator.hotline)}>
                拨打运营单位热线
              </Button>
            </View>
          ) : (
            <ActionBar station={station} />
          )}

          <CertificationSection station={station} />
          <PhotosSection station={station} />
          <HoursSection station={station} now={now} />
          <ServicesSection station={station} />
          <ProcessesSection station={station} />
          <CommitmentsSection station={station} />
          <FeesSection station={station} />
          <ChannelsSection station={station} />
          <ContactSection station={station} />
          <FactsSection station={station} />
          <InfoReport key={`i${shownCount}`} station={station} />
          <RatingsSection key={`r${shownCount}`} station={station} visited={visitOk} onRate={rate} />
          <FeedbackSection key={`f${shownCount}`} station={station} />
        </View>
      ) : null}
    </PageShell>
  );
}
