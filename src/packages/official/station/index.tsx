/** 本站投诉: the station head's list of complaints about their station (no complainant identity unless allowed). */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';

import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { complaintsAdmin, type ComplaintListItem } from '../../../services/complaints-admin';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import ComplaintCard from '../components/ComplaintCard';
import '../../shared/sub.css';
import LoadStates from '../components/LoadStates';

export default function StationComplaintsPage() {
  const list = usePagedList<ComplaintListItem>((cursor) => complaintsAdmin.station({ cursor, limit: 20 }), 'station');
  useRefreshOnShow(list.reload);
  usePullRefresh(list.reload);
  const open = (id: string) => Taro.navigateTo({ url: `/packages/official/complaint/index?mode=station&id=${encodeURIComponent(id)}` });

  return (
    <PageShell id='page-station-complaints' heading='本站投诉'>
      <Notice tone='info' text='投诉人的身份和电话不向站点公开，除非投诉人自己同意。被转办给本站的投诉，请按主管部门要求尽快整改并答复。' />
      <LoadStates load={list} loadingId='station-loading' errorId='station-error' rows={2} />
      {list.status === 'ready' && !list.items.length ? <EmptyState id='station-empty' text='本站还没有收到投诉' /> : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='station-list'>
          {list.items.map((item) => (
            <ComplaintCard key={item.id} item={item} onOpen={open} showStation={false} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={list.items.length} />
        </View>
      ) : null}
    </PageShell>
  );
}
