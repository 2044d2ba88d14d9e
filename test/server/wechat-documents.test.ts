/**
 * Officials' spreadsheets in cloud storage (wechatDocumentFiles): only the caller's own upload under
 * `register-uploads/<openid>/` is read; a missing file says so; storage trouble is UNAVAILABLE;
 * offered files get a temporary URL (getTempFileURL with maxAge, as wx-server-sdk documents it).
 */
import { wechatDocumentFiles } from '../../adapters/platform/wechat-documents';
import { AppError } from '../../core/shared/errors';
import { isOwnDocument, registerUploadPath } from '../../core/shared/documents';
import { fakeStorage, STORAGE_ENV } from '../support/fake-storage';

const ALICE = 'oAlice_0123-abcdEFGH';
const BOB = 'oBob-9876_zyxwVUTS';

describe('wechatDocumentFiles', () => {
  it('reads the caller’s own upload only', async () => {
    const storage = fakeStorage();
    const docs = wechatDocumentFiles(storage, () => 'id-0001');
    const mine = storage.put(registerUploadPath(ALICE, 'abcdef123.xlsx'), new Uint8Array([1, 2, 3]));
    expect([...(await docs.readUpload(mine, ALICE))]).toEqual([1, 2, 3]);
    for (const [fileId, openid] of [
      [mine, BOB],
      [`${STORAGE_ENV}/register-uploads/${ALICE}/../x/abcdef123.xlsx`, ALICE],
      [`${STORAGE_ENV}/complaint-uploads/${ALICE}/abcdef123.xlsx`, ALICE],
      [`${STORAGE_ENV}/register-uploads/${ALICE}/abcdef123.exe`, ALICE],
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
    await expect(docs.readUpload(`${STORAGE_ENV}/${registerUploadPath(ALICE, 'abcdef123.csv')}`, ALICE)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    storage.downloadFile.mockRejectedValueOnce(Object.assign(new Error('timeout'), { errCode: -501001, errMsg: 'downloadFile:fail network timeout' }));
    const err = await docs.readUpload(`${STORAGE_ENV}/${registerUploadPath(ALICE, 'abcdef123.csv')}`, ALICE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAVAILABLE');
  });

  it('offers a generated file under register-downloads/<openid>/ with a 15-minute link', async () => {
    const storage = fakeStorage();
    const docs = wechatDocumentFiles(storage, () => 'id-0001');
    const { url } = await docs.offer('站点登记表-360731-20261204.xlsx', new Uint8Array([9]), ALICE);
    expect(storage.uploadFile).toHaveBeenCalledWith({ cloudPath: `register-downloads/${ALICE}/id-0001.xlsx`, fileContent: Buffer.from([9]) });
    expect(storage.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: `${STORAGE_ENV}/register-downloads/${ALICE}/id-0001.xlsx`, maxAge: 900 }] });
    expect(url).toBe(`https://tmp.example/register-downloads/${ALICE}/id-0001.xlsx?sign=x`);
  });
});
