/** Asia/Shanghai wall-clock helpers: fixed UTC+8, calendar arithmetic, parsing. */
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, formatMinute, fromShanghai, isIsoDate, parseHHMM, SHANGHAI_OFFSET_MIN, toShanghai } from '../../core/shared/time';
import { EPOCH_OFFSETS, ZONES, machineTimeZone, setMachineTimeZone } from './machine-tz';

const originalTz = machineTimeZone();
afterAll(() => setMachineTimeZone(originalTz));

describe.each(ZONES)('toShanghai / fromShanghai with the machine in %s', (zone) => {
  beforeAll(() => setMachineTimeZone(zone));

  test('the zone switch happened', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(EPOCH_OFFSETS[zone]);
  });

  test.each([
    // UTC instant → Shanghai date, minute, ISO weekday
    [Date.UTC(2026, 4, 12, 16, 0), '2026-05-13', 0, 3],
    [Date.UTC(2026, 4, 12, 15, 59), '2026-05-12', 1439, 2],
    [Date.UTC(2026, 4, 13, 2, 0), '2026-05-13', 600, 3],
    [Date.UTC(2025, 11, 31, 16, 0), '2026-01-01', 0, 4],
    [Date.UTC(2025, 11, 31, 15, 59, 59, 999), '2025-12-31', 1439, 3],
    [Date.UTC(2026, 4, 17, 4, 30), '2026-05-17', 750, 7],
    [Date.UTC(2026, 4, 17, 16, 0), '2026-05-18', 0, 1],
    [Date.UTC(2028, 1, 28, 20, 0), '2028-02-29', 240, 2],
    [0, '1970-01-01', 480, 4],
  ])('toShanghai(%d) = %s minute %d weekday %d', (ms, date, minute, weekday) => {
    expect(toShanghai(new Date(ms))).toEqual({ date, minute, weekday });
  });

  test('fromShanghai is the inverse of toShanghai on whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }), (minutes) => {
        const t = new Date(minutes * 60_000);
        const local = toShanghai(t);
        expect(fromShanghai(local.date, local.minute).getTime()).toBe(t.getTime());
        expect(local.minute).toBeGreaterThanOrEqual(0);
        expect(local.minute).toBeLessThan(1440);
        expect(local.weekday).toBeGreaterThanOrEqual(1);
        expect(local.weekday).toBeLessThanOrEqual(7);
      }),
      { numRuns: 300 },
    );
  });

  test('fromShanghai: explicit instants and minutes past midnight overflow into the next day', () => {
    expect(fromShanghai('2026-05-13', 0).toISOString()).toBe('2026-05-12T16:00:00.000Z');
    expect(fromShanghai('2026-05-13', 8 * 60 + 30).toISOString()).toBe('2026-05-13T00:30:00.000Z');
    expect(fromShanghai('2026-05-13', 1440).toISOString()).toBe('2026-05-13T16:00:00.000Z');
    expect(fromShanghai('2026-05-15', 1440 + 120).toISOString()).toBe('2026-05-15T18:00:00.000Z');
    expect(fromShanghai('2026-12-31', 1440).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

test('the offset is +8 hours with no daylight saving (summer and winter alike)', () => {
  expect(SHANGHAI_OFFSET_MIN).toBe(480);
  expect(toShanghai(new Date(Date.UTC(2026, 0, 15, 0, 0))).minute).toBe(480);
  expect(toShanghai(new Date(Date.UTC(2026, 6, 15, 0, 0))).minute).toBe(480);
});

describe('addDays', () => {
  test.each([
    ['2026-05-13', 1, '2026-05-14'],
    ['2026-05-31', 1, '2026-06-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-05-13', 14, '2026-05-27'],
    ['2026-05-13', 0, '2026-05-13'],
    ['2026-03-01', -365, '2025-03-01'],
  ])('%s %+d → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  test('daysBetween(a, addDays(a, n)) = n', () => {
    const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -4000, max: 4000 }), (a, n) => {
        const b = addDays(a, n);
        expect(isIsoDate(b)).toBe(true);
        expect(daysBetween(a, b)).toBe(n);
        expect(addDays(b, -n)).toBe(a);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addMonths clamps to the end of the month', () => {
  test.each([
    ['2026-05-13', 6, '2026-11-13'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-07-01', 6, '2027-01-01'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-10-31', 6, '2027-04-30'],
  ])('%s + %d months → %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-01-01', '2026-12-31', 364],
    ['2028-01-01', '2028-12-31', 365],
    ['2026-05-13', '2026-05-13', 0],
    ['2026-05-13', '2026-05-12', -1],
    ['2025-11-14', '2026-05-13', 180],
  ])('%s → %s = %d', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });
});

describe('formatMinute / parseHHMM', () => {
  test.each([
    ['00:00', 0],
    ['08:05', 485],
    ['12:00', 720],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s ↔ %d', (text, minute) => {
    expect(parseHHMM(text)).toBe(minute);
    expect(formatMinute(minute)).toBe(text);
  });
});

describe('isIsoDate', () => {
  test.each(['2026-05-13', '2028-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  test.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-5-1', '2026/05/13', '20260513', '', '2026-05-13T00:00', ' 2026-05-13'])(
    'rejects %j',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
});
