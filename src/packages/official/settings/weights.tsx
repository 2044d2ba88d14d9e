/**
 * 负责人考核权重 on 参数设置 (第九条4, 第十二条1): one box per part with its Chinese name, the total
 * checked live to be 100, a confirmation before saving. A region either sets all the parts or uses
 * the broader region's weights (省 → 市 → 县; the assessment's defaults above the province): when
 * it has none of its own the inherited ones are shown, and “沿用上级” drops its own set again.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../../../hooks/useAction';
import { useViewDraft } from './useViewDraft';
import { settings, type SettingsView, type SettingView } from '../../../services/settings';
import { toast } from '../../../ui/dialogs';
import { Field, SubmitButton, TextArea, TextInput, fieldError } from '../../../ui/form';
import Notice from '../../../ui/Notice';

const partOf = (key: string) => key.slice('assessment.'.length);

/** Whole numbers 0–100 in every box; null when a box is empty or not a whole number. */
function readDraft(items: SettingView[], draft: Record<string, string>): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const i of items) {
    const text = (draft[i.key] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < 0 || n > 100) return null;
    out[i.key] = n;
  }
  return out;
}

export function WeightsEditor({ v, onSaved }: { v: SettingsView; onSaved: (next: SettingsView) => void }) {
  const items = v.groups.find((g) => g.group === 'assessment')?.items ?? [];
  const hasOwn = items.some((i) => i.own !== null);
  const initial = () => Object.fromEntries(items.map((i) => [i.key, i.value === null ? '' : String(i.value)]));
  const [local, setLocal] = useState<string | null>(null);
  const { draft, setDraft, reason, setReason } = useViewDraft(v, initial, () => setLocal(null));

  const where = v.region.level === 'province' ? '全省' : v.region.name;
  const above = v.region.level === 'province' ? '默认权重' : '上级权重';
  const aboveShort = v.region.level === 'province' ? '默认' : '上级';
  const list = (w: Record<string, number>) => items.map((i) => `${i.label} ${w[i.key]}%`).join('、');
  const save = useAction((values: Record<string, number | null>) => settings.update({ regionCode: v.region.code, values, reason: reason.trim(), version: v.version }), {
    confirm: (values) =>
      Object.values(values).every((x) => x === null)
        ? { title: `${where}改为沿用${above}`, content: `${where}不再单独设定考核权重，改按${above}（${list(Object.fromEntries(items.map((i) => [i.key, i.inherited ?? 0])))}）计算负责人考核结果。`, confirmText: '沿用' }
        : { title: '确认调整考核权重', content: `${where}的考核权重改为：${list(values as Record<string, number>)}。${where}负责人的考核结果将按新权重计算。`, confirmText: '保存' },
    onDone: (next) => {
      toast('已保存');
      onSaved(next);
    },
  });

  if (!items.length) return null;
  const parsed = readDraft(items, draft);
  const total = items.reduce((s, i) => s + (Number((draft[i.key] ?? '').trim()) || 0), 0);
  const totalOk = parsed !== null && total === 100;
  const changed = !hasOwn || items.some((i) => parsed?.[i.key] !== i.own);

  function check(): boolean {
    if (!reason.trim() || reason.trim().length < 2) {
      setLocal('请写明调整原因');
      return false;
    }
    setLocal(null);
    return true;
  }
  function submit() {
    if (!parsed) return setLocal('每一项都要填 0–100 的整数');
    if (total !== 100) return setLocal(`合计应为 100%，现在是 ${total}%`);
    if (!changed) return setLocal('没有改动');
    if (check()) void save.run(parsed);
  }
  function inherit() {
    if (check()) void save.run(Object.fromEntries(items.map((i) => [i.key, null])));
  }

  const source = items.find((i) => i.source !== 'default')?.sourceLabel;
  return (
    <View id='settings-weights' className='sp-form'>
      <Text className='sp-form__title'>负责人考核权重（第九条4）</Text>
      <Text id='weights-status' className='sp-small-note'>
        {hasOwn ? `${where}自定的权重；${aboveShort}为 ${list(Object.fromEntries(items.map((i) => [i.key, i.inherited ?? 0])))}。` : `${where}未单独设定，现沿用${source ? `${source}定` : '默认'}权重。`}
      </Text>
      {items.map((i) => (
        <View key={i.key} id={`weight-${partOf(i.key)}`} className='settings-row'>
          <Text className='settings-row__label'>{i.label}</Text>
          <Text className='settings-row__value'>
            {i.value ?? '—'}%<Text className='settings-row__source'>{i.source === 'default' ? '默认' : `${i.sourceLabel}定`}</Text>
          </Text>
          {v.canEdit ? (
            <View className='settings-row__input'>
              <Field label={`${where}设为（${hasOwn ? aboveShort : '沿用'} ${i.inherited ?? '—'}%）`} error={fieldError(save.error, i.key)}>
                <TextInput id={`weight-${partOf(i.key)}-input`} type='number' value={draft[i.key] ?? ''} onChange={(x) => setDraft((d) => ({ ...d, [i.key]: x }))} maxlength={3} />
              </Field>
            </View>
          ) : null}
        </View>
      ))}
      <View id='weights-total' className={`weights-total ${totalOk ? 'weights-total--ok' : 'weights-total--bad'}`}>
        <Text>合计 {total}%</Text>
        <Text className='weights-total__hint'>{totalOk ? '符合要求' : parsed === null ? '每一项都要填 0–100 的整数' : total > 100 ? `应为 100%，多了 ${total - 100}%` : `应为 100%，还差 ${100 - total}%`}</Text>
      </View>
      {v.canEdit ? (
        <View className='weights-actions'>
          <Field label='调整原因' required error={fieldError(save.error, 'reason')}>
            <TextArea id='weights-reason' value={reason} onChange={setReason} placeholder='例如：本县重视台账记录' maxlength={200} />
          </Field>
          {local ? <Notice id='weights-local-error' tone='danger' text={local} /> : null}
          {save.error ? <Notice id='weights-error' tone='danger' text={save.error.message} /> : null}
          <SubmitButton id='btn-weights-save' text='保存权重' busy={save.busy} disabled={!totalOk} onClick={submit} />
          {hasOwn ? <SubmitButton id='btn-weights-inherit' tone='ghost' text={`改为沿用${above}`} busy={save.busy} onClick={inherit} /> : null}
          <Text className='sp-small-note'>五项都要填，合计 100%；本级设置只管{where}，下级另行设定的以下级为准。</Text>
        </View>
      ) : null}
    </View>
  );
}
