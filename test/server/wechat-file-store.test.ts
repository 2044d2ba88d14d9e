/**
 * Complaint photos in cloud storage (wechatFileStore, adapters/platform/wechat.ts) over a fake of
 * the wx-server-sdk storage calls (downloadFile, uploadFile, deleteFile, getTempFileURL): only the
 * caller's own uploads under `complaint-uploads/<openid>/` are claimed; a non-image is refused; the
 * stored copy has no location data, lives under `complaint-photos/` and the upload is deleted; views
 * map to temporary URLs in the order asked.
 */
import { wechatFileStore } from '../../adapters/platform/wechat';
import { AppError } from '../../core/shared/errors';
import { cleanPhoto, complaintUploadPath, isOwnUpload } from '../../core/shared/image';
import { fakeStorage, STORAGE_ENV } from '../support/fake-storage';

const ALICE = 'oAlice_0123-abcdEFGH';
const BOB = 'oBob-9876_zyxwVUTS';

/** A JPEG with an Exif (APP1) segment carrying a GPS position, a quantisation table and scan data. */
function jpegWithGps(): Uint8Array {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('GPS 25.9612N 115.4155E', 'latin1')]);
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe1, exif),
    segment(0xdb, Buffer.alloc(65, 1)),
    Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]),
  ]);
}

let n = 0;
const newId = () => `photo${++n}`;

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : 'not an AppError'),
  );
}

describe('wechatFileStore', () => {
  test('claims the caller’s own upload: clean copy under complaint-photos/, no GPS, upload deleted', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const upload = cloud.put(complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.jpg'), jpegWithGps());
    expect(upload).toBe(`${STORAGE_ENV}/complaint-uploads/${ALICE}/lq3x9AbCdEfGhIjKlMnO.jpg`);

    const stored = await store.claim(upload, ALICE);
    expect(stored).toMatch(new RegExp(`^${STORAGE_ENV.replace(/[.]/g, '\\.')}/complaint-photos/photo\\d+\\.jpg$`));
    const [path] = [...cloud.files.keys()];
    expect([...cloud.files.keys()]).toEqual([path]);
    expect(path).toMatch(/^complaint-photos\//);
    const bytes = cloud.files.get(path)!;
    expect(bytes.includes(Buffer.from('GPS', 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(cloud.deleteFile).toHaveBeenCalledWith({ fileList: [upload] });
    // The upload is gone: a second claim of it is refused.
    expect(await codeOf(store.claim(upload, ALICE))).toBe('VALIDATION_ERROR');
  });

  test('refuses another user’s upload without reading or deleting it', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const alices = cloud.put(complaintUploadPath(ALICE, 'aaaaaaaaaaaa.jpg'), jpegWithGps());
    expect(await codeOf(store.claim(alices, BOB))).toBe('VALIDATION_ERROR');
    expect(cloud.downloadFile).not.toHaveBeenCalled();
    expect(cloud.deleteFile).not.toHaveBeenCalled();
    expect(cloud.files.has(`complaint-uploads/${ALICE}/aaaaaaaaaaaa.jpg`)).toBe(true);
  });

  test.each([
    ['the old shared folder', `${STORAGE_ENV}/complaint-uploads/aaaaaaaaaaaa.jpg`],
    ['a deeper folder', `${STORAGE_ENV}/complaint-uploads/${BOB}/x/aaaaaaaaaaaa.jpg`],
    ['a climb out of the folder', `${STORAGE_ENV}/complaint-uploads/${BOB}/../${ALICE}/aaaaaaaaaaaa.jpg`],
    ['a stored photo', `${STORAGE_ENV}/complaint-photos/photo1.jpg`],
    ['an openid that only starts like the caller’s', `${STORAGE_ENV}/complaint-uploads/${BOB}x/aaaaaaaaaaaa.jpg`],
    ['a file name of another form', `${STORAGE_ENV}/complaint-uploads/${BOB}/a.gif`],
    ['no cloud file id', `complaint-uploads/${BOB}/aaaaaaaaaaaa.jpg`],
  ])('refuses %s', async (_label, fileId) => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    expect(await codeOf(store.claim(fileId, BOB))).toBe('VALIDATION_ERROR');
    expect(cloud.downloadFile).not.toHaveBeenCalled();
  });

  test('refuses a non-image (the upload stays the user’s to delete)', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const upload = cloud.put(complaintUploadPath(BOB, 'bbbbbbbbbbbb.png'), Buffer.from('%PDF-1.7 not a picture'));
    const err = await store.claim(upload, BOB).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'VALIDATION_ERROR', message: '只能上传 JPG 或 PNG 照片' });
    expect(cloud.uploadFile).not.toHaveBeenCalled();
    expect([...cloud.files.keys()]).toEqual([`complaint-uploads/${BOB}/bbbbbbbbbbbb.png`]);
  });

  test('a missing upload is invalid; a storage failure is UNAVAILABLE', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    expect(await codeOf(store.claim(`${STORAGE_ENV}/complaint-uploads/${BOB}/cccccccccccc.jpg`, BOB))).toBe('VALIDATION_ERROR');
    cloud.downloadFile.mockRejectedValueOnce(Object.assign(new Error('timeout'), { errCode: -501001, errMsg: 'downloadFile:fail timeout' }));
    const upload = cloud.put(complaintUploadPath(BOB, 'dddddddddddd.jpg'), jpegWithGps());
    expect(await codeOf(store.claim(upload, BOB))).toBe('UNAVAILABLE');
  });

  test('viewUrls: one temporary URL per id, in the order asked; "" for a file that cannot be linked', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const a = cloud.put('complaint-photos/p-a.jpg', jpegWithGps());
    const b = cloud.put('complaint-photos/p-b.png', jpegWithGps());
    const gone = `${STORAGE_ENV}/complaint-photos/p-gone.jpg`;
    expect(await store.viewUrls([a, gone, b])).toEqual(['https://tmp.example/complaint-photos/p-a.jpg?sign=x', '', 'https://tmp.example/complaint-photos/p-b.png?sign=x']);
    expect(cloud.getTempFileURL).toHaveBeenCalledTimes(1);
    expect(await store.viewUrls([])).toEqual([]);
    expect(cloud.getTempFileURL).toHaveBeenCalledTimes(1);
  });
});

describe('wechatFileStore.claimVoice (说一说)', () => {
  const mp3 = () => {
    const b = Buffer.alloc(4000);
    b.write('ID3', 0, 'latin1');
    return b;
  };
  test('claims the caller’s own MP3 into complaint-voice/ and deletes the upload', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const upload = cloud.put(complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.mp3'), mp3());
    const stored = await store.claimVoice!(upload, ALICE);
    expect(stored).toMatch(/\/complaint-voice\/photo\d+\.mp3$/);
    expect(cloud.deleteFile).toHaveBeenCalledWith({ fileList: [upload] });
    expect([...cloud.files.keys()].every((k) => k.startsWith('complaint-voice/'))).toBe(true);
  });
  test('refuses another user’s upload, a photo, and a file over 1 MB', async () => {
    const cloud = fakeStorage();
    const store = wechatFileStore(cloud, cleanPhoto, newId);
    const alices = cloud.put(complaintUploadPath(ALICE, 'aaaaaaaaaaaa.mp3'), mp3());
    expect(await codeOf(store.claimVoice!(alices, BOB))).toBe('VALIDATION_ERROR');
    expect(cloud.downloadFile).not.toHaveBeenCalled();
    const photo = cloud.put(complaintUploadPath(ALICE, 'bbbbbbbbbbbb.mp3'), jpegWithGps());
    expect(await codeOf(store.claimVoice!(photo, ALICE))).toBe('VALIDATION_ERROR');
    const big = Buffer.alloc(1024 * 1024 + 1);
    big.write('ID3', 0, 'latin1');
    const long = cloud.put(complaintUploadPath(ALICE, 'cccccccccccc.mp3'), big);
    expect(await codeOf(store.claimVoice!(long, ALICE))).toBe('VALIDATION_ERROR');
    expect(cloud.uploadFile).not.toHaveBeenCalled();
  });
});

describe('the upload path the mini-program uses', () => {
  test('complaintUploadPath builds complaint-uploads/<openid>/<name> and isOwnUpload accepts exactly that', () => {
    expect(complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.png')).toBe(`complaint-uploads/${ALICE}/lq3x9AbCdEfGhIjKlMnO.png`);
    expect(isOwnUpload(`${STORAGE_ENV}/${complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.png')}`, ALICE)).toBe(true);
    expect(isOwnUpload(`${STORAGE_ENV}/${complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.png')}`, BOB)).toBe(false);
    expect(() => complaintUploadPath('o/../x', 'lq3x9AbCdEfGhIjKlMnO.png')).toThrow();
    expect(() => complaintUploadPath(ALICE, 'short.jpg')).toThrow();
    expect(() => complaintUploadPath(ALICE, 'lq3x9AbCdEfGhIjKlMnO.heic')).toThrow();
  });
});
