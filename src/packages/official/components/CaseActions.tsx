/**
 * The buttons for one complaint — exactly the server's `allowedActions` — and the small form
 * each one needs. Every write sends the case's `version`; a CONFLICT answer goes to `onConflict`
 * (the page reloads and says so), other errors show here with the server's message.
 */
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { MAX_DESCRIPTION, MAX_ENTRY_PHOTOS, MIN_REPLY } from '@core/complaint/limits';
import { OPEN_STATUSES, REFUSAL_REASONS, TRANSFER_DEPARTMENTS, TRANSFER_LABELS, type RefusalReason, type TransferDepartment } from '@core/complaint/model';
import { visibleLength } from '@core/shared/limits';
import { complaintsAdmin, type ComplaintCaseView, type ComplaintListItem } from '../../../services/complaints-admin';
import { toApiError, type ApiError } from '../../../services/transport';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { buttonsFor, DONE_MESSAGES, type CaseAction } from '../utils/actions';
import Button from '../../../ui/Button';
import { confirm, type Confirmation } from '../../../ui/dialogs';
import { formatDay } from '../../../ui/format';
import DateField from './DateField';
import OptionButton from './OptionButton';
import { askForOfficialUpdates } from '../../../services/subscribe';
import PhotoPicker from '../../../components/complaint/PhotoPicker';
import type { DraftPhoto } from '../../../store/complaintDraft';

interface Props {
  c: ComplaintCaseView;
  onChanged: (view: ComplaintCaseView, message: string) => void;
  onConflict: (error: ApiError) => void;
}

const MAX_EXTEND = 10;
/** 无法解决 is an outcome of its own (the reason is required and shown to the complainant). */
const REPLY_OUTCOMES = [
  ['handled', '已办理'],
  ['unresolvable', '无法解决'],
] as const;

/** What the panels' fields hold; all of it goes back to empty after a successful action. */
const EMPTY_DRAFT = {
  refuseReason: null as RefusalReason | null,
  refuseText: '',
  replyText: '',
  replyPhotos: [] as DraftPhoto[],
  progressText: '',
  progressPhotos: [] as DraftPhoto[],
  extendReason: '',
  noteText: '',
  declineReason: '',
  extDueOn: '',
  extReason: '',
  extNote: '',
  supInstruction: '',
  supDueOn: '',
  supAnswer: '',
  outcome: 'handled' as 'handled' | 'unresolvable',
  unresolvedReason: '',
  dept: null as TransferDepartment | null,
  deptName: '',
  deptRef: '',
  deptNote: '',
  mergeInto: null as string | null,
};
type Draft = typeof EMPTY_DRAFT;

/** One action's form: an optional lead, its fields, its submit button(s). */
function Panel({ id, lead, submit, children }: { id: string; lead?: ReactNode; submit?: Parameters<typeof SubmitButton>[0]; children?: ReactNode }) {
  return (
    <View id={id} className='sp-panel'>
      {lead ? <Text className='sp-panel__lead'>{lead}</Text> : null}
      {children}
      {submit ? <SubmitButton {...submit} /> : null}
    </View>
  );
}

/**
 * An action's form as data: the checks run in order (the first that fails is shown), then the
 * confirmation when there is one, then the call. Panel and button ids follow the action's name.
 */
interface ActionForm {
  text: string;
  tone?: 'danger';
  lead?: ReactNode;
  checks: [ok: boolean, message: string][];
  ask?: () => Confirmation;
  send: () => Promise<ComplaintCaseView>;
  fields: ReactNode;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

function FormPanel({ action, form, busy, need, run }: { action: CaseAction; form: ActionForm; busy: boolean; need: (ok: boolean, message: string) => boolean; run: (action: CaseAction, call: () => Promise<ComplaintCaseView>) => Promise<void> }) {
  const submit = () => {
    if (!form.checks.every(([ok, message]) => need(ok, message))) return;
    if (!form.ask) return void run(action, form.send);
    void confirm(form.ask()).then((ok) => {
      if (ok) void run(action, form.send);
    });
  };
  return (
    <Panel id={`panel-${kebab(action)}`} lead={form.lead} submit={{ id: `btn-submit-${kebab(action)}`, text: form.text, tone: form.tone, busy, onClick: submit }}>
      {form.fields}
    </Panel>
  );
}

/** A required text box; the server names its error by `name`. */
function AreaField({ label, hint, name, error, ...input }: { label: string; hint?: string; name: string; error: ApiError | null } & Parameters<typeof TextArea>[0]) {
  return (
    <Field label={label} required hint={hint} error={fieldError(error, name)}>
      <TextArea {...input} />
    </Field>
  );
}

export default function CaseActions({ c, onChanged, onConflict }: Props) {
  const buttons = buttonsFor(c.allowedActions);
  const [panel, setPanel] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);
  const [hint, setHint] = useState<string | null>(null);

  const [d, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const put =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((x) => ({ ...x, [k]: v }));
  const [uploading, setUploading] = useState(0);
  const [extendDays, setExtendDays] = useState(5);
  const [candidates, setCandidates] = useState<ComplaintListItem[] | null>(null);
  const [candidatesError, setCandidatesError] = useState<ApiError | null>(null);

  const base = { id: c.id, version: c.version };

  async function run(action: CaseAction, call: () => Promise<ComplaintCaseView>) {
    if (busy) return;
    setBusy(action);
    setError(null);
    setHint(null);
    try {
      const view = await call();
      setPanel(null);
      setDraft(EMPTY_DRAFT);
      onChanged(view, DONE_MESSAGES[action]);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFLICT') {
        setPanel(null);
        onConflict(err);
      } else {
        setError(err);
      }
    } finally {
      setBusy(null);
    }
  }

  function loadCandidates() {
    setCandidates(null);
    setCandidatesError(null);
    complaintsAdmin.queue({ stationId: c.stationId, limit: 50 }).then(
      (page) => setCandidates(page.items.filter((i) => i.id !== c.id && OPEN_STATUSES.includes(i.status))),
      (e) => setCandidatesError(toApiError(e)),
    );
  }

  function tap(action: CaseAction) {
    setError(null);
    setHint(null);
    // The tap is the gesture WeChat needs to ask for consent: ask for what will come back to this official.
    if (action === 'accept' || action === 'assign') askForOfficialUpdates(['complaint_returned', 'extension_requested', 'complaint_supervised']);
    if (action === 'supervise') askForOfficialUpdates(['supervision_answered']);
    if (action === 'accept') return run('accept', () => complaintsAdmin.accept(base));
    if (action === 'release') return run('release', () => complaintsAdmin.release(base));
    if (action === 'approveExtension') {
      const r = c.extensionRequest;
      return void confirm({
        title: '同意延期',
        content: r ? `答复期限延至 ${formatDay(r.dueOn)}，并通知投诉人新的日期。每件投诉只能延期一次。` : '同意承办单位的延期申请？',
        confirmText: '同意',
      }).then((ok) => {
        if (ok) void run('approveExtension', () => complaintsAdmin.approveExtension(base));
      });
    }
    if (action === 'receive') {
      // 签收 rules out 退单 afterwards: ask first.
      return void confirm({ title: '确认签收', content: '签收后由您负责办理和答复，不能再退单。', confirmText: '签收' }).then(
        (ok) => {
          if (ok) void run('receive', () => complaintsAdmin.receive(base));
        },
      );
    }
    const next = panel === action ? null : action;
    setPanel(next);
    if (next === 'merge') loadCandidates();
  }

  const need = (ok: boolean, message: string) => {
    if (!ok) setHint(message);
    return ok;
  };

  const uploadingCheck: [boolean, string] = [!uploading, '照片还在上传，请稍等'];
  const photoIds = (photos: DraftPhoto[]) => (photos.length ? { photos: photos.map((p) => p.id) } : {});
  const forms: Partial<Record<CaseAction, ActionForm>> = {
    refuse: {
      text: '确定不予受理',
      tone: 'danger',
      checks: [[!!d.refuseReason, '请选择不予受理的原因'], [!!d.refuseText.trim(), '请填写说明']],
      send: () => complaintsAdmin.refuse({ ...base, reason: d.refuseReason as RefusalReason, text: d.refuseText.trim() }),
      fields: (
        <>
          <Field label='不予受理的原因' required error={fieldError(error, 'reason')}>
            <Choices idPrefix='refuse-reason' options={REFUSAL_REASONS} value={d.refuseReason} onChange={put('refuseReason')} />
          </Field>
          <AreaField label='说明（会告知投诉人）' name='text' error={error} id='refuse-text' value={d.refuseText} onChange={put('refuseText')} maxlength={500} placeholder='请写明不予受理的理由，以及投诉人可以去哪里反映' />
        </>
      ),
    },
    reply: {
      text: '提交答复',
      checks: [[visibleLength(d.replyText) >= MIN_REPLY, `答复至少 ${MIN_REPLY} 个字`], uploadingCheck, ...(d.outcome === 'unresolvable' ? [[!!d.unresolvedReason.trim(), '请写明无法解决的原因'] as [boolean, string]] : [])],
      send: () => complaintsAdmin.reply({ ...base, text: d.replyText.trim(), ...(d.outcome === 'unresolvable' ? { unresolvable: true, unresolvableReason: d.unresolvedReason.trim() } : {}), ...photoIds(d.replyPhotos) }),
      fields: (
        <>
          <Field label='办理结果' required>
            <Choices idPrefix='reply-outcome' options={REPLY_OUTCOMES} value={d.outcome} onChange={put('outcome')} />
          </Field>
          {d.outcome === 'unresolvable' ? (
            <AreaField label='无法解决的原因（投诉人会看到）' name='unresolvableReason' error={error} id='reply-unresolvable-reason' value={d.unresolvedReason} onChange={put('unresolvedReason')} maxlength={300} placeholder='例如：站点已注销，经营者下落不明' />
          ) : null}
          <AreaField label='答复内容（投诉人会看到）' hint='写清查明的情况、处理结果和整改措施' name='text' error={error} id='reply-text' value={d.replyText} onChange={put('replyText')} maxlength={MAX_DESCRIPTION} placeholder='例如：经核实，站点已退还多收的费用 5 元，并在店内张贴收费标准。' />
          <PhotoPicker idPrefix='reply-photo' photos={d.replyPhotos} onChange={(u) => setDraft((x) => ({ ...x, replyPhotos: u(x.replyPhotos) }))} onBusyChange={setUploading} max={MAX_ENTRY_PHOTOS} hint='选填：退款凭证、整改后的照片' />
        </>
      ),
    },
    progress: {
      text: '发布办理进展',
      checks: [[visibleLength(d.progressText) >= MIN_REPLY, `至少 ${MIN_REPLY} 个字`], uploadingCheck],
      send: () => complaintsAdmin.progress({ ...base, text: d.progressText.trim(), ...photoIds(d.progressPhotos) }),
      fields: (
        <>
          <AreaField label='办理进展（投诉人会看到）' hint='还没办完时，告诉投诉人做到哪一步了' name='text' error={error} id='progress-text' value={d.progressText} onChange={put('progressText')} maxlength={1000} placeholder='例如：已约谈站长，正在核对收费记录。' />
          <PhotoPicker idPrefix='progress-photo' photos={d.progressPhotos} onChange={(u) => setDraft((x) => ({ ...x, progressPhotos: u(x.progressPhotos) }))} onBusyChange={setUploading} max={MAX_ENTRY_PHOTOS} hint='选填' />
        </>
      ),
    },
    extend: {
      text: `延期 ${extendDays} 个工作日`,
      checks: [[!!d.extendReason.trim(), '请填写延期理由']],
      send: () => complaintsAdmin.extend({ ...base, workdays: extendDays, reason: d.extendReason.trim() }),
      fields: (
        <>
          <Field label='延长几个工作日（只能延期一次，最多 10 个）' required error={fieldError(error, 'workdays')}>
            <View className='sp-stepper'>
              <Button id='extend-minus' className={`btn ${extendDays <= 1 ? 'btn--disabled' : 'btn--ghost'}`} onClick={() => setExtendDays(Math.max(1, extendDays - 1))}>
                －
              </Button>
              <Text id='extend-days' className='sp-stepper__value'>
                {extendDays} 个工作日
              </Text>
              <Button id='extend-plus' className={`btn ${extendDays >= MAX_EXTEND ? 'btn--disabled' : 'btn--ghost'}`} onClick={() => setExtendDays(Math.min(MAX_EXTEND, extendDays + 1))}>
                ＋
              </Button>
            </View>
          </Field>
          <AreaField label='延期理由' name='reason' error={error} id='extend-reason' value={d.extendReason} onChange={put('extendReason')} maxlength={200} placeholder='例如：需要快递公司出具丢件证明' />
        </>
      ),
    },
    requestExtension: {
      text: '提交延期申请',
      lead: <>现在的答复期限是 {c.replyDueOn ? formatDay(c.replyDueOn) : '—'}。延期要县级主管部门同意，最多延长 {MAX_EXTEND} 个工作日，只能延期一次。</>,
      checks: [[!!d.extDueOn, '请选择延期到哪一天'], [!!d.extReason.trim(), '请填写延期理由']],
      send: () => complaintsAdmin.requestExtension({ ...base, dueOn: d.extDueOn, reason: d.extReason.trim() }),
      fields: (
        <>
          <Field label='延期到哪一天' required error={fieldError(error, 'dueOn')}>
            <DateField id='request-extension-date' value={d.extDueOn} onChange={put('extDueOn')} start={c.replyDueOn ?? undefined} />
          </Field>
          <AreaField label='延期理由' name='reason' error={error} id='request-extension-reason' value={d.extReason} onChange={put('extReason')} maxlength={200} placeholder='例如：需要快递公司出具丢件证明' />
        </>
      ),
    },
    transfer: {
      text: '确定转出',
      tone: 'danger',
      lead: '不属于站点的事项，转交有关部门办理。转出后这件投诉办结，投诉人会收到部门名称和对方编号。',
      checks: [[!!d.dept, '请选择接收部门'], [d.dept !== 'other' || !!d.deptName.trim(), '请填写部门名称'], [!!d.deptRef.trim(), '请填写对方编号'], [!!d.deptNote.trim(), '请填写说明']],
      ask: () => ({ title: '转其他部门', content: `转交${d.dept === 'other' ? d.deptName.trim() : TRANSFER_LABELS[d.dept as TransferDepartment]}办理后，这件投诉即办结，不能撤回。`, confirmText: '转出' }),
      send: () => complaintsAdmin.transfer({ ...base, department: d.dept as TransferDepartment, ...(d.dept === 'other' ? { departmentName: d.deptName.trim() } : {}), reference: d.deptRef.trim(), note: d.deptNote.trim() }),
      fields: (
        <>
          <Field label='接收部门' required error={fieldError(error, 'department')}>
            <Choices idPrefix='transfer-department' options={TRANSFER_DEPARTMENTS} value={d.dept} onChange={put('dept')} />
          </Field>
          {d.dept === 'other' ? (
            <Field label='部门名称' required error={fieldError(error, 'departmentName')}>
              <TextInput id='transfer-department-name' value={d.deptName} onChange={put('deptName')} maxlength={30} placeholder='例如：于都县交通运输局' />
            </Field>
          ) : null}
          <Field label='对方编号' required hint='对方受理后给的编号，投诉人凭它查询' error={fieldError(error, 'reference')}>
            <TextInput id='transfer-reference' value={d.deptRef} onChange={put('deptRef')} maxlength={40} placeholder='例如：YZ20260930-01' />
          </Field>
          <AreaField label='说明（会告知投诉人）' name='note' error={error} id='transfer-note' value={d.deptNote} onChange={put('deptNote')} maxlength={300} placeholder='例如：快递丢失由邮政管理部门依法处理' />
        </>
      ),
    },
    supervise: {
      text: '发出督办',
      lead: '督办后，县级主管部门须在期限内答复；督办会计入统计。',
      checks: [[!!d.supInstruction.trim(), '请填写督办要求'], [!!d.supDueOn, '请选择答复期限']],
      ask: () => ({ title: '发出督办', content: `县级主管部门须在 ${formatDay(d.supDueOn)} 前答复。发出后不能撤回。`, confirmText: '督办' }),
      send: () => complaintsAdmin.supervise({ ...base, instruction: d.supInstruction.trim(), dueOn: d.supDueOn }),
      fields: (
        <>
          <AreaField label='督办要求' name='instruction' error={error} id='supervise-instruction' value={d.supInstruction} onChange={put('supInstruction')} maxlength={300} placeholder='例如：群众反映强烈，请三日内核实并答复处理结果' />
          <Field label='答复期限' required error={fieldError(error, 'dueOn')}>
            <DateField id='supervise-date' value={d.supDueOn} onChange={put('supDueOn')} />
          </Field>
        </>
      ),
    },
    answerSupervision: {
      text: '提交督办答复',
      checks: [[!!d.supAnswer.trim(), '请填写督办答复']],
      send: () => complaintsAdmin.answerSupervision({ ...base, answer: d.supAnswer.trim() }),
      fields: (
        <>
          {c.supervisions?.filter((s) => !s.answer).map((s) => (
            <Text key={s.at} className='sp-panel__lead'>
              {s.levelLabel}：{s.instruction}（{formatDay(s.dueOn)}前答复）
            </Text>
          ))}
          <AreaField label='督办答复（督办单位会看到）' name='answer' error={error} id='supervision-answer' value={d.supAnswer} onChange={put('supAnswer')} maxlength={500} placeholder='写清核查情况和处理措施' />
        </>
      ),
    },
    refuseExtension: {
      text: '不同意延期',
      tone: 'danger',
      checks: [[!!d.extNote.trim(), '请填写不同意的理由']],
      send: () => complaintsAdmin.refuseExtension({ ...base, note: d.extNote.trim() }),
      fields: <AreaField label='不同意的理由（承办单位会看到）' name='note' error={error} id='refuse-extension-note' value={d.extNote} onChange={put('extNote')} maxlength={200} placeholder='例如：事实清楚，请按原期限答复' />,
    },
    decline: {
      text: '确定退单',
      tone: 'danger',
      lead: '转错了单位？退回县级主管部门重新转办。',
      checks: [[!!d.declineReason.trim(), '请填写退单理由']],
      ask: () => ({ title: '确认退单', content: '退单后这件投诉不再由您办理。', confirmText: '退单' }),
      send: () => complaintsAdmin.decline({ ...base, reason: d.declineReason.trim() }),
      fields: <AreaField label='退单理由' name='reason' error={error} id='decline-reason' value={d.declineReason} onChange={put('declineReason')} maxlength={200} placeholder='例如：快递丢件由运营单位负责，不归本站处理' />,
    },
    note: {
      text: '保存备注',
      checks: [[!!d.noteText.trim(), '请填写备注']],
      send: () => complaintsAdmin.note({ id: c.id, text: d.noteText.trim() }),
      fields: <AreaField label='内部备注（投诉人和站点看不到）' name='text' error={error} id='note-text' value={d.noteText} onChange={put('noteText')} maxlength={500} placeholder='例如：已电话联系站长，约定周三现场核查' />,
    },
  };
  const form = panel ? forms[panel] : undefined;

  if (!buttons.length) {
    return (
      <View id='complaint-actions' className='section'>
        <Text id='no-actions' className='text-muted'>
          {OPEN_STATUSES.includes(c.status) ? '这件投诉目前不需要您操作。' : `这件投诉${c.statusLabel}，无需再操作。`}
        </Text>
      </View>
    );
  }

  return (
    <View id='complaint-actions' className='section sp-case-actions'>
      <Text className='section__title'>办理</Text>
      <View className='sp-case-actions__buttons'>
        {buttons.map((b) => (
          <Button
            key={b.action}
            id={b.id}
            className={`btn sp-case-actions__btn ${busy === b.action ? 'btn--disabled' : b.tone === 'danger' ? 'sp-btn--danger' : `btn--${b.tone}`} ${panel === b.action ? 'sp-case-actions__btn--on' : ''}`}
            onClick={() => tap(b.action)}
          >
            {busy === b.action ? '正在处理…' : b.label}
          </Button>
        ))}
      </View>

      {hint ? <Notice id='action-hint' tone='warn' text={hint} /> : null}
      {error ? <Notice id='action-error' tone='danger' title='没有成功' text={error.message} /> : null}

      {panel === 'assign' ? (
        <Panel id='panel-assign' lead='转给谁办理？对方会看到这件投诉并负责答复。'>
          <SubmitButton id='btn-assign-operator' text={`转运营单位：${c.operatorName}`} tone='secondary' busy={busy === 'assign'} onClick={() => void run('assign', () => complaintsAdmin.assign({ ...base, to: 'operator' }))} />
          <SubmitButton id='btn-assign-station' text={`转站点：${c.stationName}`} tone='ghost' busy={busy === 'assign'} onClick={() => void run('assign', () => complaintsAdmin.assign({ ...base, to: 'station' }))} />
        </Panel>
      ) : null}

      {panel === 'merge' ? (
        <Panel
          id='panel-merge'
          lead='把这件投诉并入同一站点的另一件未办结投诉（重复投诉）。并单后这件不再单独办理。'
          submit={
            candidates && candidates.length
              ? { id: 'btn-submit-merge', text: '并入选中的投诉', busy: busy === 'merge', disabled: !d.mergeInto, onClick: () => d.mergeInto && void run('merge', () => complaintsAdmin.merge({ ...base, intoId: d.mergeInto! })) }
              : undefined
          }
        >
          {!candidates && !candidatesError ? <Text className='text-muted'>正在查找同一站点的投诉…</Text> : null}
          {candidatesError ? (
            <Notice tone='danger' text={candidatesError.message}>
              <Button id='merge-retry' className='btn btn--ghost btn--small btn--inline' onClick={loadCandidates}>
                重试
              </Button>
            </Notice>
          ) : null}
          {candidates && !candidates.length ? <Text id='merge-none' className='text-muted'>同一站点没有其他未办结的投诉。</Text> : null}
          {candidates?.map((m) => (
            <OptionButton key={m.id} id={`merge-option-${m.id}`} title={`${m.trackingNo} · ${m.categoryLabel}`} sub={m.statusLabel} on={d.mergeInto === m.id} onClick={() => put('mergeInto')(m.id)} />
          ))}
        </Panel>
      ) : null}

      {form ? <FormPanel key={panel} action={panel!} form={form} busy={busy === panel} need={need} run={run} /> : null}
    </View>
  );
}
