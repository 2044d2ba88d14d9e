/**
 * Resident identity card numbers (GB 11643-1999): the ISO 7064 MOD 11-2 check character, birth
 * dates, gender from the sequence number, normalisation, age on a date. Every valid number here is
 * built with checkCharacter (plus the two worked examples of the standard); none belongs to anyone.
 */
import fc from 'fast-check';
import { ageOn, birthDateOf, checkCharacter, checkIdNumber } from '../../core/recruitment/idcard';

const TODAY = '2026-09-30';

/** region (6) + birth date YYYYMMDD (8) + sequence (3) + check character. */
function makeId(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  expect(first17).toMatch(/^\d{17}$/);
  return first17 + checkCharacter(first17);
}

/** A number whose check character is X (the first sequence number that gives one). */
function idWithX(region = '360731', birth = '19880808'): string {
  for (let s = 0; s < 1000; s++) {
    const id = makeId(region, birth, String(s).padStart(3, '0'));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X found');
}

const fail = (raw: string, today = TODAY) => {
  const r = checkIdNumber(raw, today);
  if (r.ok) throw new Error(`expected ${raw} to be refused`);
  return r.message;
};

describe('checkCharacter (ISO 7064 MOD 11-2)', () => {
  test('the worked examples of GB 11643-1999', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  test('computed by hand for one number', () => {
    // Σ digit × weight for 36073119900101123 = 239; 239 mod 11 = 8 → "10X98765432"[8] = "4".
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...'36073119900101123'].reduce((s, d, i) => s + Number(d) * weights[i], 0);
    expect(sum).toBe(239);
    expect(checkCharacter('36073119900101123')).toBe('4');
  });
});

describe('checkIdNumber', () => {
  test('a valid number: birth date, year, gender from the 17th digit (odd = male), normalised', () => {
    const male = makeId('360731', '19900101', '123');
    expect(checkIdNumber(male, TODAY)).toEqual({ ok: true, birthDate: '1990-01-01', birthYear: 1990, gender: 'male', normalised: male });
    const female = makeId('360881', '20000229', '242');
    expect(checkIdNumber(female, TODAY)).toEqual({ ok: true, birthDate: '2000-02-29', birthYear: 2000, gender: 'female', normalised: female });
    expect(checkIdNumber('11010519491231002X', TODAY)).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: 'female' });
    expect(checkIdNumber('440524188001010014', TODAY)).toMatchObject({ ok: false }); // born 1880: before 1900
  });

  test('X as the check character, in either case and with surrounding spaces', () => {
    const id = idWithX();
    expect(id).toMatch(/^\d{17}X$/);
    expect(checkIdNumber(id, TODAY)).toMatchObject({ ok: true, normalised: id });
    expect(checkIdNumber(` ${id.toLowerCase()}\t`, TODAY)).toMatchObject({ ok: true, normalised: id });
  });

  test('a wrong check character is refused with a specific message', () => {
    const id = makeId('360731', '19900101', '123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(fail(wrong)).toBe('身份证号校验位不对，请核对');
    // X where a digit belongs, and a digit where X belongs.
    if (id[17] !== 'X') expect(fail(id.slice(0, 17) + 'X')).toBe('身份证号校验位不对，请核对');
    const x = idWithX();
    expect(fail(x.slice(0, 17) + '0')).toBe('身份证号校验位不对，请核对');
  });

  test.each([
    ['19900230', 'February 30th'],
    ['19901301', 'month 13'],
    ['19900001', 'month 0'],
    ['19900100', 'day 0'],
    ['19010229', 'February 29th of a non-leap year'],
    ['21000229', '2100 is not a leap year'],
    ['18991231', 'before 1900'],
    ['20261001', 'after today'],
    ['20270101', 'in the future'],
  ])('an impossible birth date is refused: %s (%s)', (birth) => {
    expect(fail(makeId('360731', birth, '123'))).toBe('身份证号里的出生日期不对');
  });

  test('born today is a valid date; tomorrow is not', () => {
    expect(checkIdNumber(makeId('360731', '20260930', '001'), TODAY)).toMatchObject({ ok: true, birthDate: '2026-09-30' });
    expect(fail(makeId('360731', '20261001', '001'))).toBe('身份证号里的出生日期不对');
  });

  test.each([
    ['', 'empty'],
    ['3607311990010112', '16 digits'],
    ['36073119900101123', '17 digits'],
    ['3607311990010112345', '19 digits'],
    ['36073119900101X234', 'X not last'],
    ['36073119900101123Y', 'another letter'],
    ['３６０７３１１９９００１０１１２３４', 'full-width digits'],
    ['360731-19900101-123', 'separators'],
    ['360731 1990 0101 1234', 'inner spaces'],
  ])('a malformed number is refused: %s (%s)', (raw) => {
    expect(fail(raw)).toBe('身份证号应为 18 位（最后一位可以是 X）');
  });

  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const validFirst17 = fc
    .record({
      region: fc.stringMatching(/^36\d{4}$/),
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-09-30T00:00:00Z'), noInvalidDate: true }),
      seq: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ region, date, seq }) => `${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`);

  test('property: every number built with its check character is accepted, with the right facts', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const id = first17 + checkCharacter(first17);
        const r = checkIdNumber(id, TODAY);
        expect(r).toEqual({
          ok: true,
          birthDate: `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`,
          birthYear: Number(first17.slice(6, 10)),
          gender: Number(first17[16]) % 2 ? 'male' : 'female',
          normalised: id,
        });
      }),
      { numRuns: 500 },
    );
  });

  test('property: any single changed character is detected', () => {
    fc.assert(
      fc.property(validFirst17, fc.integer({ min: 0, max: 17 }), digit, (first17, pos, d) => {
        const id = first17 + checkCharacter(first17);
        const replacement = pos === 17 && d === id[17] ? 'X' : d;
        fc.pre(replacement !== id[pos]);
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(checkIdNumber(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test('property: swapping two different adjacent digits is detected', () => {
    fc.assert(
      fc.property(validFirst17, fc.integer({ min: 0, max: 15 }), (first17, pos) => {
        fc.pre(first17[pos] !== first17[pos + 1]);
        const swapped = first17.slice(0, pos) + first17[pos + 1] + first17[pos] + first17.slice(pos + 2);
        const id = swapped + checkCharacter(first17);
        expect(checkIdNumber(id, TODAY).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test('property: arbitrary text never throws and is refused unless it is a well-formed number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (raw) => {
        const r = checkIdNumber(raw, TODAY);
        if (r.ok) {
          expect(r.normalised).toMatch(/^\d{17}[\dX]$/);
          expect(checkCharacter(r.normalised.slice(0, 17))).toBe(r.normalised[17]);
        } else expect(r.message).toMatch(/身份证号/);
      }),
    );
  });
});

describe('ageOn', () => {
  test('whole years: the day before the birthday, on it, after it', () => {
    expect(ageOn('1990-10-01', '2026-09-30')).toBe(35);
    expect(ageOn('1990-10-01', '2026-10-01')).toBe(36);
    expect(ageOn('1990-01-01', '2026-09-30')).toBe(36);
    expect(ageOn('1990-12-31', '2026-12-30')).toBe(35);
  });

  test('born on 29 February: a year older on 1 March of a common year', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  test('born today is 0', () => {
    expect(ageOn('2026-09-30', '2026-09-30')).toBe(0);
  });

  test('born 1990-12-31 is 35 on 2026-12-04, not the year difference 36 (issue 9 item 8)', () => {
    const id = makeId('360731', '19901231', '123');
    expect(birthDateOf(id)).toBe('1990-12-31');
    expect(ageOn(birthDateOf(id)!, '2026-12-04')).toBe(35);
    expect(ageOn(birthDateOf(id)!, '2026-12-31')).toBe(36);
    expect(birthDateOf('360731199013011234')).toBeNull();
  });

  test('the age from an ID number', () => {
    const r = checkIdNumber(makeId('360731', '19900101', '123'), TODAY);
    expect(r.ok && ageOn(r.birthDate, TODAY)).toBe(36);
  });
});
