/**
 * Voice notes ("说一说", issue 11 §6): a villager who types slowly records what happened instead.
 * Stored like photos: the client uploads, the server claims the upload (own file, audio, within the
 * caps) and asks WeChat's asynchronous check (security.mediaCheckAsync, media type 1 = audio);
 * until the check passes only the person who recorded it hears it (core/media/check.ts).
 *
 * A `VoiceAttachment` is self-contained (its file, length and check state) so any record can carry
 * one: the complaint (Complaint.voice) and the complainant's 补充材料 (Complaint.attachedVoices).
 * Zod-free: the app imports the caps and the rules by value; the input schema is core/media/voice-input.ts.
 */
import { visibleLength } from '../shared/limits';

/** Longest recording; the recorder stops itself there. */
export const VOICE_MAX_SECONDS = 60;
/** Shorter than this is a slip of the finger, not a note. */
export const VOICE_MIN_SECONDS = 1;
/**
 * Largest file: 60 s of speech is ~0.5 MB as 64 kbps MP3/AAC (weapp) or ~0.25 MB as Opus (H5);
 * the cap leaves room for a higher bit rate without letting a long file through.
 */
export const VOICE_MAX_BYTES = 1024 * 1024;

export type AudioType = 'audio/mpeg' | 'audio/aac' | 'audio/mp4' | 'audio/webm' | 'audio/ogg' | 'audio/wav';

export interface VoiceAttachment {
  /** Storage file id (cloud://… in weapp, upl-… locally). */
  fileId: string;
  /** Length in whole seconds as recorded (1…VOICE_MAX_SECONDS). */
  seconds: number;
  /** True until the content check passes: only the owner may hear it then. */
  pending: boolean;
}

/** What a view carries: a short-lived link for someone allowed to hear it. */
export interface VoiceView {
  url: string;
  seconds: number;
  /** Shown to the owner as 审核中 (others never get a pending note). */
  pending: boolean;
}

/**
 * The audio type of an upload from its first bytes, or null for anything else. The formats are the
 * recorders' (weapp: MP3/AAC; Chromium: WebM/Opus; Safari: MP4/AAC; Firefox: Ogg/Opus) that the
 * checker takes (mp3, aac, opus, wav…).
 */
export function sniffAudio(b: Uint8Array): AudioType | null {
  const at = (i: number, s: string) => [...s].every((ch, k) => b[i + k] === ch.charCodeAt(0));
  if (b.length < 12) return null;
  if (at(0, 'ID3')) return 'audio/mpeg';
  // ADTS AAC (sync word 0xFFF, layer 00) before MPEG audio frames (sync 0xFFE, layer ≠ 00).
  if (b[0] === 0xff && (b[1] & 0xf6) === 0xf0) return 'audio/aac';
  if (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) return 'audio/mpeg';
  if (at(4, 'ftyp')) return 'audio/mp4';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'audio/webm';
  if (at(0, 'OggS')) return 'audio/ogg';
  if (at(0, 'RIFF') && at(8, 'WAVE')) return 'audio/wav';
  return null;
}

/** An upload's verdict: its type, or a message a villager understands. */
export function checkVoiceFile(bytes: Uint8Array): { ok: true; type: AudioType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: '录音是空的，请重新录' };
  if (bytes.length > VOICE_MAX_BYTES) return { ok: false, message: `录音太长了，请在 ${VOICE_MAX_SECONDS} 秒内说完` };
  const type = sniffAudio(bytes);
  return type ? { ok: true, type } : { ok: false, message: '录音文件无效，请重新录' };
}

/** The recorder's length in whole seconds, kept within the caps (a recorder may overshoot by a frame). */
export function voiceSeconds(ms: number): number {
  return Math.min(VOICE_MAX_SECONDS, Math.max(0, Math.round(ms / 1000)));
}

/** Whether a recording is long enough to send. */
export function longEnough(seconds: number): boolean {
  return seconds >= VOICE_MIN_SECONDS;
}

/**
 * The minimum-length rule of a description that may come with a voice note: `min` visible
 * characters, or any text at all (even none) when a voice note says it.
 */
export function describedEnough(description: string, voice: { seconds: number } | null | undefined, min: number): boolean {
  if (voice && longEnough(voice.seconds)) return true;
  return visibleLength(description.trim()) >= min;
}

/** A note freshly attached: pending until its check passes. */
export function attachVoice(fileId: string, seconds: number): VoiceAttachment {
  return { fileId, seconds, pending: true };
}

/** Who may hear it: its owner always, others once the check passed. */
export function audibleTo(v: VoiceAttachment | null | undefined, isOwner: boolean): VoiceAttachment | null {
  if (!v) return null;
  return isOwner || !v.pending ? v : null;
}
