/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdCheck = { ok: true; birthDate: string; birthYear: number; gender: 'male' | 'female'; normalised: string } | { ok: false; message: string };

export function checkIdNumber(raw: string, today: string): IdCheck {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号应为 18 位（最后一位可以是 X）' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || y < 1900 || birthDate > today) {
    return { ok: false, message: '身份证号里的出生日期不对' };
  }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号校验位不对，请核对' };
  return { ok: true, birthDate, birthYear: y, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female', normalised: id };
}

/** The birth date (YYYY-MM-DD) an ID number carries; null for a number that does not check. */
export function birthDateOf(idNumber: string): string | null {
  const r = checkIdNumber(idNumber, '9999-12-31');
  return r.ok ? r.birthDate : null;
}

/** Whole years of age on `today` (YYYY-MM-DD): one less until the birthday in that year. */
export function ageOn(birthDate: string, today: string): number {
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age--;
  return age;
}
