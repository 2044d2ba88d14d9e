/**
 * Working days (docs/product.md §3): real 2026 holidays and make-up days (调休), years without data
 * (provisional + warning, never silently weekends-only), administrator-entered years, entry
 * checks, and the same answers whatever the machine's time zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkCalendar, checkYearEntry, officialYears, type YearDays } from '../../core/calendar/workdays';
import { OFFICIAL_DAYS } from '../../core/calendar/official-days';
import { acceptDue, deadlineInstant } from '../../core/complaint/machine';
import { addDays } from '../../core/shared/time';
import { EPOCH_OFFSETS, machineTimeZone, setMachineTimeZone } from './machine-tz';

const cal = new WorkCalendar();
const ADMIN_2027: YearDays = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-06', '2027-02-20'],
  source: 'admin',
};

describe('the official data', () => {
  it('has 2026 as published: 春节 02-15..23 with make-up days 02-14 and 02-28; 中秋 09-25..27; 国庆 10-01..07 with 09-20 and 10-10', () => {
    const y2026 = officialYears().find((y) => y.year === 2026)!;
    expect(y2026.source).toBe('official');
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(y2026.holidays).toContain(d);
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(y2026.holidays).toContain(d);
    expect(y2026.holidays).toEqual(expect.arrayContaining(['2026-09-25', '2026-09-26', '2026-09-27', '2026-01-01', '2026-05-01', '2026-06-19']));
    expect(y2026.workdays.sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('agrees day by day with the chinese-days data it was generated from (2020–2026)', () => {
    const file = join(__dirname, '..', '..', 'node_modules', 'chinese-days', 'dist', 'chinese-days.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
    let checked = 0;
    for (let d = '2020-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
      const expected = d in data.workdays ? true : d in data.holidays ? false : !weekend;
      const answer = cal.isWorkday(d);
      if (answer.workday !== expected) throw new Error(`${d}: calendar says ${answer.workday}, chinese-days ${expected}`);
      expect(answer.known).toBe(true);
      checked++;
    }
    expect(checked).toBe(2557);
    expect(Object.keys(OFFICIAL_DAYS).map(Number)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});

describe('isWorkday', () => {
  it.each([
    ['2026-02-14', true, 'make-up Saturday before 春节'],
    ['2026-02-16', false, '春节 Monday'],
    ['2026-02-23', false, 'last day of 春节 (Monday)'],
    ['2026-02-24', true, 'first working day after 春节'],
    ['2026-02-28', true, 'make-up Saturday after 春节'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-09-20', true, 'make-up Sunday before 中秋'],
    ['2026-09-25', false, '中秋 Friday'],
    ['2026-10-08', true, 'Thursday after 国庆'],
    ['2026-10-10', true, 'make-up Saturday after 国庆'],
    ['2026-10-11', false, 'ordinary Sunday'],
  ])('%s → %s (%s)', (date, workday) => {
    expect(cal.isWorkday(date)).toEqual({ workday, known: true });
  });

  it('a year without data answers by weekday but says it does not know', () => {
    expect(cal.isWorkday('2027-01-01')).toEqual({ workday: true, known: false });
    expect(cal.isWorkday('2027-01-02')).toEqual({ workday: false, known: false });
    expect(cal.knows(2027)).toBe(false);
  });
});

/** [from, n, expected last working day] — all inside years with data. */
const DUE_CASES: [string, number, string][] = [
  ['2026-09-30', 3, '2026-10-10'], // 10-01..07 off, 10-08, 10-09, 10-10 (make-up Saturday)
  ['2026-09-30', 5, '2026-10-13'], // … 10-12, 10-13
  ['2026-09-24', 3, '2026-09-30'], // 中秋 09-25..27 off
  ['2026-09-18', 3, '2026-09-22'], // 09-20 make-up Sunday counts
  ['2026-02-12', 3, '2026-02-24'], // 02-13, 02-14 (make-up), 春节, 02-24
  ['2026-02-13', 5, '2026-02-27'], // 02-14, 02-24, 25, 26, 27
  ['2026-02-24', 5, '2026-03-02'], // 25, 26, 27, 28 (make-up Saturday), 03-02
  ['2026-04-30', 3, '2026-05-08'], // 劳动节 05-01..05
  ['2026-04-30', 4, '2026-05-09'], // 05-09 make-up Saturday
  ['2025-12-31', 1, '2026-01-04'], // 元旦 01-01..03, 01-04 make-up Sunday
  ['2026-10-13', 10, '2026-10-27'], // an extension of 10 working days
  ['2026-06-18', 1, '2026-06-22'], // 端午 06-19..21
  ['2026-07-01', 0, '2026-07-01'],
];

describe('addWorkdays', () => {
  it.each(DUE_CASES)('%s + %i working days → %s', (from, n, expected) => {
    expect(cal.addWorkdays(from, n)).toEqual({ date: expected, provisional: false, unknownYears: [] });
  });

  it('counts exactly n working days after `from` (brute force over 2026)', () => {
    for (let from = '2026-01-01'; from <= '2026-12-10'; from = addDays(from, 1)) {
      for (const n of [1, 3, 5]) {
        const { date } = cal.addWorkdays(from, n);
        expect(cal.workdaysBetween(from, date)).toBe(n);
        expect(cal.isWorkday(date).workday).toBe(true);
      }
    }
  });

  it('counting into 2027 (no data) is provisional and names the year', () => {
    // 12-31 (Thu), then 2027-01-01 (Friday, unknown → counted as a working day), 01-04.
    expect(cal.addWorkdays('2026-12-30', 3)).toEqual({ date: '2027-01-04', provisional: true, unknownYears: [2027] });
    // Ending before the new year is not provisional.
    expect(cal.addWorkdays('2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false, unknownYears: [] });
    expect(cal.missingYears(2026, 2028)).toEqual([2027, 2028]);
  });

  it('an administrator-entered 2027 removes the flag and applies its holidays', () => {
    const withAdmin = new WorkCalendar([ADMIN_2027]);
    expect(withAdmin.addWorkdays('2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: false, unknownYears: [] });
    expect(withAdmin.missingYears(2026, 2027)).toEqual([]);
    expect(withAdmin.knownYears().slice(-2)).toEqual([
      { year: 2026, source: 'official' },
      { year: 2027, source: 'admin' },
    ]);
    // 2027-02-04 (Thu) + 3: 02-05 off, 02-06 make-up Saturday, 02-08..12 off, 02-15, 02-16.
    expect(withAdmin.addWorkdays('2027-02-04', 3)).toEqual({ date: '2027-02-16', provisional: false, unknownYears: [] });
  });

  it('an administrator entry for a year overrides the official data of that year', () => {
    const override = new WorkCalendar([{ year: 2026, holidays: [], workdays: [], source: 'admin' }]);
    expect(override.addWorkdays('2026-09-30', 3).date).toBe('2026-10-05');
    expect(override.knownYears().find((y) => y.year === 2026)!.source).toBe('admin');
  });
});

describe('workdaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workdaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(cal.workdaysBetween('2026-10-10', '2026-09-30')).toBe(0);
    expect(cal.workdaysBetween('2026-10-01', '2026-10-01')).toBe(0);
  });
});

describe('checkYearEntry', () => {
  const ok = { year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] };

  it('accepts a consistent entry', () => {
    expect(checkYearEntry(ok)).toBeNull();
    expect(checkYearEntry({ year: 2027, holidays: [], workdays: [] })).toBeNull();
  });

  it.each([
    ['a holiday in another year', { ...ok, holidays: ['2026-12-31'] }, '日期必须都在 2027 年内'],
    ['a make-up day in another year', { ...ok, workdays: ['2028-01-01'] }, '日期必须都在 2027 年内'],
    ['a day in both lists', { ...ok, holidays: ['2027-02-06'], workdays: ['2027-02-06'] }, '2027-02-06 不能既是假日又是调休上班日'],
    ['a make-up day on a weekday', { ...ok, workdays: ['2027-02-10'] }, '调休上班日应为周六或周日'],
  ])('rejects %s', (_name, entry, message) => {
    expect(checkYearEntry(entry)).toBe(message);
  });

  it.each([['2027-02-30'], ['2027-13-01'], ['2027-00-10']])('rejects the impossible date %s', (date) => {
    expect(checkYearEntry({ ...ok, holidays: [date] })).toEqual(expect.stringContaining(date));
    expect(checkYearEntry({ ...ok, holidays: [], workdays: [date] })).toEqual(expect.stringContaining(date));
  });
});

describe('deadlines do not depend on the machine time zone', () => {
  const originalTz = machineTimeZone();
  afterAll(() => setMachineTimeZone(originalTz));

  /** Instants around Shanghai midnight, where a local-time bug would move the start date. */
  const INSTANTS = [
    '2026-09-29T15:30:00.000Z', // 09-29 23:30 Shanghai
    '2026-09-29T16:30:00.000Z', // 09-30 00:30 Shanghai (still 09-29 in New York)
    '2026-02-13T15:59:59.999Z', // 02-13 23:59:59.999 Shanghai
    '2026-02-13T16:00:00.000Z', // 02-14 00:00 Shanghai (a make-up Saturday)
    '2026-12-30T18:00:00.000Z', // 12-31 02:00 Shanghai → counts into 2027
    '2026-03-08T07:30:00.000Z', // the night US daylight saving starts
    '2026-11-01T06:30:00.000Z', // the night US daylight saving ends
  ];
  const EXPECTED: Record<string, { date: string; provisional: boolean }> = {
    '2026-09-29T15:30:00.000Z': { date: '2026-10-09', provisional: false },
    '2026-09-29T16:30:00.000Z': { date: '2026-10-10', provisional: false },
    '2026-02-13T15:59:59.999Z': { date: '2026-02-25', provisional: false }, // 02-14, 02-24, 02-25
    '2026-02-13T16:00:00.000Z': { date: '2026-02-26', provisional: false }, // from 02-14: 02-24, 25, 26
    '2026-12-30T18:00:00.000Z': { date: '2027-01-05', provisional: true },
    '2026-03-08T07:30:00.000Z': { date: '2026-03-11', provisional: false },
    '2026-11-01T06:30:00.000Z': { date: '2026-11-04', provisional: false },
  };
  const results: Record<string, unknown> = {};

  function compute() {
    return INSTANTS.map((iso) => {
      const due = acceptDue(new Date(iso), cal);
      return { iso, date: due.date, provisional: due.provisional, unknownYears: due.unknownYears, endsAt: deadlineInstant(due.date).toISOString(), cases: DUE_CASES.map(([f, n]) => cal.addWorkdays(f, n).date) };
    });
  }

  describe.each(['UTC', 'America/New_York'])('in %s', (zone) => {
    beforeAll(() => setMachineTimeZone(zone));

    it('the zone really changed', () => {
      expect(new Date(0).getTimezoneOffset()).toBe(EPOCH_OFFSETS[zone]);
      if (zone === 'America/New_York') expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(240);
    });

    it('accept deadlines are counted from the Shanghai date and end at Shanghai midnight', () => {
      const r = compute();
      for (const row of r) {
        expect({ date: row.date, provisional: row.provisional }).toEqual(EXPECTED[row.iso]);
        // The deadline ends at 00:00 Shanghai the day after = 16:00 UTC on the due date.
        expect(row.endsAt).toBe(`${row.date}T16:00:00.000Z`);
      }
      expect(r.map((x) => x.cases)[0]).toEqual(DUE_CASES.map(([, , e]) => e));
      results[zone] = r;
    });
  });

  it('gives identical results in every zone', () => {
    expect(Object.keys(results)).toEqual(['UTC', 'America/New_York']);
    expect(results['America/New_York']).toEqual(results.UTC);
  });
});
