/**
 * Local implementations of the platform ports: deterministic content checks, AES-256-GCM
 * encryption with a key kept outside the database, random ids, and a notifier that records
 * deliveries for inspection.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Cipher, ContentSecurity, ContentVerdict, IdSource, Notifier } from '../../core/ports';
import type { OutboxMessage } from '../../core/complaint/model';

/**
 * Deterministic stand-in for msgSecCheck so every outcome is testable:
 * words on RISKY_WORDS → risky; REVIEW_WORDS → review; "CHECKER-ERROR" → the checker throws.
 */
export const RISKY_WORDS = ['赌博', '代开发票', '枪支', 'RISKY-TEST'];
export const REVIEW_WORDS = ['REVIEW-TEST', '加微信返现'];

export function localContentSecurity(): ContentSecurity {
  return {
    async checkText(text: string): Promise<ContentVerdict> {
      if (text.includes('CHECKER-ERROR')) throw new Error('content checker unavailable');
      if (RISKY_WORDS.some((w) => text.includes(w))) return 'risky';
      if (REVIEW_WORDS.some((w) => text.includes(w))) return 'review';
      return 'pass';
    },
  };
}

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

/** Local mode: the key lives in a file beside (not inside) the database, created on first start. */
export function localKeyRing(file: string): { id: string; key: Buffer }[] {
  if (process.env.ZDT_DATA_KEYS) return parseKeyRing(process.env.ZDT_DATA_KEYS);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parseKeyRing(readFileSync(file, 'utf8'));
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

/** Locally a "sent" message is recorded here and stays visible in the outbox table. */
export function recordingNotifier(): Notifier & { delivered: OutboxMessage[]; failNext: number } {
  const n = {
    delivered: [] as OutboxMessage[],
    failNext: 0,
    async send(m: OutboxMessage) {
      if (n.failNext > 0) {
        n.failNext--;
        throw new Error('simulated delivery failure');
      }
      n.delivered.push(m);
    },
  };
  return n;
}
