/**
 * Officials' spreadsheets in cloud storage (wechatDocumentFiles): only the caller's own upload under
 * `register-uploads/<openid>/` is read; a missing file says so; storage trouble is UNAVAILABLE;
 * offered files get a temporary URL (getTempFileURL with maxAge, as wx-server-sdk documents it).
 */
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { AppError } from '../../core/shared/errors';
import { isOwnDocument, registerUploadPath } from '../../core/shared/documents';

const ENV = 'cloud://zdt-prod-1a2b.7a64-zdt-prod-1a2b-1300000000';
const ALICE = 'oAlice_0123-abcdEFGH';
const BOB = 'oBob-9876_zyxwVUTS';

function fakeStorage() {
  const files = new Map<string, Buffer>();
  const pathOf = (fileID: string) => fileID.slice(ENV.length + 1);
  return {
    files,
    put: (cloudPath: string, bytes: Uint8Array) => {
      files.set(cloudPath, Buffer.from(bytes));
      return `${ENV}/${cloudPath}`;
    },
    downloadFile: jest.fn(async ({ fileID }: { fileID: string }) => {
      const bytes = files.get(pathOf(fileID));
      if (!bytes) throw Object.assign(new Error('downloadFile:fail'), { errCode: -503003, errMsg: 'downloadFile:fail STORAGE_FILE_NONEXIST' });
      return { fileContent: Buffer.from(bytes) };
    }),
    uploadFile: jest.fn(async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      files.set(cloudPath, fileContent);
      return { fileID: `${ENV}/${cloudPath}` };
    }),
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => ({
      fileList: fileList.map(({ fileID }) => ({ fileID, tempFileURL: `https://tmp.example/${pathOf(fileID)}?sign=x`, status: 0 })),
    })),
  };
}

describe('wechatDocumentFiles', () => {
  it('reads the caller’s own upload only', async () => {
    const storage = fakeStorage();
    const docs = wechatDocumentFiles(storage, () => 'id-0001');
    const mine = storage.put(registerUploadPath(ALICE, 'abcdef123.xlsx'), new Uint8Array([1, 2, 3]));
    expect([...(await docs.readUpload(mine, ALICE))]).toEqual([1, 2, 3]);
    for (const [fileId, openid] of [
      [mine, BOB],
      [`${ENV}/register-uploads/${ALICE}/../x/abcdef123.xlsx`, ALICE],
      [`${ENV}/complaint-uploads/${ALICE}/abcdef123.xlsx`, ALICE],
      [`${ENV}/register-uploads/${ALICE}/abcdef123.exe`, ALICE],
    ]) {
      await expect(docs.readUpload(fileId, openid)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', message: '文件已失效，请重新选择文件' });
    }
    expect(storage.downloadFile).toHaveBeenCalledTimes(1);
    expect(isOwnDocument(mine, ALICE)).toBe(true);
    expect(() => registerUploadPath('x', 'a.xlsx')).toThrow();
  });

  it('a missing upload is "gone"; storage trouble is UNAVAILABLE', async () => {
    const storage = fakeStorage();
    const docs = wechatDocumentFiles(storage, () => 'id-0001');
    await expect(docs.readUpload(`${ENV}/${registerUploadPath(ALICE, 'abcdef123.csv')}`, ALICE)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    storage.downloadFile.mockRejectedValueOnce(Object.assign(new Error('timeout'), { errCode: -501001, errMsg: 'downloadFile:fail network timeout' }));
    const err = await docs.readUpload(`${ENV}/${registerUploadPath(ALICE, 'abcdef123.csv')}`, ALICE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAVAILABLE');
  });

  it('offers a generated file under register-downloads/<openid>/ with a 15-minute link', async () => {
    const storage = fakeStorage();
    const docs = wechatDocumentFiles(storage, () => 'id-0001');
    const { url } = await docs.offer('站点登记表-360731-20261204.xlsx', new Uint8Array([9]), ALICE);
    expect(storage.uploadFile).toHaveBeenCalledWith({ cloudPath: `register-downloads/${ALICE}/id-0001.xlsx`, fileContent: Buffer.from([9]) });
    expect(storage.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: `${ENV}/register-downloads/${ALICE}/id-0001.xlsx`, maxAge: 900 }] });
    expect(url).toBe(`https://tmp.example/register-downloads/${ALICE}/id-0001.xlsx?sign=x`);
  });
});
