/** The 说一说 recorder's shape, the same on both platforms (recorder.ts, recorder.h5.ts). */
export interface Recording {
  /** Temp file (weapp) or blob: URL (H5): plays before sending. */
  path: string;
  seconds: number;
  size: number;
  /** H5: the recorded file itself. */
  blob?: Blob;
  /** H5: the container MediaRecorder produced (recorder.h5.ts prefers audio/mp4). */
  mimeType?: string;
  /** The 同声传译 plugin's text, when the build has it. */
  transcript?: string;
}

export interface ActiveRecording {
  /** Finger lifted: the recording. Rejects with a message to show. */
  stop(): Promise<Recording>;
  /** Dropped (the page left, the finger slid off). */
  cancel(): void;
}

export interface Recorder {
  supported(): boolean;
  /** Starts recording; `onAutoStop` when it reached VOICE_MAX_SECONDS by itself. Rejects with a message. */
  start(onAutoStop: (rec: Recording) => void): Promise<ActiveRecording>;
  /** Uploads a recording; the answer is the id the complaint carries. ApiError with a message. */
  upload(rec: Recording): Promise<string>;
}

/** A voice field's value in a form or draft: the uploaded note (id) with what plays it on this phone. */
export interface DraftVoice {
  id: string;
  seconds: number;
  /** Temp file or blob: URL of the recording (may not survive a restart). */
  path: string;
}
