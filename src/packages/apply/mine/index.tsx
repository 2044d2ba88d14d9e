/** 我的报名: status of each application; withdraw while the post is still open or in review. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useAction } from '../../../hooks/useAction';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { recruitment, type MyApplication } from '../../../services/recruitment';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import { toast } from '../../../ui/dialogs';
import { formatDateTime } from '../../../ui/format';
import '../../shared/sub.css';
import Button from '../../../ui/Button';

const TONE: Record<string, string> = { submitted: 'info', selected: 'ok', appointed: 'ok', reserve: 'warn', withdrawn: 'muted', unsuccessful: 'muted', stopped: 'danger' };

export default function MyApplicationsPage() {
  const list = usePagedList<MyApplication>((cursor) => recruitment.mine({ cursor, limit: 20 }), 'mine');
  const [result, setResult] = useState<{ tone: 'ok' | 'danger' | 'warn'; text: string } | null>(null);
  useRefreshOnShow(list.reload);
  usePullRefresh(list.reload);

  const withdraw = useAction((a: MyApplication) => recruitment.withdraw({ id: a.id, version: a.version }), {
    confirm: (a) => ({ title: '撤回报名', content: `确定撤回“${a.postTitle}”的报名吗？撤回后不能恢复，报名截止前可以重新报名。`, confirmText: '撤回' }),
    onDone: () => {
      setResult({ tone: 'ok', text: '已撤回报名' });
      toast('已撤回', 'success');
      list.reload();
    },
    onConflict: (err) => {
      setResult({ tone: 'warn', text: err.message });
      list.reload();
    },
    onError: (err) => {
      setResult({ tone: 'danger', text: err.message });
      list.reload();
    },
  });
  const busy = withdraw.pending?.[0].id ?? null;

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
                  <Button id={`btn-withdraw-${a.id}`} className={`btn ${busy === a.id ? 'btn--disabled' : 'sp-btn--danger'}`} onClick={() => withdraw.run(a)}>
                    {busy === a.id ? '正在撤回…' : '撤回报名'}
                  </Button>
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
