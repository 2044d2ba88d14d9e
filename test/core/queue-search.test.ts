/** The desk's search word (core/complaint/search.ts) and the phone search key (core/complaint/store.ts). */
import { readSearch, phoneLast4 } from '../../core/complaint/search';
import { complaintIndex } from '../../core/complaint/store';
import { makeComplaint } from '../support/complaint-fixtures';

describe('readSearch', () => {
  test.each([
    ['TS261009AAAAAA', { trackingNoPrefix: 'TS261009AAAAAA' }],
    [' ts261009aaaaaa ', { trackingNoPrefix: 'TS261009AAAAAA' }],
    ['TS 2610', { trackingNoPrefix: 'TS2610' }],
    ['4321', { phoneLast4: '4321' }],
    [' 43 21', { phoneLast4: '4321' }],
    ['水头', { stationName: '水头' }],
    ['贡江镇服务站', { stationName: '贡江镇服务站' }],
    ['.*', { stationName: '.*' }],
  ])('%j reads as %j', (word, want) => {
    expect(readSearch(word)).toEqual(want);
  });

  test.each(['', ' ', '水', '1', '123', '12345', '13800001234', 'T'])('%j means nothing', (word) => {
    expect(readSearch(word)).toBeNull();
  });
});

describe('phoneLast4', () => {
  test('the last 4 digits of a masked phone, or null', () => {
    expect(phoneLast4('138****1234')).toBe('1234');
    expect(phoneLast4('****')).toBeNull();
    expect(phoneLast4(null)).toBeNull();
  });

  test('the index keeps it until the personal data is purged', () => {
    expect(complaintIndex(makeComplaint('x1', { phoneMasked: '138****1234' })).phoneLast4).toBe('1234');
    expect(complaintIndex(makeComplaint('x1', { phoneMasked: '138****1234', purgedAt: '2027-01-01T00:00:00.000Z' })).phoneLast4).toBeNull();
  });
});
