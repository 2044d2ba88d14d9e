/**
 * Complaint photos: pick (compressed) and upload, one module for both targets.
 *  - weapp: `Taro.chooseMedia` (compressed; `chooseImage` on old base libraries), then
 *    `Taro.cloud.uploadFile` into `complaint-uploads/<my openid>/<random>.jpg` (the folder the
 *    complaints function claims from, core/shared/image.ts) → a `cloud://…` file id;
 *  - H5 (local server): `Taro.chooseImage`, then `POST /api/upload` with the image bytes as the
 *    body and the demo identity as `X-WX-OPENID` → `upl-…`. Browsers do not compress: photos
 *    over the limit (or not JPG/PNG) are redrawn smaller as JPEG first.
 * The server strips location data from uploads. Failures are ApiErrors with a message to show.
 */
import Taro from '@tarojs/taro';
import { MAX_PHOTO_BYTES, complaintUploadPath } from '@core/shared/image';
import { uploadToOwnFolder } from './cloud-upload';
import { ApiError, uploadBytes } from './transport';

export interface PickedPhoto {
  /** Temp path (weapp) or blob: URL (H5); shows in an <Image>. */
  path: string;
  size: number;
  type?: string;
  /** H5: the picked file itself. */
  file?: Blob;
}

export type PickResult =
  | { ok: true; photos: PickedPhoto[]; /** picked beyond `max` and left out */ dropped: number }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string };

export const TOO_BIG_MESSAGE = '照片太大了，请换一张 2MB 以内的照片';
const BAD_TYPE_MESSAGE = '只能上传 JPG 或 PNG 格式的照片，请换一张';
const PICK_FAILED_MESSAGE = '没能打开相册或相机，请检查是否允许了相册和相机权限';
/** H5 redraw: long side and JPEG quality. */
const SHRINK_SIDE = 1600;
const SHRINK_QUALITY = 0.8;

function isCancel(e: unknown): boolean {
  return /cancel|abort/i.test(String((e as { errMsg?: string })?.errMsg ?? e));
}

async function pickWeapp(max: number): Promise<PickedPhoto[]> {
  const t = Taro as unknown as { chooseMedia?: typeof Taro.chooseMedia };
  if (typeof t.chooseMedia === 'function') {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
  }
  const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => ({ path: f.path, size: f.size }));
}

async function pickBrowser(max: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => {
    const file = (f as { originalFileObj?: Blob }).originalFileObj;
    return { path: f.path, size: f.size, type: f.type || file?.type, file };
  });
}

/** Let the person choose up to `max` photos. Never throws. */
export async function pickPhotos(max: number): Promise<PickResult> {
  if (max < 1) return { ok: false, cancelled: false, message: '照片已经够了' };
  try {
    const all = process.env.TARO_ENV === 'weapp' ? await pickWeapp(max) : await pickBrowser(max);
    // A browser's file input ignores the count: keep the first `max`.
    return { ok: true, photos: all.slice(0, max), dropped: Math.max(0, all.length - max) };
  } catch (e) {
    if (isCancel(e)) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, message: PICK_FAILED_MESSAGE };
  }
}

async function uploadWeapp(photo: PickedPhoto): Promise<string> {
  if (photo.size > MAX_PHOTO_BYTES) throw new ApiError('VALIDATION_ERROR', TOO_BIG_MESSAGE);
  return uploadToOwnFolder(complaintUploadPath, photo.path, /\.png$/i.test(photo.path) ? 'png' : 'jpg', '照片');
}

/** Redraw a picture as a JPEG no larger than SHRINK_SIDE (browsers only). */
async function shrink(blob: Blob): Promise<Blob> {
  const url = URL.createObjectURL(blob);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new Image();
      el.onload = () => resolve(el);
      el.onerror = () => reject(new Error('decode'));
      el.src = url;
    });
    const scale = Math.min(1, SHRINK_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', SHRINK_QUALITY));
    if (!out) throw new Error('encode');
    return out;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function uploadBrowser(photo: PickedPhoto): Promise<string> {
  let blob: Blob;
  try {
    blob = photo.file ?? (await (await fetch(photo.path)).blob());
  } catch {
    throw new ApiError('VALIDATION_ERROR', '这张照片读不出来，请重新选择');
  }
  const type = blob.type || photo.type || '';
  if (blob.size > MAX_PHOTO_BYTES || !/^image\/(jpeg|png)$/.test(type)) {
    try {
      blob = await shrink(blob);
    } catch {
      throw new ApiError('VALIDATION_ERROR', /^image\/(jpeg|png)$/.test(type) ? TOO_BIG_MESSAGE : BAD_TYPE_MESSAGE);
    }
    if (blob.size > MAX_PHOTO_BYTES) throw new ApiError('VALIDATION_ERROR', TOO_BIG_MESSAGE);
  }
  return uploadBytes('/api/upload', blob, '照片');
}

/** Upload one picked photo; the answer is the id the complaint carries. */
export function uploadPhoto(photo: PickedPhoto): Promise<string> {
  return process.env.TARO_ENV === 'weapp' ? uploadWeapp(photo) : uploadBrowser(photo);
}
