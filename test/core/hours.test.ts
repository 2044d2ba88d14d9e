/**
 * Opening hours (docs/product.md §2): weekly rules, several intervals a day, past-midnight intervals,
 * "24:00", dated exceptions, next opening, labels and detail text — evaluated in Asia/Shanghai
 * whatever the machine's time zone. The whole suite runs once per machine time zone.
 */
import fc from 'fast-check';
import { describeWeek, hoursStatus, intervalsOn, isOpenAt, type HoursStatus, type OpeningHours, type TimeInterval } from '../../core/station/hours';
import { EPOCH_OFFSETS, ZONES, machineTimeZone, setMachineTimeZone } from './machine-tz';

/**
 * The instant of a Shanghai wall-clock time, built independently of core/shared/time:
 * Shanghai is UTC+8, so 'YYYY-MM-DD HH:MM' there is HH−8 UTC.
 */
function sh(date: string, hhmm: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h - 8, min));
}

// May 2026: Mon 11, Tue 12, Wed 13, Thu 14, Fri 15, Sat 16, Sun 17, Mon 18 … Wed 27.
const WED = '2026-05-13';
const THU = '2026-05-14';
const FRI = '2026-05-15';
const SAT = '2026-05-16';
const SUN = '2026-05-17';
const NEXT_MON = '2026-05-18';

const iv = (open: string, close: string): TimeInterval => ({ open, close });
const days = (from: number, to: number, intervals: TimeInterval[]) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ day: from + i, intervals }));

/** Mon–Fri 08:00–12:00 and 14:00–18:00, Sat 09:00–12:00, Sunday closed. */
const OFFICE: OpeningHours = {
  weekly: [...days(1, 5, [iv('08:00', '12:00'), iv('14:00', '18:00')]), { day: 6, intervals: [iv('09:00', '12:00')] }],
  exceptions: [],
};
/** Only Friday evening into Saturday: 18:00–02:00. */
const FRIDAY_NIGHT: OpeningHours = { weekly: [{ day: 5, intervals: [iv('18:00', '02:00')] }], exceptions: [] };

function status(hours: OpeningHours, date: string, hhmm: string): HoursStatus {
  return hoursStatus(hours, sh(date, hhmm));
}

const originalTz = machineTimeZone();
afterAll(() => {
  setMachineTimeZone(originalTz);
  expect(machineTimeZone()).toBe(originalTz);
});

describe.each(ZONES)('machine time zone %s', (zone) => {
  beforeAll(() => setMachineTimeZone(zone));

  test('the machine zone really is switched', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(EPOCH_OFFSETS[zone]);
    expect(process.env.TZ).toBe(zone);
  });

  describe('boundaries: open minute inclusive, close minute exclusive', () => {
    test('before, at and after the opening minute', () => {
      expect(status(OFFICE, WED, '07:59')).toEqual({
        state: 'closed',
        label: '未开门',
        nextOpenAt: sh(WED, '08:00'),
        detail: '今天 08:00 开门',
        note: undefined,
      });
      expect(status(OFFICE, WED, '08:00')).toEqual({
        state: 'open',
        label: '营业中',
        closesAt: sh(WED, '12:00'),
        detail: '今天 12:00 打烊',
        note: undefined,
      });
      expect(isOpenAt(OFFICE, sh(WED, '07:59'))).toBe(false);
      expect(isOpenAt(OFFICE, sh(WED, '08:00'))).toBe(true);
    });

    test('seconds inside the last open minute still count as open', () => {
      expect(isOpenAt(OFFICE, new Date(sh(WED, '17:59').getTime() + 59_999))).toBe(true);
      expect(isOpenAt(OFFICE, new Date(sh(WED, '07:59').getTime() + 59_999))).toBe(false);
    });

    test('lunch break: closed from 12:00, open again at 14:00, label 未开门 in between', () => {
      expect(status(OFFICE, WED, '11:59').state).toBe('open');
      const lunch = status(OFFICE, WED, '12:00');
      expect(lunch).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 14:00 开门' });
      expect(lunch.nextOpenAt).toEqual(sh(WED, '14:00'));
      expect(status(OFFICE, WED, '13:59').state).toBe('closed');
      expect(status(OFFICE, WED, '14:00')).toMatchObject({ state: 'open', detail: '今天 18:00 打烊', closesAt: sh(WED, '18:00') });
    });

    test('after the last interval: 已打烊 and tomorrow’s opening', () => {
      expect(status(OFFICE, WED, '17:59').state).toBe('open');
      const evening = status(OFFICE, WED, '18:00');
      expect(evening).toMatchObject({ state: 'closed', label: '已打烊', detail: '明天 08:00 开门' });
      expect(evening.nextOpenAt).toEqual(sh(THU, '08:00'));
      expect(status(OFFICE, WED, '23:59')).toMatchObject({ label: '已打烊', detail: '明天 08:00 开门' });
    });

    test('shortly after midnight the new day is 未开门, not 已打烊', () => {
      expect(status(OFFICE, THU, '00:00')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 08:00 开门' });
    });
  });

  describe('several intervals a day', () => {
    const SPLIT: OpeningHours = {
      // Deliberately unsorted and split over two rules for the same day.
      weekly: [
        { day: 3, intervals: [iv('20:00', '21:00'), iv('09:00', '10:00')] },
        { day: 3, intervals: [iv('06:00', '07:00'), iv('15:00', '16:00')] },
      ],
      exceptions: [],
    };

    test.each([
      ['05:59', 'closed', '未开门', '今天 06:00 开门'],
      ['06:00', 'open', '营业中', '今天 07:00 打烊'],
      ['07:00', 'closed', '未开门', '今天 09:00 开门'],
      ['09:30', 'open', '营业中', '今天 10:00 打烊'],
      ['10:00', 'closed', '未开门', '今天 15:00 开门'],
      ['15:59', 'open', '营业中', '今天 16:00 打烊'],
      ['16:00', 'closed', '未开门', '今天 20:00 开门'],
      ['20:59', 'open', '营业中', '今天 21:00 打烊'],
      ['21:00', 'closed', '已打烊', '5月20日周三 06:00 开门'],
    ])('Wednesday %s → %s %s “%s”', (hhmm, state, label, detail) => {
      expect(status(SPLIT, WED, hhmm)).toMatchObject({ state, label, detail });
    });

    test('intervalsOn merges the rules of a day and sorts them', () => {
      expect(intervalsOn(SPLIT, WED)).toEqual({
        ranges: [
          [360, 420],
          [540, 600],
          [900, 960],
          [1200, 1260],
        ],
        note: undefined,
        exception: false,
      });
      expect(intervalsOn(SPLIT, THU).ranges).toEqual([]);
    });
  });

  describe('intervals past midnight', () => {
    test('Fri 18:00–02:00 is open Fri 23:59 and Sat 01:30, closed Sat 02:00', () => {
      expect(status(FRIDAY_NIGHT, FRI, '17:59')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 18:00 开门' });
      expect(status(FRIDAY_NIGHT, FRI, '18:00')).toEqual({
        state: 'open',
        label: '营业中',
        closesAt: sh(SAT, '02:00'),
        detail: '明天 02:00 打烊',
        note: undefined,
      });
      expect(status(FRIDAY_NIGHT, FRI, '23:59')).toMatchObject({ state: 'open', detail: '明天 02:00 打烊' });
      expect(status(FRIDAY_NIGHT, SAT, '00:00')).toMatchObject({ state: 'open', closesAt: sh(SAT, '02:00'), detail: '今天 02:00 打烊' });
      expect(status(FRIDAY_NIGHT, SAT, '01:30')).toMatchObject({ state: 'open', label: '营业中', detail: '今天 02:00 打烊' });
      expect(status(FRIDAY_NIGHT, SAT, '01:59').state).toBe('open');
      const after = status(FRIDAY_NIGHT, SAT, '02:00');
      // Saturday has no interval of its own.
      expect(after).toMatchObject({ state: 'closed_today', label: '今日休息', detail: '5月22日周五 18:00 开门' });
      expect(after.nextOpenAt).toEqual(sh('2026-05-22', '18:00'));
    });

    test('the night before (Thursday) does not carry into Friday', () => {
      expect(status(FRIDAY_NIGHT, FRI, '01:00')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 18:00 开门' });
    });

    test('carry-over and the next day’s own intervals coexist', () => {
      const hours: OpeningHours = { weekly: [...FRIDAY_NIGHT.weekly, { day: 6, intervals: [iv('10:00', '12:00')] }], exceptions: [] };
      expect(status(hours, SAT, '01:30')).toMatchObject({ state: 'open', detail: '今天 02:00 打烊' });
      expect(status(hours, SAT, '03:00')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 10:00 开门' });
      expect(status(hours, SAT, '12:00')).toMatchObject({ state: 'closed', label: '已打烊', detail: '5月22日周五 18:00 开门' });
    });

    test('Sunday night into Monday wraps around the week', () => {
      const hours: OpeningHours = { weekly: [{ day: 7, intervals: [iv('22:00', '06:00')] }], exceptions: [] };
      expect(status(hours, NEXT_MON, '05:59')).toMatchObject({ state: 'open', detail: '今天 06:00 打烊', closesAt: sh(NEXT_MON, '06:00') });
      expect(status(hours, NEXT_MON, '06:00').state).toBe('closed_today');
      expect(status(hours, SUN, '21:59')).toMatchObject({ state: 'closed', detail: '今天 22:00 开门' });
    });
  });

  describe('"24:00"', () => {
    test('20:00–24:00 is open until the last minute, closes at midnight and does not carry over', () => {
      const hours: OpeningHours = { weekly: [{ day: 3, intervals: [iv('20:00', '24:00')] }], exceptions: [] };
      expect(status(hours, WED, '23:59')).toEqual({
        state: 'open',
        label: '营业中',
        closesAt: sh(THU, '00:00'),
        detail: '今天 24:00 打烊',
        note: undefined,
      });
      expect(status(hours, THU, '00:00')).toMatchObject({ state: 'closed_today', label: '今日休息' });
    });

    test('00:00–24:00 is open all day', () => {
      const hours: OpeningHours = { weekly: [{ day: 3, intervals: [iv('00:00', '24:00')] }], exceptions: [] };
      expect(status(hours, WED, '00:00').state).toBe('open');
      expect(status(hours, WED, '12:00').state).toBe('open');
      expect(status(hours, WED, '23:59').state).toBe('open');
      expect(status(hours, '2026-05-12', '23:59').state).toBe('closed_today');
      expect(status(hours, THU, '00:00').state).toBe('closed_today');
    });
  });

  describe('dated exceptions', () => {
    test('closed all day → 今日休息 with the next opening and the note', () => {
      const hours: OpeningHours = { ...OFFICE, exceptions: [{ date: WED, intervals: [], note: '设备检修' }] };
      const s = status(hours, WED, '10:00');
      expect(s).toEqual({ state: 'closed_today', label: '今日休息', nextOpenAt: sh(THU, '08:00'), detail: '明天 08:00 开门', note: '设备检修' });
      expect(isOpenAt(hours, sh(WED, '10:00'))).toBe(false);
      // The day before and after are untouched.
      expect(status(hours, '2026-05-12', '10:00').state).toBe('open');
      expect(status(hours, THU, '10:00')).toMatchObject({ state: 'open', note: undefined });
      // From Tuesday evening the next opening skips Wednesday.
      expect(status(hours, '2026-05-12', '19:00')).toMatchObject({ label: '已打烊', detail: '后天 08:00 开门' });
    });

    test('special hours replace the weekly rules for that date', () => {
      const hours: OpeningHours = { ...OFFICE, exceptions: [{ date: WED, intervals: [iv('10:00', '15:00')], note: '端午调整' }] };
      expect(status(hours, WED, '08:30')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 10:00 开门', note: '端午调整' });
      // Normally the lunch break:
      expect(status(hours, WED, '12:30')).toMatchObject({ state: 'open', detail: '今天 15:00 打烊', note: '端午调整' });
      // Normally open until 18:00:
      expect(status(hours, WED, '15:00')).toMatchObject({ state: 'closed', label: '已打烊', detail: '明天 08:00 开门', note: '端午调整' });
      expect(intervalsOn(hours, WED)).toEqual({ ranges: [[600, 900]], note: '端午调整', exception: true });
    });

    test('an exception can open a normally closed day', () => {
      const hours: OpeningHours = { ...OFFICE, exceptions: [{ date: SUN, intervals: [iv('09:00', '11:00')], note: '赶集日' }] };
      expect(status(hours, SUN, '10:00')).toMatchObject({ state: 'open', detail: '今天 11:00 打烊', note: '赶集日' });
      expect(status(hours, SAT, '12:30')).toMatchObject({ label: '已打烊', detail: '明天 09:00 开门' });
    });

    test('a closure on the previous day cancels its past-midnight carry-over', () => {
      const hours: OpeningHours = { ...FRIDAY_NIGHT, exceptions: [{ date: FRI, intervals: [] }] };
      expect(status(hours, SAT, '01:30').state).not.toBe('open');
      expect(status(hours, FRI, '20:00')).toMatchObject({ state: 'closed_today', label: '今日休息', detail: '5月22日周五 18:00 开门' });
    });

    test('special hours on the previous day decide the carry-over', () => {
      const shorter: OpeningHours = { ...FRIDAY_NIGHT, exceptions: [{ date: FRI, intervals: [iv('18:00', '01:00')] }] };
      expect(status(shorter, SAT, '00:30')).toMatchObject({ state: 'open', detail: '今天 01:00 打烊' });
      expect(status(shorter, SAT, '01:30').state).toBe('closed_today');
      // A Thursday exception running past midnight gives Friday an early-morning opening.
      const thursdayLate: OpeningHours = { ...FRIDAY_NIGHT, exceptions: [{ date: THU, intervals: [iv('20:00', '03:00')] }] };
      expect(status(thursdayLate, FRI, '02:59')).toMatchObject({ state: 'open', closesAt: sh(FRI, '03:00') });
      expect(status(thursdayLate, FRI, '03:00')).toMatchObject({ state: 'closed', label: '未开门', detail: '今天 18:00 开门' });
    });

    test('a closure on the next day does not cut short the night that started before it', () => {
      const hours: OpeningHours = { ...FRIDAY_NIGHT, exceptions: [{ date: SAT, intervals: [], note: '停电' }] };
      expect(status(hours, SAT, '01:30')).toMatchObject({ state: 'open', detail: '今天 02:00 打烊' });
      expect(status(hours, SAT, '02:00')).toMatchObject({ state: 'closed_today', note: '停电' });
    });
  });

  describe('next opening', () => {
    test('across more than a week of closures', () => {
      const closures = ['2026-05-13', '2026-05-14', '2026-05-15', '2026-05-18', '2026-05-19', '2026-05-20', '2026-05-21', '2026-05-22'];
      const hours: OpeningHours = {
        weekly: days(1, 5, [iv('08:00', '17:00')]),
        exceptions: closures.map((date) => ({ date, intervals: [], note: '站长外出培训' })),
      };
      const s = status(hours, WED, '10:00');
      expect(s).toMatchObject({ state: 'closed_today', label: '今日休息', detail: '5月25日周一 08:00 开门', note: '站长外出培训' });
      expect(s.nextOpenAt).toEqual(sh('2026-05-25', '08:00'));
    });

    test('an opening exactly 14 days ahead is still found; 15 days ahead is not', () => {
      const in14: OpeningHours = { weekly: [], exceptions: [{ date: '2026-05-27', intervals: [iv('09:00', '10:00')] }] };
      expect(status(in14, WED, '10:00')).toMatchObject({ state: 'closed_today', detail: '5月27日周三 09:00 开门', nextOpenAt: sh('2026-05-27', '09:00') });
      const in15: OpeningHours = { weekly: [], exceptions: [{ date: '2026-05-28', intervals: [iv('09:00', '10:00')] }] };
      const none = status(in15, WED, '10:00');
      expect(none).toMatchObject({ state: 'closed_today', label: '今日休息', detail: '近期暂无营业安排' });
      expect(none.nextOpenAt).toBeUndefined();
    });

    test('no hours at all', () => {
      expect(status({ weekly: [], exceptions: [] }, WED, '10:00')).toEqual({
        state: 'closed_today',
        label: '今日休息',
        nextOpenAt: undefined,
        detail: '近期暂无营业安排',
        note: undefined,
      });
    });

    test('later today when today still has an interval ahead, even past the last closure', () => {
      expect(status(OFFICE, SAT, '08:59')).toMatchObject({ label: '未开门', detail: '今天 09:00 开门' });
    });
  });

  describe('detail text names the day: 今天 / 明天 / 后天 / date', () => {
    test.each([
      [WED, '19:00', '明天 08:00 开门'], // Wed → Thu
      [FRI, '19:00', '明天 09:00 开门'], // Fri → Sat
      [SAT, '12:30', '后天 08:00 开门'], // Sat → Mon
      [SUN, '10:00', '明天 08:00 开门'], // Sunday closed → Mon
    ])('%s %s → %s', (date, hhmm, detail) => {
      expect(status(OFFICE, date, hhmm).detail).toBe(detail);
    });

    test('three or more days ahead: month, day and weekday', () => {
      const hours: OpeningHours = { ...OFFICE, exceptions: [{ date: SAT, intervals: [] }] };
      expect(status(hours, FRI, '19:00').detail).toBe('5月18日周一 08:00 开门');
    });

    test('across a month and a year boundary', () => {
      const hours: OpeningHours = { weekly: [{ day: 1, intervals: [iv('08:30', '17:30')] }], exceptions: [] };
      // Wed 2026-12-30 → Mon 2027-01-04
      expect(status(hours, '2026-12-30', '12:00').detail).toBe('1月4日周一 08:30 开门');
      expect(status(hours, '2026-12-30', '12:00').nextOpenAt).toEqual(sh('2027-01-04', '08:30'));
      // Sat 2026-01-31 → Mon 2026-02-02 is 后天
      expect(status(hours, '2026-01-31', '12:00').detail).toBe('后天 08:30 开门');
    });

    test('the Shanghai date, not the UTC date, decides "today"', () => {
      // 2026-05-13 00:30 in Shanghai is still 2026-05-12 in UTC.
      const hours: OpeningHours = { weekly: [{ day: 3, intervals: [iv('00:00', '01:00')] }], exceptions: [] };
      expect(hoursStatus(hours, new Date(Date.UTC(2026, 4, 12, 16, 30)))).toMatchObject({ state: 'open', detail: '今天 01:00 打烊' });
      expect(hoursStatus(hours, new Date(Date.UTC(2026, 4, 12, 15, 59)))).toMatchObject({ state: 'closed_today', label: '今日休息', detail: '明天 00:00 开门' });
    });
  });

  describe('describeWeek', () => {
    test('groups consecutive identical days and marks closed days', () => {
      expect(describeWeek(OFFICE)).toEqual([
        { days: '周一至周五', text: '08:00-12:00，14:00-18:00' },
        { days: '周六', text: '09:00-12:00' },
        { days: '周日', text: '休息' },
      ]);
    });

    test('an identical week is one row; an empty week is 休息 all week', () => {
      expect(describeWeek({ weekly: days(1, 7, [iv('08:00', '20:00')]), exceptions: [] })).toEqual([{ days: '周一至周日', text: '08:00-20:00' }]);
      expect(describeWeek({ weekly: [], exceptions: [] })).toEqual([{ days: '周一至周日', text: '休息' }]);
    });

    test('does not group identical days that are not consecutive', () => {
      const hours: OpeningHours = {
        weekly: [
          { day: 1, intervals: [iv('08:00', '12:00')] },
          { day: 2, intervals: [iv('09:00', '12:00')] },
          { day: 3, intervals: [iv('08:00', '12:00')] },
          { day: 5, intervals: [iv('18:00', '02:00')] },
        ],
        exceptions: [{ date: WED, intervals: [] }],
      };
      expect(describeWeek(hours)).toEqual([
        { days: '周一', text: '08:00-12:00' },
        { days: '周二', text: '09:00-12:00' },
        { days: '周三', text: '08:00-12:00' },
        { days: '周四', text: '休息' },
        { days: '周五', text: '18:00-02:00' },
        { days: '周六至周日', text: '休息' },
      ]);
    });

    test('two rules for the same day are listed together', () => {
      const hours: OpeningHours = { weekly: [{ day: 1, intervals: [iv('08:00', '12:00')] }, { day: 1, intervals: [iv('14:00', '17:00')] }], exceptions: [] };
      expect(describeWeek(hours)[0]).toEqual({ days: '周一', text: '08:00-12:00，14:00-17:00' });
    });
  });

  describe('properties over random hours', () => {
    const hhmm = fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const close = fc.oneof({ weight: 6, arbitrary: hhmm }, { weight: 1, arbitrary: fc.constant('24:00') });
    const interval = fc.record({ open: hhmm, close });
    const hoursArb: fc.Arbitrary<OpeningHours> = fc.record({
      weekly: fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), intervals: fc.array(interval, { maxLength: 3 }) }), { maxLength: 8 }),
      exceptions: fc.uniqueArray(
        fc.record({ date: fc.integer({ min: 0, max: 20 }).map((d) => `2026-05-${String(10 + d).padStart(2, '0')}`), intervals: fc.array(interval, { maxLength: 2 }) }),
        { selector: (e) => e.date, maxLength: 5 },
      ),
    });
    // Minutes between 2026-05-12 00:00 and 2026-05-20 00:00 Shanghai.
    const instant = fc.integer({ min: 0, max: 8 * 1440 - 1 }).map((m) => new Date(sh('2026-05-12', '00:00').getTime() + m * 60_000));

    /** Independent model: open iff some interval of today, or of yesterday running past midnight, covers the minute. */
    function modelOpen(hours: OpeningHours, t: Date): boolean {
      const local = new Date(t.getTime() + 8 * 3_600_000);
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
      for (const back of [0, 1]) {
        const d = new Date(dayStart - back * 86_400_000);
        const date = d.toISOString().slice(0, 10);
        const weekday = ((d.getUTCDay() + 6) % 7) + 1;
        const ex = hours.exceptions.find((e) => e.date === date);
        const ivs = ex ? ex.intervals : hours.weekly.filter((w) => w.day === weekday).flatMap((w) => w.intervals);
        for (const { open, close: c } of ivs) {
          const [oh, om] = open.split(':').map(Number);
          const [ch, cm] = c.split(':').map(Number);
          const start = oh * 60 + om;
          let end = ch * 60 + cm;
          if (end <= start) end += 1440;
          const m = minute + back * 1440;
          if (m >= start && m < end) return true;
        }
      }
      return false;
    }

    test('isOpenAt agrees with an independent model', () => {
      fc.assert(
        fc.property(hoursArb, instant, (hours, t) => {
          expect(isOpenAt(hours, t)).toBe(modelOpen(hours, t));
        }),
        { numRuns: 300 },
      );
    });

    test('closesAt is in the future and the minute before it is open; nextOpenAt opens and nothing opens before it', () => {
      fc.assert(
        fc.property(hoursArb, instant, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }), (hours, t, samples) => {
          const s = hoursStatus(hours, t);
          const minute = 60_000;
          if (s.state === 'open') {
            expect(s.label).toBe('营业中');
            if (s.detail === '全天营业') {
              expect(s.closesAt).toBeUndefined();
            } else {
              expect(s.closesAt).toBeInstanceOf(Date);
              const closesAt = (s.closesAt as Date).getTime();
              expect(closesAt).toBeGreaterThan(t.getTime());
              expect(closesAt - t.getTime()).toBeLessThanOrEqual(9 * 1440 * minute);
              expect(modelOpen(hours, new Date(closesAt - minute))).toBe(true);
              // Back-to-back intervals are followed: at closesAt it really is closed.
              expect(modelOpen(hours, new Date(closesAt))).toBe(false);
              expect(s.detail).toMatch(/^(今天|明天|后天|\d+月\d+日周.) \d\d:\d\d 打烊$/);
            }
          } else {
            expect(['已打烊', '未开门', '今日休息']).toContain(s.label);
            expect(s.label === '今日休息').toBe(s.state === 'closed_today');
            if (s.nextOpenAt) {
              const next = s.nextOpenAt.getTime();
              expect(next).toBeGreaterThan(t.getTime());
              expect(modelOpen(hours, s.nextOpenAt)).toBe(true);
              for (const f of samples) {
                const probe = t.getTime() + Math.floor((f * (next - t.getTime())) / minute) * minute;
                if (probe < next) expect(modelOpen(hours, new Date(probe))).toBe(false);
              }
              if (next - minute >= t.getTime()) expect(modelOpen(hours, new Date(next - minute))).toBe(false);
              expect(s.detail).toMatch(/ \d\d:\d\d 开门$/);
            } else {
              expect(s.detail).toBe('近期暂无营业安排');
              for (const f of samples) {
                expect(modelOpen(hours, new Date(t.getTime() + Math.floor(f * 14 * 1440) * minute))).toBe(false);
              }
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('results do not depend on the machine time zone', () => {
  const SWEEP: OpeningHours = {
    weekly: [...OFFICE.weekly, ...FRIDAY_NIGHT.weekly, { day: 7, intervals: [iv('20:00', '24:00')] }],
    exceptions: [
      { date: '2026-05-13', intervals: [], note: '设备检修' },
      { date: '2026-05-19', intervals: [iv('10:00', '01:00')], note: '618 备货' },
    ],
  };
  /** Every 17 minutes for ten days, so every minute-of-hour and both sides of midnight are hit. */
  function sweep(): string {
    const out: string[] = [];
    for (let t = sh('2026-05-11', '00:00').getTime(); t < sh('2026-05-21', '00:00').getTime(); t += 17 * 60_000) {
      const s = hoursStatus(SWEEP, new Date(t));
      out.push(`${t}|${s.state}|${s.label}|${s.detail}|${s.closesAt?.getTime() ?? ''}|${s.nextOpenAt?.getTime() ?? ''}|${s.note ?? ''}`);
    }
    return out.join('\n');
  }

  test('identical sweep in every zone', () => {
    const results = new Map<string, string>();
    const offsets = new Set<number>();
    for (const zone of ZONES) {
      setMachineTimeZone(zone);
      offsets.add(new Date(0).getTimezoneOffset());
      results.set(zone, sweep());
    }
    setMachineTimeZone(originalTz);
    expect(offsets.size).toBe(ZONES.length);
    const reference = results.get('Asia/Shanghai') as string;
    expect(reference.split('\n').length).toBeGreaterThan(800);
    // Sanity: the sweep contains every kind of answer.
    for (const fragment of ['|open|营业中|', '|closed|未开门|', '|closed|已打烊|', '|closed_today|今日休息|', '明天 01:00 打烊', '设备检修']) {
      expect(reference).toContain(fragment);
    }
    for (const zone of ZONES) expect(results.get(zone)).toBe(reference);
  });
});
