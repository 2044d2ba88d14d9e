/** 说一说 (issue 11 §6): the voice note's caps, its file check and the minimum-length rule. */
import { submitInput } from '../../core/complaint/api';
import { MIN_DESCRIPTION } from '../../core/complaint/limits';
import { voiceNoteInput } from '../../core/media/voice-input';
import { audibleTo, attachVoice, checkVoiceFile, describedEnough, sniffAudio, voiceSeconds, VOICE_MAX_BYTES, VOICE_MAX_SECONDS } from '../../core/media/voice';

const bytes = (head: number[] | string, size = 64) => {
  const b = new Uint8Array(size);
  const h = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  b.set(h);
  return b;
};
const webm = () => bytes([0x1a, 0x45, 0xdf, 0xa3]);
const body = { stationId: 'jx-ruijin-001', category: 'overcharge' };
const fileId = 'upl-abcdefghijklmnop';

describe('duration cap', () => {
  test('the recorder length is rounded to whole seconds and never above 60', () => {
    expect(voiceSeconds(4_400)).toBe(4);
    expect(voiceSeconds(60_200)).toBe(VOICE_MAX_SECONDS);
    expect(voiceSeconds(600_000)).toBe(60);
  });
  test('the input takes 1 to 60 seconds', () => {
    expect(voiceNoteInput.safeParse({ fileId, seconds: 60 }).success).toBe(true);
    expect(voiceNoteInput.safeParse({ fileId, seconds: 61 }).error?.issues[0].message).toBe('录音最长 60 秒');
    expect(voiceNoteInput.safeParse({ fileId, seconds: 0 }).success).toBe(false);
    expect(voiceNoteInput.safeParse({ fileId: 'https://evil.example/a.mp3', seconds: 5 }).success).toBe(false);
  });
});

describe('size cap and file type', () => {
  test('the recorders’ formats are recognised; anything else is not audio', () => {
    expect(sniffAudio(bytes('ID3'))).toBe('audio/mpeg');
    expect(sniffAudio(bytes([0xff, 0xfb, 0x90]))).toBe('audio/mpeg');
    expect(sniffAudio(bytes([0xff, 0xf1, 0x50]))).toBe('audio/aac');
    expect(sniffAudio(bytes([0, 0, 0, 0x20, ...[...'ftypM4A '].map((c) => c.charCodeAt(0))]))).toBe('audio/mp4');
    expect(sniffAudio(webm())).toBe('audio/webm');
    expect(sniffAudio(bytes('OggS'))).toBe('audio/ogg');
    expect(sniffAudio(bytes('RIFF\0\0\0\0WAVE'))).toBe('audio/wav');
    expect(sniffAudio(bytes([0xff, 0xd8, 0xff]))).toBeNull(); // a JPEG
    expect(sniffAudio(bytes('ID3', 4))).toBeNull(); // too short to be anything
  });
  test('an empty, oversized or non-audio file is refused with a plain message', () => {
    expect(checkVoiceFile(new Uint8Array(0))).toEqual({ ok: false, message: '录音是空的，请重新录' });
    const big = new Uint8Array(VOICE_MAX_BYTES + 1);
    big.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect(checkVoiceFile(big)).toEqual({ ok: false, message: '录音太长了，请在 60 秒内说完' });
    const atCap = new Uint8Array(VOICE_MAX_BYTES);
    atCap.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect(checkVoiceFile(atCap)).toEqual({ ok: true, type: 'audio/webm' });
    expect(checkVoiceFile(bytes([0x89, 0x50, 0x4e, 0x47]))).toEqual({ ok: false, message: '录音文件无效，请重新录' });
  });
});

describe('minimum-length rule counts a voice note as content', () => {
  test('the rule', () => {
    expect(describedEnough('多收钱', null, MIN_DESCRIPTION)).toBe(false);
    expect(describedEnough('多收钱', { seconds: 8 }, MIN_DESCRIPTION)).toBe(true);
    expect(describedEnough('', { seconds: 8 }, MIN_DESCRIPTION)).toBe(true);
    expect(describedEnough('', { seconds: 0 }, MIN_DESCRIPTION)).toBe(false);
    // Invisible characters still do not count as text.
    expect(describedEnough('\u200b\u200b\u200b\u200b\u200b', null, MIN_DESCRIPTION)).toBe(false);
    expect(describedEnough('快递多收两元', undefined, MIN_DESCRIPTION)).toBe(true);
  });
  test('the submit schema: short text alone is refused on the description field, with a voice note it is taken', () => {
    const short = submitInput.safeParse({ ...body, description: '多收钱' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0].path).toEqual(['description']);
    expect(short.error?.issues[0].message).toBe('请至少写 5 个字，说清楚发生了什么');
    expect(submitInput.safeParse({ ...body, description: '', voice: { fileId, seconds: 12 } }).success).toBe(true);
    expect(submitInput.safeParse({ ...body, description: '多收钱', voice: { fileId, seconds: 12 } }).success).toBe(true);
    expect(submitInput.safeParse({ ...body, description: '快递代收多收两元' }).success).toBe(true);
  });
});

test('a pending note is heard only by its owner', () => {
  const v = attachVoice(fileId, 9);
  expect(v).toEqual({ fileId, seconds: 9, pending: true });
  expect(audibleTo(v, true)).toBe(v);
  expect(audibleTo(v, false)).toBeNull();
  expect(audibleTo({ ...v, pending: false }, false)).toEqual({ ...v, pending: false });
  expect(audibleTo(null, true)).toBeNull();
});
