/**
 * 举报冒名站点 (第十一条7): a place calls itself an 电商扶贫 station but the directory does not know
 * it. The villager says where (county and township, and the place in words), what they saw, and
 * may add photos; the county checks it. Who reported is never shown to anyone.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../components/PageShell';
import RegionPicker from '../../components/RegionPicker';
import PhotoPicker from '../../components/complaint/PhotoPicker';
import { stations } from '../../services/api';
import type { DraftPhoto } from '../../store/complaintDraft';
import type { ChosenRegion } from '../../store/region';
import { useAction } from '../../hooks/useAction';
import { Field, SubmitButton, TextArea, TextInput, fieldError, scrollToFirstError, useScrollToFirstError } from '../../ui/form';
import { toast } from '../../ui/dialogs';
import Notice from '../../ui/Notice';
import Button from '../../ui/Button';
import { visibleLength } from '@core/shared/limits';

export default function ReportUnlistedPage() {
  const [region, setRegion] = useState<ChosenRegion | null>(null);
  const [picking, setPicking] = useState(false);
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [hint, setHint] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const send = useAction(
    () => stations.reportUnlisted({ regionCode: region!.code, place: place.trim(), description: description.trim(), ...(photos.length ? { photos: photos.map((p) => p.id) } : {}) }),
    { onDone: () => setSent(true) },
  );
  useScrollToFirstError(send.error);

  const submit = () => {
    const h: Record<string, string> = {};
    if (!region || region.code.length < 6) h.regionCode = '请选到县（市、区），最好选到乡镇';
    if (visibleLength(place.trim()) < 2) h.place = '请写清在哪里';
    if (visibleLength(description.trim()) < 5) h.description = '请至少写 5 个字，说清看到了什么';
    setHint(h);
    if (Object.keys(h).length) return scrollToFirstError();
    if (uploading) return toast('照片还在上传，请稍等');
    void send.run();
  };

  if (sent) {
    return (
      <PageShell id='page-report-unlisted' heading='举报冒名站点'>
        <Notice id='unlisted-sent' tone='ok' title='已收到，谢谢您' text='县里的主管部门会去核实。您的身份不会告诉任何人。' />
      </PageShell>
    );
  }
  return (
    <PageShell id='page-report-unlisted' heading='举报冒名站点'>
      <View className='section'>
        <Text className='sp-small-note'>有的店挂着“电商扶贫服务站”的牌子，但在站点通里查不到：可能是冒用名义。告诉我们在哪里、看到了什么，县里会去核实处理。</Text>
        <Field label='在哪个乡镇' required error={hint.regionCode ?? fieldError(send.error, 'regionCode')}>
          {region && !picking ? (
            <View className='detail__top'>
              <Text id='unlisted-region'>{region.label}</Text>
              <Button id='unlisted-region-change' className='link' onClick={() => setPicking(true)}>
                重新选择
              </Button>
            </View>
          ) : (
            <RegionPicker
              title='选择所在的县和乡镇'
              onPick={(r) => {
                setRegion(r);
                setPicking(false);
              }}
            />
          )}
        </Field>
        <Field label='具体地点' required error={hint.place ?? fieldError(send.error, 'place')}>
          <TextInput id='unlisted-place' value={place} onChange={setPlace} maxlength={60} placeholder='例如：长征大道 18 号门面' />
        </Field>
        <Field label='看到的情况' required error={hint.description ?? fieldError(send.error, 'description')}>
          <TextArea id='unlisted-description' value={description} onChange={setDescription} maxlength={500} placeholder='牌子上写的什么、收了什么费、什么时候看到的' />
        </Field>
        <Field label='照片（选填）' error={fieldError(send.error, 'photos')}>
          <PhotoPicker idPrefix='unlisted-photo' photos={photos} onChange={(u) => setPhotos(u)} onBusyChange={(n) => setUploading(n > 0)} hint='拍下牌子和门面，不要拍人脸' />
        </Field>
        {send.error && !Object.keys(send.error.fields ?? {}).length ? <Notice id='unlisted-error' tone='danger' title='没有发送' text={send.error.message} /> : null}
        <SubmitButton id='unlisted-submit' text='发送举报' busy={send.busy} onClick={submit} />
      </View>
    </PageShell>
  );
}
