/** The contract of the `inspections` function: zod inputs with limits; answers as plain types. */
import { isoDate, latitude, longitude, optionalText, regionCode, text, z } from '../shared/zod';
import { CHECK_ITEMS, MAX_VISIT_PHOTOS, VISIT_KINDS, type CheckItem, type StationDue, type VisitKind } from './model';

const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
/** An uploaded photo: a cloud file id (weapp) or a local upload id (H5), as complaints take them. */
const photoId = z.string().check(z.regex(/^(cloud:\/\/[A-Za-z0-9_./-]{10,200}|upl-[A-Za-z0-9_-]{10,64})$/, '图片无效，请重新上传'));
const visitId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, '记录编号不对'));

export const recordVisitInput = z.strictObject({
  stationId,
  kind: z.enum(VISIT_KINDS, '请选择走访类型'),
  /** Without it: today (the server's day). */
  visitedOn: z.optional(isoDate),
  items: z.optional(
    z.array(z.strictObject({ item: z.enum(CHECK_ITEMS, '检查项不对'), ok: z.boolean('请选择合格或不合格'), note: optionalText(100, '问题') })).check(z.maxLength(CHECK_ITEMS.length, '检查项太多')),
  ),
  note: optionalText(300, '说明'),
  photos: z.optional(z.array(photoId).check(z.maxLength(MAX_VISIT_PHOTOS, `最多上传 ${MAX_VISIT_PHOTOS} 张照片`))),
  location: z.optional(z.strictObject({ lat: latitude, lng: longitude })),
});
export const stationVisitsInput = z.strictObject({ stationId, offset: z.optional(z.int().check(z.gte(0), z.lte(10_000))) });
export const duesInput = z.strictObject({ regionCode: z.optional(regionCode) });
export const toRectificationInput = z.strictObject({
  id: visitId,
  requiredFixes: text(500, '整改要求', { min: 5 }),
  workdays: z.int().check(z.gte(5, '整改期限至少 5 个工作日'), z.lte(60, '整改期限最多 60 个工作日')),
});

export interface VisitView {
  id: string;
  stationId: string;
  stationName: string;
  kind: VisitKind;
  kindLabel: string;
  visitedOn: string;
  items?: { item: CheckItem; label: string; ok: boolean; note?: string }[];
  score?: number;
  note?: string;
  /** Short-lived URLs of the visit's photos that passed the content check. */
  photoUrls: string[];
  /** The author only: photos still being checked (shown to nobody else yet). */
  pendingPhotoUrls?: string[];
  /** The author only: how many photos failed the check and were removed. */
  photosRemoved?: number;
  /** Metres from the station where the visit was recorded, and whether that is far (GPS drifts indoors). */
  distanceM?: number;
  far?: boolean;
  /** Failed items as problems (what a rectification order would list). */
  problems: string[];
  rectificationId?: string;
  createdAt: string;
}

export interface StationVisitsView {
  station: { id: string; name: string };
  canRecord: boolean;
  canRectify: boolean;
  items: VisitView[];
  nextOffset: number | null;
}

export interface DuesView {
  region: { code: string };
  quarter: string;
  year: string;
  operators: { operatorName: string; stations: number; guidanceBehind: number; trainingBehind: number }[];
  /** Stations behind on something, first 200. */
  behind: StationDue[];
  stations: number;
}
