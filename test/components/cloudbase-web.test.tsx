/**
 * The H5 on CloudBase static hosting (src/services/cloudbase-web.ts): functions through the js-sdk's
 * callFunction with the PC session, uploads into the official's own cloud-storage folder, as the
 * mini-program does, so the functions claim them the same way. The SDK is a double with the
 * js-sdk 3.x shapes the module relies on.
 */
import { setPcSession } from '@/services/identity';
import { callFunction, uploadBytes } from '@/services/transport';
import { resetTaro } from './taro-mock';

const sdk = {
  signedIn: false,
  calls: [] as { name: string; data: Record<string, unknown> }[],
  uploads: [] as { cloudPath: string; filePath: Blob }[],
  failUpload: false,
};

jest.mock(
  '@cloudbase/js-sdk',
  () => ({
    init: () => ({
      auth: () => ({
        hasLoginState: () => sdk.signedIn,
        signInAnonymously: async () => {
          sdk.signedIn = true;
        },
        signInWithCustomTicket: async () => {
          sdk.signedIn = true;
        },
        signOut: async () => {
          sdk.signedIn = false;
        },
      }),
      callFunction: async (o: { name: string; data: Record<string, unknown> }) => {
        sdk.calls.push(o);
        if (o.name === 'account' && o.data.action === 'me') return { result: { ok: true, data: { openid: 'oOfficial_abc123', roles: [] } } };
        return { result: { ok: true, data: { echoed: o.data.action } } };
      },
      uploadFile: async (o: { cloudPath: string; filePath: Blob }) => {
        if (sdk.failUpload) throw Object.assign(new Error('STORAGE_REQUEST_FAIL'), { code: 'STORAGE_REQUEST_FAIL' });
        sdk.uploads.push(o);
        return { fileID: `cloud://env-test.7465-env-test/${o.cloudPath}`, requestId: 'r1' };
      },
    }),
  }),
  { virtual: true },
);

const g = globalThis as unknown as { CLOUDBASE_ENV: string };

beforeEach(() => {
  resetTaro();
  g.CLOUDBASE_ENV = 'env-test';
  Object.assign(sdk, { signedIn: false, calls: [], uploads: [], failUpload: false });
});
afterEach(() => {
  g.CLOUDBASE_ENV = '';
});

test('calls go through the js-sdk, signed in anonymously first, carrying the PC session', async () => {
  setPcSession({ token: 'tok-123', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), roles: ['county_official'] });
  const answer = await callFunction('complaints', 'queue', { status: 'submitted' });
  expect(answer).toEqual({ echoed: 'queue' });
  expect(sdk.signedIn).toBe(true);
  expect(sdk.calls).toEqual([{ name: 'complaints', data: { action: 'queue', data: { status: 'submitted' }, session: 'tok-123' } }]);
});

test('a photo goes to the official’s own complaint-uploads folder; the file id is answered', async () => {
  const id = await uploadBytes('/api/upload', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), '照片');
  expect(sdk.uploads).toHaveLength(1);
  expect(sdk.uploads[0].cloudPath).toMatch(/^complaint-uploads\/oOfficial_abc123\/[A-Za-z0-9_-]{8,64}\.jpg$/);
  expect(sdk.uploads[0].filePath).toBeInstanceOf(Blob);
  expect(id).toBe(`cloud://env-test.7465-env-test/${sdk.uploads[0].cloudPath}`);
});

test('a spreadsheet goes to register-uploads; a PNG keeps its extension', async () => {
  await uploadBytes('/api/upload-document', new Blob(['a,b'], { type: 'text/csv' }), '文件');
  await uploadBytes('/api/upload', new Blob(['x'], { type: 'image/png' }), '照片');
  expect(sdk.uploads.map((u) => u.cloudPath.replace(/\/[^/]+\.(\w+)$/, '/*.$1'))).toEqual(['register-uploads/oOfficial_abc123/*.csv', 'complaint-uploads/oOfficial_abc123/*.png']);
});

test('a recording the claim would refuse is stopped before upload, in plain words', async () => {
  await expect(uploadBytes('/api/upload-voice', new Blob(['x'], { type: 'audio/webm;codecs=opus' }), '录音')).rejects.toMatchObject({ code: 'VALIDATION_ERROR', message: '这种录音传不上去，请在微信小程序里操作' });
  const id = await uploadBytes('/api/upload-voice', new Blob(['x'], { type: 'audio/mp4' }), '录音');
  expect(id).toMatch(/\.m4a$/);
});

test('a failed upload reads as a network problem', async () => {
  sdk.failUpload = true;
  await expect(uploadBytes('/api/upload', new Blob(['x'], { type: 'image/jpeg' }), '照片')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('照片没有传上去') });
});
