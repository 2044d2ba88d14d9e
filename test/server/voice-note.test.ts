/**
 * 说一说 over HTTP (issue 11 §6): a voice note is uploaded like a photo, carried by the complaint,
 * heard by its owner at once and by officials only after the audio check passes; nobody else can
 * take someone's upload, and a failing note is removed and the owner told.
 */
import type { ComplaintView } from '../../core/complaint/api';
import { caseOf, fileComplaint, uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const t = appForTests({ now: '2026-09-30T02:00:00.000Z' });

/** A small WebM file header (what Chromium's MediaRecorder writes first). */
const WEBM = () => {
  const b = new Uint8Array(2048);
  b.set([0x1a, 0x45, 0xdf, 0xa3]);
  return b;
};

async function uploadVoice(openid: string, bytes: Uint8Array<ArrayBuffer> = WEBM()) {
  const res = await t.raw('/api/upload-voice', { method: 'POST', headers: { 'x-wx-openid': openid, 'content-type': 'application/octet-stream' }, body: bytes });
  return (await res.json()) as { ok: boolean; data?: { id: string }; error?: { code: string; message: string } };
}
const mine = (id: string) => t.ok<ComplaintView>('complaints', 'get', { id }, DEMO.resident1);
const run = () => t.raw('/dev/scheduler/run', { method: 'POST' });

test('a voice note counts as content; its owner hears it at once, officials and strangers only after the check', async () => {
  const up = await uploadVoice(DEMO.resident1);
  expect(up.ok).toBe(true);
  const c = await fileComplaint(t, { description: '', voice: { fileId: up.data!.id, seconds: 12 } });
  expect(c.voice).toMatchObject({ seconds: 12, pending: true });
  const link = c.voice!.url;
  const heard = await t.raw(link);
  expect(heard.status).toBe(200);
  expect(heard.headers.get('content-type')).toBe('audio/webm');

  // Before the check: no link for the county, none for another villager (who cannot see the case at all).
  expect((await caseOf(t, c.id, DEMO.county)).voice ?? null).toBeNull();
  const stranger = await t.call('complaints', 'get', { id: c.id }, DEMO.resident2);
  expect(stranger).toMatchObject({ body: { ok: false, error: { code: 'NOT_FOUND' } } });
  // A forged link (no valid signature) is refused.
  expect((await t.raw(`/files/${up.data!.id}`)).status).not.toBe(200);

  await run();
  const d = await caseOf(t, c.id, DEMO.county);
  expect(d.voice).toMatchObject({ seconds: 12, pending: false });
  expect((await t.raw(d.voice!.url)).status).toBe(200);
  expect((await mine(c.id)).voice).toMatchObject({ pending: false });
});

test('someone else cannot attach my upload, and a photo upload is not a voice note', async () => {
  const up = await uploadVoice(DEMO.resident1);
  const theft = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '', voice: { fileId: up.data!.id, seconds: 5 } }, DEMO.resident2, 'rid-voice-theft');
  expect(theft).toMatchObject({ body: { ok: false, error: { code: 'VALIDATION_ERROR', message: '录音无效，请重新录' } } });
  const photo = await uploadPhoto(t, DEMO.resident1);
  const notVoice = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '', voice: { fileId: photo, seconds: 5 } }, DEMO.resident1, 'rid-voice-photo');
  expect(notVoice).toMatchObject({ body: { ok: false, error: { message: '录音无效，请重新录' } } });
});

test('uploads: not audio, too big, or without a signed-in person are refused', async () => {
  expect(await uploadVoice(DEMO.resident1, new Uint8Array(200))).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '录音文件无效，请重新录' } });
  const big = new Uint8Array(1024 * 1024 + 10);
  big.set([0x1a, 0x45, 0xdf, 0xa3]);
  expect(await uploadVoice(DEMO.resident1, big)).toMatchObject({ ok: false, error: { message: '录音太长了，请在 60 秒内说完' } });
  const anon = await t.raw('/api/upload-voice', { method: 'POST', body: WEBM() });
  expect(((await anon.json()) as { ok: boolean }).ok).toBe(false);
});

test('without a voice note, a short description is refused; a failing note is removed and the owner told', async () => {
  const short = await t.call('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '多收钱' }, DEMO.resident1, 'rid-voice-short');
  expect(short).toMatchObject({ body: { ok: false, error: { code: 'VALIDATION_ERROR', fields: { 'data.description': '请至少写 5 个字，说清楚发生了什么' } } } });

  const up = await uploadVoice(DEMO.resident1);
  t.app.platform.mediaChecker.risky.add(up.data!.id);
  const c = await fileComplaint(t, { description: '多收钱', voice: { fileId: up.data!.id, seconds: 7 } });
  const link = c.voice!.url;
  await run();
  const v = await mine(c.id);
  expect(v.voice ?? null).toBeNull();
  expect(v.timeline[v.timeline.length - 1].note).toBe('您的录音未通过内容安全检查，已删除');
  expect((await t.raw(link)).status).not.toBe(200);
  expect((await caseOf(t, c.id, DEMO.county)).voice ?? null).toBeNull();
});

describe('说一说 on 补充材料', () => {
  test('a voice note counts as content; it lands on its entry, heard by its owner at once and by officials after its own check', async () => {
    const c = await fileComplaint(t, { description: '快递代收每件多收两元' });
    const short = await t.call('complaints', 'supplement', { id: c.id, version: c.version, text: '收据' }, DEMO.resident1);
    expect(short).toMatchObject({ body: { ok: false, error: { code: 'VALIDATION_ERROR', fields: { 'data.text': '请至少写 5 个字' } } } });

    const up = await uploadVoice(DEMO.resident1);
    // Someone else's upload cannot be attached.
    const theft = await t.call('complaints', 'supplement', { id: c.id, version: c.version, text: '', attachments: { voice: { fileId: up.data!.id, seconds: 6 } } }, DEMO.resident2);
    expect(theft).toMatchObject({ body: { ok: false } });
    const s = await t.ok<ComplaintView>('complaints', 'supplement', { id: c.id, version: c.version, text: '', attachments: { voice: { fileId: up.data!.id, seconds: 6 } } }, DEMO.resident1);
    const own = s.timeline.find((i) => i.action === 'supplement')!;
    expect(own.voice).toMatchObject({ seconds: 6, pending: true });
    expect((await t.raw(own.voice!.url)).status).toBe(200);
    // The complaint's own voice is another thing: none here.
    expect(s.voice ?? null).toBeNull();

    // Officials do not hear it before the check passes.
    const before = (await caseOf(t, c.id, DEMO.county)).timeline.find((i) => i.action === 'supplement')!;
    expect(before.voice).toBeUndefined();
    await run();
    const after = (await caseOf(t, c.id, DEMO.county)).timeline.find((i) => i.action === 'supplement')!;
    expect(after.voice).toMatchObject({ seconds: 6, pending: false });
    expect((await t.raw(after.voice!.url)).status).toBe(200);
    expect((await mine(c.id)).timeline.find((i) => i.action === 'supplement')!.voice).toMatchObject({ pending: false });
  });

  test('a failing note leaves its entry and the owner is told; the entry’s words stay', async () => {
    const c = await fileComplaint(t, { description: '快递代收每件多收两元' });
    const up = await uploadVoice(DEMO.resident1);
    t.app.platform.mediaChecker.risky.add(up.data!.id);
    const s = await t.ok<ComplaintView>('complaints', 'supplement', { id: c.id, version: c.version, text: '补充一段录音说明', attachments: { voice: { fileId: up.data!.id, seconds: 5 } } }, DEMO.resident1);
    const link = s.timeline.find((i) => i.action === 'supplement')!.voice!.url;
    await run();
    const v = await mine(c.id);
    const entry = v.timeline.find((i) => i.action === 'supplement')!;
    expect(entry.voice).toBeUndefined();
    expect(entry.note).toBe('补充一段录音说明');
    expect(v.timeline.at(-1)!.note).toBe('您的录音未通过内容安全检查，已删除');
    expect((await t.raw(link)).status).not.toBe(200);
  });
});

test('an MP4/AAC recording (what the H5 recorder now prefers) is kept and served as audio/mp4', async () => {
  const mp4 = new Uint8Array(2048);
  mp4.set([0, 0, 0, 0x18, ...[...'ftypM4A '].map((ch) => ch.charCodeAt(0))]);
  const up = await uploadVoice(DEMO.resident1, mp4);
  expect(up.ok).toBe(true);
  const c = await fileComplaint(t, { description: '', voice: { fileId: up.data!.id, seconds: 3 } });
  const heard = await t.raw(c.voice!.url);
  expect(heard.status).toBe(200);
  expect(heard.headers.get('content-type')).toBe('audio/mp4');
});
