/**
 * 站点走访 (issue 12 §2): the operator's staff at a station record an inspection with the
 * checklist (合格 / 不合格 with what is wrong), a guidance visit or a training, optionally with
 * where they are; the station's visits are listed below. A county official opening the same
 * station turns an inspection's failed items into a rectification order (asked first).
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CHECK_ITEMS, CHECK_ITEM_LABELS, MAX_VISIT_PHOTOS, VISIT_KINDS, VISIT_KIND_LABELS, type CheckItem, type VisitKind } from '@core/inspection/model';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { inspections, type VisitView } from '../../../services/inspections';
import type { StationSummary } from '../../../services/api';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import { locate } from '../../../utils/location';
import { pickPhotos, uploadPhoto } from '../../../services/photos';
import { toApiError } from '../../../services/transport';
import { Image } from '../../../ui/lazy-components';
import StationSearch from '../components/StationSearch';
import '../../shared/sub.css';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';

const KIND_OPTIONS = VISIT_KINDS.map((k) => [k, VISIT_KIND_LABELS[k]] as const);
type Answer = { ok: boolean | null; note: string };
const fresh = (): Record<CheckItem, Answer> => Object.fromEntries(CHECK_ITEMS.map((c) => [c, { ok: null, note: '' }])) as Record<CheckItem, Answer>;

function VisitCard({ v, canRectify, onDone }: { v: VisitView; canRectify: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [fixes, setFixes] = useState('');
  const [days, setDays] = useState('10');
  const issue = useAction(() => inspections.toRectification({ id: v.id, requiredFixes: fixes.trim(), workdays: Number(days) || 0 }), {
    confirm: { title: '下达整改通知', content: `「${v.stationName}」将进入整改中，问题按这次检查的不合格项列出。`, confirmText: '确定下达' },
    onDone: () => {
      toast('已下达整改通知', 'success');
      onDone();
    },
    onConflict: (err) => {
      toast(err.message);
      onDone();
    },
  });
  const failed = (v.items ?? []).filter((i) => !i.ok);
  return (
    <View id={`visit-${v.id}`} className={`sp-item ${failed.length ? 'sp-item--alert' : ''}`}>
      <View className='sp-item__top'>
        <Text className='sp-item__title'>
          {v.kindLabel} · {v.visitedOn}
        </Text>
        {v.score !== undefined ? <Text className={`sp-status sp-status--${v.score === 100 ? 'ok' : 'warn'}`}>{v.score} 分</Text> : null}
      </View>
      {v.items ? <Text className='sp-item__line'>{failed.length ? `${failed.length} 项不合格` : '全部合格'}</Text> : null}
      {failed.map((i) => (
        <Text key={i.item} className='sp-item__line'>
          ✗ {i.label}：{i.note}
        </Text>
      ))}
      {v.note ? <Text className='sp-item__line'>说明：{v.note}</Text> : null}
      {v.photoUrls.length ? (
        <View className='sp-photos'>
          {v.photoUrls.map((u, n) => (
            <Image key={n} className='sp-photo' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: v.photoUrls, current: u })} />
          ))}
        </View>
      ) : null}
      {v.pendingPhotoUrls?.length ? (
        <View id={`visit-pending-${v.id}`}>
          <View className='sp-photos'>
            {v.pendingPhotoUrls.map((u, n) => (
              <Image key={n} className='sp-photo' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: v.pendingPhotoUrls!, current: u })} />
            ))}
          </View>
          <Text className='sp-small-note'>{v.pendingPhotoUrls.length} 张照片正在审核，通过前只有您能看到</Text>
        </View>
      ) : null}
      {v.photosRemoved ? <Notice id={`visit-removed-${v.id}`} tone='warn' text={`${v.photosRemoved} 张照片未通过内容安全检查，已删除`} /> : null}
      {v.distanceM !== undefined ? <Text className='sp-item__line'>{v.far ? `记录位置离站点 ${v.distanceM} 米，偏远` : `在站点附近记录（${v.distanceM} 米）`}</Text> : null}
      {v.rectificationId ? <Notice tone='info' text='已据此下达整改通知' /> : null}
      {canRectify && v.problems.length && !v.rectificationId ? (
        <View className='sp-item__actions'>
          {open ? (
            <View>
              <Field label='整改要求' required error={fieldError(issue.error, 'requiredFixes')}>
                <TextArea id={`fixes-${v.id}`} value={fixes} onChange={setFixes} maxlength={500} placeholder='写明要做到什么' />
              </Field>
              <Field label='整改期限（工作日）' required error={fieldError(issue.error, 'workdays')}>
                <TextInput id={`days-${v.id}`} type='number' value={days} onChange={setDays} maxlength={2} />
              </Field>
              {issue.error ? <Notice tone='danger' text={issue.error.message} /> : null}
              <SubmitButton id={`btn-rectify-${v.id}`} tone='danger' text='下达整改通知' busy={issue.busy} onClick={() => void issue.run()} />
            </View>
          ) : (
            <Button id={`btn-start-rectify-${v.id}`} className='btn btn--ghost btn--block' onClick={() => setOpen(true)}>
              据此下整改通知…
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}

export default function InspectPage() {
  const param = useRouter().params.stationId || '';
  const [picked, setPicked] = useState<StationSummary | null>(null);
  const stationId = param || picked?.id || '';
  const view = useLoad(() => inspections.station({ stationId }), [stationId], { skip: !stationId });
  const [kind, setKind] = useState<VisitKind>('inspection');
  const [answers, setAnswers] = useState(fresh);
  const [note, setNote] = useState('');
  const [where, setWhere] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  // Uploaded as soon as picked: the record carries only ids. `preview` shows the picked file.
  const [photos, setPhotos] = useState<{ id: string; preview: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  usePullRefresh(view.reload);
  const v = view.data;

  const save = useAction(
    () =>
      inspections.record({
        stationId,
        kind,
        ...(kind === 'inspection' ? { items: CHECK_ITEMS.map((item) => ({ item, ok: !!answers[item].ok, ...(answers[item].ok ? {} : { note: answers[item].note.trim() }) })) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(photos.length ? { photos: photos.map((p) => p.id) } : {}),
        ...(where ? { location: where } : {}),
      }),
    {
      onDone: (r) => {
        toast(r.score !== undefined ? `已记录，${r.score} 分` : '已记录', 'success');
        setAnswers(fresh());
        setNote('');
        setPhotos([]);
        view.reload();
      },
    },
  );
  const submit = () => {
    if (kind === 'inspection') {
      const open = CHECK_ITEMS.find((c) => answers[c].ok === null);
      if (open) return setLocal(`请检查“${CHECK_ITEM_LABELS[open]}”`);
      const bare = CHECK_ITEMS.find((c) => answers[c].ok === false && !answers[c].note.trim());
      if (bare) return setLocal(`“${CHECK_ITEM_LABELS[bare]}”不合格，请写明问题`);
    }
    setLocal(null);
    void save.run();
  };
  const addPhotos = async () => {
    const picked = await pickPhotos(MAX_VISIT_PHOTOS - photos.length);
    if (!picked.ok) {
      if (!picked.cancelled) toast(picked.message);
      return;
    }
    setUploading(true);
    try {
      for (const p of picked.photos) {
        const id = await uploadPhoto(p);
        setPhotos((cur) => [...cur, { id, preview: p.path }].slice(0, MAX_VISIT_PHOTOS));
      }
    } catch (e) {
      toast(toApiError(e).message);
    } finally {
      setUploading(false);
    }
  };
  const here = async () => {
    setLocating(true);
    const r = await locate();
    setLocating(false);
    if (r.ok) setWhere(r.position);
    else toast(r.reason === 'denied' ? '没有位置权限，可以不记录位置' : '暂时定位不到，可以不记录位置');
  };
  const setAnswer = (c: CheckItem, patch: Partial<Answer>) => setAnswers((a) => ({ ...a, [c]: { ...a[c], ...patch } }));

  return (
    <PageShell id='page-inspect' heading={v ? `站点走访 · ${v.station.name}` : '站点走访'}>
      {!stationId ? (
        <View className='sp-form'>
          <Text className='sp-form__title'>选择要走访的站点</Text>
          <StationSearch idPrefix='inspect-station' value={picked} onChange={setPicked} />
        </View>
      ) : null}
      {stationId && !v && view.status === 'loading' ? <Skeleton id='inspect-loading' rows={3} /> : null}
      {view.status === 'error' ? <ErrorState id='inspect-error' message={view.error?.message ?? '加载失败'} onRetry={view.reload} /> : null}
      {v && view.status !== 'error' ? (
        <View id='inspect-view'>
          {v.canRecord ? (
            <View id='inspect-form' className='sp-form'>
              <Text className='sp-form__title'>记录今天的走访</Text>
              <Choices idPrefix='inspect-kind' options={KIND_OPTIONS} value={kind} onChange={setKind} label='类型' />
              {kind === 'inspection'
                ? CHECK_ITEMS.map((c) => (
                    <Field key={c} label={CHECK_ITEM_LABELS[c]} required>
                      <Choices
                        idPrefix={`check-${c}`}
                        options={[
                          ['ok', '合格'],
                          ['bad', '不合格'],
                        ]}
                        value={answers[c].ok === null ? null : answers[c].ok ? 'ok' : 'bad'}
                        onChange={(x) => setAnswer(c, { ok: x === 'ok' })}
                        label={CHECK_ITEM_LABELS[c]}
                      />
                      {answers[c].ok === false ? <TextInput id={`check-${c}-note`} value={answers[c].note} onChange={(n) => setAnswer(c, { note: n })} maxlength={100} placeholder='哪里不合格' /> : null}
                    </Field>
                  ))
                : null}
              <Field label='说明（可不填）' error={fieldError(save.error, 'note')}>
                <TextArea id='inspect-note' value={note} onChange={setNote} maxlength={300} placeholder={kind === 'training' ? '培训内容、参加人数' : kind === 'guidance' ? '指导了什么' : ''} />
              </Field>
              <Field label={`照片（可不拍，最多 ${MAX_VISIT_PHOTOS} 张）`} error={fieldError(save.error, 'photos')}>
                {photos.length ? (
                  <View id='inspect-photos' className='sp-photos'>
                    {photos.map((p) => (
                      <Image key={p.id} className='sp-photo' src={p.preview} mode='aspectFill' onClick={() => setPhotos((cur) => cur.filter((x) => x.id !== p.id))} />
                    ))}
                  </View>
                ) : null}
                {photos.length < MAX_VISIT_PHOTOS ? (
                  <Button id='btn-inspect-photo' className='btn btn--ghost' disabled={uploading} onClick={() => void addPhotos()}>
                    {uploading ? '正在上传…' : '拍照'}
                  </Button>
                ) : null}
                {photos.length ? <Text className='sp-small-note'>点照片可删掉</Text> : null}
              </Field>
              <View className='sp-row'>
                <Text id='inspect-where' className='sp-row__grow sp-small-note'>
                  {where ? '已记录当前位置' : '位置（可不记录）'}
                </Text>
                <Button id='btn-inspect-locate' className='btn btn--ghost' disabled={locating} onClick={() => void here()}>
                  {locating ? '正在定位…' : '记录位置'}
                </Button>
              </View>
              {local ? <Notice id='inspect-local-error' tone='danger' text={local} /> : null}
              {save.error ? <Notice id='inspect-save-error' tone='danger' text={save.error.message} /> : null}
              <SubmitButton id='btn-inspect-save' text='保存走访记录' busy={save.busy} disabled={uploading} onClick={submit} />
            </View>
          ) : null}
          <Text className='sp-list-heading'>走访记录</Text>
          {!v.items.length ? <EmptyState id='inspect-empty' text='还没有走访记录' /> : null}
          <View id='inspect-list'>
            {v.items.map((x) => (
              <VisitCard key={x.id} v={x} canRectify={v.canRectify} onDone={view.reload} />
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
