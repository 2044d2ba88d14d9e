/**
 * 评价审核: ratings held for review (bursts, new accounts, content checks) → 公开 / 不公开;
 * per-station trends (recent vs the period before, held, mean); residents' reports of being
 * pressed to praise or harassed over a rating.
 */
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { DIMENSIONS } from '@core/rating/model';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { ratingsAdmin, type RatingView } from '../../../services/ratings-admin';
import { useAction } from '../../../hooks/useAction';
import { usePagedList } from '../../../hooks/usePagedList';
import { useLoad } from '../../../hooks/useLoad';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import { formatDateTime } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import Bars from '../components/Bars';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import LoadStates from '../components/LoadStates';
import ChipRow from '../components/ChipRow';

const REPORT_KINDS: Record<string, string> = { induced_praise: '被要求给好评', harassment: '因评价受到骚扰' };
const TREND_DAYS: [number, string][] = [
  [7, '近 7 天'],
  [30, '近 30 天'],
  [90, '近 90 天'],
];

function HeldCard({ r, onDone }: { r: RatingView; onDone: (id: string, text: string) => void }) {
  const action = useAction((kind: 'publish' | 'reject') => (kind === 'publish' ? ratingsAdmin.publish : ratingsAdmin.reject)({ id: r.id, version: r.version ?? 1 }), {
    onDone: (_, kind) => onDone(r.id, kind === 'publish' ? '已公开' : '已设为不公开'),
    onConflict: () => onDone(r.id, '已被他人处理'),
  });
  const { error } = action;
  const busy = action.pending?.[0] ?? null;
  const decide = (kind: 'publish' | 'reject') => void action.run(kind);
  return (
    <View id={`held-${r.id}`} className='sp-item'>
      <View className='sp-item__top'>
        <Text className='sp-item__title'>{r.stationName}</Text>
        {r.visitVerified ? <Text className='sp-status sp-status--ok'>到店评价</Text> : null}
      </View>
      <Text className='sp-item__line'>{DIMENSIONS.map(([k, label]) => `${label} ${r.scores[k]}星`).join('　')}</Text>
      {r.comment ? <Text className='sp-description sp-held-comment'>“{r.comment}”</Text> : null}
      <Text className='sp-item__line'>{formatDateTime(r.createdAt)}</Text>
      {r.holdReasons?.length ? (
        <View className='badges'>
          {r.holdReasons.map((h) => (
            <Text key={h.code} className='badge badge--warn'>
              {h.label}
            </Text>
          ))}
        </View>
      ) : null}
      {error ? <Notice tone='danger' text={error.message} /> : null}
      <View className='sp-item__actions'>
        <Button id={`btn-publish-${r.id}`} className={`btn ${busy ? 'btn--disabled' : 'btn--primary'}`} onClick={() => decide('publish')}>
          {busy === 'publish' ? '正在处理…' : '公开'}
        </Button>
        <Button id={`btn-reject-${r.id}`} className={`btn ${busy ? 'btn--disabled' : 'sp-btn--danger'}`} onClick={() => decide('reject')}>
          {busy === 'reject' ? '正在处理…' : '不公开'}
        </Button>
      </View>
    </View>
  );
}

export default function RatingsReviewPage() {
  const [tab, setTab] = useState<'held' | 'trends'>('held');
  const [days, setDays] = useState(30);
  const [done, setDone] = useState<Record<string, string>>({});
  const held = usePagedList<RatingView>((cursor) => ratingsAdmin.held({ cursor, limit: 20 }), 'held');
  const trends = useLoad(() => ratingsAdmin.trends({ days }), [days], { skip: tab !== 'trends' });

  usePullDownRefresh(() => {
    if (tab === 'held') held.reload();
    else trends.reload();
    setDone({});
    Taro.stopPullDownRefresh();
  });

  const decided = (id: string, text: string) => {
    setDone((d) => ({ ...d, [id]: text }));
    toast(text, 'success');
  };
  const waiting = held.items.filter((r) => !done[r.id]);
  const stationName = (id: string) => trends.data?.stations.find((s) => s.stationId === id)?.stationName ?? id;

  return (
    <PageShell id='page-ratings-review' heading='评价审核'>
      <View className='chips'>
        <Button id='tab-held' className={`chip ${tab === 'held' ? 'chip--on' : ''}`} onClick={() => setTab('held')}>
          待审核评价
        </Button>
        <Button id='tab-trends' className={`chip ${tab === 'trends' ? 'chip--on' : ''}`} onClick={() => setTab('trends')}>
          站点趋势和举报
        </Button>
      </View>

      {tab === 'held' ? (
        <View id='held-section'>
          <Text className='sp-lead'>短时间内评价异常增多、新账号集中评价或内容需要人工看的评价，审核后才公开。</Text>
          <LoadStates load={held} loadingId='held-loading' errorId='held-error' rows={2} />
          {held.status === 'ready' && !waiting.length ? <EmptyState id='held-empty' text='没有待审核的评价' /> : null}
          {held.status === 'ready' && waiting.length ? (
            <View id='held-list'>
              {waiting.map((r) => (
                <HeldCard key={r.id} r={r} onDone={decided} />
              ))}
              <ListFooter hasMore={held.hasMore} loadingMore={held.loadingMore} moreError={held.moreError} onMore={held.loadMore} count={waiting.length} />
            </View>
          ) : null}
        </View>
      ) : (
        <View id='trends-section'>
          <ChipRow idPrefix='trends-days' options={TREND_DAYS} value={days} onChange={setDays} />
          <LoadStates load={trends} loadingId='trends-loading' errorId='trends-error' rows={2} />
          {trends.data && trends.status !== 'error' ? (
            <View>
              <View id='trends-list' className='section'>
                <Text className='section__title'>各站点评价数量</Text>
                <Text className='sp-small-note'>{`近 ${trends.data.days} 天 与 之前 ${trends.data.days} 天 对比；评价突然增多的站点要留意刷单。`}</Text>
                <View className='section__body'>
                  {trends.data.stations.length ? (
                    trends.data.stations.map((s) => (
                      <View key={s.stationId} id={`trend-${s.stationId}`} className='sp-trend'>
                        <Bars
                          items={[{ key: s.stationId, label: s.stationName, value: s.recent, valueText: `${s.recent} 条（之前 ${s.previous} 条）`, tone: s.recent > Math.max(3, s.previous * 2) ? 'danger' : 'primary' }]}
                          max={Math.max(1, ...trends.data!.stations.map((x) => Math.max(x.recent, x.previous)))}
                        />
                        <Text className='sp-small-note sp-trend__meta'>
                          {s.mean !== null ? `平均 ${s.mean.toFixed(1)} 星` : '暂无公开评分'}
                          {s.held ? ` · 待审核 ${s.held} 条` : ''}
                        </Text>
                      </View>
                    ))
                  ) : (
                    <Text id='trends-empty' className='text-muted'>
                      这段时间辖区内没有新的评价
                    </Text>
                  )}
                </View>
              </View>
              <View id='pressure-reports' className='section'>
                <Text className='section__title'>被迫评价举报</Text>
                <View className='section__body'>
                  {trends.data.pressureReports.length ? (
                    trends.data.pressureReports.map((p) => (
                      <View key={p.id} id={`report-${p.id}`} className='kv sp-report'>
                        <Text className='kv__k'>{REPORT_KINDS[p.kind] ?? p.kind}</Text>
                        <View className='kv__v'>
                          <Text className='sp-option__title'>{stationName(p.stationId)}</Text>
                          {p.text ? <Text className='notice__text'>{p.text}</Text> : null}
                          <Text className='sp-small-note'>{formatDateTime(p.createdAt)}</Text>
                        </View>
                      </View>
                    ))
                  ) : (
                    <Text id='reports-empty' className='text-muted'>
                      没有收到举报
                    </Text>
                  )}
                </View>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </PageShell>
  );
}
