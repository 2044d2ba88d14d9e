/**
 * Invitation codes for role grants (core/account/service.ts): random from the code alphabet, and
 * kept only as a salted SHA-256 — whoever reads the database cannot take a pending role.
 */
import { createHash, randomInt } from 'node:crypto';
import { INVITE_ALPHABET } from '../../core/account/service';
import type { InviteCodes } from '../../core/ports';

export function randomInviteCodes(): InviteCodes {
  return {
    newCode: () => Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join(''),
    hash: (code) => createHash('sha256').update(`zdt-invite:${code}`).digest('base64url').slice(0, 32),
  };
}
