/**
 * 说一说 recorder, mini-program side (`recorder.h5.ts` is the browser's): hold to record, at most
 * VOICE_MAX_SECONDS (the recorder stops itself). With the 同声传译 plugin enabled in the build
 * (SPEECH_PLUGIN) its recognition manager records instead and answers a transcript as well;
 * otherwise `Taro.getRecorderManager`. Uploads go where photos go (complaint-uploads/<openid>/).
 */
import Taro from '@tarojs/taro';
import { VOICE_MAX_SECONDS, voiceSeconds } from '@core/media/voice';
import { complaintUploadPath } from '@core/shared/image';
import { uploadToOwnFolder } from './cloud-upload';
import type { Recorder, Recording } from './recorder-types';

export type { Recorder, Recording } from './recorder-types';

interface StopResult {
  tempFilePath: string;
  duration: number;
  fileSize: number;
  /** The plugin's transcript. */
  result?: string;
}

interface SpeechManager {
  start(o: { duration: number; lang: string }): void;
  stop(): void;
  onStop: (r: StopResult) => void;
  onError: (e: { msg?: string }) => void;
}

const FAILED = '没能录音，请检查是否允许了使用麦克风';

/** The recording the app-wide recorder's listeners answer (see `start`). */
let current: { finish: (r: StopResult) => void; fail: () => void } | null = null;
let wired = false;

function speechManager(): SpeechManager | null {
  // Replaced at build time: without the plugin this branch (and requirePlugin) is not in the bundle.
  if (!SPEECH_PLUGIN) return null;
  return (requirePlugin('WechatSI') as { getRecordRecognitionManager(): SpeechManager }).getRecordRecognitionManager();
}

export const recorder: Recorder = {
  supported: () => typeof Taro.getRecorderManager === 'function',
  start(onAutoStop) {
    let settle: ((r: Recording | Error) => void) | null = null;
    let stopping = false;
    const done = new Promise<Recording>((resolve, reject) => {
      settle = (r) => (r instanceof Error ? reject(r) : resolve(r));
    });
    const finish = (r: StopResult) => {
      const rec: Recording = { path: r.tempFilePath, seconds: voiceSeconds(r.duration), size: r.fileSize, ...(r.result ? { transcript: r.result } : {}) };
      settle?.(rec);
      // Reached the 60 s cap without the finger lifting: tell the form.
      if (!stopping) onAutoStop(rec);
    };
    const fail = () => settle?.(new Error(FAILED));
    const speech = speechManager();
    let stop: () => void;
    if (speech) {
      speech.onStop = finish;
      speech.onError = fail;
      speech.start({ duration: VOICE_MAX_SECONDS * 1000, lang: 'zh_CN' });
      stop = () => speech.stop();
    } else {
      const rm = Taro.getRecorderManager();
      // The manager is one per app and its listeners add up: wire them once, route to this recording.
      current = { finish, fail };
      if (!wired) {
        wired = true;
        rm.onStop((r) => current?.finish(r as StopResult));
        rm.onError(() => current?.fail());
      }
      // MP3, mono, speech quality: ~0.35 MB a minute (VOICE_MAX_BYTES is 1 MB).
      rm.start({ duration: VOICE_MAX_SECONDS * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
      stop = () => rm.stop();
    }
    return Promise.resolve({
      stop: () => {
        stopping = true;
        stop();
        return done;
      },
      cancel: () => {
        stopping = true;
        stop();
        done.catch(() => undefined);
      },
    });
  },
  upload: (rec) => uploadToOwnFolder(complaintUploadPath, rec.path, 'mp3', '录音'),
};
