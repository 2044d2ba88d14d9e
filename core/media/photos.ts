/**
 * Photos officials' desks take in (station edits, certification, rectification answers) through
 * the same upload path as complaint photos: the client uploads, FileStore.claim checks the upload
 * is the caller's own and a clean image (location stripped) and answers the id to store.
 */
import type { Clock, FileStore } from '../ports';
import type { MediaChecker, MediaCheckRepository } from './check';
import { z } from '../shared/zod';

/** Cloud storage file ids (cloud://…) in weapp, upload ids locally (same as complaint photos). */
export const photoId = z.string().check(z.regex(/^(cloud:\/\/[A-Za-z0-9_./-]{10,200}|upl-[A-Za-z0-9_-]{10,64})$/, '图片无效，请重新上传'));

export const photoList = (max: number, min = 0, tooFew = '请上传照片') =>
  z.array(photoId).check(z.minLength(min, tooFew), z.maxLength(max, `最多 ${max} 张照片`));

/**
 * The stored ids of `wanted`: ids already in `kept` (photos the record has now) stay as they are,
 * anything else must be the caller's own upload and is claimed. Duplicates are dropped.
 */
export async function claimPhotos(files: Pick<FileStore, 'claim'>, openid: string, wanted: readonly string[], kept: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const id of new Set(wanted)) out.push(kept.includes(id) ? id : await files.claim(id, openid));
  return out;
}

/** Short-lived URLs for people allowed to see the record ('' for one the storage could not link). */
export async function photoUrls(files: Pick<FileStore, 'viewUrls'>, ids: readonly string[] | undefined): Promise<string[]> {
  return ids?.length ? files.viewUrls([...ids]) : [];
}

/** A photo's content check: its file id and the trace id of the verdict to come. */
export interface PhotoCheck {
  fileId: string;
  traceId: string;
}

/**
 * Ask for content checks of photos that may become public (station photos). Verdicts are only
 * recorded (core/media/check.ts `station-photo`); whoever publishes reads them. A failed request
 * leaves the photo unchecked, which never publishes it. Without the ports: nothing is asked.
 */
export async function checkStationPhotos(deps: { mediaChecker?: MediaChecker; mediaChecks?: MediaCheckRepository; clock: Clock }, fileIds: readonly string[], openid: string, subject: 'station-photo' | 'inspection-photo' | 'rectification-photo' = 'station-photo'): Promise<PhotoCheck[]> {
  const out: PhotoCheck[] = [];
  if (!deps.mediaChecker || !deps.mediaChecks) return out;
  for (const fileId of fileIds) {
    try {
      const traceId = await deps.mediaChecker.check(fileId, { openid });
      await deps.mediaChecks.insert({ traceId, fileId, complaintId: '', subject, openid, requestedAt: deps.clock.now().toISOString(), result: null, decidedAt: null });
      out.push({ fileId, traceId });
    } catch {
      // Unchecked: left off the public page.
    }
  }
  return out;
}

/** The photos among `fileIds` whose check passed (none without the check store: failing closed). */
export async function passedPhotos(mediaChecks: MediaCheckRepository | undefined, checks: readonly PhotoCheck[] | undefined, fileIds: readonly string[]): Promise<string[]> {
  if (!mediaChecks) return [];
  const out: string[] = [];
  for (const f of fileIds) {
    const c = checks?.find((x) => x.fileId === f);
    if (c && (await mediaChecks.get(c.traceId))?.result === 'pass') out.push(f);
  }
  return out;
}

export type PhotoState = 'passed' | 'pending' | 'failed';

/**
 * Each photo's check state: passed, failed (removed from storage), or pending — still being checked,
 * or never asked (a failed request, or no check store): shown to its uploader only, never to others.
 */
export async function photoStates(mediaChecks: MediaCheckRepository | undefined, checks: readonly PhotoCheck[] | undefined, fileIds: readonly string[]): Promise<Map<string, PhotoState>> {
  const out = new Map<string, PhotoState>();
  for (const f of fileIds) {
    const c = checks?.find((x) => x.fileId === f);
    const result = c && mediaChecks ? (await mediaChecks.get(c.traceId))?.result : null;
    out.set(f, result === 'pass' ? 'passed' : result ? 'failed' : 'pending');
  }
  return out;
}
