/**
 * Node crypto behind the Cipher and IdSource ports, used locally and in the cloud alike:
 * AES-256-GCM with a rotatable key ring from configuration, HMAC keyed hashes, random ids.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cipher, IdSource, Signer } from '../../core/ports';

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

/** Shortest signature prefix `verify` accepts (the station scene carries 12 characters = 72 bits). */
export const MIN_SIGNATURE_CHARS = 12;

/**
 * HMAC-SHA256 signatures (base64url) with purpose-bound keys: each ring entry's key is stretched
 * with HKDF per purpose ("zdt-sign:" + purpose), so a scene signature is never a valid visit
 * token signature and neither is derived from the encryption key directly. The first key signs;
 * every key in the ring verifies (rotation: put the new key first, drop the old one once its
 * printed codes are replaced).
 *
 * Key id: the last character of the ring entry's id ("k1" → "1"), which must be unique in the
 * ring. `verify` accepts a prefix of the signature of at least MIN_SIGNATURE_CHARS characters
 * (scenes carry a truncated one), compared in constant time.
 */
export function hmacSigner(ring: { id: string; key: Buffer }[]): Signer {
  if (!ring.length) throw new Error('hmacSigner: the key ring is empty');
  const entries = ring.map((r) => ({ keyId: r.id.slice(-1), key: r.key }));
  const seen = new Set<string>();
  for (const e of entries) {
    if (!/^[0-9a-z]$/.test(e.keyId)) throw new Error('hmacSigner: key ids must end in a letter or digit');
    if (seen.has(e.keyId)) throw new Error(`hmacSigner: two keys in the ring end in "${e.keyId}"; key ids must differ in their last character`);
    seen.add(e.keyId);
  }
  const derived = new Map<string, Buffer>();
  const keyFor = (keyId: string, purpose: string): Buffer | null => {
    const entry = entries.find((e) => e.keyId === keyId);
    if (!entry) return null;
    const cacheKey = `${keyId}\n${purpose}`;
    let k = derived.get(cacheKey);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', entry.key, Buffer.alloc(0), `zdt-sign:${purpose}`, 32));
      derived.set(cacheKey, k);
    }
    return k;
  };
  const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload, 'utf8').digest('base64url');
  return {
    sign(purpose, payload) {
      const keyId = entries[0].keyId;
      return { keyId, signature: mac(keyFor(keyId, purpose) as Buffer, payload) };
    },
    verify(purpose, payload, keyId, signature) {
      if (typeof signature !== 'string' || signature.length < MIN_SIGNATURE_CHARS || !/^[A-Za-z0-9_-]+$/.test(signature)) return false;
      const key = keyFor(keyId, purpose);
      if (!key) return false;
      const expected = Buffer.from(mac(key, payload));
      const given = Buffer.from(signature);
      if (given.length > expected.length) return false;
      return timingSafeEqual(given, expected.subarray(0, given.length));
    },
  };
}
