import { formatDistance } from '../../core/shared/geo';
import { hoursStatus, type OpeningHours } from '../../core/station/hours';

// 2026-05-13 is a Wednesday; Shanghai = UTC+8.
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const weekdays = (intervals: { open: string; close: string }[]) => [1, 2, 3, 4, 5].map((day) => ({ day, intervals }));

describe('openings that continue', () => {
  test('back-to-back intervals read as one opening', () => {
    const hours: OpeningHours = { weekly: weekdays([{ open: '08:00', close: '12:00' }, { open: '12:00', close: '18:00' }]), exceptions: [] };
    const s = hoursStatus(hours, at('2026-05-13', '11:00'));
    expect(s.detail).toBe('今天 18:00 打烊');
    expect(s.closesAt?.toISOString()).toBe('2026-05-13T10:00:00.000Z');
  });

  test('an evening opening that runs into the next morning closes then, not at midnight', () => {
    const hours: OpeningHours = { weekly: [{ day: 3, intervals: [{ open: '18:00', close: '24:00' }] }, { day: 4, intervals: [{ open: '00:00', close: '02:00' }] }], exceptions: [] };
    expect(hoursStatus(hours, at('2026-05-13', '23:00')).detail).toBe('明天 02:00 打烊');
    expect(hoursStatus(hours, at('2026-05-14', '01:00')).detail).toBe('今天 02:00 打烊');
  });

  test('open around the clock every day says 全天营业 without a closing time', () => {
    const hours: OpeningHours = { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, intervals: [{ open: '00:00', close: '24:00' }] })), exceptions: [] };
    const s = hoursStatus(hours, at('2026-05-13', '03:00'));
    expect(s.state).toBe('open');
    expect(s.detail).toBe('全天营业');
    expect(s.closesAt).toBeUndefined();
  });

  test('around the clock on weekdays closes at Saturday midnight', () => {
    const hours: OpeningHours = { weekly: weekdays([{ open: '00:00', close: '24:00' }]), exceptions: [] };
    const s = hoursStatus(hours, at('2026-05-13', '03:00'));
    expect(s.closesAt?.toISOString()).toBe('2026-05-15T16:00:00.000Z');
    expect(s.detail).toBe('后天 24:00 打烊');
  });
});

describe('formatDistance rounds before choosing the unit', () => {
  test.each([
    [4, '10 米'],
    [994, '990 米'],
    [996, '1.0 公里'],
    [1049, '1.0 公里'],
    [9949, '9.9 公里'],
    [9990, '10 公里'],
    [15_400, '15 公里'],
  ])('%d m → %s', (m, text) => expect(formatDistance(m)).toBe(text));
});
