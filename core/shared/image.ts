/**
 * Image checks and location stripping for complaint photos, on raw bytes (no I/O).
 * JPEG: drop APP1 (Exif/XMP, where GPS lives) and APP13 (IPTC) segments. PNG: drop eXIf,
 * tEXt, iTXt and zTXt chunks. Anything else is not accepted.
 */
import { isInOwnFolder, ownFolderPath } from './own-folder';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export type ImageType = 'image/jpeg' | 'image/png';

export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return null;
}

function stripJpeg(b: Uint8Array): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new Error('corrupt jpeg');
    const marker = b[i + 1];
    if (marker === 0xda) {
      // Start of scan: the rest is image data.
      for (let k = i; k < b.length; k++) out.push(b[k]);
      return Uint8Array.from(out);
    }
    const len = (b[i + 2] << 8) | b[i + 3];
    if (len < 2 || i + 2 + len > b.length) throw new Error('corrupt jpeg');
    const drop = marker === 0xe1 || marker === 0xed;
    if (!drop) for (let k = i; k < i + 2 + len; k++) out.push(b[k]);
    i += 2 + len;
  }
  throw new Error('corrupt jpeg');
}

function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  const dropped = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);
  while (i + 12 <= b.length) {
    const len = ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    const end = i + 12 + len;
    if (end > b.length) throw new Error('corrupt png');
    if (!dropped.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Returns the cleaned bytes and type, or an error message a resident understands. */
export function cleanPhoto(bytes: Uint8Array): { ok: true; type: ImageType; bytes: Uint8Array } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: '图片是空的，请重新选择' };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, message: '图片太大了，请选择 2MB 以内的照片' };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, message: '只能上传 JPG 或 PNG 照片' };
  try {
    return { ok: true, type, bytes: type === 'image/jpeg' ? stripJpeg(bytes) : stripPng(bytes) };
  } catch {
    return { ok: false, message: '图片已损坏，请重新拍摄' };
  }
}

// ——— Where the mini-program uploads a complaint photo (cloud storage) ———

/** Uploads live in one folder per person; the complaints function claims only the caller's own. */
export const UPLOAD_DIR = 'complaint-uploads';
/** An upload's file name: 8–64 of [A-Za-z0-9_-] and a .jpg, .jpeg or .png extension (lower case). */
export const UPLOAD_NAME = /^[A-Za-z0-9_-]{8,64}\.(?:jpg|jpeg|png|mp3|aac|m4a)$/; // voice notes: core/media/voice.ts

/**
 * The `cloudPath` for `wx.cloud.uploadFile`: `complaint-uploads/<openid>/<name>`, the openid being
 * the uploader's own (from `account.me`). Throws on an openid or name the claim would refuse.
 */
export function complaintUploadPath(openid: string, name: string): string {
  return ownFolderPath('complaintUploadPath', UPLOAD_DIR, UPLOAD_NAME, openid, name);
}

/**
 * Whether a cloud file id (`cloud://<env>.<bucket>/<cloudPath>`) is an upload in this person's own
 * folder: exactly `complaint-uploads/<openid>/<name>`, nothing else (no deeper folders, no "..").
 */
export function isOwnUpload(fileId: string, openid: string): boolean {
  return isInOwnFolder(UPLOAD_DIR, UPLOAD_NAME, fileId, openid);
}
