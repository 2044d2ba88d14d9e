/**
 * Local photo storage for the H5 build: uploads land in a git-ignored folder with their owner,
 * location data already stripped; views use short-lived HMAC-signed URLs so an <img> can load
 * them without headers, and only people who were shown the complaint get a URL.
 */
import { randomBytes } from 'node:crypto';
import { signedLinks } from './signed-links';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, FileStore } from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import { cleanPhoto, type ImageType } from '../../core/shared/image';
import { checkVoiceFile, type AudioType } from '../../core/media/voice';

const ID = /^upl-[A-Za-z0-9_-]{10,64}$/;
const URL_TTL_S = 15 * 60;

interface Meta {
  owner: string;
  type: ImageType | AudioType;
  size: number;
}

export interface LocalFileStore extends FileStore {
  /** Store an upload; the answer is the id the client sends with the complaint. */
  upload(bytes: Uint8Array, openid: string): { id: string };
  /** Store a voice note (core/media/voice.ts); the answer is the id the client sends. */
  uploadVoice(bytes: Uint8Array, openid: string): { id: string };
  /** Serve a signed URL's file, or null when the link is wrong or expired. */
  read(id: string, exp: string, sig: string): { bytes: Buffer; type: ImageType | AudioType } | null;
  /** Delete a stored photo (one that failed its content check). */
  remove(id: string): void;
}

export function localFileStore(dir: string, signingKey: Buffer, clock: Clock): LocalFileStore {
  mkdirSync(dir, { recursive: true });
  const links = signedLinks(signingKey, clock, URL_TTL_S);
  const metaOf = (id: string): Meta | null => {
    if (!ID.test(id)) return null;
    const f = join(dir, `${id}.json`);
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Meta) : null;
  };
  return {
    upload(bytes, openid) {
      const cleaned = cleanPhoto(bytes);
      if (!cleaned.ok) throw new AppError('VALIDATION_ERROR', cleaned.message, { file: cleaned.message });
      const id = `upl-${randomBytes(15).toString('base64url')}`;
      writeFileSync(join(dir, id), cleaned.bytes);
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ owner: openid, type: cleaned.type, size: cleaned.bytes.length } satisfies Meta));
      return { id };
    },
    async claim(fileId, openid) {
      const meta = metaOf(fileId);
      // A voice upload is not a photo (nor the other way round).
      if (!meta || meta.owner !== openid || !meta.type.startsWith('image/')) throw new AppError('VALIDATION_ERROR', '图片无效，请重新上传', { photos: '图片无效' });
      return fileId;
    },
    uploadVoice(bytes, openid) {
      const checked = checkVoiceFile(bytes);
      if (!checked.ok) throw new AppError('VALIDATION_ERROR', checked.message, { voice: checked.message });
      const id = `upl-${randomBytes(15).toString('base64url')}`;
      writeFileSync(join(dir, id), bytes);
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ owner: openid, type: checked.type, size: bytes.length } satisfies Meta));
      return { id };
    },
    async claimVoice(fileId, openid) {
      const meta = metaOf(fileId);
      if (!meta || meta.owner !== openid || !meta.type.startsWith('audio/')) throw new AppError('VALIDATION_ERROR', '录音无效，请重新录', { voice: '录音无效' });
      return fileId;
    },
    async viewUrls(ids) {
      return ids.map((id) => links.link('/files', id));
    },
    remove(id) {
      if (!ID.test(id)) return;
      rmSync(join(dir, id), { force: true });
      rmSync(join(dir, `${id}.json`), { force: true });
    },
    read(id, exp, sig) {
      const meta = metaOf(id);
      if (!meta || !links.valid(id, exp, sig)) return null;
      return { bytes: readFileSync(join(dir, id)), type: meta.type };
    },
  };
}
