/**
 * Short-lived HMAC-signed links to locally stored files (photos, officials' documents): an <img> or
 * an <a download> needs no headers, and a link stops working after `ttlS`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/ports';

export function signedLinks(key: Buffer, clock: Clock, ttlS: number, salt = '') {
  const sign = (id: string, exp: number) => createHmac('sha256', key).update(`${salt}${id}.${exp}`).digest('base64url');
  return {
    /** `${base}/${id}?exp=…&sig=…` */
    link(base: string, id: string): string {
      const exp = Math.floor(clock.now().getTime() / 1000) + ttlS;
      return `${base}/${id}?exp=${exp}&sig=${sign(id, exp)}`;
    },
    /** Whether a link's exp and sig are this id's and not expired. */
    valid(id: string, exp: string, sig: string): boolean {
      const expNum = Number(exp);
      if (!Number.isInteger(expNum) || expNum * 1000 < clock.now().getTime()) return false;
      const want = Buffer.from(sign(id, expNum));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
