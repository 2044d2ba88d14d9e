/**
 * 说一说 recorder, browser side (`recorder.ts` is the mini-program's): MediaRecorder (WebM/Opus in
 * Chromium, MP4 in Safari, Ogg in Firefox), stopped at VOICE_MAX_SECONDS; uploads to
 * `POST /api/upload-voice` of the local server. No transcript in the browser.
 */
import { VOICE_MAX_BYTES, VOICE_MAX_SECONDS, voiceSeconds } from '@core/media/voice';
import { ApiError, uploadBytes } from './transport';
import type { Recorder, Recording } from './recorder-types';

export type { Recorder, Recording } from './recorder-types';

const FAILED = '没能录音，请检查浏览器是否允许了使用麦克风';
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];

export const recorder: Recorder = {
  supported: () => typeof MediaRecorder === 'function' && !!navigator.mediaDevices?.getUserMedia,
  async start(onAutoStop) {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      throw new Error(FAILED);
    }
    const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported?.(t));
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
        const blob = new Blob(chunks, { type: (mr.mimeType || mimeType || 'audio/webm').split(';')[0] });
        const rec: Recording = { path: URL.createObjectURL(blob), seconds: voiceSeconds(Date.now() - started), size: blob.size, blob };
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
