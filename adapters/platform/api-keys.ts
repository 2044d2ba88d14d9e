/**
 * Open311 API keys (core/open311/keys.ts): 32 random base32 characters behind a `zdt_` prefix
 * (160 bits), kept only as a SHA-256 — a key cannot be read back out of the database.
 */
import { createHash, randomInt } from 'node:crypto';
import type { ApiKeySource } from '../../core/open311/keys';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function randomApiKeys(): ApiKeySource {
  return {
    newKey: () => `zdt_${Array.from({ length: 32 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`,
    hash: (key) => createHash('sha256').update(`zdt-apikey:${key}`).digest('base64url'),
  };
}
