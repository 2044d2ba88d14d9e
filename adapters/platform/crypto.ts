/**
 * Node crypto behind the Cipher and IdSource ports, used locally and in the cloud alike:
 * AES-256-GCM with a rotatable key ring from configuration, HMAC keyed hashes, random ids.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Cipher, IdSource } from '../../core/ports';

/** Key ring: "k1:<base64 32 bytes>,k2:…"; the first key encrypts, all decrypt (rotation). */
export function parseKeyRing(spec: string): { id: string; key: Buffer }[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, b64] = part.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!/^[a-z0-9]{1,8}$/.test(id ?? '') || key.length !== 32) throw new Error('ZDT_DATA_KEYS must look like "k1:<32 bytes in base64>"');
      return { id, key };
    });
  if (!keys.length) throw new Error('ZDT_DATA_KEYS is empty');
  return keys;
}

export function aesCipher(ring: { id: string; key: Buffer }[]): Cipher {
  const [current] = ring;
  const hashKey = Buffer.from(hkdfSync('sha256', current.key, Buffer.alloc(0), 'zdt-keyed-hash', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return [current.id, iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(token) {
      const [id, iv, tag, body] = token.split('.');
      const k = ring.find((r) => r.id === id);
      if (!k) throw new Error('unknown key id');
      const d = createDecipheriv('aes-256-gcm', k.key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
    keyedHash(plain) {
      return createHmac('sha256', hashKey).update(plain).digest('base64url');
    },
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const randomIds: IdSource = {
  id: () => randomBytes(12).toString('base64url'),
  code(length) {
    const bytes = randomBytes(length);
    let out = '';
    for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i] & 31];
    return out;
  },
};


/** A purpose-bound key derived from the current data key (e.g. for signing file URLs). */
export function deriveKey(ring: { id: string; key: Buffer }[], purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ring[0].key, Buffer.alloc(0), purpose, 32));
}
