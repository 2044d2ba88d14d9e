/**
 * The compiled schedule (core/station/hours.ts) answers exactly what the straightforward
 * evaluation it replaced answers (test/support/hours-reference.ts): same state, label, detail,
 * note and instants, for random weeks with past-midnight and back-to-back intervals, holiday
 * exceptions (closed days, shortened days, duplicates of a date) and instants weighted to the
 * night hours and to days next to an exception.
 */
import fc from 'fast-check';
import { hourOfWeek, hoursStatus, intervalsOn, isOpenAt, maskHas, openHourMask, type OpeningHours } from '../../core/station/hours';
import * as reference from '../support/hours-reference';

const BASE = Date.UTC(2026, 0, 1) - 8 * 3_600_000; // 2026-01-01 00:00 Shanghai
const dateAt = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);

const hhmm = fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
// Whole hours make back-to-back intervals (08:00–12:00, 12:00–18:00) and shared closes likely.
const hour = fc.integer({ min: 0, max: 23 }).map((h) => `${String(h).padStart(2, '0')}:00`);
const time = fc.oneof(hhmm, hour, hour);
const close = fc.oneof({ weight: 6, arbitrary: time }, { weight: 1, arbitrary: fc.constant('24:00') }, { weight: 1, arbitrary: fc.constant('00:00') });
const interval = fc.record({ open: time, close });
const hoursArb: fc.Arbitrary<OpeningHours> = fc.record({
  weekly: fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), intervals: fc.array(interval, { maxLength: 3 }) }), { maxLength: 9 }),
  // Not unique: when a date appears twice, the first one counts (as a find() by date does).
  exceptions: fc.array(
    fc.record(
      { date: fc.integer({ min: 0, max: 40 }).map(dateAt), intervals: fc.array(interval, { maxLength: 2 }), note: fc.constantFrom('春节', '国庆调整', '设备检修') },
      { requiredKeys: ['date', 'intervals'] },
    ),
    { maxLength: 6 },
  ),
});
// 40 days from 2026-01-01; half the samples fall between 20:00 and 06:00 Shanghai.
const night = fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: -240, max: 360 })).map(([d, m]) => d * 1440 + 1440 + m);
const minute = fc.oneof(fc.integer({ min: 0, max: 40 * 1440 - 1 }), night);
const instant = fc.tuple(minute, fc.integer({ min: 0, max: 59_999 })).map(([m, ms]) => new Date(BASE + m * 60_000 + ms));

describe('compiled opening hours agree with the straightforward evaluation', () => {
  test('hoursStatus: every field, at random instants', () => {
    fc.assert(
      fc.property(hoursArb, fc.array(instant, { minLength: 1, maxLength: 8 }), (hours, times) => {
        for (const t of times) {
          // Twice: the first call compiles, the second uses the memo.
          expect(hoursStatus(hours, t)).toEqual(reference.hoursStatus(hours, t));
          expect(hoursStatus(hours, t)).toEqual(reference.hoursStatus(hours, t));
          expect(isOpenAt(hours, t)).toBe(reference.isOpenAt(hours, t));
        }
      }),
      { numRuns: 800 },
    );
  });

  test('intervalsOn: every date of the window', () => {
    fc.assert(
      fc.property(hoursArb, fc.integer({ min: -2, max: 42 }), (hours, day) => {
        expect(intervalsOn(hours, dateAt(day))).toEqual(reference.intervalsOn(hours, dateAt(day)));
      }),
      { numRuns: 500 },
    );
  });

  test('every minute of a holiday fortnight, across year ends', () => {
    const hours: OpeningHours = {
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: [{ open: '08:00', close: '12:00' }, { open: '12:00', close: '18:00' }] })).concat([
        { day: 6, intervals: [{ open: '20:00', close: '02:00' }] },
        { day: 7, intervals: [{ open: '00:00', close: '24:00' }] },
      ]),
      exceptions: [
        { date: '2026-12-31', intervals: [{ open: '09:00', close: '24:00' }], note: '跨年' },
        { date: '2027-01-01', intervals: [{ open: '00:00', close: '03:00' }], note: '元旦' },
        { date: '2027-01-02', intervals: [], note: '元旦' },
      ],
    };
    const start = Date.UTC(2026, 11, 24) - 8 * 3_600_000;
    for (let t = start; t < start + 14 * 86_400_000; t += 7 * 60_000) {
      expect(hoursStatus(hours, new Date(t))).toEqual(reference.hoursStatus(hours, new Date(t)));
    }
  });

  test('a changed station (new hours object) is evaluated afresh', () => {
    const a: OpeningHours = { weekly: [{ day: 3, intervals: [{ open: '08:00', close: '18:00' }] }], exceptions: [] };
    const wedNoon = new Date(Date.UTC(2026, 4, 13, 4, 0));
    expect(isOpenAt(a, wedNoon)).toBe(true);
    const b: OpeningHours = { ...a, exceptions: [{ date: '2026-05-13', intervals: [] }] };
    expect(isOpenAt(b, wedNoon)).toBe(false);
    expect(isOpenAt(a, wedNoon)).toBe(true);
  });

  test('openHourMask: open at an instant implies the bit of its hour of the week (indexes may skip clear bits)', () => {
    let open = 0;
    fc.assert(
      fc.property(hoursArb, fc.array(instant, { minLength: 1, maxLength: 12 }), (hours, times) => {
        const mask = openHourMask(hours);
        for (const t of times) {
          if (!reference.isOpenAt(hours, t)) continue;
          open++;
          expect(maskHas(mask, hourOfWeek(t))).toBe(true);
        }
      }),
      { numRuns: 800 },
    );
    // The property was exercised, not vacuously true.
    expect(open).toBeGreaterThan(500);
  });

  test('openHourMask is tight for plain weekly hours; hourOfWeek counts from Monday 00:00 Shanghai', () => {
    // 2026-01-05 was a Monday: 00:30 Shanghai is bit 0, Sunday 23:30 is bit 167.
    expect(hourOfWeek(new Date('2026-01-04T16:30:00Z'))).toBe(0);
    expect(hourOfWeek(new Date('2026-01-04T15:30:00Z'))).toBe(167);
    const mask = openHourMask({ weekly: [{ day: 1, intervals: [{ open: '08:30', close: '12:00' }] }, { day: 7, intervals: [{ open: '22:00', close: '01:00' }] }], exceptions: [] });
    const bits = Array.from({ length: 168 }, (_, b) => b).filter((b) => maskHas(mask, b));
    // Monday 08–11, Sunday 22–23, and past midnight into Monday 00.
    expect(bits).toEqual([0, 8, 9, 10, 11, 166, 167]);
  });
});
