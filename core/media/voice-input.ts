/** The voice note a form sends (core/media/voice.ts): a stored upload's id and its length. */
import { z } from '../shared/zod';
import { VOICE_MAX_SECONDS, VOICE_MIN_SECONDS } from './voice';

/** Cloud storage file ids (cloud://…) in weapp, upload ids locally (as photos). */
export const voiceFileId = z.string().check(z.regex(/^(cloud:\/\/[A-Za-z0-9_./-]{10,200}|upl-[A-Za-z0-9_-]{10,64})$/, '录音无效，请重新录'));

export const voiceNoteInput = z.strictObject({
  fileId: voiceFileId,
  seconds: z.int().check(z.gte(VOICE_MIN_SECONDS, '录音太短了，请按住多说几句'), z.lte(VOICE_MAX_SECONDS, `录音最长 ${VOICE_MAX_SECONDS} 秒`)),
});
