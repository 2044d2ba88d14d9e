/**
 * `register` client for officials: the station register's template, a spreadsheet's preview and
 * import, and exports. Files go up as the platform allows: the weapp uploads to the caller's own
 * cloud-storage folder (register-uploads/<openid>/…), the H5 posts the bytes to the local server.
 */
import Taro from '@tarojs/taro';
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import type { DownloadAnswer } from '@core/station/register-api';
import { registerUploadPath } from '@core/shared/documents';
import { uploadToOwnFolder } from './cloud-upload';
import { ApiError, client, uploadBytes, type Input } from './transport';

export type { DownloadAnswer, ImportReport } from '@core/station/register-api';
export type ExportInput = Input<RegisterApi, 'export'>;

const call = client<RegisterApi>('register');
const MAX_BYTES = 30 * 1024 * 1024;

export interface PickedSheet {
  name: string;
  size: number;
  /** weapp: a temporary file path; H5: the File itself. */
  path?: string;
  file?: Blob;
}

/** Let the official choose one .xlsx or .csv file. Null when they cancel. */
export async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // Files sent in a WeChat chat (the usual way a spreadsheet reaches a phone).
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      const f = res.tempFiles[0];
      return f ? { name: f.name, size: f.size, path: f.path } : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    input.onchange = () => {
      const f = input.files?.[0];
      input.remove();
      resolve(f ? { name: f.name, size: f.size, file: f } : null);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** Upload the chosen file; the answer is the id preview and import take. */
export async function uploadSheet(sheet: PickedSheet): Promise<string> {
  if (sheet.size > MAX_BYTES) throw new ApiError('VALIDATION_ERROR', '文件太大，一次最多 30 MB，请分县导入');
  const ext = /\.csv$/i.test(sheet.name) ? 'csv' : 'xlsx';
  if (process.env.TARO_ENV === 'weapp') return uploadToOwnFolder(registerUploadPath, sheet.path as string, ext, '文件');
  return uploadBytes('/api/upload-document', sheet.file as Blob, '文件');
}

/** Save or open a generated file: a download in the browser; in WeChat, open it (then share or save). */
export async function openDownload(answer: DownloadAnswer): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: answer.url });
    if (res.statusCode !== 200) throw new ApiError('UNAVAILABLE', '文件没有下载下来，请重试');
    // openDocument opens .xlsx (not .csv): the weapp page exports Excel only.
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  const a = document.createElement('a');
  a.href = answer.url;
  a.download = answer.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export const register = {
  template: () => call('template', {}),
  preview: (fileId: string) => call('preview', { fileId }),
  import: (fileId: string) => call('import', { fileId }, { write: true }),
  export: (input: ExportInput) => call('export', input),
};
