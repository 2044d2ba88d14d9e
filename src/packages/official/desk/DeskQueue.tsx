/**
 * 投诉待办 at a desk (≥ 1024 px, H5; issue 11 §1): the queue as a dense table beside the open
 * case, search by tracking number / station / last 4 phone digits, filters, keyboard navigation
 * and batch 受理 / 转办. The server orders by deadline and checks every case of a batch again.
 */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_BATCH } from '@core/complaint/limits';
import { readSearch, type QueueSearch } from '@core/complaint/search';
import { COMPLAINT_CATEGORIES } from '@core/complaint/model';
import PageShell from '../../../components/PageShell';
import { complaintsAdmin, type BatchAnswer, type ComplaintListItem } from '../../../services/complaints-admin';
import { toApiError } from '../../../services/transport';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import Button from '../../../ui/Button';
import SearchInput, { useSearchText } from '../../../ui/SearchInput';
import Notice from '../../../ui/Notice';
import { confirm, toast } from '../../../ui/dialogs';
import { statusTone } from '../../../ui/format';
import { ESCALATION_TEXT, STATUS_CHIPS } from '../components/status';
import { deadlineInfo } from '../utils/deadline';
import Inbox from '../components/Inbox';
import LoadStates from '../components/LoadStates';
import { useQueueFilters } from '../components/useQueueFilters';

/**
 * The case page's body, for the side pane. H5 only: in the mini-program a page module required by
 * another page would register itself there (and the desk never shows there anyway).
 */
const ComplaintCase: typeof import('../complaint/index').ComplaintCase =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a page module, on H5 only
  process.env.TARO_ENV === 'h5' ? require('../complaint/index').ComplaintCase : () => null;

// Desk styles are H5-only (the mini-program keeps the phone layout; WXSS lacks some selectors used).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('./desk.css');

/** The keyboard, as the desk tells it. */
const KEYS = '↑↓ 移动 · Enter 打开 · 空格 选中 · A 受理 · O 转办运营单位 · S 转办站点 · / 搜索 · Esc 关闭';

/** A desk page: the most the server gives at once. */
const PAGE = 50;

/** What the search word was taken for, shown beside the count. */
function searchLabel(s: QueueSearch | null): string {
  if (!s) return '';
  if ('trackingNoPrefix' in s) return `投诉编号 ${s.trackingNoPrefix}`;
  if ('phoneLast4' in s) return `电话后4位 ${s.phoneLast4}`;
  return `站点含“${s.stationName}”`;
}

/** Every registered name starts with the programme's name: the table shows what tells stations apart. */
function shortStation(name: string): string {
  return name.replace(/^江西电商扶贫工程/, '') || name;
}

/** Keys typed into a field are the field's, not shortcuts. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** Taro's H5 dialog (confirm) is showing: it keeps its element when hidden, so look at its visibility. */
function modalOpen(): boolean {
  if (typeof document === 'undefined') return false;
  return Array.from(document.querySelectorAll<HTMLElement>('.taro-modal__content')).some((m) => m.getClientRects().length > 0);
}

export default function DeskQueue() {
  const [q, setQ] = useState('');
  const [cursor, setCursor] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'warn' | 'danger'; title: string; text?: string } | null>(null);
  const [paneKey, setPaneKey] = useState(0);

  const { status, setStatus, overdue, setOverdue, escalated, setEscalated, category, setCategory, filters } = useQueueFilters(q);
  const list = usePagedList<ComplaintListItem>((c) => complaintsAdmin.queue({ ...filters, cursor: c, limit: PAGE }), JSON.stringify(filters));
  const items = list.items;
  // Back from another page: cases may have changed.
  useRefreshOnShow(() => list.reload(true));
  const calendarWarning = (list.first?.calendarWarning as string | null | undefined) ?? null;

  // A new list starts at its top with nothing selected.
  useEffect(() => {
    setCursor(0);
    setSelected(new Set());
  }, [JSON.stringify(filters)]);

  // The cursor row stays in view as it moves.
  useEffect(() => {
    const row = items[cursor];
    if (!row || typeof document === 'undefined') return;
    document.getElementById(`desk-row-${row.id}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor, items]);

  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else if (next.size < MAX_BATCH) next.add(id);
      else toast(`一次最多选 ${MAX_BATCH} 件`);
      return next;
    });
  }, []);

  const search = (word: string) => {
    const w = (word ?? '').trim();
    // Read as the server will: a word that means nothing is not sent.
    if (w && !readSearch(w)) {
      setResult({ tone: 'warn', title: '请输入投诉编号、站点名称（至少 2 个字）或电话后 4 位' });
      return;
    }
    setResult(null);
    setQ(w);
    setOpenId(null);
  };
  const searchText = useSearchText(search);
  const reading = q ? searchLabel(readSearch(q)) : '';

  async function batch(kind: 'accept' | 'operator' | 'station', ids: string[]) {
    const rows = items.filter((i) => ids.includes(i.id));
    if (!rows.length || busy) return;
    const verb = kind === 'accept' ? '受理' : kind === 'operator' ? '转办给运营单位' : '转办给站点';
    const ok = await confirm({ title: `批量${verb}`, content: `对选中的 ${rows.length} 件投诉${verb}？每件会单独检查，不能办的会列出来。`, confirmText: verb.slice(0, 2) });
    if (!ok) return;
    setBusy(true);
    setResult(null);
    try {
      const payload = rows.map((r) => ({ id: r.id, version: r.version ?? 1 }));
      const answer: BatchAnswer = kind === 'accept' ? await complaintsAdmin.batchAccept({ items: payload }) : await complaintsAdmin.batchAssign({ items: payload, to: kind });
      const failed = answer.results.filter((r) => !r.ok);
      const name = (id: string) => rows.find((r) => r.id === id)?.trackingNo ?? '';
      setResult({
        tone: failed.length ? 'warn' : 'ok',
        title: `${verb}：成功 ${answer.done} 件${failed.length ? `，未办 ${failed.length} 件` : ''}`,
        text: failed.length ? failed.map((f) => `${name(f.id)}：${f.message ?? '未办理'}`).join('；') : undefined,
      });
      setSelected(new Set());
      list.reload(true);
      setPaneKey((k) => k + 1);
    } catch (e) {
      setResult({ tone: 'danger', title: '批量操作没有完成', text: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  }

  async function acceptOne(row: ComplaintListItem | undefined) {
    if (!row || busy || row.status !== 'submitted') return;
    setBusy(true);
    try {
      await complaintsAdmin.accept({ id: row.id, version: row.version ?? 1 });
      toast('已受理', 'success');
      setResult({ tone: 'ok', title: `已受理 ${row.trackingNo}` });
      list.reload(true);
      setPaneKey((k) => k + 1);
    } catch (e) {
      setResult({ tone: 'warn', title: `${row.trackingNo} 没有受理`, text: toApiError(e).message });
      list.reload(true);
    } finally {
      setBusy(false);
    }
  }

  // Keyboard: ↑/↓ (or k/j) move, Enter opens, Space/x selects, a 受理, o/s 转办, / searches, Esc closes.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e.target)) {
      if (e.key === 'Escape') (e.target as HTMLElement).blur();
      return;
    }
    // A modal dialog is open: its buttons have the keyboard.
    if (modalOpen()) return;
    const row = items[cursor];
    // Enter and Space on a focused control are that control's (ui/Button handles them).
    const onButton = !!(e.target as HTMLElement | null)?.closest?.('[role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="link"], [role="tab"]');
    // Keys for the cursor row: Enter opens it, Space and x select it.
    const rowAction = e.key === 'Enter' ? setOpenId : e.key === ' ' || e.key === 'x' ? toggle : null;
    if (rowAction) {
      if (onButton || !row) return;
      e.preventDefault();
      rowAction(row.id);
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        e.preventDefault();
        setCursor((i) => Math.min(items.length - 1, i + 1));
        break;
      case 'ArrowUp':
      case 'k':
        e.preventDefault();
        setCursor((i) => Math.max(0, i - 1));
        break;
      case 'a':
        e.preventDefault();
        if (selected.size) void batch('accept', [...selected]);
        else void acceptOne(row);
        break;
      case 'o':
      case 's':
        // 转办 the selection (or the cursor row) to the operator / the station, after a confirmation.
        if (!selected.size && !row) return;
        e.preventDefault();
        void batch(e.key === 'o' ? 'operator' : 'station', selected.size ? [...selected] : [row.id]);
        break;
      case '/':
        e.preventDefault();
        (document.querySelector('#desk-search input') as HTMLInputElement | null)?.focus();
        break;
      case 'Escape':
        setOpenId(null);
        break;
      default:
    }
  };
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const on = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, []);

  const allSelected = items.length > 0 && items.slice(0, MAX_BATCH).every((i) => selected.has(i.id));
  const selectedIds = [...selected];
  const now = new Date();

  return (
    <PageShell id='page-queue' heading='投诉待办' className='desk'>
      <Inbox collapsed onOpen={(id) => setOpenId(id)} />
      <View id='desk-toolbar' className='desk__toolbar'>
        <View className='desk__top'>
        <View className='desk__search'>
          <SearchInput id='desk-search' name='搜索投诉' className='desk__search-input' maxlength={40} placeholder='投诉编号、站点或电话后4位（按 / 输入）' {...searchText.field} />
          <Button id='desk-search-submit' className='desk__btn desk__btn--primary' onClick={searchText.submit}>
            搜索
          </Button>
          {q ? (
            <Button id='desk-search-clear' className='desk__btn' onClick={searchText.clear}>
              清除
            </Button>
          ) : null}
        </View>
        <View className='desk__chips'>
          {STATUS_CHIPS.map(([code, label]) => (
            <Button key={code} id={`filter-status-${code}`} role='radio' checked={status === code} className={`desk__chip ${status === code ? 'desk__chip--on' : ''}`} onClick={() => setStatus(code)}>
              {label}
            </Button>
          ))}
          <Text className='desk__sep' />
          <Button id='filter-overdue' role='checkbox' checked={overdue} className={`desk__chip ${overdue ? 'desk__chip--on' : ''}`} onClick={() => setOverdue(!overdue)}>
            只看超期
          </Button>
          <Button id='filter-escalated' role='checkbox' checked={escalated} className={`desk__chip ${escalated ? 'desk__chip--on' : ''}`} onClick={() => setEscalated(!escalated)}>
            督办件
          </Button>
        </View>
        </View>
        <View className='desk__chips'>
          <Text className='desk__label'>类型</Text>
          <Button id='filter-category-all' role='radio' checked={!category} className={`desk__chip ${!category ? 'desk__chip--on' : ''}`} onClick={() => setCategory(null)}>
            全部
          </Button>
          {COMPLAINT_CATEGORIES.map(([code, label]) => (
            <Button key={code} id={`filter-category-${code}`} role='radio' checked={category === code} className={`desk__chip ${category === code ? 'desk__chip--on' : ''}`} onClick={() => setCategory(category === code ? null : code)}>
              {label}
            </Button>
          ))}
        </View>
      </View>

      <View className='desk__body'>
        <View className='desk__list'>
          <View id='desk-batch' className='desk__batch'>
            <Text id='desk-selected' className='desk__count'>
              {selected.size ? `已选 ${selected.size} 件` : list.status === 'ready' ? `共 ${items.length}${list.hasMore ? '+' : ''} 件${reading ? ` · ${reading}` : ''}` : ''}
            </Text>
            <Button id='desk-batch-accept' className='desk__btn desk__btn--primary' disabled={!selected.size || busy} onClick={() => batch('accept', selectedIds)}>
              批量受理
            </Button>
            <Button id='desk-batch-operator' className='desk__btn' disabled={!selected.size || busy} onClick={() => batch('operator', selectedIds)}>
              转办给运营单位
            </Button>
            <Button id='desk-batch-station' className='desk__btn' disabled={!selected.size || busy} onClick={() => batch('station', selectedIds)}>
              转办给站点
            </Button>
            <Text className='desk__keys' {...{ title: KEYS }}>
              {KEYS}
            </Text>
          </View>
          {calendarWarning ? <Notice id='calendar-warning' tone='warn' text={calendarWarning} /> : null}
          {result ? <Notice id='desk-result' tone={result.tone} title={result.title} text={result.text} /> : null}

          <View className='desk__table'>
            <View className='desk__row desk__row--head'>
              <Button
                id='desk-select-all'
                role='checkbox'
                checked={allSelected}
                label='全选'
                className='desk__cell desk__cell--check'
                onClick={() => setSelected(allSelected ? new Set() : new Set(items.slice(0, MAX_BATCH).map((i) => i.id)))}
              >
                <Text className={`desk__box ${allSelected ? 'desk__box--on' : ''}`} />
              </Button>
              <Text className='desk__cell desk__cell--no'>投诉编号</Text>
              <Text className='desk__cell desk__cell--station'>站点</Text>
              <Text className='desk__cell desk__cell--cat'>类型</Text>
              <Text className='desk__cell desk__cell--status'>状态</Text>
              <Text className='desk__cell desk__cell--due'>期限</Text>
              <Text className='desk__cell desk__cell--esc'>督办</Text>
              <Text className='desk__cell desk__cell--who'>承办</Text>
            </View>
            <View id='desk-rows' className='desk__rows'>
              <LoadStates load={list} loadingId='queue-loading' errorId='queue-error' rows={3} />
              {list.status === 'ready' && !items.length ? (
                <View id='queue-empty' className='desk__empty'>
                  <Text>{q ? `没有找到“${q}”` : '没有符合条件的投诉'}</Text>
                </View>
              ) : null}
              {list.status === 'ready'
                ? items.map((item, i) => {
                    const d = deadlineInfo(item, now);
                    const on = selected.has(item.id);
                    return (
                      <View
                        key={item.id}
                        id={`desk-row-${item.id}`}
                        className={`desk__row ${i === cursor ? 'desk__row--cursor' : ''} ${openId === item.id ? 'desk__row--open' : ''} ${item.overdue ? 'desk__row--overdue' : ''}`}
                        {...(openId === item.id ? { 'aria-current': 'true' } : {})}
                        onClick={() => {
                          setCursor(i);
                          setOpenId(item.id);
                        }}
                      >
                        <Button id={`desk-check-${item.id}`} role='checkbox' checked={on} label={`选中 ${item.trackingNo}`} className='desk__cell desk__cell--check' onClick={() => toggle(item.id)}>
                          <Text className={`desk__box ${on ? 'desk__box--on' : ''}`} />
                        </Button>
                        <Text className='desk__cell desk__cell--no'>{item.trackingNo}</Text>
                        <Text className='desk__cell desk__cell--station' {...{ title: item.stationName }}>
                          {shortStation(item.stationName)}
                        </Text>
                        <Text className='desk__cell desk__cell--cat'>{item.categoryLabel}</Text>
                        <Text className={`desk__cell desk__cell--status desk__status--${statusTone(item.status)}`}>
                          {item.statusLabel}
                          {/* The mark starts its own line when the cell is narrow. */}
                          {item.held ? '·待审' : ''}
                          {item.awaitingReceipt ? '·待签收' : ''}
                          {item.returned ? '·已退单' : ''}
                        </Text>
                        <Text id={`desk-due-${item.id}`} className={`desk__cell desk__cell--due desk__due--${d?.tone ?? 'muted'}`} {...(d ? { title: `${d.stage}期限：${d.text}` } : {})}>
                          {d ? d.text : '—'}
                        </Text>
                        <Text
                          id={`desk-esc-${item.id}`}
                          className={`desk__cell desk__cell--esc ${item.escalationLevel > 0 || item.supervisionDueOn ? 'desk__esc' : ''}`}
                          {...(item.supervisionDueOn ? { title: `督办：${item.supervisionDueOn} 前答复` } : {})}
                        >
                          {ESCALATION_TEXT[item.escalationLevel] || '—'}
                          {item.supervisionDueOn ? '·待答复' : ''}
                        </Text>
                        <Text className='desk__cell desk__cell--who'>{item.assigneeLabel ?? '—'}</Text>
                      </View>
                    );
                  })
                : null}
              {list.status === 'ready' && list.hasMore ? (
                <Button id='desk-more' className='desk__more' disabled={list.loadingMore} onClick={list.loadMore}>
                  {list.loadingMore ? '加载中…' : list.moreError ? '加载失败，点此重试' : '加载更多'}
                </Button>
              ) : null}
            </View>
          </View>
        </View>

        <View id='desk-pane' className='desk__pane'>
          {openId ? (
            <ComplaintCase key={`${openId}-${paneKey}`} id={openId} pane onChanged={() => list.reload(true)} />
          ) : (
            <View id='desk-pane-empty' className='desk__pane-empty'>
              <Text>用 ↑↓ 选择一件投诉，按 Enter 在这里打开。</Text>
            </View>
          )}
        </View>
      </View>
    </PageShell>
  );
}
