/**
 * One recruitment post (management): open / close / cancel, applications ranked by total with
 * masked personal data, 选定 the candidate, publish the notice, objections and the reserve pool.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { recruitment, type ReserveItem, type ReviewerApplication } from '../../../services/recruitment';
import type { ApiError } from '../../../services/transport';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import { toast } from '../../../ui/dialogs';
import { formatDay } from '../../../ui/format';
import PostStatusChip from '../components/PostStatus';
import PublishNotice from '../components/PublishNotice';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import BulletList from '../../../ui/BulletList';

type PostAction = 'open' | 'close' | 'cancel';
const ACTION_TEXT: Record<PostAction, { label: string; done: string; ask?: string }> = {
  open: { label: '开始报名', done: '已开始报名，群众可以报名了' },
  close: { label: '截止报名，开始评审', done: '已截止报名，可以评分了', ask: '截止后不能再报名，确定吗？' },
  cancel: { label: '取消这个岗位', done: '岗位已取消', ask: '取消后不能恢复，报名者会看到岗位已取消。确定取消吗？' },
};

function byRank(a: ReviewerApplication, b: ReviewerApplication): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
  if (a.rank !== null) return -1;
  if (b.rank !== null) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}

export default function PostManagePage() {
  const router = useRouter();
  const id = router.params.id ?? '';
  const data = useLoad(() => recruitment.applications({ postId: id, limit: 50 }), [id]);
  const [result, setResult] = useState<{ tone: 'ok' | 'warn' | 'danger'; title: string; text?: string } | null>(
    router.params.created ? { tone: 'ok', title: '已保存为草稿', text: '检查无误后点“开始报名”，群众才能看到并报名。' } : null,
  );
  const [reserve, setReserve] = useState<ReserveItem[] | null>(null);
  // Back from scoring: totals and ranks changed.
  useRefreshOnShow(data.reload);
  usePullRefresh(data.reload);

  const post = data.data?.post;
  const apps = data.data ? [...data.data.items].sort(byRank) : [];
  const selected = apps.find((a) => a.status === 'selected' || a.status === 'appointed');
  const hasSelection = !!selected || apps.some((a) => a.status === 'reserve' || a.status === 'unsuccessful');

  useEffect(() => {
    if (!post || !hasSelection) return;
    recruitment.reserve({ postId: post.id }).then(setReserve, () => setReserve(null));
  }, [post?.id, post?.version, hasSelection]);

  const conflict = (err: ApiError) => {
    setResult({ tone: 'warn', title: '已被他人处理，已刷新', text: err.message });
    data.reload();
  };
  const failed = (err: ApiError) => setResult({ tone: 'danger', title: '没有成功', text: err.message });

  const transition = useAction(
    (action: PostAction) => {
      setResult(null);
      const input = { id: post!.id, version: post!.version };
      return action === 'open' ? recruitment.openPost(input) : action === 'close' ? recruitment.closePost(input) : recruitment.cancelPost(input);
    },
    {
      confirm: (action) => {
        const t = ACTION_TEXT[action];
        return t.ask ? { title: t.label, content: t.ask } : null;
      },
      onDone: (_, action) => {
        const t = ACTION_TEXT[action];
        setResult({ tone: 'ok', title: t.done });
        toast(t.done, 'success');
        data.reload();
      },
      onConflict: conflict,
      onError: failed,
    },
  );

  const select = useAction(
    (a: ReviewerApplication) => {
      setResult(null);
      return recruitment.select({ postId: post!.id, version: post!.version, applicationId: a.id });
    },
    {
      confirm: (a) => ({ title: '选定拟任用人选', content: `确定选 ${a.name}（总分 ${a.total}）为拟任用人选吗？其余达到分数线的报名者进入备用库。`, confirmText: '选定' }),
      onDone: (_, a) => {
        setResult({ tone: 'ok', title: `已选定 ${a.name}`, text: '下一步：发布任用公示。' });
        data.reload();
      },
      onConflict: conflict,
      onError: failed,
    },
  );
  const busy = transition.pending?.[0] ?? (select.pending ? `select-${select.pending[0].id}` : null);

  const openApp = (a: ReviewerApplication) => Taro.navigateTo({ url: `/packages/official/application/index?postId=${encodeURIComponent(id)}&id=${encodeURIComponent(a.id)}` });

  return (
    <PageShell id='page-post-manage' heading='招募岗位'>
      {!post && data.status === 'loading' ? <Skeleton id='post-loading' rows={2} /> : null}
      {!post && data.status === 'error' ? <ErrorState id='post-error' message={data.error?.message ?? '加载失败'} onRetry={data.reload} /> : null}
      {post ? (
        <View id='post-manage'>
          <Text className='sp-page-title'>{post.title}</Text>
          <View className='sp-case-head'>
            <View className='sp-case-head__row'>
              <PostStatusChip status={post.status} label={post.statusLabel} />
              <Text className='text-muted'>{post.stationName ?? `${post.villageName ?? ''}（新设站点）`}</Text>
            </View>
            <Text className='sp-small-note'>
              报名时间：{formatDay(post.opensOn)} 至 {formatDay(post.closesOn)}
            </Text>
          </View>
          {result ? <Notice id={result.tone === 'warn' ? 'conflict-notice' : 'post-result'} tone={result.tone} title={result.title} text={result.text} /> : null}

          <View id='post-actions' className='sp-links'>
            {post.status === 'draft' ? (
              <Button id='btn-open-post' className='btn btn--primary' onClick={() => transition.run('open')}>
                {busy === 'open' ? '正在处理…' : ACTION_TEXT.open.label}
              </Button>
            ) : null}
            {post.status === 'open' ? (
              <Button id='btn-close-post' className='btn btn--secondary' onClick={() => transition.run('close')}>
                {busy === 'close' ? '正在处理…' : ACTION_TEXT.close.label}
              </Button>
            ) : null}
            {post.status === 'draft' || post.status === 'open' || post.status === 'reviewing' ? (
              <Button id='btn-cancel-post' className='btn sp-btn--danger' onClick={() => transition.run('cancel')}>
                {busy === 'cancel' ? '正在处理…' : '取消岗位'}
              </Button>
            ) : null}
            {post.noticeId ? (
              <Button id='btn-objections' className='btn btn--secondary' onClick={() => Taro.navigateTo({ url: `/packages/official/objections/index?noticeId=${encodeURIComponent(post.noticeId!)}` })}>
                公示和异议
              </Button>
            ) : null}
          </View>

          <View id='post-info' className='section'>
            <Text className='section__title'>任职条件</Text>
            <BulletList items={post.requirements} />
            <Text className='sub-title'>评分标准</Text>
            {post.rubric.map((r) => (
              <View key={r.criterion} className='sp-results__row'>
                <Text className='sp-results__name'>{r.criterion}</Text>
                <Text className='sp-results__total'>权重 {r.weight}</Text>
              </View>
            ))}
          </View>

          {post.status === 'reviewing' && selected ? (
            <PublishNotice post={post} candidate={selected.name} onPublished={(m) => { setResult({ tone: 'ok', title: m }); data.reload(); }} onConflict={conflict} />
          ) : null}

          <View id='applications-section' className='section'>
            <View className='section__head'>
              <Text className='section__title'>报名（{apps.length}）</Text>
              <Text className='section__aside'>按总分排名</Text>
            </View>
            {post.status === 'open' ? <Text className='sp-small-note'>报名截止后才能评分。</Text> : null}
            {post.status === 'reviewing' && !selected ? <Text className='sp-small-note'>每份报名至少一人评分后，才能选定拟任用人选。</Text> : null}
            {!apps.length ? (
              <EmptyState id='applications-empty' text={post.status === 'draft' ? '岗位还没开始报名' : '还没有人报名'} />
            ) : (
              <View id='applications-list' className='section__body'>
                {apps.map((a) => (
                  <View key={a.id} id={`app-${a.id}`} className='sp-option sp-app-row'>
                    <Text className={`sp-rank ${a.rank === 1 ? 'sp-rank--1' : ''}`}>{a.rank ?? '—'}</Text>
                    <View className='sp-option__body' onClick={() => openApp(a)}>
                      <Text className='sp-option__title'>
                        {a.name} · {a.gender} · {a.birthYear} 年生 · {a.villageName}
                      </Text>
                      <Text className='sp-option__sub'>
                        {a.background} · {a.education} · {a.statusLabel}
                      </Text>
                      <Text className='sp-option__sub'>
                        {a.total !== null ? `总分 ${a.total}（${a.reviewers} 人评分）` : '未评分'}
                        {a.myScore ? ' · 我已评分' : ''}
                      </Text>
                      <Text className='sp-option__sub'>身份证 {a.idMasked}</Text>
                      <Text className='sp-option__sub'>电话 {a.phoneMasked}</Text>
                    </View>
                    <View className='sp-app-row__actions'>
                      <Button id={`btn-open-app-${a.id}`} className='btn btn--ghost btn--small' onClick={() => openApp(a)}>
                        {post.status === 'reviewing' && a.status === 'submitted' ? '评分' : '查看'}
                      </Button>
                      {post.status === 'reviewing' && !selected && a.status === 'submitted' && a.total !== null ? (
                        <Button id={`btn-select-${a.id}`} className='btn btn--primary btn--small' onClick={() => select.run(a)}>
                          {busy === `select-${a.id}` ? '处理中' : '选定'}
                        </Button>
                      ) : null}
                    </View>
                  </View>
                ))}
              </View>
            )}
          </View>

          {reserve ? (
            <View id='reserve-list' className='section'>
              <Text className='section__title'>备用库（{reserve.length}）</Text>
              <Text className='sp-small-note'>达到分数线、未被选中的报名者；岗位空缺时优先从这里考虑。</Text>
              <View className='section__body'>
                {reserve.length ? (
                  reserve.map((r) => (
                    <View key={r.id} className='sp-results__row'>
                      <Text className='sp-rank'>{r.rank}</Text>
                      <Text className='sp-results__name'>
                        {r.name} · {r.villageName}
                      </Text>
                      <Text className='sp-results__total'>{r.total} 分</Text>
                    </View>
                  ))
                ) : (
                  <Text className='text-muted'>没有人进入备用库</Text>
                )}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
