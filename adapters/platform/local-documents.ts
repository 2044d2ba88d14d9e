/**
 * Local documents for the officials' desk (register spreadsheets): uploads land in a git-ignored
 * folder with their owner; generated files are kept for their owner and served through short-lived
 * HMAC-signed links (an <a download> needs no headers). Not photos: nothing here is shown publicly.
 */
import { randomBytes } from 'node:crypto';
import { signedLinks } from './signed-links';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, DocumentFiles } from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import { MAX_IMPORT_BYTES } from '../../core/station/register-sheet';

const ID = /^doc-[A-Za-z0-9_-]{10,64}$/;
const URL_TTL_S = 15 * 60;

interface Meta {
  owner: string;
  name: string;
}

export interface LocalDocumentFiles extends DocumentFiles {
  /** Keep an upload (POST /api/upload-document); the id goes with the preview and import actions. */
  upload(bytes: Uint8Array, openid: string): { id: string };
  /** A signed link's file, or null when the link is wrong or expired. */
  read(id: string, exp: string, sig: string): { bytes: Buffer; name: string } | null;
}

export function localDocumentFiles(dir: string, signingKey: Buffer, clock: Clock): LocalDocumentFiles {
  mkdirSync(dir, { recursive: true });
  const links = signedLinks(signingKey, clock, URL_TTL_S, 'doc.');
  const metaOf = (id: string): Meta | null => {
    if (!ID.test(id)) return null;
    const f = join(dir, `${id}.json`);
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Meta) : null;
  };
  const keep = (bytes: Uint8Array, meta: Meta) => {
    const id = `doc-${randomBytes(15).toString('base64url')}`;
    writeFileSync(join(dir, id), bytes);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(meta));
    return id;
  };
  return {
    upload(bytes, openid) {
      if (bytes.length === 0) throw new AppError('VALIDATION_ERROR', '文件是空的', { file: '文件是空的' });
      if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('VALIDATION_ERROR', `文件太大，一次最多 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, { file: '文件太大' });
      return { id: keep(bytes, { owner: openid, name: 'upload' }) };
    },
    async readUpload(fileId, openid) {
      const meta = metaOf(fileId);
      if (!meta || meta.owner !== openid) throw new AppError('VALIDATION_ERROR', '文件已失效，请重新选择文件', { fileId: '文件已失效' });
      return readFileSync(join(dir, fileId));
    },
    async offer(name, bytes, openid) {
      return { url: links.link('/documents', keep(bytes, { owner: openid, name })) };
    },
    read(id, exp, sig) {
      const meta = metaOf(id);
      if (!meta || !links.valid(id, exp, sig)) return null;
      return { bytes: readFileSync(join(dir, id)), name: meta.name };
    },
  };
}
