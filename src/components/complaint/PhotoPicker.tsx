/**
 * Up to 3 photos: add (camera or album), remove, replace. Each is uploaded as soon as it is
 * picked, so the draft keeps only uploaded ids. A 4th is refused with words, not a silent no-op.
 */
import { Text, View } from '@tarojs/components';
import { Image } from '../../ui/lazy-components';
import { useEffect, useRef, useState } from 'react';
import { MAX_PHOTOS } from '@core/complaint/limits';
import { pickPhotos, uploadPhoto, type PickedPhoto } from '../../services/photos';
import { toApiError } from '../../services/transport';
import type { DraftPhoto } from '../../store/complaintDraft';
import Button from '../../ui/Button';
import { ErrorLine } from '../../ui/send';

type Updater = (current: DraftPhoto[]) => DraftPhoto[];

interface Props {
  photos: DraftPhoto[];
  /** Called with an updater (uploads finish in any order). */
  onChange: (update: Updater) => void;
  /** How many uploads are still running (the form waits for them). */
  onBusyChange?: (busy: number) => void;
  error?: string;
  /** Officials' forms reuse it (station photos, 申办 photos, rectification evidence). */
  max?: number;
  /** Prefix of the element ids (two pickers on one page need different ones). */
  idPrefix?: string;
  hint?: string;
}

interface Pending {
  key: number;
  picked: PickedPhoto;
  /** Replacing the photo with this id; null = adding. */
  replaces: string | null;
  error: string | null;
}

const limitMessage = (max: number) => `最多只能放 ${max} 张照片。要换照片，请点照片下面的“更换”，或先删掉一张。`;
export const LIMIT_MESSAGE = limitMessage(MAX_PHOTOS);

export default function PhotoPicker({ photos, onChange, onBusyChange, error, max: MAX = MAX_PHOTOS, idPrefix = 'photo', hint }: Props) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  /** This session's previews by uploaded id (H5 blob: URLs do not survive a reload). */
  const previews = useRef(new Map<string, string>());
  const nextKey = useRef(1);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const adding = pending.filter((p) => p.replaces === null).length;
  const used = photos.length + adding;
  const busy = pending.filter((p) => !p.error).length;
  useEffect(() => onBusyChange?.(busy), [busy]);

  const upload = (item: Pending) => {
    uploadPhoto(item.picked).then(
      (id) => {
        if (!alive.current) return;
        previews.current.set(id, item.picked.path);
        setPending((ps) => ps.filter((p) => p.key !== item.key));
        const saved: DraftPhoto = { id, preview: process.env.TARO_ENV === 'weapp' ? id : null };
        onChange((cur) => {
          if (item.replaces !== null && cur.some((p) => p.id === item.replaces)) return cur.map((p) => (p.id === item.replaces ? saved : p));
          return [...cur, saved].slice(0, MAX);
        });
      },
      (e) => {
        if (!alive.current) return;
        const message = toApiError(e).message;
        setPending((ps) => ps.map((p) => (p.key === item.key ? { ...p, error: message } : p)));
      },
    );
  };

  const start = (picked: PickedPhoto[], replaces: string | null) => {
    const items = picked.map((p) => ({ key: nextKey.current++, picked: p, replaces, error: null }));
    setPending((ps) => [...ps, ...items]);
    items.forEach(upload);
  };

  const add = async () => {
    if (picking) return;
    if (used >= MAX) {
      setNotice(limitMessage(MAX));
      return;
    }
    setNotice(null);
    setPicking(true);
    const res = await pickPhotos(MAX - used);
    if (!alive.current) return;
    setPicking(false);
    if (!res.ok) {
      if (!res.cancelled) setNotice(res.message);
      return;
    }
    if (res.dropped) setNotice(`最多只能放 ${MAX} 张照片，多选的 ${res.dropped} 张没有加上。`);
    start(res.photos, null);
  };

  const replace = async (id: string) => {
    if (picking || pending.some((p) => p.replaces === id && !p.error)) return;
    setNotice(null);
    setPicking(true);
    const res = await pickPhotos(1);
    if (!alive.current) return;
    setPicking(false);
    if (!res.ok) {
      if (!res.cancelled) setNotice(res.message);
      return;
    }
    setPending((ps) => ps.filter((p) => p.replaces !== id));
    start(res.photos.slice(0, 1), id);
  };

  const remove = (id: string) => {
    setNotice(null);
    setPending((ps) => ps.filter((p) => p.replaces !== id));
    onChange((cur) => cur.filter((p) => p.id !== id));
  };

  const retry = (item: Pending) => {
    const again = { ...item, error: null };
    setPending((ps) => ps.map((p) => (p.key === item.key ? again : p)));
    upload(again);
  };

  const drop = (key: number) => setPending((ps) => ps.filter((p) => p.key !== key));

  const full = used >= MAX;

  return (
    <View id={idPrefix === 'photo' ? 'complaint-photos' : `${idPrefix}s`} className='photos'>
      <View className='photos__grid'>
        {photos.map((p, i) => {
          const src = previews.current.get(p.id) ?? p.preview;
          const replacing = pending.find((x) => x.replaces === p.id);
          return (
            <View key={p.id} id={`${idPrefix}-${i}`} className='photo'>
              {src ? (
                <Image className='photo__img' src={src} mode='aspectFill' />
              ) : (
                <View className='photo__img photo__placeholder'>
                  <Text>照片 {i + 1}</Text>
                  <Text className='photo__placeholder-sub'>已上传</Text>
                </View>
              )}
              {replacing ? (
                <Text className='photo__state'>{replacing.error ? `更换失败：${replacing.error}` : '正在更换…'}</Text>
              ) : null}
              <View className='photo__actions'>
                <Button id={`${idPrefix}-replace-${i}`} className='photo__action' onClick={() => replace(p.id)}>
                  更换
                </Button>
                <Button id={`${idPrefix}-remove-${i}`} className='photo__action photo__action--danger' onClick={() => remove(p.id)}>
                  删除
                </Button>
              </View>
            </View>
          );
        })}
        {pending
          .filter((p) => p.replaces === null)
          .map((p) => (
            <View key={p.key} id={`${idPrefix}-pending-${p.key}`} className='photo photo--pending'>
              <Image className='photo__img' src={p.picked.path} mode='aspectFill' />
              <Text className={`photo__state ${p.error ? 'photo__state--error' : ''}`}>{p.error ? `没传上去：${p.error}` : '正在上传…'}</Text>
              {p.error ? (
                <View className='photo__actions'>
                  <Button className='photo__action' onClick={() => retry(p)}>
                    重试
                  </Button>
                  <Button className='photo__action photo__action--danger' onClick={() => drop(p.key)}>
                    删除
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
        {/* Named by its visible words (an aria-label differing from them fails axe's label-content-name-mismatch). */}
        <Button id={`${idPrefix}-add`} className={`photo photo--add ${full ? 'photo--full' : ''}`} onClick={add}>
          <Text className='photo__plus'>{picking ? '…' : '+'}</Text>
          <Text className='photo__add-text'>{full ? `已满 ${MAX} 张` : '加照片'}</Text>
        </Button>
      </View>
      <Text className='field__hint'>
        {hint ?? '选填'}，最多 {MAX} 张（已放 {used} 张）。上传时会自动去掉照片里的拍摄地点。
      </Text>
      <ErrorLine id={`${idPrefix}-limit`} error={notice} />
      <ErrorLine error={error} />
    </View>
  );
}
