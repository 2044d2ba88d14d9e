/** 统计: complaints in the caller's region by status, category and station; on-time and satisfaction rates. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { COMPLAINT_STATUSES } from '@core/complaint/model';
import PageShell from '../../../components/PageShell';
import { complaintsAdmin } from '../../../services/complaints-admin';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { percent } from '../../../ui/format';
import Bars from '../components/Bars';
import UnitFigures from '../components/UnitFigures';
import '../../shared/sub.css';
import LoadStates from '../components/LoadStates';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';
import ChipRow from '../components/ChipRow';

const RANGES: [number, string][] = [
  [30, '近 30 天'],
  [90, '近 90 天'],
  [365, '近一年'],
];
const TOP_STATIONS = 10;

export default function StatsPage() {
  const [days, setDays] = useState(30);
  const s = useLoad(() => complaintsAdmin.stats({ days }), [days]);
  usePullRefresh(s.reload);
  const v = s.data;
  const stations = v ? [...v.byStation].sort((a, b) => b.count - a.count) : [];

  return (
    <PageShell id='page-stats' heading='投诉统计'>
      <ChipRow idPrefix='stats-days' options={RANGES} value={days} onChange={setDays} />
      <LoadStates load={s} loadingId='stats-loading' errorId='stats-error' rows={2} />
      {v && s.status !== 'error' ? (
        <View id='stats-view' className={s.status === 'loading' ? 'sp-is-refreshing' : ''}>
          {v.calendarWarning ? <Notice id='calendar-warning' tone='warn' text={v.calendarWarning} /> : null}
          <View className='sp-big-numbers'>
            <View className='sp-big-number'>
              <Text id='stats-total' className='sp-big-number__value'>
                {v.total}
              </Text>
              <Text className='sp-big-number__label'>投诉总数</Text>
            </View>
            <View className='sp-big-number'>
              <Text id='stats-ontime' className='sp-big-number__value'>
                {percent(v.onTimeRate)}
              </Text>
              <Text className='sp-big-number__label'>按期答复率</Text>
            </View>
            <View className='sp-big-number'>
              <Text id='stats-satisfaction' className='sp-big-number__value'>
                {percent(v.satisfactionRate)}
              </Text>
              <Text className='sp-big-number__label'>满意率</Text>
            </View>
          </View>
          <Text className='sp-lead'>满意率 = （满意 + 基本满意）÷ 已评价件数；未评价的不算满意。</Text>
          {v.handoffs ? (
            // Hand-offs (issue 11 §2): each counts complaints, not events.
            <View id='stats-handoffs' className='section'>
              <Text className='section__title'>督办、退单和延期（件）</Text>
              <View className='section__body'>
                <Bars
                  id='stats-by-handoff'
                  items={[
                    { key: 'supervised', label: '上级督办', value: v.handoffs.supervised },
                    { key: 'declined', label: '被退单', value: v.handoffs.declined },
                    { key: 'extended', label: '延期', value: v.handoffs.extended },
                  ]}
                />
              </View>
            </View>
          ) : null}

          <View className='section'>
            <Text className='section__title'>按状态</Text>
            <View className='section__body'>
              <Bars id='stats-by-status' items={[...v.byStatus].sort((a, b) => COMPLAINT_STATUSES.indexOf(a.status) - COMPLAINT_STATUSES.indexOf(b.status)).map((x) => ({ key: x.status, label: x.label, value: x.count }))} />
            </View>
          </View>
          <View className='section'>
            <Text className='section__title'>按类型</Text>
            <View className='section__body'>
              <Bars id='stats-by-category' items={[...v.byCategory].sort((a, b) => b.count - a.count).map((x) => ({ key: x.category, label: x.label, value: x.count, tone: 'secondary' as const }))} />
            </View>
          </View>
          <View className='section'>
            <View className='section__head'>
              <Text className='section__title'>按站点</Text>
              {stations.length > TOP_STATIONS ? <Text className='section__aside'>投诉最多的 {TOP_STATIONS} 个</Text> : null}
            </View>
            <View className='section__body'>
              <Bars id='stats-by-station' items={stations.slice(0, TOP_STATIONS).map((x) => ({ key: x.stationId, label: x.stationName, value: x.count, tone: 'danger' as const }))} />
            </View>
          </View>
          <View className='section'>
            <Text className='section__title'>投诉人评价</Text>
            <View className='section__body'>
              <Bars id='stats-evaluations' items={v.evaluations.map((x) => ({ key: x.key, label: x.label, value: x.count }))} />
            </View>
          </View>
        </View>
      ) : null}
      <UnitFigures days={days} />
    </PageShell>
  );
}
