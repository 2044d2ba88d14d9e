/**
 * 台账 (第十条5): the station head's month — the month's figures, a form to add an entry
 * (扶贫产品 sales, 代购, parcels, bill payments, other services) and the month's entries; a returned
 * entry shows the operator's reason and opens in the form to correct. Operators and officials open
 * the same page for one station (?stationId=) and only read it.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LEDGER_KINDS, LEDGER_KIND_LABELS, LEDGER_UNITS, formatYuan, parseYuan, type LedgerKind } from '@core/ledger/model';
import PageShell from '../../../components/PageShell';
import { EmptyState } from '../../../components/StateViews';
import { ledger, type EntryView } from '../../../services/ledger';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextInput, fieldError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import { EntryBody, MonthSwitch, TotalsView, monthLabel } from '../components/LedgerParts';
import '../../shared/sub.css';
import LoadStates from '../components/LoadStates';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';

const KIND_OPTIONS = LEDGER_KINDS.map((k) => [k, LEDGER_KIND_LABELS[k]] as const);

interface Form {
  kind: LedgerKind;
  product: string;
  quantity: string;
  amount: string;
  households: string;
  note: string;
}
const EMPTY: Form = { kind: 'poverty_sale', product: '', quantity: '', amount: '', households: '', note: '' };

const productLabel = (k: LedgerKind) => (k === 'poverty_sale' ? '扶贫产品' : k === 'other_service' ? '服务名称' : k === 'proxy_purchase' ? '代购物品（可不填）' : '');
const needsAmount = (k: LedgerKind) => k === 'poverty_sale' || k === 'proxy_purchase' || k === 'bill_payment';

function formOf(e: EntryView): Form {
  return { kind: e.kind, product: e.product ?? '', quantity: String(e.quantity), amount: e.amountFen ? formatYuan(e.amountFen).replace(/,/g, '') : '', households: e.households !== undefined ? String(e.households) : '', note: e.note ?? '' };
}

/** What the form says, as the API takes it; or the first local problem (field → message). */
function inputOf(f: Form): { ok: true; fields: { kind: LedgerKind; product?: string; quantity: number; amountFen: number; households?: number; note?: string } } | { ok: false; field: string; message: string } {
  const quantity = /^\d{1,6}$/.test(f.quantity.trim()) ? Number(f.quantity.trim()) : NaN;
  if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, field: 'quantity', message: '请填写数量（整数）' };
  const amountFen = f.amount.trim() === '' && !needsAmount(f.kind) ? 0 : parseYuan(f.amount);
  if (amountFen === null) return { ok: false, field: 'amountFen', message: '金额请填数字，最多两位小数' };
  const households = f.kind === 'poverty_sale' ? (/^\d{1,4}$/.test(f.households.trim()) ? Number(f.households.trim()) : NaN) : undefined;
  if (households !== undefined && Number.isNaN(households)) return { ok: false, field: 'households', message: '请填写带动的农户数（整数）' };
  return {
    ok: true,
    fields: { kind: f.kind, ...(f.product.trim() && f.kind !== 'parcel_in' && f.kind !== 'parcel_out' && f.kind !== 'bill_payment' ? { product: f.product.trim() } : {}), quantity, amountFen, ...(households !== undefined ? { households } : {}), ...(f.note.trim() ? { note: f.note.trim() } : {}) },
  };
}

export default function LedgerMonthPage() {
  const stationId = useRouter().params.stationId || undefined;
  const [month, setMonth] = useState<string | undefined>(undefined);
  const view = useLoad(() => ledger.month({ ...(stationId ? { stationId } : {}), ...(month ? { month } : {}) }), [stationId, month]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<EntryView | null>(null);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  usePullRefresh(view.reload);
  const v = view.data;
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const save = useAction(
    async () => {
      const parsed = inputOf(form);
      // submit() checked the form first; this only narrows the type.
      if (!parsed.ok) throw new Error(parsed.message);
      return editing ? ledger.correct({ id: editing.id, ...parsed.fields }) : ledger.record({ stationId: v!.station.id, month: v!.month, ...parsed.fields });
    },
    {
      onDone: () => {
        toast(editing ? '已改正，重新提交审核' : '已记一笔', 'success');
        setForm((f) => ({ ...EMPTY, kind: f.kind }));
        setEditing(null);
        setLocal(null);
        view.reload();
      },
      onConflict: (err) => {
        toast(err.message);
        setEditing(null);
        view.reload();
      },
    },
  );
  const submit = () => {
    const parsed = inputOf(form);
    if (!parsed.ok) {
      setLocal(parsed);
      scrollIntoView('ledger-form');
      return;
    }
    setLocal(null);
    void save.run();
  };
  const err = (name: string) => (local?.field === name ? local.message : fieldError(save.error, name));
  const startEdit = (e: EntryView) => {
    setEditing(e);
    setForm(formOf(e));
    setLocal(null);
    save.clearError();
    scrollIntoView('ledger-form');
  };

  const entries = v?.entries ?? [];
  const returned = entries.filter((e) => e.status === 'returned').length;
  return (
    <PageShell id='page-ledger' heading={v ? `台账 · ${v.station.name}` : '台账'}>
      {v ? <MonthSwitch id='ledger-month' month={v.month} latest={v.months[0]} onChange={(m) => (setMonth(m), setEditing(null))} /> : null}
      <LoadStates load={view} loadingId='ledger-loading' errorId='ledger-error' rows={3} />
      {v && view.status !== 'error' ? (
        <View id='ledger-view' className={view.status === 'loading' ? 'sp-is-refreshing' : ''}>
          <TotalsView id='ledger-totals' totals={v.totals} />
          {returned ? <Notice id='ledger-returned' tone='danger' title={`有 ${returned} 条被退回`} text='请看退回原因，点“改正”修改后重新提交。' /> : null}

          {v.canRecord || editing ? (
            <View id='ledger-form' className='sp-form'>
              <Text className='sp-form__title'>{editing ? `改正：${editing.kindLabel}` : `记一笔（${monthLabel(v.month)}）`}</Text>
              <Field label='类型' required>
                <Choices idPrefix='ledger-kind' options={KIND_OPTIONS} value={form.kind} onChange={(kind) => set({ kind })} label='类型' />
              </Field>
              {productLabel(form.kind) ? (
                <Field label={productLabel(form.kind)} required={form.kind === 'poverty_sale' || form.kind === 'other_service'} error={err('product')}>
                  <TextInput id='ledger-product' value={form.product} onChange={(product) => set({ product })} maxlength={30} placeholder={form.kind === 'poverty_sale' ? '如：于都脐橙' : ''} />
                </Field>
              ) : null}
              <Field label={`数量（${LEDGER_UNITS[form.kind]}）`} required error={err('quantity')}>
                <TextInput id='ledger-quantity' type='number' value={form.quantity} onChange={(quantity) => set({ quantity })} maxlength={6} />
              </Field>
              <Field label={needsAmount(form.kind) ? '金额（元）' : '收费（元，免费不填）'} required={needsAmount(form.kind)} error={err('amountFen')}>
                <TextInput id='ledger-amount' type='digit' value={form.amount} onChange={(amount) => set({ amount })} maxlength={12} />
              </Field>
              {form.kind === 'poverty_sale' ? (
                <Field label='带动农户（户）' required error={err('households')}>
                  <TextInput id='ledger-households' type='number' value={form.households} onChange={(households) => set({ households })} maxlength={4} />
                </Field>
              ) : null}
              <Field label='备注（可不填）' error={err('note')}>
                <TextInput id='ledger-note' value={form.note} onChange={(note) => set({ note })} maxlength={100} />
              </Field>
              {save.error ? <Notice id='ledger-save-error' tone='danger' text={save.error.message} /> : null}
              <SubmitButton id='btn-ledger-save' text={editing ? '保存并重新提交' : '记一笔'} busy={save.busy} onClick={submit} />
              {editing ? (
                <Button id='btn-ledger-cancel' className='btn btn--ghost btn--block' onClick={() => (setEditing(null), setForm(EMPTY), setLocal(null))}>
                  不改了
                </Button>
              ) : null}
            </View>
          ) : null}

          <Text className='sp-list-heading'>{monthLabel(v.month)}的台账</Text>
          {!entries.length ? <EmptyState id='ledger-empty' text={v.canRecord ? '这个月还没有记录。在上面记一笔。' : '这个月没有记录'} /> : null}
          <View id='ledger-list'>
            {entries.map((e) => (
              <View key={e.id} id={`entry-${e.id}`} className={`sp-item ${e.status === 'returned' ? 'sp-item--alert' : ''}`}>
                <EntryBody e={e} />
                {v.canRecord && e.status !== 'accepted' && editing?.id !== e.id ? (
                  <View className='sp-item__actions'>
                    <Button id={`btn-fix-${e.id}`} className={`btn btn--block ${e.status === 'returned' ? 'btn--primary' : 'btn--ghost'}`} onClick={() => startEdit(e)}>
                      {e.status === 'returned' ? '改正' : '修改'}
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
          <Text className='sp-small-note'>金额按元填写，保存时精确到分。明显异常（某月是平时的十倍、同一整数金额反复出现）会提示运营单位核对，不会改动您填的数。</Text>
        </View>
      ) : null}
    </PageShell>
  );
}
