/**
 * 投诉 on the station page (docs/product.md §3): the station's public figures for the last 12 months
 * (count, on-time rate, satisfaction — no personal data) and "投诉这个站点". Phone channels
 * stay above in "监督投诉" for those who prefer to call.
 */
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StationDetail } from '@core/station/api';
import { useLoad } from '../../hooks/useLoad';
import { complaints, type PublicStationStats } from '../../services/complaints';
import { percent } from '../../ui/format';
import { QuietError } from '../StateViews';
import Section from './Section';
import Button from '../../ui/Button';

export function statsLine(s: PublicStationStats): string {
  return `近${s.months}个月投诉 ${s.complaints} 件，按时办结率 ${percent(s.onTimeRate)}，满意率 ${percent(s.satisfactionRate)}`;
}

export default function FeedbackSection({ station }: { station: StationDetail }) {
  const { data: stats, error, reload } = useLoad(() => complaints.publicStats({ stationId: station.id }), [station.id]);

  const complain = () =>
    Taro.navigateTo({ url: `/pages/complaint/new/index?stationId=${encodeURIComponent(station.id)}&stationName=${encodeURIComponent(station.name)}` });

  return (
    <Section id='section-feedback' title='投诉'>
      {stats ? (
        <Text id='complaint-stats' className='complaint-stats'>
          {statsLine(stats)}
        </Text>
      ) : error ? (
        <QuietError id='complaint-stats-error' text='投诉统计暂时加载不出来。' retryId='complaint-stats-retry' onRetry={reload} />
      ) : (
        <Text className='text-muted'>正在加载投诉统计…</Text>
      )}
      {stats ? <Text className='small text-muted'>只统计件数和比例，不显示任何个人信息。</Text> : null}
      {station.status === 'closed' ? (
        <Text className='small'>该站点已关停，不能在线投诉。遗留问题请拨打 12345 或运营单位热线。</Text>
      ) : (
        <>
          <Button id='btn-complain' className='btn btn--secondary btn--block feedback__btn' onClick={complain}>
            投诉这个站点
          </Button>
          <Text className='small text-muted'>3 个工作日内受理，5 个工作日内答复。默认不让站点知道是谁投诉的。也可以拨打上面“监督投诉”里的电话。</Text>
        </>
      )}
    </Section>
  );
}
