/** Invitation codes (core/account/limits.ts): the alphabet and the pattern agree, typing is forgiven. */
import { INVITE_ALPHABET, INVITE_CODE, normalizeInviteCode } from '../../core/account/limits';
import { randomInviteCodes } from '../../adapters/platform/invite-codes';

test('every alphabet character is accepted by the pattern, and the look-alikes are not in it', () => {
  for (const c of INVITE_ALPHABET) expect(INVITE_CODE.test(c.repeat(8))).toBe(true);
  for (const c of '01ILO') {
    expect(INVITE_ALPHABET).not.toContain(c);
    expect(INVITE_CODE.test(`${c}2345678`)).toBe(false);
  }
  expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length);
});

test('case, spaces and dashes typed by a person do not matter', () => {
  expect(normalizeInviteCode(' k7qm-2xpa ')).toBe('K7QM2XPA');
  expect(normalizeInviteCode('K7QM 2XPA')).toBe('K7QM2XPA');
});

test('local codes: well-formed, different each time, hashed stably and never to the code itself', () => {
  const codes = randomInviteCodes();
  const made = Array.from({ length: 200 }, () => codes.newCode());
  for (const c of made) expect(c).toMatch(INVITE_CODE);
  expect(new Set(made).size).toBe(200);
  expect(codes.hash(made[0]!)).toBe(codes.hash(made[0]!));
  expect(codes.hash(made[0]!)).not.toContain(made[0]);
  expect(codes.hash(made[0]!)).not.toBe(codes.hash(made[1]!));
});
