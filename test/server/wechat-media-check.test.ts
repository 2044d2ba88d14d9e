/**
 * The WeChat photo checker and subscribe notifier against a scripted `cloud` object: the open API
 * receives what its documentation asks for (mediaCheckAsync v2 with a reachable URL; the
 * subscribeMessage.send body with camelCase cloud-call names), and refusals are named by cause.
 */
import { wechatMediaChecker, wechatNotifier } from '../../adapters/platform/wechat';
import type { OutboxMessage } from '../../core/complaint/model';
import { localTemplates } from '../../core/notify/subscribe';

const FILE = 'cloud://env-1.bucket/complaint-photos/abc.jpg';

function cloud(answer: Record<string, unknown> = { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId: '68da2ba7-3093634d-1368e8ef' }) {
  return {
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({ fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://env-1.tcb.qcloud.la/${fileID.split('/').pop()}`, status: 0 })) })),
    deleteFile: jest.fn(async () => ({})),
    downloadFile: jest.fn(),
    uploadFile: jest.fn(),
    openapi: {
      security: { msgSecCheck: jest.fn(), mediaCheckAsync: jest.fn(async () => answer) },
      subscribeMessage: { send: jest.fn(async () => ({ errCode: 0 })) },
    },
  };
}

test('mediaCheckAsync v2 gets a reachable https link, the image type and the owner; answers the trace id', async () => {
  const c = cloud();
  const traceId = await wechatMediaChecker(c as never).check(FILE, { openid: 'o-resident' });
  expect(traceId).toBe('68da2ba7-3093634d-1368e8ef');
  expect(c.openapi.security.mediaCheckAsync).toHaveBeenCalledWith({ mediaUrl: 'https://env-1.tcb.qcloud.la/abc.jpg', mediaType: 2, version: 2, openid: 'o-resident', scene: 2 });
  await wechatMediaChecker(c as never).discard(FILE);
  expect(c.deleteFile).toHaveBeenCalledWith({ fileList: [FILE] });
});

test('a voice note (说一说) is checked as audio: mediaType 1', async () => {
  const c = cloud();
  await wechatMediaChecker(c as never).check('cloud://env-1.bucket/complaint-voice/v.mp3', { openid: 'o-resident', media: 'audio' });
  expect(c.openapi.security.mediaCheckAsync).toHaveBeenCalledWith({ mediaUrl: 'https://env-1.tcb.qcloud.la/v.mp3', mediaType: 1, version: 2, openid: 'o-resident', scene: 2 });
});

test('no link or an error answer: the request fails (the photo stays with its owner)', async () => {
  const c = cloud({ errCode: 45009, errMsg: 'reach max api daily quota limit' });
  await expect(wechatMediaChecker(c as never).check(FILE, { openid: 'o' })).rejects.toThrow('45009');
  const noLink = cloud();
  noLink.getTempFileURL.mockResolvedValueOnce({ fileList: [{ fileID: FILE, tempFileURL: '', status: -1 }] });
  await expect(wechatMediaChecker(noLink as never).check(FILE, { openid: 'o' })).rejects.toThrow('no link');
  expect(noLink.openapi.security.mediaCheckAsync).not.toHaveBeenCalled();
});

const message: OutboxMessage = {
  id: 'm1',
  openid: 'o-resident',
  event: 'complaint_closed',
  complaintId: 'c1',
  payload: { trackingNo: 'TS260930ABCDEF', station: '贡江镇服务站', status: '已办结（未评价）', category: '乱收费/未明码标价' },
  createdAt: '2026-10-09T02:00:00.000Z',
  sentAt: null,
  attempts: 0,
  lastError: null,
};

test('subscribeMessage.send gets the built body under the cloud-call names', async () => {
  const c = cloud();
  await wechatNotifier(c as never, localTemplates(), 'trial').send(message);
  expect(c.openapi.subscribeMessage.send).toHaveBeenCalledWith({
    touser: 'o-resident',
    templateId: 'local-complaint_closed',
    page: 'pages/complaint/detail/index?id=c1',
    miniprogramState: 'trial',
    lang: 'zh_CN',
    data: { character_string1: { value: 'TS260930ABCDEF' }, thing2: { value: '贡江镇服务站' }, phrase3: { value: '已办结' }, time4: { value: '2026年10月9日 10:00' }, thing5: { value: '7天未评价，已自动办结' } },
  });
});

test('WeChat refusals are named by cause for the outbox', async () => {
  const c = cloud();
  c.openapi.subscribeMessage.send.mockRejectedValueOnce(Object.assign(new Error('openapi.subscribeMessage.send:fail user refuse to accept the msg'), { errCode: 43101 }));
  await expect(wechatNotifier(c as never, localTemplates()).send(message)).rejects.toMatchObject({ name: 'SubscribeNotConsented' });
  c.openapi.subscribeMessage.send.mockRejectedValueOnce(Object.assign(new Error('argument invalid!'), { errCode: 47003 }));
  await expect(wechatNotifier(c as never, localTemplates()).send(message)).rejects.toMatchObject({ name: 'SubscribeValueRefused' });
  // No template for the event: nothing is sent.
  await wechatNotifier(c as never, {}).send(message);
  expect(c.openapi.subscribeMessage.send).toHaveBeenCalledTimes(2);
});
