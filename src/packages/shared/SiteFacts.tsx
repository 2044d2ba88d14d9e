/**
 * The 第七条 site facts that both 站点认定 (operators) and 站点申办 (market entities) ask for:
 * area, equipment, service population, plaque and signage photos — one state hook, one field block.
 */
import { useState } from 'react';
import PhotoPicker from '../../components/complaint/PhotoPicker';
import type { DraftPhoto } from '../../store/complaintDraft';
import { CheckChips, Field, TextInput } from '../../ui/form';
import { CERT_PHOTOS_MAX } from '@core/station/limits';
import { EQUIPMENT } from '@core/station/vocabulary';

export function useSiteFacts() {
  const [areaSqm, setAreaSqm] = useState('');
  const [servicePopulation, setServicePopulation] = useState('');
  const [equipment, setEquipment] = useState<string[]>([]);
  const [plaque, setPlaque] = useState<DraftPhoto[]>([]);
  const [signage, setSignage] = useState<DraftPhoto[]>([]);
  // Each picker reports its own uploads: one finishing must not hide the other still uploading.
  const [uploading, setUploading] = useState({ plaque: 0, signage: 0 });
  return {
    areaSqm,
    setAreaSqm,
    servicePopulation,
    setServicePopulation,
    equipment,
    setEquipment,
    plaque,
    setPlaque,
    signage,
    setSignage,
    uploading,
    setUploading,
    /** Local checks before sending, keyed by the request's field names. */
    hints(): Record<string, string> {
      const h: Record<string, string> = {};
      if (!(Number(areaSqm) > 0)) h.areaSqm = '请填写使用面积';
      if (!equipment.length) h.equipment = '请勾选站点的设施';
      if (!(Number(servicePopulation) > 0)) h.servicePopulation = '请填写服务人口';
      if (!plaque.length) h.plaquePhotos = '请上传站牌照片';
      if (!signage.length) h.signagePhotos = '请上传标识照片';
      if (uploading.plaque || uploading.signage) h.signagePhotos = '照片还在上传，请稍等';
      return h;
    },
    /** The request's part for these fields. */
    payload() {
      return {
        areaSqm: Number(areaSqm),
        servicePopulation: Number(servicePopulation),
        equipment: equipment as never,
        plaquePhotos: plaque.map((p) => p.id),
        signagePhotos: signage.map((p) => p.id),
      };
    },
  };
}

export type SiteFacts = ReturnType<typeof useSiteFacts>;

export function SiteFactsFields({ idPrefix, site, err, photoHints }: { idPrefix: string; site: SiteFacts; err: (k: string) => string | undefined; photoHints?: { plaque: string; signage: string } }) {
  return (
    <>
      <Field label='实际使用面积（㎡）' required hint='县级不少于 200㎡，乡镇 20㎡，村级 10㎡' error={err('areaSqm')}>
        <TextInput id={`${idPrefix}-area`} type='digit' value={site.areaSqm} onChange={site.setAreaSqm} maxlength={6} />
      </Field>
      <Field label='设施设备' required hint='至少一项网络设施、两项经营设施（第七条2–3）' error={err('equipment')}>
        <CheckChips idPrefix={`${idPrefix}-eq`} options={EQUIPMENT} value={site.equipment} onChange={site.setEquipment} />
      </Field>
      <Field label='服务人口（人）' required hint='一般不少于 300 人（第六条1）' error={err('servicePopulation')}>
        <TextInput id={`${idPrefix}-population`} type='number' value={site.servicePopulation} onChange={site.setServicePopulation} maxlength={7} />
      </Field>
      <Field label='站牌照片' required hint={photoHints?.plaque} error={err('plaquePhotos')}>
        <PhotoPicker idPrefix={`${idPrefix}-plaque`} photos={site.plaque} onChange={(u) => site.setPlaque(u)} onBusyChange={(n) => site.setUploading((x) => ({ ...x, plaque: n }))} max={CERT_PHOTOS_MAX} hint='必填' />
      </Field>
      <Field label='标识照片' required hint={photoHints?.signage} error={err('signagePhotos')}>
        <PhotoPicker idPrefix={`${idPrefix}-signage`} photos={site.signage} onChange={(u) => site.setSignage(u)} onBusyChange={(n) => site.setUploading((x) => ({ ...x, signage: n }))} max={CERT_PHOTOS_MAX} hint='必填' />
      </Field>
    </>
  );
}
