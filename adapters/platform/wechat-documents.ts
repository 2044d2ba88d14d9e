/**
 * Officials' documents in WeChat cloud storage. The mini-program uploads a chosen spreadsheet to
 * `register-uploads/<its openid>/<name>` (core/shared/documents.ts); the function reads only files in the
 * caller's own folder. Generated files go to `register-downloads/<openid>/<id>/<name>` and are
 * handed out as temporary URLs; the storage rules keep both folders private.
 */
import type { DocumentFiles } from '../../core/ports';
import { isOwnDocument } from '../../core/shared/documents';
import { AppError } from '../../core/shared/errors';
import { MAX_IMPORT_BYTES } from '../../core/station/register-sheet';

interface WxStorage {
  downloadFile(req: { fileID: string }): Promise<{ fileContent: Buffer }>;
  uploadFile(req: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(req: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;
}

const gone = () => new AppError('VALIDATION_ERROR', '文件已失效，请重新选择文件', { fileId: '文件已失效' });

export function wechatDocumentFiles(cloud: WxStorage, newId: () => string): DocumentFiles {
  return {
    async readUpload(fileId, openid) {
      if (!isOwnDocument(fileId, openid)) throw gone();
      let fileContent: Buffer;
      try {
        ({ fileContent } = await cloud.downloadFile({ fileID: fileId }));
      } catch (err) {
        const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
        if (/NONEXIST|not ?exist|not found|404/i.test([e?.errCode, e?.errMsg, e?.message].join(' '))) throw gone();
        throw new AppError('UNAVAILABLE', '文件暂时无法读取，请稍后再试');
      }
      if (fileContent.length > MAX_IMPORT_BYTES) throw new AppError('VALIDATION_ERROR', `文件太大，一次最多 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, { file: '文件太大' });
      return new Uint8Array(fileContent);
    },
    async offer(name, bytes, openid) {
      // The stored name is ASCII; the Chinese name goes to the client, which saves the file under it.
      const ext = name.endsWith('.csv') ? 'csv' : 'xlsx';
      const { fileID } = await cloud.uploadFile({ cloudPath: `register-downloads/${openid}/${newId()}.${ext}`, fileContent: Buffer.from(bytes) });
      const r = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 15 * 60 }] });
      const url = r.fileList.find((f) => f.fileID === fileID && f.status === 0)?.tempFileURL;
      if (!url) throw new AppError('UNAVAILABLE', '文件暂时无法下载，请稍后再试');
      return { url };
    },
  };
}
