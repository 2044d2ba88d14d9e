/**
 * 修改站点信息 (station head, operator staff): propose new public information for the county to
 * approve (nothing is public before), or post a temporary closure, which shows at once.
 */
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { SERVICE_CODES, SERVICE_LABELS, type ServiceCode } from '@core/station/vocabulary';
import { addDays, toShanghai } from '@core/shared/time';
import { edits, type EditDraft } from '../../../services/edits';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Field, SubmitButton, TextArea, TextInput, fieldError } from '../../../ui/form';
import { formatDateTime, formatDay } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import DateField from '../components/DateField';
import EditDiff from '../components/EditDiff';
import PhotoPicker from '../../../components/complaint/PhotoPicker';
import type { DraftPhoto } from '../../../store/complaintDraft';
import { STATION_PHOTOS_MAX } from '@core/station/limits';
import { SECTION_ORDER, formOf, infoOf, sectionOfField, type EditForm, type FormSection } from '../utils/edit-form';
import '../../shared/sub.css';
import { LoadedPage } from '../components/LoadStates';
import ItemHead from '../../../ui/ItemHead';

const WEEK = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The sections typed one item a line. */
type TextSection = 'exceptions' | 'processes' | 'commitments' | 'fees' | 'channels';
const TEXT_SECTIONS: Record<TextSection, { label: string; hint: string; max: number; required?: boolean }> = {
  exceptions: { label: '节假日安排', hint: '一行一天，例：2026-10-01 休息 国庆；2026-10-02 09:00-12:00', max: 2000 },
  processes: { label: '办事流程', hint: '一行一项，例：寄快递：出示证件；填写面单；称重付费', max: 3000 },
  commitments: { label: '服务承诺', hint: '一行一条', max: 1200 },
  fees: { label: '收费标准', hint: '一行一项：项目 价格 单位 条件，免费写 0，例：代缴电费 0 笔', max: 3000 },
  channels: { label: '投诉渠道', hint: '一行一个，例：站点电话：13800000000', max: 1000, required: true },
};

function Form({ draft, onSent }: { draft: EditDraft; onSent: (message: string) => void }) {
  const [form, setForm] = useState<EditForm>(() => formOf(draft.info));
  const [errors, setErrors] = useState<Partial<Record<FormSection, string>>>({});
  // The station's photos as they are (shown by their links); new ones are uploaded as picked.
  const [photos, setPhotos] = useState<DraftPhoto[]>(() => draft.info.photos.map((id, i) => ({ id, preview: draft.photoUrls[i] || null })));
  const [uploading, setUploading] = useState(0);
  const set = <K extends keyof EditForm>(k: K, v: EditForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const showErrors = (e: Partial<Record<FormSection, string>>) => {
    setErrors(e);
    const first = SECTION_ORDER.find((s) => e[s]);
    if (first) scrollIntoView(`edit-${first}`);
  };
  const propose = useAction(
    async () => {
      const { info, errors: found } = infoOf(form, draft.info);
      if (Object.keys(found).length) {
        showErrors(found);
        return null;
      }
      if (uploading) {
        toast('照片还在上传，请稍等');
        return null;
      }
      setErrors({});
      return edits.propose({ stationId: draft.station.id, info: { ...info, photos: photos.map((p) => p.id) } });
    },
    {
      onDone: (r) => {
        if (r) onSent('已提交，县级主管部门审核通过后公开');
      },
      onError: (err) => {
        const fromServer: Partial<Record<FormSection, string>> = {};
        for (const [path, message] of Object.entries(err.fields)) {
          const s = sectionOfField(path);
          if (s) fromServer[s] ??= message;
        }
        if (Object.keys(fromServer).length) showErrors(fromServer);
        else scrollIntoView('edit-error');
      },
    },
  );
  const textSection = (k: TextSection) => {
    const { max, ...field } = TEXT_SECTIONS[k];
    return (
      <View key={k} id={`edit-${k}`}>
        <Field {...field} error={errors[k]}>
          <TextArea id={`edit-${k}-text`} value={form[k]} onChange={(v) => set(k, v)} maxlength={max} />
        </Field>
      </View>
    );
  };
  const toggle = (code: ServiceCode) => set('services', form.services.includes(code) ? form.services.filter((c) => c !== code) : [...form.services, code]);
  return (
    <View id='edit-form' className='sp-form'>
      <Text className='sp-form__title'>公开信息</Text>
      <View id='edit-hours'>
        <Field label='每周营业时间' hint='每天写一行，例：08:00-12:00，14:00-18:00；不开门留空' error={errors.hours}>
          {WEEK.map((name, i) => (
            <Field key={name} label={name}>
              <TextInput id={`edit-week-${i + 1}`} value={form.week[i]} onChange={(v) => set('week', form.week.map((w, j) => (j === i ? v : w)))} placeholder='休息' maxlength={60} />
            </Field>
          ))}
        </Field>
      </View>
      {textSection('exceptions')}
      <View id='edit-services'>
        <Field label='服务项目' required error={errors.services}>
          <View className='chips sp-chips--form'>
            {SERVICE_CODES.map((code) => (
              <Button key={code} id={`edit-service-${code}`} role='checkbox' checked={form.services.includes(code)} className={`chip ${form.services.includes(code) ? 'chip--on' : ''}`} onClick={() => toggle(code)}>
                {SERVICE_LABELS[code]}
              </Button>
            ))}
          </View>
        </Field>
      </View>
      {(['processes', 'commitments', 'fees', 'channels'] as const).map(textSection)}
      <View id='edit-contact'>
        <Field label='联系电话' required error={errors.contact}>
          <TextInput id='edit-phone' value={form.phone} onChange={(v) => set('phone', v)} maxlength={20} type='text' />
        </Field>
        <Field label='联系人'>
          <TextInput id='edit-person' value={form.personName} onChange={(v) => set('personName', v)} maxlength={20} />
        </Field>
      </View>
      <View id='edit-photos-section'>
        <Field label='站点照片' hint='门头、店内、价目表等，审核通过后公开'>
          <PhotoPicker idPrefix='edit-photo' photos={photos} onChange={(u) => setPhotos(u)} onBusyChange={setUploading} max={STATION_PHOTOS_MAX} hint='可加可删' error={fieldError(propose.error, 'photos')} />
        </Field>
      </View>
      {Object.keys(errors).length ? <Notice tone='warn' text='有填写不对的地方，请看红字提示' /> : null}
      {propose.error && !Object.keys(errors).length ? <Notice id='edit-error' tone='danger' text={propose.error.message} /> : null}
      <SubmitButton id='btn-propose' text={draft.pending ? '提交（替换待审核的修改）' : '提交审核'} busy={propose.busy} onClick={() => void propose.run()} />
    </View>
  );
}

function ClosureForm({ draft, onSent }: { draft: EditDraft; onSent: (message: string) => void }) {
  const today = toShanghai(new Date()).date;
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(today);
  const close = useAction(() => edits.close({ stationId: draft.station.id, reason: reason.trim(), from: today, until }), {
    confirm: () => ({ title: '临时闭店', content: `站点页面会立即显示“临时闭店”，到 ${formatDay(until)} 为止。确定吗？`, confirmText: '确定闭店' }),
    onDone: () => onSent('已发布临时闭店，县级主管部门会事后核实'),
    onError: () => scrollIntoView('closure-form'),
  });
  return (
    <View id='closure-form' className='sp-form'>
      <Text className='sp-form__title'>临时闭店</Text>
      <Notice tone='info' text='临时闭店立即在站点页面显示，村民不会白跑；县级主管部门事后核实。最长 30 天。' />
      {draft.closure ? <Notice id='closure-current' tone='warn' title='正在临时闭店' text={`${draft.closure.reason}：${formatDay(draft.closure.from)} 至 ${formatDay(draft.closure.until)}`} /> : null}
      <Field label='闭店原因' required error={fieldError(close.error, 'reason')}>
        <TextInput id='closure-reason' value={reason} onChange={setReason} maxlength={30} placeholder='例：站长外出培训' />
      </Field>
      <Field label='最后一天' required error={fieldError(close.error, 'until')}>
        <DateField id='closure-until' value={until} onChange={setUntil} start={today} end={addDays(today, 29)} />
      </Field>
      {close.error && !fieldError(close.error, 'reason') && !fieldError(close.error, 'until') ? <Notice tone='danger' text={close.error.message} /> : null}
      <SubmitButton id='btn-close' tone='danger' text='发布临时闭店' busy={close.busy} onClick={() => void close.run()} />
    </View>
  );
}

export default function EditStationPage() {
  const stationId = useRouter().params.stationId ?? '';
  const draft = useLoad(() => edits.draft(stationId), [stationId]);
  const [sent, setSent] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const withdraw = useAction((id: string) => edits.withdraw(id), {
    confirm: { title: '撤回修改', content: '撤回后这次修改不会再审核。确定撤回吗？', confirmText: '确定撤回' },
    onDone: () => done('已撤回'),
  });
  const done = (message: string) => {
    setSent(message);
    toast(message, 'success');
    draft.reload();
    setRound((r) => r + 1);
  };
  useEffect(() => {
    if (sent) scrollIntoView('edit-sent');
  }, [sent]);
  return (
    <LoadedPage id='page-station-edit' heading='修改站点信息' load={draft} loadingId='edit-loading' errorId='edit-load-error' rows={3}>
      {(d) => (
        <>
          <View className='section'>
            <Text id='edit-station-name' className='section__title'>
              {d.station.name}
            </Text>
            <Text className='sp-item__line'>信息核实于 {formatDay(d.station.infoConfirmedOn)}。修改后由县级主管部门审核，通过后才公开。</Text>
          </View>
          {sent ? <Notice id='edit-sent' tone='ok' title={sent} /> : null}
          {d.pending ? (
            <View id='edit-pending' className='sp-item'>
              <ItemHead title='待审核的修改' status={d.pending.statusLabel} tone='warn' />
              <Text className='sp-item__line'>提交于 {formatDateTime(d.pending.createdAt)}</Text>
              <EditDiff id='edit-pending-diff' diff={d.pending.diff ?? []} photos={d.pending.photos} />
              <SubmitButton id='btn-withdraw' tone='ghost' text='撤回这次修改' busy={withdraw.busy} onClick={() => void withdraw.run(d.pending!.id)} />
            </View>
          ) : null}
          <Form key={`form-${round}`} draft={d} onSent={done} />
          <ClosureForm key={`closure-${round}`} draft={d} onSent={done} />
          {d.history.length ? (
            <View id='edit-history' className='section'>
              <Text className='section__title'>最近的修改</Text>
              {d.history.map((h) => (
                <View key={h.id} id={`history-${h.id}`} className='sp-item'>
                  <ItemHead title={h.kindLabel} status={h.statusLabel} tone={h.status === 'approved' ? 'ok' : h.status === 'returned' ? 'danger' : h.status === 'pending' ? 'warn' : 'muted'} />
                  <Text className='sp-item__line'>{formatDateTime(h.createdAt)}</Text>
                  {h.comment ? <Notice tone={h.status === 'returned' ? 'warn' : 'info'} title='审核意见' text={h.comment} /> : null}
                </View>
              ))}
            </View>
          ) : null}
        </>
      )}
    </LoadedPage>
  );
}
