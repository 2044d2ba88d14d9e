/**
 * The buttons for one complaint — exactly the server's `allowedActions` — and the small form
 * each one needs. Every write sends the case's `version`; a CONFLICT answer goes to `onConflict`
 * (the page reloads and says so), other errors show here with the server's message.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_DESCRIPTION, MAX_ENTRY_PHOTOS, MIN_REPLY } from '@core/complaint/limits';
import { OPEN_STATUSES, REFUSAL_REASONS, TRANSFER_DEPARTMENTS, TRANSFER_LABELS, type RefusalReason, type TransferDepartment } from '@core/complaint/model';
import { visibleLength } from '@core/shared/limits';
import { complaintsAdmin, type ComplaintCaseView, type ComplaintListItem } from '../../../services/complaints-admin';
import { toApiError, type ApiError } from '../../../services/transport';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { buttonsFor, DONE_MESSAGES, type CaseAction } from '../utils/actions';
import Button from '../../../ui/Button';
import { confirm } from '../../../ui/dialogs';
import { formatDay } from '../../../ui/format';
import DateField from './DateField';
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

export default function CaseActions({ c, onChanged, onConflict }: Props) {
  const buttons = buttonsFor(c.allowedActions);
  const [panel, setPanel] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);
  const [hint, setHint] = useState<string | null>(null);

  const [refuseReason, setRefuseReason] = useState<RefusalReason | null>(null);
  const [refuseText, setRefuseText] = useState('');
  const [replyText, setReplyText] = useState('');
  const [replyPhotos, setReplyPhotos] = useState<DraftPhoto[]>([]);
  const [progressText, setProgressText] = useState('');
  const [progressPhotos, setProgressPhotos] = useState<DraftPhoto[]>([]);
  const [uploading, setUploading] = useState(0);
  const [extendDays, setExtendDays] = useState(5);
  const [extendReason, setExtendReason] = useState('');
  const [noteText, setNoteText] = useState('');
  const [declineReason, setDeclineReason] = useState('');
  const [extDueOn, setExtDueOn] = useState('');
  const [extReason, setExtReason] = useState('');
  const [extNote, setExtNote] = useState('');
  const [supInstruction, setSupInstruction] = useState('');
  const [supDueOn, setSupDueOn] = useState('');
  const [supAnswer, setSupAnswer] = useState('');
  const [outcome, setOutcome] = useState<'handled' | 'unresolvable'>('handled');
  const [unresolvedReason, setUnresolvedReason] = useState('');
  const [dept, setDept] = useState<TransferDepartment | null>(null);
  const [deptName, setDeptName] = useState('');
  const [deptRef, setDeptRef] = useState('');
  const [deptNote, setDeptNote] = useState('');
  const [mergeInto, setMergeInto] = useState<string | null>(null);
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
      setReplyText('');
      setReplyPhotos([]);
      setProgressText('');
      setProgressPhotos([]);
      setRefuseText('');
      setRefuseReason(null);
      setExtendReason('');
      setNoteText('');
      setDeclineReason('');
      setExtDueOn('');
      setExtReason('');
      setExtNote('');
      setSupInstruction('');
      setSupDueOn('');
      setSupAnswer('');
      setOutcome('handled');
      setUnresolvedReason('');
      setDept(null);
      setDeptName('');
      setDeptRef('');
      setDeptNote('');
      setMergeInto(null);
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

      {panel === 'refuse' ? (
        <View id='panel-refuse' className='sp-panel'>
          <Field label='不予受理的原因' required error={fieldError(error, 'reason')}>
            <Choices idPrefix='refuse-reason' options={REFUSAL_REASONS} value={refuseReason} onChange={setRefuseReason} />
          </Field>
          <Field label='说明（会告知投诉人）' required error={fieldError(error, 'text')}>
            <TextArea id='refuse-text' value={refuseText} onChange={setRefuseText} maxlength={500} placeholder='请写明不予受理的理由，以及投诉人可以去哪里反映' />
          </Field>
          <SubmitButton
            id='btn-submit-refuse'
            text='确定不予受理'
            tone='danger'
            busy={busy === 'refuse'}
            onClick={() => {
              if (!need(!!refuseReason, '请选择不予受理的原因') || !need(!!refuseText.trim(), '请填写说明')) return;
              void run('refuse', () => complaintsAdmin.refuse({ ...base, reason: refuseReason as RefusalReason, text: refuseText.trim() }));
            }}
          />
        </View>
      ) : null}

      {panel === 'assign' ? (
        <View id='panel-assign' className='sp-panel'>
          <Text className='sp-panel__lead'>转给谁办理？对方会看到这件投诉并负责答复。</Text>
          <SubmitButton id='btn-assign-operator' text={`转运营单位：${c.operatorName}`} tone='secondary' busy={busy === 'assign'} onClick={() => void run('assign', () => complaintsAdmin.assign({ ...base, to: 'operator' }))} />
          <SubmitButton id='btn-assign-station' text={`转站点：${c.stationName}`} tone='ghost' busy={busy === 'assign'} onClick={() => void run('assign', () => complaintsAdmin.assign({ ...base, to: 'station' }))} />
        </View>
      ) : null}

      {panel === 'reply' ? (
        <View id='panel-reply' className='sp-panel'>
          <Field label='办理结果' required>
            <Choices idPrefix='reply-outcome' options={REPLY_OUTCOMES} value={outcome} onChange={setOutcome} />
          </Field>
          {outcome === 'unresolvable' ? (
            <Field label='无法解决的原因（投诉人会看到）' required error={fieldError(error, 'unresolvableReason')}>
              <TextArea id='reply-unresolvable-reason' value={unresolvedReason} onChange={setUnresolvedReason} maxlength={300} placeholder='例如：站点已注销，经营者下落不明' />
            </Field>
          ) : null}
          <Field label='答复内容（投诉人会看到）' required hint='写清查明的情况、处理结果和整改措施' error={fieldError(error, 'text')}>
            <TextArea id='reply-text' value={replyText} onChange={setReplyText} maxlength={MAX_DESCRIPTION} placeholder='例如：经核实，站点已退还多收的费用 5 元，并在店内张贴收费标准。' />
          </Field>
          <PhotoPicker idPrefix='reply-photo' photos={replyPhotos} onChange={(u) => setReplyPhotos(u)} onBusyChange={setUploading} max={MAX_ENTRY_PHOTOS} hint='选填：退款凭证、整改后的照片' />
          <SubmitButton
            id='btn-submit-reply'
            text='提交答复'
            busy={busy === 'reply'}
            onClick={() => {
              if (!need(visibleLength(replyText) >= MIN_REPLY, `答复至少 ${MIN_REPLY} 个字`) || !need(!uploading, '照片还在上传，请稍等')) return;
              const photos = replyPhotos.length ? { photos: replyPhotos.map((p) => p.id) } : {};
              if (outcome === 'unresolvable') {
                if (!need(!!unresolvedReason.trim(), '请写明无法解决的原因')) return;
                void run('reply', () => complaintsAdmin.reply({ ...base, text: replyText.trim(), unresolvable: true, unresolvableReason: unresolvedReason.trim(), ...photos }));
                return;
              }
              void run('reply', () => complaintsAdmin.reply({ ...base, text: replyText.trim(), ...photos }));
            }}
          />
        </View>
      ) : null}

      {panel === 'progress' ? (
        <View id='panel-progress' className='sp-panel'>
          <Field label='办理进展（投诉人会看到）' required hint='还没办完时，告诉投诉人做到哪一步了' error={fieldError(error, 'text')}>
            <TextArea id='progress-text' value={progressText} onChange={setProgressText} maxlength={1000} placeholder='例如：已约谈站长，正在核对收费记录。' />
          </Field>
          <PhotoPicker idPrefix='progress-photo' photos={progressPhotos} onChange={(u) => setProgressPhotos(u)} onBusyChange={setUploading} max={MAX_ENTRY_PHOTOS} hint='选填' />
          <SubmitButton
            id='btn-submit-progress'
            text='发布办理进展'
            busy={busy === 'progress'}
            onClick={() => {
              if (!need(visibleLength(progressText) >= MIN_REPLY, `至少 ${MIN_REPLY} 个字`) || !need(!uploading, '照片还在上传，请稍等')) return;
              const photos = progressPhotos.length ? { photos: progressPhotos.map((p) => p.id) } : {};
              void run('progress', () => complaintsAdmin.progress({ ...base, text: progressText.trim(), ...photos }));
            }}
          />
        </View>
      ) : null}

      {panel === 'extend' ? (
        <View id='panel-extend' className='sp-panel'>
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
          <Field label='延期理由' required error={fieldError(error, 'reason')}>
            <TextArea id='extend-reason' value={extendReason} onChange={setExtendReason} maxlength={200} placeholder='例如：需要快递公司出具丢件证明' />
          </Field>
          <SubmitButton
            id='btn-submit-extend'
            text={`延期 ${extendDays} 个工作日`}
            busy={busy === 'extend'}
            onClick={() => {
              if (!need(!!extendReason.trim(), '请填写延期理由')) return;
              void run('extend', () => complaintsAdmin.extend({ ...base, workdays: extendDays, reason: extendReason.trim() }));
            }}
          />
        </View>
      ) : null}

      {panel === 'merge' ? (
        <View id='panel-merge' className='sp-panel'>
          <Text className='sp-panel__lead'>把这件投诉并入同一站点的另一件未办结投诉（重复投诉）。并单后这件不再单独办理。</Text>
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
            <Button key={m.id} id={`merge-option-${m.id}`} className={`sp-option ${mergeInto === m.id ? 'sp-option--on' : ''}`} onClick={() => setMergeInto(m.id)}>
              <Text className='sp-option__mark'>{mergeInto === m.id ? '●' : '○'}</Text>
              <View className='sp-option__body'>
                <Text className='sp-option__title'>
                  {m.trackingNo} · {m.categoryLabel}
                </Text>
                <Text className='sp-option__sub'>{m.statusLabel}</Text>
              </View>
            </Button>
          ))}
          {candidates && candidates.length ? (
            <SubmitButton
              id='btn-submit-merge'
              text='并入选中的投诉'
              busy={busy === 'merge'}
              disabled={!mergeInto}
              onClick={() => mergeInto && void run('merge', () => complaintsAdmin.merge({ ...base, intoId: mergeInto }))}
            />
          ) : null}
        </View>
      ) : null}

      {panel === 'requestExtension' ? (
        <View id='panel-request-extension' className='sp-panel'>
          <Text className='sp-panel__lead'>
            现在的答复期限是 {c.replyDueOn ? formatDay(c.replyDueOn) : '—'}。延期要县级主管部门同意，最多延长 {MAX_EXTEND} 个工作日，只能延期一次。
          </Text>
          <Field label='延期到哪一天' required error={fieldError(error, 'dueOn')}>
            <DateField id='request-extension-date' value={extDueOn} onChange={setExtDueOn} start={c.replyDueOn ?? undefined} />
          </Field>
          <Field label='延期理由' required error={fieldError(error, 'reason')}>
            <TextArea id='request-extension-reason' value={extReason} onChange={setExtReason} maxlength={200} placeholder='例如：需要快递公司出具丢件证明' />
          </Field>
          <SubmitButton
            id='btn-submit-request-extension'
            text='提交延期申请'
            busy={busy === 'requestExtension'}
            onClick={() => {
              if (!need(!!extDueOn, '请选择延期到哪一天') || !need(!!extReason.trim(), '请填写延期理由')) return;
              void run('requestExtension', () => complaintsAdmin.requestExtension({ ...base, dueOn: extDueOn, reason: extReason.trim() }));
            }}
          />
        </View>
      ) : null}

      {panel === 'transfer' ? (
        <View id='panel-transfer' className='sp-panel'>
          <Text className='sp-panel__lead'>不属于站点的事项，转交有关部门办理。转出后这件投诉办结，投诉人会收到部门名称和对方编号。</Text>
          <Field label='接收部门' required error={fieldError(error, 'department')}>
            <Choices idPrefix='transfer-department' options={TRANSFER_DEPARTMENTS} value={dept} onChange={setDept} />
          </Field>
          {dept === 'other' ? (
            <Field label='部门名称' required error={fieldError(error, 'departmentName')}>
              <TextInput id='transfer-department-name' value={deptName} onChange={setDeptName} maxlength={30} placeholder='例如：于都县交通运输局' />
            </Field>
          ) : null}
          <Field label='对方编号' required hint='对方受理后给的编号，投诉人凭它查询' error={fieldError(error, 'reference')}>
            <TextInput id='transfer-reference' value={deptRef} onChange={setDeptRef} maxlength={40} placeholder='例如：YZ20260930-01' />
          </Field>
          <Field label='说明（会告知投诉人）' required error={fieldError(error, 'note')}>
            <TextArea id='transfer-note' value={deptNote} onChange={setDeptNote} maxlength={300} placeholder='例如：快递丢失由邮政管理部门依法处理' />
          </Field>
          <SubmitButton
            id='btn-submit-transfer'
            text='确定转出'
            tone='danger'
            busy={busy === 'transfer'}
            onClick={() => {
              if (!need(!!dept, '请选择接收部门') || !need(dept !== 'other' || !!deptName.trim(), '请填写部门名称') || !need(!!deptRef.trim(), '请填写对方编号') || !need(!!deptNote.trim(), '请填写说明')) return;
              const name = dept === 'other' ? deptName.trim() : TRANSFER_LABELS[dept as TransferDepartment];
              void confirm({ title: '转其他部门', content: `转交${name}办理后，这件投诉即办结，不能撤回。`, confirmText: '转出' }).then((ok) => {
                if (ok)
                  void run('transfer', () =>
                    complaintsAdmin.transfer({ ...base, department: dept as TransferDepartment, ...(dept === 'other' ? { departmentName: deptName.trim() } : {}), reference: deptRef.trim(), note: deptNote.trim() }),
                  );
              });
            }}
          />
        </View>
      ) : null}

      {panel === 'supervise' ? (
        <View id='panel-supervise' className='sp-panel'>
          <Text className='sp-panel__lead'>督办后，县级主管部门须在期限内答复；督办会计入统计。</Text>
          <Field label='督办要求' required error={fieldError(error, 'instruction')}>
            <TextArea id='supervise-instruction' value={supInstruction} onChange={setSupInstruction} maxlength={300} placeholder='例如：群众反映强烈，请三日内核实并答复处理结果' />
          </Field>
          <Field label='答复期限' required error={fieldError(error, 'dueOn')}>
            <DateField id='supervise-date' value={supDueOn} onChange={setSupDueOn} />
          </Field>
          <SubmitButton
            id='btn-submit-supervise'
            text='发出督办'
            busy={busy === 'supervise'}
            onClick={() => {
              if (!need(!!supInstruction.trim(), '请填写督办要求') || !need(!!supDueOn, '请选择答复期限')) return;
              void confirm({ title: '发出督办', content: `县级主管部门须在 ${formatDay(supDueOn)} 前答复。发出后不能撤回。`, confirmText: '督办' }).then((ok) => {
                if (ok) void run('supervise', () => complaintsAdmin.supervise({ ...base, instruction: supInstruction.trim(), dueOn: supDueOn }));
              });
            }}
          />
        </View>
      ) : null}

      {panel === 'answerSupervision' ? (
        <View id='panel-answer-supervision' className='sp-panel'>
          {c.supervisions?.filter((s) => !s.answer).map((s) => (
            <Text key={s.at} className='sp-panel__lead'>
              {s.levelLabel}：{s.instruction}（{formatDay(s.dueOn)}前答复）
            </Text>
          ))}
          <Field label='督办答复（督办单位会看到）' required error={fieldError(error, 'answer')}>
            <TextArea id='supervision-answer' value={supAnswer} onChange={setSupAnswer} maxlength={500} placeholder='写清核查情况和处理措施' />
          </Field>
          <SubmitButton
            id='btn-submit-answer-supervision'
            text='提交督办答复'
            busy={busy === 'answerSupervision'}
            onClick={() => {
              if (!need(!!supAnswer.trim(), '请填写督办答复')) return;
              void run('answerSupervision', () => complaintsAdmin.answerSupervision({ ...base, answer: supAnswer.trim() }));
            }}
          />
        </View>
      ) : null}

      {panel === 'refuseExtension' ? (
        <View id='panel-refuse-extension' className='sp-panel'>
          <Field label='不同意的理由（承办单位会看到）' required error={fieldError(error, 'note')}>
            <TextArea id='refuse-extension-note' value={extNote} onChange={setExtNote} maxlength={200} placeholder='例如：事实清楚，请按原期限答复' />
          </Field>
          <SubmitButton
            id='btn-submit-refuse-extension'
            text='不同意延期'
            tone='danger'
            busy={busy === 'refuseExtension'}
            onClick={() => {
              if (!need(!!extNote.trim(), '请填写不同意的理由')) return;
              void run('refuseExtension', () => complaintsAdmin.refuseExtension({ ...base, note: extNote.trim() }));
            }}
          />
        </View>
      ) : null}

      {panel === 'decline' ? (
        <View id='panel-decline' className='sp-panel'>
          <Text className='sp-panel__lead'>转错了单位？退回县级主管部门重新转办。</Text>
          <Field label='退单理由' required error={fieldError(error, 'reason')}>
            <TextArea id='decline-reason' value={declineReason} onChange={setDeclineReason} maxlength={200} placeholder='例如：快递丢件由运营单位负责，不归本站处理' />
          </Field>
          <SubmitButton
            id='btn-submit-decline'
            text='确定退单'
            tone='danger'
            busy={busy === 'decline'}
            onClick={() => {
              if (!need(!!declineReason.trim(), '请填写退单理由')) return;
              void confirm({ title: '确认退单', content: '退单后这件投诉不再由您办理。', confirmText: '退单' }).then(
                (ok) => {
                  if (ok) void run('decline', () => complaintsAdmin.decline({ ...base, reason: declineReason.trim() }));
                },
              );
            }}
          />
        </View>
      ) : null}

      {panel === 'note' ? (
        <View id='panel-note' className='sp-panel'>
          <Field label='内部备注（投诉人和站点看不到）' required error={fieldError(error, 'text')}>
            <TextArea id='note-text' value={noteText} onChange={setNoteText} maxlength={500} placeholder='例如：已电话联系站长，约定周三现场核查' />
          </Field>
          <SubmitButton
            id='btn-submit-note'
            text='保存备注'
            busy={busy === 'note'}
            onClick={() => {
              if (!need(!!noteText.trim(), '请填写备注')) return;
              void run('note', () => complaintsAdmin.note({ id: c.id, text: noteText.trim() }));
            }}
          />
        </View>
      ) : null}
    </View>
  );
}
