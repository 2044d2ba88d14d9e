/**
 * 台账汇总 (county, city, province officials): a month's ledger totals for a region and one line
 * per region below it (province → cities → counties → townships → stations); tapping a line goes
 * down a level, a station opens its month's entries.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatYuan } from '@core/ledger/model';
import PageShell from '../../../../components/PageShell';
import { EmptyState } from '../../../../components/StateViews';
import { ledger } from '../../../../services/ledger';
import { useLoad } from '../../../../hooks/useLoad';
import Button from '../../../../ui/Button';
import { Choices } from '../../../../ui/form';
import { MonthSwitch, TotalsView } from '../../components/LedgerParts';
import '../../../shared/sub.css';
import LoadStates from '../../components/LoadStates';
import { usePullRefresh } from '../../../../hooks/useRefreshOnShow';

const SPANS = [
  ['month', '按月'],
  ['year', '今年以来'],
] as const;

const LEVEL_WORD = { city: '各设区市', county: '各县（市、区）', township: '各乡镇', station: '各站点' } as const;

export default function LedgerTotalsPage() {
  // Undefined: the server's current month (its clock, not the phone's).
  const [month, setMonth] = useState<string | undefined>(undefined);
  // 今年以来: January to the current month (the server's), in one call.
  const [span, setSpan] = useState<'month' | 'year'>('month');
  const [latest, setLatest] = useState<string | null>(null);
  // The regions gone down through (empty: the caller's broadest region).
  const [path, setPath] = useState<{ code: string; name: string }[]>([]);
  const code = path.length ? path[path.length - 1].code : undefined;
  const period = span === 'year' && latest ? { month: `${latest.slice(0, 4)}-01`, untilMonth: latest } : month ? { month } : {};
  const view = useLoad(() => ledger.totals({ ...period, ...(code ? { regionCode: code } : {}) }).then((r) => (setLatest(r.thisMonth), r)), [month, code, span, span === 'year' ? latest : null]);
  usePullRefresh(view.reload);
  const v = view.data;
  const scopes = v?.scopes ?? [];
  return (
    <PageShell id='page-ledger-totals' heading='台账汇总'>
      {scopes.length > 1 ? (
        <Choices idPrefix='ledger-scope' options={scopes.map((s) => [s.code, s.name] as const)} value={path[0]?.code ?? v?.region.code ?? null} onChange={(c) => setPath([scopes.find((s) => s.code === c)!])} label='地区' />
      ) : null}
      <Choices idPrefix='ledger-span' options={SPANS} value={span} onChange={setSpan} label='时间' />
      {v && span === 'month' ? <MonthSwitch id='ledger-totals-month' month={v.from} latest={v.thisMonth} onChange={setMonth} /> : null}
      {v && span === 'year' ? (
        <Text id='ledger-totals-span' className='sp-lead'>
          {v.from.slice(0, 4)}年1月至{Number(v.to.slice(5))}月
        </Text>
      ) : null}
      <LoadStates load={view} loadingId='ledger-totals-loading' errorId='ledger-totals-error' rows={3} />
      {v && view.status !== 'error' ? (
        <View id='ledger-totals-view' className={view.status === 'loading' ? 'sp-is-refreshing' : ''}>
          <View className='sp-row'>
            <Text id='ledger-totals-region' className='sp-row__grow sp-list-heading'>
              {v.region.name}
            </Text>
            {path.length ? (
              <Button id='btn-ledger-up' className='btn btn--ghost' onClick={() => setPath((p) => p.slice(0, -1))}>
                返回上级
              </Button>
            ) : null}
          </View>
          <TotalsView id='ledger-totals-sum' totals={v.total} />
          <Text className='sp-list-heading'>{LEVEL_WORD[v.childLevel]}</Text>
          {!v.children.length ? <EmptyState id='ledger-totals-empty' text='这个月还没有台账' /> : null}
          <View id='ledger-totals-children'>
            {v.children.map((c) => {
              const open = () => {
                if (v.childLevel === 'station' && c.key) void Taro.navigateTo({ url: `/packages/official/ledger/index?stationId=${encodeURIComponent(c.key)}` });
                else if (c.key) setPath((p) => [...p, { code: c.key!, name: c.name }]);
              };
              return (
                <Button key={c.key ?? 'direct'} id={`ledger-child-${c.key ?? 'direct'}`} className='sp-item' disabled={!c.key} onClick={open}>
                  <View className='sp-item__top'>
                    <Text className='sp-item__title'>{c.name}</Text>
                    <Text className='sp-item__meta'>{c.totals.entries} 条</Text>
                  </View>
                  <Text className='sp-item__line'>
                    扶贫产品 {formatYuan(c.totals.byKind.poverty_sale.amountFen)} 元 · 带动 {c.totals.households} 户 · 合计 {formatYuan(c.totals.amountFen)} 元
                  </Text>
                </Button>
              );
            })}
          </View>
          <Text className='sp-small-note'>合计含待审核和已核实的台账；被退回的等站点改正后再计入。</Text>
        </View>
      ) : null}
    </PageShell>
  );
}
