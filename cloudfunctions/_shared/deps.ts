/**
 * Platform deps several cloud entries give their handlers alike, each group made the one way.
 * Read at boot: a missing key or a malformed ZDT_RATE_LIMITS fails the boot (cloud.ts answers INTERNAL).
 */
import { aesCipher, parseKeyRing, randomIds } from '../../adapters/platform/crypto';
import { wechatContentSecurity, wechatFileStore, wechatMediaChecker } from '../../adapters/platform/wechat';
import { systemClock } from '../../core/ports';
import { cleanPhoto } from '../../core/shared/image';
import { limitsFrom } from '../../core/shared/rate-limit';
import { requiredEnv, type Cloud } from './cloud';

/** Random ids, the clock, and rate limits: the defaults of core/shared/rate-limit.ts, entries overridden by ZDT_RATE_LIMITS. */
export function basicDeps() {
  return { ids: randomIds, clock: systemClock, limits: limitsFrom(process.env.ZDT_RATE_LIMITS) };
}

/** Photos: the complaints' upload path, and WeChat's content check (its verdict arrives at the mediacheck function). */
export function photoDeps(cloud: Cloud) {
  return { files: wechatFileStore(cloud as never, cleanPhoto, randomIds.id), mediaChecker: wechatMediaChecker(cloud as never) };
}

/** Personal texts: msgSecCheck, and the AES key ring of ZDT_DATA_KEYS (outside the database) for ID numbers and phones. */
export function personalTextDeps(cloud: Cloud) {
  return { content: wechatContentSecurity(cloud as never), cipher: aesCipher(parseKeyRing(requiredEnv('ZDT_DATA_KEYS'))) };
}
