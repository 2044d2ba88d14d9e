/**
 * 承办单位考核 (issue 11 §4): per handling unit and per category, on-time acceptance and reply,
 * satisfaction, 退单 and 延期, with the definitions from core shown under the table; the .xlsx
 * export is built from the same figures and definitions.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FIGURE_COLUMNS, figureCell, type FigureRow } from '@core/complaint/figures';
import { addDays, toShanghai } from '@core/shared/time';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { complaintsAdmin, type UnitFiguresView } from '../../../services/complaints-admin';
import { openDownload } from '../../../services/register';
import { toApiError } from '../../../services/transport';
import Button from '../../../ui/Button';
import { toast } from '../../../ui/dialogs';
import { SubmitButton } from '../../../ui/form';
import './UnitFigures.css';

type FigureView = 'unit' | 'category';

/** The table of one view: a name column, then the figure columns, then 合计. */
export function FiguresTable({ view, by }: { view: UnitFiguresView; by: FigureView }) {
  const label = (k: (typeof FIGURE_COLUMNS)[number]) => view.definitions.find((d) => d.key === k)?.label ?? k;
  const rows: { key: string; name: string; row: FigureRow }[] =
    by === 'unit' ? view.byUnit.map((u) => ({ key: u.unitKey, name: `${u.kindLabel}：${u.name}`, row: u })) : view.byCategory.map((c) => ({ key: c.category, name: c.label, row: c }));
  return (
    // Scrolls sideways on a phone: keyboard users reach it with Tab and scroll with the arrow keys.
    <View className='uf-scroll' {...{ tabIndex: 0, role: 'region', 'aria-label': by === 'unit' ? '按承办单位的考核指标' : '按投诉类型的考核指标' }}>
      <View id={`figures-table-${by}`} className='uf-table'>
        <View className='uf-row uf-row--head'>
          <Text className='uf-cell uf-cell--name'>{by === 'unit' ? '承办单位' : '投诉类型'}</Text>
          {FIGURE_COLUMNS.map((k) => (
            <Text key={k} className='uf-cell'>
              {label(k)}
            </Text>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.key} className='uf-row' data-key={r.key}>
            <Text className='uf-cell uf-cell--name'>{r.name}</Text>
            {FIGURE_COLUMNS.map((k) => (
              <Text key={k} className='uf-cell'>
                {figureCell(r.row, k)}
              </Text>
            ))}
          </View>
        ))}
        <View className='uf-row uf-row--total'>
          <Text className='uf-cell uf-cell--name'>合计</Text>
          {FIGURE_COLUMNS.map((k) => (
            <Text key={k} className='uf-cell'>
              {figureCell(view.totals, k)}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}

/** The last `days` days up to today (Asia/Shanghai), both ends included. */
export function periodOf(days: number, now: Date = new Date()): { from: string; until: string } {
  const until = toShanghai(now).date;
  return { from: addDays(until, -(days - 1)), until };
}

export default function UnitFigures({ days }: { days: number }) {
  const [by, setBy] = useState<FigureView>('unit');
  const [exporting, setExporting] = useState(false);
  const period = periodOf(days);
  const f = useLoad(() => complaintsAdmin.unitFigures(period), [period.from, period.until]);
  const v = f.data;

  const doExport = async () => {
    setExporting(true);
    try {
      await openDownload(await complaintsAdmin.unitFiguresExport(period));
    } catch (e) {
      toast(toApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <View id='unit-figures' className='section'>
      <View className='section__head'>
        <Text className='section__title'>承办单位考核</Text>
        <Text className='section__aside'>
          {period.from} 至 {period.until}
        </Text>
      </View>
      <View className='section__body'>
        {!v && f.status === 'loading' ? <Skeleton id='figures-loading' rows={2} /> : null}
        {f.status === 'error' ? <ErrorState id='figures-error' message={f.error?.message ?? '加载失败'} onRetry={f.reload} retryId='btn-figures-retry' /> : null}
        {v && f.status !== 'error' ? (
          v.totals.total === 0 && v.totals.declined === 0 ? (
            <EmptyState id='figures-empty' text='这段时间没有投诉' />
          ) : (
            <View className={f.status === 'loading' ? 'sp-is-refreshing' : ''}>
              <View className='chips'>
                <Button id='figures-by-unit' className={`chip ${by === 'unit' ? 'chip--on' : ''}`} onClick={() => setBy('unit')}>
                  按承办单位
                </Button>
                <Button id='figures-by-category' className={`chip ${by === 'category' ? 'chip--on' : ''}`} onClick={() => setBy('category')}>
                  按类型
                </Button>
              </View>
              <FiguresTable view={v} by={by} />
              <SubmitButton id='btn-figures-export' text='导出 Excel' tone='secondary' busy={exporting} busyText='正在导出…' onClick={doExport} />
              <View id='figures-definitions' className='uf-defs'>
                <Text className='section__title'>指标说明</Text>
                {v.definitions.map((d) => (
                  <Text key={d.key} className='uf-def'>
                    {d.label}：{d.definition}
                  </Text>
                ))}
              </View>
            </View>
          )
        ) : null}
      </View>
    </View>
  );
}
