/**
 * 站点负责人招募 (management): posts in the caller's area and the ones they created here
 * (drafts included), newest first; 新建岗位.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';

import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { recruitment, type PublicPost } from '../../../services/recruitment';
import { useLoad } from '../../../hooks/useLoad';
import { formatDay } from '../../../ui/format';
import PostStatusChip from '../components/PostStatus';
import { myPostIds } from '../utils/my-posts';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import LoadStates from '../components/LoadStates';

async function loadPosts(): Promise<{ mine: PublicPost[]; area: PublicPost[] }> {
  const page = await recruitment.managedPosts({ limit: 50 });
  const mineIds = new Set(myPostIds());
  return { mine: page.items.filter((p) => mineIds.has(p.id)), area: page.items.filter((p) => !mineIds.has(p.id)) };
}

function PostItem({ p }: { p: PublicPost }) {
  return (
    <Button id={`post-${p.id}`} className='sp-item' onClick={() => Taro.navigateTo({ url: `/packages/official/post/index?id=${encodeURIComponent(p.id)}` })}>
      <View className='sp-item__top'>
        <Text className='sp-item__title'>{p.title}</Text>
        <PostStatusChip status={p.status} label={p.statusLabel} />
      </View>
      <Text className='sp-item__line'>{p.stationName ?? (p.villageName ? `${p.villageName}（新设站点）` : '')}</Text>
      <Text className='sp-item__line'>
        报名时间：{formatDay(p.opensOn)} 至 {formatDay(p.closesOn)}
      </Text>
    </Button>
  );
}

export default function PostsPage() {
  const posts = useLoad(loadPosts, []);
  useRefreshOnShow(posts.reload);
  usePullRefresh(posts.reload);
  const d = posts.data;
  const empty = d && !d.mine.length && !d.area.length;

  return (
    <PageShell id='page-posts' heading='站点负责人招募'>
      <Text className='sp-lead'>自主报名 → 公开比选 → 公示 → 任用（第九条）。</Text>
      <View className='sp-links'>
        <Button id='btn-new-post' className='btn btn--primary btn--grow' onClick={() => Taro.navigateTo({ url: '/packages/official/post-new/index' })}>
          ＋ 新建岗位
        </Button>
      </View>
      <LoadStates load={posts} loadingId='posts-loading' errorId='posts-error' rows={2} />
      {empty ? <EmptyState id='posts-empty' text='还没有招募岗位。点“新建岗位”开始。' /> : null}
      {d && !empty ? (
        <View id='posts-list'>
          {d.mine.length ? <Text className='sub-title sp-list-heading'>我创建的岗位</Text> : null}
          {d.mine.map((p) => (
            <PostItem key={p.id} p={p} />
          ))}
          {d.area.length ? <Text className='sub-title sp-list-heading'>辖区内的岗位</Text> : null}
          {d.area.map((p) => (
            <PostItem key={p.id} p={p} />
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
