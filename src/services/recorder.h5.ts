/**
 * 说一说 recorder, browser side (`recorder.ts` is the mini-program's): MediaRecorder, stopped at
 * VOICE_MAX_SECONDS; uploads to `POST /api/upload-voice` of the local server. No transcript in the browser.
 *
 * Format: WeChat's audio check (security.mediaCheckAsync, media_type 1 = audio) documents no list of
 * formats, only "audio" and a 10 MB cap
 * (https://developers.weixin.qq.com/miniprogram/en/security/content/security.mediaCheckAsync-v1.html);
 * WebM is nowhere named. So the recorder prefers what the mini-program's own recorder makes (AAC in
 * MP4, as Safari and recent Chromium record it) and falls back to Ogg/Opus, then WebM/Opus, only
 * where the browser can record nothing else. No encoder is bundled to convert.
 */
import { VOICE_MAX_BYTES, VOICE_MAX_SECONDS, voiceSeconds } from '@core/media/voice';
import { ApiError, uploadBytes } from './transport';
import type { Recorder, Recording } from './recorder-types';

export type { Recorder, Recording } from './recorder-types';

const FAILED = '没能录音，请检查浏览器是否允许了使用麦克风';
/** Most preferred first (see above). */
export const RECORDING_TYPES = ['audio/mp4;codecs=mp4a.40.2', 'audio/mp4', 'audio/aac', 'audio/ogg;codecs=opus', 'audio/webm;codecs=opus'];

/** The first type this browser's MediaRecorder can record, or undefined (its own default). */
export function pickRecordingType(isTypeSupported: ((t: string) => boolean) | undefined): string | undefined {
  return RECORDING_TYPES.find((t) => isTypeSupported?.(t));
}

export const recorder: Recorder = {
  supported: () => typeof MediaRecorder === 'function' && !!navigator.mediaDevices?.getUserMedia,
  async start(onAutoStop) {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      throw new Error(FAILED);
    }
    const mimeType = pickRecordingType(MediaRecorder.isTypeSupported?.bind(MediaRecorder));
    const mr = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 32000 });
    const chunks: Blob[] = [];
    const started = Date.now();
    let stopping = false;
    const done = new Promise<Recording>((resolve, reject) => {
      mr.ondataavailable = (e) => {
        if (e.data.size) chunks.push(e.data);
      };
      mr.onerror = () => reject(new Error(FAILED));
      mr.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const type = (mr.mimeType || mimeType || 'audio/webm').split(';')[0];
        const blob = new Blob(chunks, { type });
        const rec: Recording = { path: URL.createObjectURL(blob), seconds: voiceSeconds(Date.now() - started), size: blob.size, blob, mimeType: type };
        resolve(rec);
        if (!stopping) onAutoStop(rec);
      };
    });
    mr.start();
    const cap = setTimeout(() => mr.state !== 'inactive' && mr.stop(), VOICE_MAX_SECONDS * 1000);
    const stop = () => {
      clearTimeout(cap);
      stopping = true;
      if (mr.state !== 'inactive') mr.stop();
    };
    return {
      stop: () => {
        stop();
        return done;
      },
      cancel: () => {
        stop();
        done.catch(() => undefined);
      },
    };
  },
  async upload(rec) {
    const blob = rec.blob ?? (await (await fetch(rec.path)).blob());
    if (blob.size > VOICE_MAX_BYTES) throw new ApiError('VALIDATION_ERROR', `录音太长了，请在 ${VOICE_MAX_SECONDS} 秒内说完`);
    return uploadBytes('/api/upload-voice', blob, '录音');
  },
};
