/**
 * 投诉待办: the complaints in the caller's scope, most urgent first (the server orders by
 * deadline). Filters: status, 只看超期, 督办件, category. Each case shows its countdown.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import { useState } from 'react';
import { COMPLAINT_CATEGORIES } from '@core/complaint/model';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { complaintsAdmin, type ComplaintListItem } from '../../../services/complaints-admin';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import ComplaintCard from '../components/ComplaintCard';
import { useQueueFilters } from '../components/useQueueFilters';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import { useDesktop } from '../../../hooks/useDesktop';
import DeskQueue from '../desk/DeskQueue';
import { STATUS_CHIPS } from '../components/status';
import LoadStates from '../components/LoadStates';
import ChipRow from '../components/ChipRow';

const PAGE = 20;

/** A desk-sized H5 window gets the desk (table + side pane); phones and the mini-program keep the list. */
export default function QueuePage() {
  return useDesktop() ? <DeskQueue /> : <PhoneQueue />;
}

function PhoneQueue() {
  const { status, setStatus, overdue, setOverdue, escalated, setEscalated, category, setCategory, filters } = useQueueFilters();
  const [showCategories, setShowCategories] = useState(false);

  const list = usePagedList<ComplaintListItem>((cursor) => complaintsAdmin.queue({ ...filters, cursor, limit: PAGE }), JSON.stringify(filters));
  const calendarWarning = (list.first?.calendarWarning as string | null | undefined) ?? null;

  // Back from a case: its state may have changed.
  useRefreshOnShow(list.reload);
  usePullRefresh(list.reload);

  const open = (id: string) => Taro.navigateTo({ url: `/packages/official/complaint/index?id=${encodeURIComponent(id)}` });
  const filtered = status !== 'all' || overdue || escalated || !!category;
  const categoryLabel = category ? COMPLAINT_CATEGORIES.find(([c]) => c === category)?.[1] : null;

  return (
    <PageShell id='page-queue' heading='投诉待办'>
      {calendarWarning ? <Notice id='calendar-warning' tone='warn' text={calendarWarning} /> : null}
      <View id='queue-filters' className='filters'>
        <ChipRow idPrefix='filter-status' options={STATUS_CHIPS} value={status} onChange={setStatus} />
        <View className='chips'>
          <Button id='filter-overdue' className={`chip ${overdue ? 'chip--on' : ''}`} onClick={() => setOverdue(!overdue)}>
            {overdue ? '✓ ' : ''}只看超期
          </Button>
          <Button id='filter-escalated' className={`chip ${escalated ? 'chip--on' : ''}`} onClick={() => setEscalated(!escalated)}>
            {escalated ? '✓ ' : ''}督办件
          </Button>
          <Button id='filter-category' className={`chip ${category ? 'chip--on' : ''}`} onClick={() => setShowCategories(!showCategories)}>
            类型：{categoryLabel ?? '全部'} {showCategories ? '▴' : '▾'}
          </Button>
        </View>
        {showCategories ? (
          <View id='category-panel' className='filters__panel'>
            <View className='chips'>
              <Button id='filter-category-all' className={`chip ${!category ? 'chip--on' : ''}`} onClick={() => { setCategory(null); setShowCategories(false); }}>
                全部类型
              </Button>
              {COMPLAINT_CATEGORIES.map(([code, label]) => (
                <Button key={code} id={`filter-category-${code}`} className={`chip ${category === code ? 'chip--on' : ''}`} onClick={() => { setCategory(code); setShowCategories(false); }}>
                  {label}
                </Button>
              ))}
            </View>
          </View>
        ) : null}
      </View>

      <LoadStates load={list} loadingId='queue-loading' errorId='queue-error' rows={3} />
      {list.status === 'ready' && !list.items.length ? (
        filtered ? (
          <EmptyState
            id='queue-empty'
            text='没有符合条件的投诉'
            actionText='清除筛选'
            actionId='btn-clear-filters'
            onAction={() => {
              setStatus('all');
              setOverdue(false);
              setEscalated(false);
              setCategory(null);
            }}
          />
        ) : (
          <EmptyState id='queue-empty' text='您的辖区目前没有投诉' />
        )
      ) : null}
      {list.status === 'ready' && list.items.length ? (
        <View id='queue-list'>
          {list.items.map((item) => (
            <ComplaintCard key={item.id} item={item} onOpen={open} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={list.items.length} />
        </View>
      ) : null}
      {list.status === 'ready' && list.items.length ? <Text className='sp-small-note sp-queue-note'>按期限先后排列，最紧急的在最上面。</Text> : null}
    </PageShell>
  );
}
