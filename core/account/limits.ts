/** Invitation-code rules the app shows and checks too (zod-free, so pages may import it). */

/** 8 characters without the look-alikes 0/O, 1/I/L: 31^8 ≈ 8.5×10^11 codes, each valid for days. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE = /^[2-9A-HJKMNP-Z]{8}$/;
export const INVITE_DAYS = 7;

/** What a person types or pastes ("abcd-2345", with spaces) → the code as issued. */
export function normalizeInviteCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}
