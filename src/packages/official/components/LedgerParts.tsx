/** What the ledger pages share: a month switcher, the totals in plain figures, one entry's lines. */
import { Text, View } from '@tarojs/components';
import { LEDGER_KINDS, LEDGER_KIND_LABELS, LEDGER_UNITS, addMonthsTo, formatYuan } from '@core/ledger/model';
import type { EntryView, Totals } from '../../../services/ledger';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';

/** "2026年9月" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

export function MonthSwitch({ id, month, onChange, latest }: { id: string; month: string; onChange: (m: string) => void; latest?: string }) {
  const next = addMonthsTo(month, 1);
  return (
    <View id={id} className='sp-month-switch'>
      <Button id={`${id}-prev`} className='btn btn--ghost' onClick={() => onChange(addMonthsTo(month, -1))}>
        上个月
      </Button>
      <Text id={`${id}-label`} className='sp-row__grow sp-month-label'>
        {monthLabel(month)}
      </Text>
      {/* The current month is the latest a ledger can have: no 下个月 there. */}
      {!latest || next <= latest ? (
        <Button id={`${id}-next`} className='btn btn--ghost' onClick={() => onChange(next)}>
          下个月
        </Button>
      ) : (
        <View className='sp-month-switch__spacer' />
      )}
    </View>
  );
}

/** The figures that matter most first (扶贫产品 sales and households), then one line per kind that has entries. */
export function TotalsView({ id, totals }: { id: string; totals: Totals }) {
  const sale = totals.byKind.poverty_sale;
  const lines = LEDGER_KINDS.filter((k) => totals.byKind[k].entries > 0);
  return (
    <View id={id}>
      <View className='sp-big-numbers'>
        <View className='sp-big-number'>
          <Text id={`${id}-sale`} className='sp-big-number__value'>
            {formatYuan(sale.amountFen)}
          </Text>
          <Text className='sp-big-number__label'>扶贫产品销售额（元）</Text>
        </View>
        <View className='sp-big-number'>
          <Text id={`${id}-households`} className='sp-big-number__value'>
            {sale.households}
          </Text>
          <Text className='sp-big-number__label'>带动农户（户）</Text>
        </View>
        <View className='sp-big-number'>
          <Text id={`${id}-entries`} className='sp-big-number__value'>
            {totals.entries}
          </Text>
          <Text className='sp-big-number__label'>台账条数</Text>
        </View>
      </View>
      {lines.length ? (
        <View id={`${id}-kinds`} className='sp-item'>
          {lines.map((k) => (
            <Text key={k} id={`${id}-${k}`} className='sp-item__line'>
              {LEDGER_KIND_LABELS[k]}：{totals.byKind[k].quantity} {LEDGER_UNITS[k]}
              {totals.byKind[k].amountFen > 0 ? `，${formatYuan(totals.byKind[k].amountFen)} 元` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function statusTone(status: EntryView['status']): 'ok' | 'warn' | 'danger' {
  return status === 'accepted' ? 'ok' : status === 'returned' ? 'danger' : 'warn';
}

/** One entry: what, how many, how much; the operator's reason and the anomaly flags when there are. */
export function EntryBody({ e, showStation }: { e: EntryView; showStation?: boolean }) {
  return (
    <View>
      <View className='sp-item__top'>
        <Text className='sp-item__title'>
          {e.kindLabel}
          {e.product ? `：${e.product}` : ''}
        </Text>
        <Text className={`sp-status sp-status--${statusTone(e.status)}`}>{e.statusLabel}</Text>
      </View>
      {showStation ? (
        <Text className='sp-item__line'>
          {e.stationName} · {monthLabel(e.month)}
        </Text>
      ) : null}
      <Text className='sp-item__line'>
        {e.quantity} {e.unit}
        {e.amountFen > 0 ? ` · ${formatYuan(e.amountFen)} 元` : ''}
        {e.households !== undefined ? ` · 带动 ${e.households} 户` : ''}
        {e.date ? ` · ${e.date.slice(5).replace('-', '月')}日` : ''}
      </Text>
      {e.note ? <Text className='sp-item__line'>备注：{e.note}</Text> : null}
      {e.returnReason ? <Notice tone='danger' title='退回原因' text={e.returnReason} /> : null}
      {e.lastReturnReason ? <Notice tone='info' title='上次退回原因（已改正）' text={e.lastReturnReason} /> : null}
      {e.flags.map((f) => (
        <Notice key={f.code} tone='warn' title='请核对' text={f.message} />
      ))}
    </View>
  );
}
