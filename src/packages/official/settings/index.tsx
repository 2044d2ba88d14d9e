/**
 * 参数设置 (第十二条1): the thresholds the regulation lets localities adjust — minimum areas,
 * service population, information freshness, idle-station rules, assessment weights. Officials
 * see the values in force in their region and where each comes from (默认, 省, 市, 县); they set
 * their own region's values with a reason, and every change shows in the 调整记录 below (at a
 * desk, beside). An empty box means "use the broader region's value". The assessment weights have
 * their own editor (./weights.tsx): a set of parts adding up to 100, saved together.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useDesktop } from '../../../hooks/useDesktop';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import { useViewDraft } from './useViewDraft';
import { settings, type ChangeView, type SettingsView } from '../../../services/settings';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import { formatDateTime } from '../../../ui/format';
import Notice from '../../../ui/Notice';
import '../../shared/sub.css';
import { WeightsEditor } from './weights';
import './settings.css';

// Desk sizes for a PC window (H5 only; the mini-program keeps the phone layout).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

const idOf = (key: string) => `setting-${key.replace(/\./g, '-')}`;

function Trail({ items, more, onMore }: { items: ChangeView[]; more: boolean; onMore: () => void }) {
  return (
    <View id='settings-trail' className='sp-form'>
      <Text className='sp-form__title'>调整记录</Text>
      {!items.length ? <Text className='sp-small-note'>还没有调整过，用的都是默认值。</Text> : null}
      {items.map((c) => (
        <View key={c.id} id={`change-${c.id}`} className='sp-item'>
          <Text className='sp-item__title'>
            {formatDateTime(c.at)} · {c.region} · {c.by}
          </Text>
          {c.lines.map((l) => (
            <Text key={l} className='sp-item__line settings-change__lines'>
              {l}
            </Text>
          ))}
          <Text className='sp-item__line'>原因：{c.reason}</Text>
        </View>
      ))}
      {more ? <SubmitButton id='settings-trail-more' tone='ghost' text='查看更早的记录' busyText='正在加载…' onClick={onMore} /> : null}
    </View>
  );
}

/** The groups saved one key at a time (the weights are saved as a set: ./weights.tsx). */
const plainGroups = (v: SettingsView) => v.groups.filter((g) => g.group !== 'assessment');

function Editor({ v, onSaved }: { v: SettingsView; onSaved: (next: SettingsView) => void }) {
  const initial = () => Object.fromEntries(plainGroups(v).flatMap((g) => g.items).map((i) => [i.key, i.own === null ? '' : String(i.own)]));
  const { draft, setDraft, reason, setReason } = useViewDraft(v, initial);
  const [local, setLocal] = useState<string | null>(null);
  const save = useAction((values: Record<string, number | null>) => settings.update({ regionCode: v.region.code, values, reason, version: v.version }), {
    onDone: (next) => {
      toast('已保存');
      onSaved(next);
    },
  });
  useScrollToFirstError(save.error);

  function submit() {
    const values: Record<string, number | null> = {};
    for (const item of plainGroups(v).flatMap((g) => g.items)) {
      const text = (draft[item.key] ?? '').trim();
      const next = text === '' ? null : Number(text);
      if (next !== null && !Number.isInteger(next)) {
        setLocal(`${item.label}请填写整数`);
        return;
      }
      if (next !== item.own) values[item.key] = next;
    }
    if (!Object.keys(values).length) {
      setLocal('没有改动');
      return;
    }
    setLocal(null);
    void save.run(values);
  }

  const where = v.region.level === 'province' ? '全省' : v.region.name;
  return (
    <View id='settings-editor'>
      {plainGroups(v).map((g) => (
        <View key={g.group} id={`settings-group-${g.group}`} className='sp-form'>
          <Text className='sp-form__title'>{g.label}</Text>
          {g.items.map((i) => (
            <View key={i.key} id={idOf(i.key)} className='settings-row'>
              <Text className='settings-row__label'>{i.label}</Text>
              <Text className='settings-row__value'>
                {i.value === null ? '—' : `${i.value}${i.unit}`}
                <Text className='settings-row__source'>{i.source === 'default' ? '默认' : `${i.sourceLabel}定`}</Text>
              </Text>
              {v.canEdit ? (
                <View className='settings-row__input'>
                  <Field label={`${where}设为（${i.min}–${i.max}${i.unit}）`} error={fieldError(save.error, i.key)}>
                    <TextInput id={`${idOf(i.key)}-input`} type='number' value={draft[i.key] ?? ''} onChange={(x) => setDraft((d) => ({ ...d, [i.key]: x }))} placeholder={i.inherited === null ? '' : `沿用 ${i.inherited}`} maxlength={6} />
                  </Field>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ))}
      {v.canEdit ? (
        <View id='settings-save' className='sp-form'>
          <Field label='调整原因' required error={fieldError(save.error, 'reason')}>
            <TextArea id='settings-reason' value={reason} onChange={setReason} placeholder='例如：山区村点多，信息核实周期放宽' maxlength={200} />
          </Field>
          {local ? <Notice id='settings-local-error' tone='danger' text={local} /> : null}
          {save.error ? <Notice id='settings-error' tone='danger' text={save.error.message} /> : null}
          <SubmitButton id='btn-settings-save' text='保存调整' busy={save.busy} onClick={submit} />
          <Text className='sp-small-note'>留空表示沿用上级（或默认）的值；本级设置只管{where}。</Text>
        </View>
      ) : null}
    </View>
  );
}

export default function SettingsPage() {
  const desk = useDesktop();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const view = useLoad(() => settings.get(regionCode ? { regionCode } : {}), [regionCode]);
  const [v, setV] = useState<SettingsView | null>(null);
  const [older, setOlder] = useState<{ items: ChangeView[]; next: number | null }>({ items: [], next: null });
  useEffect(() => {
    if (view.data) {
      setV(view.data);
      setOlder({ items: [], next: view.data.nextOffset });
    }
  }, [view.data]);
  const saved = (next: SettingsView) => {
    setV(next);
    setOlder({ items: [], next: next.nextOffset });
  };
  const more = useAction((offset: number) => settings.changes({ regionCode: v?.region.code, offset }), {
    onDone: (page) => setOlder((o) => ({ items: [...o.items, ...page.changes], next: page.nextOffset })),
  });

  return (
    <PageShell id='page-settings' heading='参数设置' className={desk ? 'desk-page' : undefined}>
      {!v && view.status === 'loading' ? <Skeleton id='settings-loading' rows={4} /> : null}
      {view.status === 'error' && !v ? <ErrorState id='settings-error-load' message={view.error?.message ?? '加载失败'} onRetry={view.reload} /> : null}
      {v ? (
        <View id='settings-view'>
          <Text className='sp-lead'>
            {v.region.name}现行的参数（第十二条1）。县、市可在省定值的基础上调整本地区的值，下级的设置优先。
          </Text>
          {v.regions.length > 1 ? (
            <View id='settings-regions' className='sp-form'>
              <Text className='sp-form__title'>地区</Text>
              <Choices idPrefix='settings-region' options={v.regions.map((r) => [r.code, r.name] as const)} value={v.region.code} onChange={setRegionCode} label='地区' />
            </View>
          ) : null}
          <View className='settings-cols'>
            <View className='settings-main'>
              <Editor v={v} onSaved={saved} />
              <WeightsEditor v={v} onSaved={saved} />
            </View>
            <Trail items={[...v.changes, ...older.items]} more={older.next !== null} onMore={() => void more.run(older.next ?? 0)} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
