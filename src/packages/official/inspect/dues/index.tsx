/**
 * 走访情况 (county, city, province officials; 第十一条2): per operator, how many of its stations
 * still lack this quarter's guidance visit or this year's training; the stations behind, each
 * opening its visit history.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '../../../../components/PageShell';
import { EmptyState } from '../../../../components/StateViews';
import { inspections } from '../../../../services/inspections';
import { useLoad } from '../../../../hooks/useLoad';
import Button from '../../../../ui/Button';
import '../../../shared/sub.css';
import LoadStates from '../../components/LoadStates';
import { usePullRefresh } from '../../../../hooks/useRefreshOnShow';

export default function DuesPage() {
  const view = useLoad(() => inspections.dues({}), []);
  usePullRefresh(view.reload);
  const v = view.data;
  return (
    <PageShell id='page-dues' heading='运营单位走访情况'>
      <LoadStates load={view} loadingId='dues-loading' errorId='dues-error' rows={3} />
      {v ? (
        <View id='dues-view'>
          <Text className='sp-lead'>
            每个站点每季度至少一次指导服务、每年至少一次辅导培训（第十一条2）。现在是 {v.quarter.replace('Q', ' 年第 ')} 季度，共 {v.stations} 个运营中的站点。
          </Text>
          {!v.operators.length ? <EmptyState id='dues-empty' text='辖区内没有运营中的站点' /> : null}
          <View id='dues-operators'>
            {v.operators.map((o) => (
              <View key={o.operatorName} className={`sp-item ${o.guidanceBehind || o.trainingBehind ? 'sp-item--alert' : ''}`}>
                <Text className='sp-item__title'>{o.operatorName}</Text>
                <Text className='sp-item__line'>
                  {o.stations} 个站点 · 本季度未指导 {o.guidanceBehind} 个 · 今年未培训 {o.trainingBehind} 个
                </Text>
              </View>
            ))}
          </View>
          {v.behind.length ? <Text className='sp-list-heading'>欠走访的站点</Text> : null}
          <View id='dues-behind'>
            {v.behind.map((d) => (
              <Button key={d.stationId} id={`due-${d.stationId}`} className='sp-item' onClick={() => void Taro.navigateTo({ url: `/packages/official/inspect/index?stationId=${encodeURIComponent(d.stationId)}` })}>
                <Text className='sp-item__title'>{d.stationName}</Text>
                <Text className='sp-item__line'>
                  {d.behind.map((b) => (b === 'guidance' ? '本季度未指导' : '今年未培训')).join('、')} · 最近走访 {d.lastVisitOn ?? '无'}
                </Text>
              </Button>
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
