/**
 * The complaint form (docs/product.md §3). Every change is saved to the phone at once (the draft, with
 * the submission's request id); a restored draft says so. Submitting after a lost answer
 * reuses the same request id, so the server cannot file it twice. Server field errors land
 * under their fields, and the first problem is scrolled into view.
 *
 * A lost answer (issue 9 items 24–26) is not a "no": the complaint may have been stored. The
 * notice says so, offers 去“我的投诉”看看, and leaves one action — 提交投诉 again, right under
 * it and kept in view; each try is numbered and visibly busy, so a second quick failure does not
 * look like nothing happened.
 */
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from '../../ui/lazy-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@core/complaint/model';
import { ACCEPT_WORKDAYS, MAX_DESCRIPTION, MIN_DESCRIPTION, REPLY_WORKDAYS } from '@core/complaint/limits';
import { CALLBACK_PHONE, visibleLength } from '@core/shared/limits';
import { describedEnough } from '@core/media/voice';
import { complaints, type ComplaintView } from '../../services/complaints';
import { askForComplaintUpdates } from '../../services/subscribe';
import { ApiError, toApiError } from '../../services/transport';
import { clearDraft, isBlank, loadDraft, newDraft, saveDraft, type ComplaintDraft, type DraftPhoto } from '../../store/complaintDraft';
import { scrollIntoView } from '../../utils/scrollIntoView';
import Toggle from '../Toggle';
import PhotoPicker from './PhotoPicker';
import VoiceNote from './VoiceNote';
import PrivacyNotice from './PrivacyNotice';
import SimilarReports from './SimilarReports';
import { ErrorLine } from '../../ui/send';

type Field = 'category' | 'description' | 'photos' | 'voice' | 'phone';
export type FieldErrors = Partial<Record<Field, string>>;

export function validateDraft(d: Pick<ComplaintDraft, 'category' | 'description' | 'phone' | 'voice'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.category) errors.category = '请选择投诉类型';
  // Visible characters, as the server counts them (zero-width ones do not count); a voice note
  // counts as content (core/media/voice.ts describedEnough).
  const length = visibleLength(d.description.trim());
  if (d.description.trim().length > MAX_DESCRIPTION) errors.description = `最多 ${MAX_DESCRIPTION} 个字，请删减一些`;
  else if (describedEnough(d.description, d.voice, MIN_DESCRIPTION)) {
    // Enough said, in writing or aloud.
  } else if (!length) errors.description = '请写一写发生了什么';
  else errors.description = `请至少写 ${MIN_DESCRIPTION} 个字，说清楚发生了什么`;
  if (d.phone && !CALLBACK_PHONE.test(d.phone)) errors.phone = '电话号码不对：手机 11 位，座机请带区号';
  return errors;
}

/** Server field paths ("data.description", "data.photos.1", "photos") → our fields. */
function fieldsFromServer(fields: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = path.replace(/^data\./, '').split('.')[0];
    if (name === 'category' || name === 'description' || name === 'photos' || name === 'voice' || name === 'phone') out[name] ??= message;
  }
  return out;
}

/** No answer, or a server failure mid-way: the complaint may or may not have been stored. */
const OUTCOME_UNKNOWN = new Set(['UNAVAILABLE', 'INTERNAL']);
/** The server said "not now" (nothing filed by this try): the same request may be sent later. */
const TRY_LATER = new Set(['RATE_LIMITED']);
/** Fields in the order they appear, for "the first problem". */
const FIELD_ORDER: Field[] = ['category', 'description', 'voice', 'photos', 'phone'];
/** A try that fails at once still shows as a try (a lost answer can come back in ~140 ms). */
export const MIN_BUSY_MS = 700;

type Failure =
  /** Sent, no answer: it may have arrived. */
  | { kind: 'unknown'; error: ApiError; tries: number; at: string }
  /** The server refused for now (busy, too many): nothing filed by this try; send again later. */
  | { kind: 'later'; error: ApiError; tries: number; at: string }
  /** The server answered "no" or the form is not complete: fix first. */
  | { kind: 'fix'; error: ApiError };

interface Props {
  stationId: string;
  stationName: string;
  onSubmitted: (view: ComplaintView) => void;
  /** "我的投诉" (to check whether an interrupted submission went through). */
  onOpenMine?: () => void;
  /** Open one of the villager's own complaints (listed under 已有人反映？). */
  onOpenComplaint?: (id: string) => void;
}

const clock = () => new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export default function ComplaintForm({ stationId, stationName, onSubmitted, onOpenMine, onOpenComplaint }: Props) {
  const [draft, setDraft] = useState<ComplaintDraft>(() => {
    const saved = loadDraft(stationId);
    return saved ? { ...saved, stationName: stationName || saved.stationName } : newDraft(stationId, stationName);
  });
  const [restored, setRestored] = useState(() => !isBlank(draft));
  const draftRef = useRef(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [voiceBusy, setVoiceBusy] = useState(false);
  /** The transcript just filled in: the villager is asked to check it. */
  const [transcribed, setTranscribed] = useState(false);
  /** Bumped to bring something into view once the render that shows it is done. */
  const [scrollTo, setScrollTo] = useState<{ id: string; block: 'center' | 'nearest'; n: number } | null>(null);
  const reveal = (id: string, block: 'center' | 'nearest') => setScrollTo((cur) => ({ id, block, n: (cur?.n ?? 0) + 1 }));
  useEffect(() => {
    if (scrollTo) scrollIntoView(scrollTo.id, scrollTo.block);
  }, [scrollTo]);

  /** Change the draft and keep it on the phone at once. */
  const update = useCallback((patch: Partial<ComplaintDraft>) => {
    const next = { ...draftRef.current, ...patch, updatedAt: new Date().toISOString() };
    draftRef.current = next;
    saveDraft(next);
    setDraft(next);
    // A "fix this first" message is stale once something changed; a lost-answer one stays.
    if (!('sentAt' in patch)) setFailure((f) => (f && f.kind === 'fix' ? null : f));
  }, []);

  // The page may learn the station's name after the form opened.
  useEffect(() => {
    if (stationName && stationName !== draftRef.current.stationName) {
      const next = { ...draftRef.current, stationName };
      draftRef.current = next;
      if (!isBlank(next)) saveDraft(next);
      setDraft(next);
    }
  }, [stationName]);

  const changePhotos = useCallback((fn: (cur: DraftPhoto[]) => DraftPhoto[]) => {
    update({ photos: fn(draftRef.current.photos) });
    setErrors((e) => ({ ...e, photos: undefined }));
  }, [update]);

  const startOver = () => {
    clearDraft(stationId);
    const fresh = newDraft(stationId, stationName);
    draftRef.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setErrors({});
    setFailure(null);
  };

  /** Show the first field with a problem (its red text in the middle of the screen). */
  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) reveal(first === 'photos' ? 'complaint-photos-section' : first === 'voice' ? 'complaint-voice-section' : `error-${first}`, 'center');
    return first;
  };

  const submit = () => {
    if (submitting) return;
    const d = draftRef.current;
    const found = validateDraft(d);
    const first = showErrors(found);
    if (first) {
      setFailure({ kind: 'fix', error: new ApiError('VALIDATION_ERROR', `还有没填好的地方：${found[first]}`) });
      return;
    }
    if (uploading || voiceBusy) {
      setFailure({ kind: 'fix', error: new ApiError('VALIDATION_ERROR', uploading ? '照片还在上传，请等上传完再提交' : '录音还没好，请等录音上传完再提交') });
      reveal('complaint-submit-area', 'nearest');
      return;
    }
    // On the tap itself (WeChat needs the gesture); never waited for.
    askForComplaintUpdates();
    setSubmitting(true);
    const started = Date.now();
    const previous = failure;
    // Marked before the answer: if it never comes, the draft knows it may have been filed.
    if (!d.sentAt) update({ sentAt: new Date().toISOString() });
    /** Settle no sooner than MIN_BUSY_MS after the tap, so every try is seen. */
    const settle = (fn: () => void) => setTimeout(fn, Math.max(0, MIN_BUSY_MS - (Date.now() - started)));
    const tries = previous && previous.kind !== 'fix' ? previous.tries + 1 : 1;
    complaints
      .submit(
        {
          stationId,
          category: d.category as ComplaintCategory,
          description: d.description.trim(),
          photos: d.photos.length ? d.photos.map((p) => p.id) : undefined,
          voice: d.voice ? { fileId: d.voice.id, seconds: d.voice.seconds } : undefined,
          phone: d.phone || undefined,
          shareIdentity: d.shareIdentity,
        },
        d.requestId,
      )
      .then(
        (view) => {
          clearDraft(stationId);
          setSubmitting(false);
          setFailure(null);
          onSubmitted(view);
        },
        (e) => {
          const err = toApiError(e);
          settle(() => {
            setSubmitting(false);
            if (OUTCOME_UNKNOWN.has(err.code)) {
              setFailure({ kind: 'unknown', error: err, tries, at: clock() });
            } else if (TRY_LATER.has(err.code)) {
              setFailure({ kind: 'later', error: err, tries, at: clock() });
            } else {
              // The server answered "no": nothing was filed by this try. An earlier lost try with
              // the same request id may still have been (a changed draft resent → CONFLICT).
              if (err.code !== 'CONFLICT') update({ sentAt: null });
              const fromServer = fieldsFromServer(err.fields);
              setFailure({ kind: 'fix', error: err });
              if (showErrors(fromServer)) return;
            }
            reveal('complaint-submit-area', 'nearest');
          });
        },
      );
  };

  const length = draft.description.length;

  return (
    <View id='complaint-form' className='form'>
      <View className='card form__station'>
        <Text className='form__station-label'>投诉站点</Text>
        <Text id='complaint-station' className='form__station-name'>
          {draft.stationName || stationName}
        </Text>
      </View>

      {restored ? (
        <View id='draft-restored' className='notice notice--info'>
          {draft.sentAt ? (
            <>
              <Text className='notice__title'>上次提交时网络断了</Text>
              <Text className='notice__text'>投诉可能已经提交成功了。可以先去“我的投诉”看看；没有的话，点下面的“提交投诉”，不会重复投诉。</Text>
            </>
          ) : (
            <>
              <Text className='notice__title'>已恢复您上次没写完的内容</Text>
              <Text className='notice__text'>可以接着写。想重新写，请点“清空重写”。</Text>
            </>
          )}
          {draft.sentAt && onOpenMine ? (
            <Text id='btn-draft-mine' className='link' onClick={onOpenMine}>
              去“我的投诉”看看
            </Text>
          ) : null}
          {!draft.sentAt ? (
            <Text id='btn-clear-draft' className='link' onClick={startOver}>
              清空重写
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='section'>
        <Text className='field__label'>1. 投诉什么？（必选）</Text>
        <View id='complaint-category' className='chips chips--static form__chips'>
          {COMPLAINT_CATEGORIES.map(([code, label]) => (
            <Text
              key={code}
              id={`category-${code}`}
              className={`chip ${draft.category === code ? 'chip--on' : ''}`}
              onClick={() => {
                update({ category: code });
                setErrors((e) => ({ ...e, category: undefined }));
              }}
            >
              {label}
            </Text>
          ))}
        </View>
        <ErrorLine id='error-category' error={errors.category} />
        {draft.category ? <SimilarReports stationId={stationId} category={draft.category} onOpenComplaint={onOpenComplaint} /> : null}
      </View>

      <View className='section'>
        <Text className='field__label'>2. 发生了什么？（必填）</Text>
        <Text className='field__hint'>写清楚时间、经过、涉及的钱或物品，至少 {MIN_DESCRIPTION} 个字；也可以按住下面的按钮说一说。</Text>
        <View id='complaint-voice-section' className='voice-field'>
          <VoiceNote
            idPrefix='complaint-voice'
            value={draft.voice ?? null}
            onBusyChange={setVoiceBusy}
            error={errors.voice}
            onChange={(voice) => {
              update({ voice });
              setErrors((x) => ({ ...x, voice: undefined, description: undefined }));
            }}
            onTranscript={(text) => {
              // Fills the description for the villager to correct (appended after what they typed).
              const cur = draftRef.current.description.trim();
              update({ description: (cur ? `${cur}\n${text}` : text).slice(0, MAX_DESCRIPTION) });
              setTranscribed(true);
            }}
          />
        </View>
        {transcribed ? (
          <Text id='complaint-transcript-hint' className='field__hint'>
            已把您说的话转成文字填在下面，请看看有没有说错的地方，改一改。
          </Text>
        ) : null}
        <Textarea
          id='complaint-description'
          className={`textarea ${errors.description ? 'textarea--error' : ''}`}
          value={draft.description}
          maxlength={MAX_DESCRIPTION}
          placeholder='例如：6月3日上午在站点寄快递，收了15元，墙上写的是5元。'
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            update({ description: e.detail.value });
            if (errors.description) setErrors((x) => ({ ...x, description: undefined }));
          }}
        />
        <Text id='description-counter' className={`counter ${length > MAX_DESCRIPTION ? 'counter--over' : ''}`}>
          {length}/{MAX_DESCRIPTION}
        </Text>
        <ErrorLine id='error-description' error={errors.description} />
      </View>

      <View id='complaint-photos-section' className='section'>
        <Text className='field__label'>3. 照片（选填）</Text>
        <PhotoPicker photos={draft.photos} onChange={changePhotos} onBusyChange={setUploading} error={errors.photos} />
      </View>

      <View className='section'>
        <Text className='field__label'>4. 回电电话（选填）</Text>
        <Text className='field__hint'>留了电话，处理人员可以打给您核实。只给处理人员看。</Text>
        <Input
          id='complaint-phone'
          className={`input ${errors.phone ? 'input--error' : ''}`}
          type='number'
          maxlength={12}
          value={draft.phone}
          placeholder='手机号或座机号'
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            update({ phone: e.detail.value.replace(/[^\d-]/g, '') });
            if (errors.phone) setErrors((x) => ({ ...x, phone: undefined }));
          }}
        />
        <ErrorLine id='error-phone' error={errors.phone} />
      </View>

      <View className='section'>
        <Toggle id='complaint-share-identity' label='允许站点看到我的身份' on={draft.shareIdentity} onChange={(on) => update({ shareIdentity: on })} />
        <PrivacyNotice shareIdentity={draft.shareIdentity} />
      </View>

      <View id='complaint-submit-area' className='form__submit'>
        {failure ? <SubmitFailure failure={failure} submitting={submitting} sentBefore={!!draft.sentAt} onOpenMine={onOpenMine} /> : null}
        <View
          id='complaint-submit'
          className={`btn btn--primary btn--big btn--block ${submitting ? 'btn--disabled' : ''}`}
          hoverClass='tap-active'
          onClick={submit}
        >
          {submitting ? (failure && failure.kind !== 'fix' ? `正在第 ${failure.tries + 1} 次提交…` : '正在提交…') : uploading ? '照片上传中…' : failure && failure.kind !== 'fix' ? '再提交一次' : '提交投诉'}
        </View>
        <Text className='field__hint form__after'>提交后马上给您投诉编号。{ACCEPT_WORKDAYS} 个工作日内受理，受理后 {REPLY_WORKDAYS} 个工作日内答复。</Text>
      </View>
    </View>
  );
}

/**
 * Right above the one button. Short, so both fit on a phone screen; numbered and timed, so a
 * second failure is visibly a new one.
 */
function SubmitFailure({ failure, submitting, sentBefore, onOpenMine }: { failure: Failure; submitting: boolean; sentBefore: boolean; onOpenMine?: () => void }) {
  const mine = onOpenMine ? (
    <Text id='btn-failure-mine' className='link' onClick={onOpenMine}>
      去“我的投诉”看看
    </Text>
  ) : null;
  if (failure.kind === 'fix') {
    return (
      <View id='complaint-submit-error' className='notice notice--danger' aria-live='assertive'>
        <Text className='notice__title'>没有提交</Text>
        <Text className='notice__text'>{failure.error.message}</Text>
        {sentBefore ? mine : null}
      </View>
    );
  }
  const again = failure.tries > 1 ? `第 ${failure.tries} 次` : '';
  return (
    <View id='complaint-submit-error' className='notice notice--warn' aria-live='assertive' data-tries={failure.tries}>
      <Text id='complaint-failure-title' className='notice__title'>
        {failure.kind === 'unknown' ? `${again}没收到回复（${failure.at}）` : `${again}没能提交（${failure.at}）`}
      </Text>
      <Text className='notice__text'>
        {failure.kind === 'unknown'
          ? '网络不好，没等到回复：投诉可能已经提交成功，也可能没有。内容已保存在手机上；网络好一点后点“再提交一次”，不会重复投诉。'
          : `${failure.error.message.replace(/[。.]$/, '')}。这次没有提交，内容已保存在手机上。`}
      </Text>
      {failure.kind === 'unknown' && !submitting ? mine : null}
    </View>
  );
}
