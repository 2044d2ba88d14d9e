/** 我的报名: status of each application; withdraw while the post is still open or in review. */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { recruitment, type MyApplication } from '../../../services/recruitment';
import { toApiError } from '../../../services/transport';
import { usePaged } from '../../shared/hooks';
import { ListFooter, Notice, confirm, formatDateTime, toast } from '../../shared/ui';
import '../../shared/sub.css';

const TONE: Record<string, string> = { submitted: 'info', selected: 'ok', appointed: 'ok', reserve: 'warn', withdrawn: 'muted', unsuccessful: 'muted', stopped: 'danger' };

export default function MyApplicationsPage() {
  const list = usePaged<MyApplication>((cursor) => recruitment.mine({ cursor, limit: 20 }), 'mine');
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: 'ok' | 'danger' | 'warn'; text: string } | null>(null);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });

  const withdraw = async (a: MyApplication) => {
    if (busy) return;
    if (!(await confirm('撤回报名', `确定撤回“${a.postTitle}”的报名吗？撤回后不能恢复，报名截止前可以重新报名。`, '撤回'))) return;
    setBusy(a.id);
    setResult(null);
    try {
      await recruitment.withdraw({ id: a.id, version: a.version });
      setResult({ tone: 'ok', text: '已撤回报名' });
      toast('已撤回', 'success');
    } catch (e) {
      const err = toApiError(e);
      setResult({ tone: err.code === 'CONFLICT' ? 'warn' : 'danger', text: err.message });
    } finally {
      setBusy(null);
      list.reload();
    }
  };

  return (
    <PageShell id='page-mine' heading='我的报名'>
      {result ? <Notice id='mine-result' tone={result.tone} text={result.text} /> : null}
      {list.status === 'loading' ? <Skeleton id='mine-loading' rows={2} /> : null}
      {list.status === 'error' ? <ErrorState id='mine-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
      {list.status === 'ready' && !list.items.length ? (
        <EmptyState id='mine-empty' text='您还没有报名' actionText='看看招募岗位' actionId='btn-to-posts' onAction={() => Taro.redirectTo({ url: '/packages/apply/index/index' })} />
      ) : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='mine-list'>
          {list.items.map((a) => (
            <View key={a.id} id={`mine-${a.id}`} className='sp-item'>
              <View className='sp-item__top' onClick={() => Taro.navigateTo({ url: `/packages/apply/post/index?id=${encodeURIComponent(a.postId)}` })}>
                <Text className='sp-item__title'>{a.postTitle}</Text>
                <Text className={`sp-status sp-status--${TONE[a.status] ?? 'info'}`}>{a.statusLabel}</Text>
              </View>
              <Text className='sp-item__line'>
                {a.name} · {a.villageName}
              </Text>
              <Text className='sp-item__line'>身份证 {a.idMasked}</Text>
              <Text className='sp-item__line'>电话 {a.phoneMasked}</Text>
              <Text className='sp-item__line'>{formatDateTime(a.createdAt)} 报名</Text>
              {a.canWithdraw ? (
                <View className='sp-item__actions'>
                  <View id={`btn-withdraw-${a.id}`} className={`btn ${busy === a.id ? 'btn--disabled' : 'sp-btn--danger'}`} hoverClass='tap-active' onClick={() => withdraw(a)}>
                    {busy === a.id ? '正在撤回…' : '撤回报名'}
                  </View>
                </View>
              ) : null}
            </View>
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={list.items.length} />
        </View>
      ) : null}
    </PageShell>
  );
}
