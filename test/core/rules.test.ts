/** Trust facts (certification, 培育期 第十一条4, freshness), naming rule 第七条4, warnings 第七条1 / 第六条1. */
import { FRESHNESS_DAYS, CULTIVATION_MONTHS, nameFollowsRule, ruleWarnings, trustFacts, type Certification } from '../../core/station/rules';
import type { StationLevel, StationStatus } from '../../core/station/vocabulary';

/** 00:00 Shanghai on a date = 16:00 UTC the day before. */
function shMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, -8, 0));
}
const cert = (certifiedOn: string): Certification => ({ certificateNo: 'YD-2026-001', certifiedOn, authority: '于都县商务局' });
const station = (status: StationStatus, certifiedOn: string | null, infoConfirmedOn = '2026-05-01') => ({
  status,
  certification: certifiedOn ? cert(certifiedOn) : null,
  infoConfirmedOn,
});

test('constants follow the regulation', () => {
  expect(CULTIVATION_MONTHS).toBe(6);
  expect(FRESHNESS_DAYS).toBe(180);
});

describe('certification', () => {
  test.each<[StationStatus, boolean]>([
    ['planned', false],
    ['operator_review', false],
    ['county_review', false],
    ['notice', false],
    ['certified', true],
    ['active', true],
    ['rectification', true],
    ['closed', false],
  ])('%s with a certificate → certified %s', (status, certified) => {
    const facts = trustFacts(station(status, '2026-01-15'), shMidnight('2026-03-01'));
    expect(facts.certified).toBe(certified);
    // Only a certified station is in (or has) a cultivation period.
    expect(facts.inCultivation).toBe(certified);
    expect(facts.cultivationEndsOn).toBe(certified ? '2026-07-15' : undefined);
  });

  test('a certified status without a certificate is not certified', () => {
    expect(trustFacts(station('active', null), shMidnight('2026-03-01'))).toMatchObject({ certified: false, inCultivation: false, cultivationEndsOn: undefined });
  });
});

describe('培育期: six months from certification', () => {
  const facts = (certifiedOn: string, now: Date) => trustFacts(station('active', certifiedOn), now);

  test('starts on the certification day, ends exactly six months later (exclusive)', () => {
    expect(facts('2026-01-15', shMidnight('2026-01-15')).inCultivation).toBe(true);
    expect(facts('2026-01-15', shMidnight('2026-07-14')).inCultivation).toBe(true);
    expect(facts('2026-01-15', shMidnight('2026-07-15'))).toMatchObject({ inCultivation: false, cultivationEndsOn: '2026-07-15' });
  });

  test('the boundary is Shanghai midnight, not UTC midnight', () => {
    // 2026-07-14 23:59 in Shanghai (15:59 UTC): still in cultivation.
    expect(facts('2026-01-15', new Date(Date.UTC(2026, 6, 14, 15, 59))).inCultivation).toBe(true);
    // 2026-07-15 00:00 in Shanghai (16:00 UTC on the 14th): over.
    expect(facts('2026-01-15', new Date(Date.UTC(2026, 6, 14, 16, 0))).inCultivation).toBe(false);
  });

  test('month-end certification clamps: 08-31 + 6 months = 02-28 (02-29 in a leap year)', () => {
    expect(facts('2026-08-31', shMidnight('2027-02-27'))).toMatchObject({ inCultivation: true, cultivationEndsOn: '2027-02-28' });
    expect(facts('2026-08-31', shMidnight('2027-02-28')).inCultivation).toBe(false);
    expect(facts('2027-08-31', shMidnight('2028-02-28'))).toMatchObject({ inCultivation: true, cultivationEndsOn: '2028-02-29' });
    expect(facts('2027-08-31', shMidnight('2028-02-29')).inCultivation).toBe(false);
    expect(facts('2026-03-31', shMidnight('2026-09-30'))).toMatchObject({ inCultivation: false, cultivationEndsOn: '2026-09-30' });
  });

  test('not in cultivation before the certification date (future-dated certificate)', () => {
    expect(facts('2026-06-01', shMidnight('2026-05-31'))).toMatchObject({ certified: true, inCultivation: false, cultivationEndsOn: '2026-12-01' });
  });
});

describe('freshness: stale after 180 days', () => {
  const now = shMidnight('2026-05-13');
  test.each([
    ['2026-05-13', 0, false],
    ['2026-05-12', 1, false],
    ['2025-11-14', 180, false],
    ['2025-11-13', 181, true],
    ['2024-05-13', 730, true],
  ])('confirmed %s → %d days, stale %s', (confirmed, age, stale) => {
    expect(trustFacts(station('active', '2025-01-01', confirmed), now)).toMatchObject({ infoAgeDays: age, stale });
  });

  test('a confirmation date in the future counts as 0 days', () => {
    expect(trustFacts(station('active', '2025-01-01', '2026-06-01'), now)).toMatchObject({ infoAgeDays: 0, stale: false });
  });

  test('age counts Shanghai days', () => {
    // 2026-05-12 23:59 Shanghai → 179 days since 2025-11-14.
    expect(trustFacts(station('active', null, '2025-11-14'), new Date(Date.UTC(2026, 4, 12, 15, 59))).infoAgeDays).toBe(179);
    // 2026-05-14 00:00 Shanghai → 181 days: stale.
    expect(trustFacts(station('active', null, '2025-11-14'), new Date(Date.UTC(2026, 4, 13, 16, 0)))).toMatchObject({ infoAgeDays: 181, stale: true });
  });
});

describe('naming rule 第七条4', () => {
  const cases: [StationLevel, string, boolean][] = [
    // county: …县(市、区)电商扶贫服务运营中心
    ['county', '于都县电商扶贫服务运营中心', true],
    ['county', '江西省于都县电商扶贫服务运营中心', true],
    ['county', '瑞金市电商扶贫服务运营中心', true],
    ['county', '章贡区电商扶贫服务运营中心', true],
    ['county', '江西电商扶贫工程于都县运营中心', true],
    ['county', '于都县电商扶贫运营中心', true],
    ['county', '于都县电商服务运营中心', false],
    ['county', '于都县电商扶贫服务站', false],
    ['county', '电商扶贫服务运营中心', false],
    ['county', '于都县电商扶贫服运营中心', false],
    ['county', '于都电商扶贫服务运营中心', false],
    ['county', '江西电商扶贫工程贡江镇服务站', false],
    // township: 江西电商扶贫工程__乡(镇)服务站 or 江西省电商扶贫乡镇服务站
    ['township', '江西电商扶贫工程贡江镇服务站', true],
    ['township', '江西电商扶贫工程黄麟乡服务站', true],
    ['township', '江西电商扶贫工程于都县贡江镇服务站', true],
    ['township', '江西电商扶贫工程长征街道服务站', true],
    ['township', '江西省电商扶贫乡镇服务站', true],
    ['township', '江西省电商扶贫贡江镇服务站', true],
    ['township', '贡江镇电商扶贫服务站', false],
    ['township', '江西电商扶贫工程贡江镇服务点', false],
    ['township', '江西电商扶贫工程水头村服务站', false],
    ['township', '江西电商扶贫工程服务站', false],
    ['township', '江西电商扶贫工程贡江镇服务站（加盟店）', false],
    ['township', '江西电商扶贫工程一二三四五六七八九十一二镇服务站', true],
    ['township', '江西电商扶贫工程一二三四五六七八九十一二三镇服务站', false],
    // village: 江西电商扶贫工程__村服务点 or 江西省电商扶贫村级服务点
    ['village', '江西电商扶贫工程水头村服务点', true],
    ['village', '江西电商扶贫工程长征社区服务点', true],
    ['village', '江西电商扶贫工程城北居委会服务点', true],
    ['village', '江西省电商扶贫村级服务点', true],
    ['village', '江西省电商扶贫水头村级服务点', true],
    ['village', '水头村服务点', false],
    ['village', '江西电商扶贫工程水头村服务站', false],
    ['village', '江西电商扶贫工程贡江镇服务点', false],
    ['village', '江西电商扶贫水头村服务点', false],
    ['village', '江西省电商扶贫村级服务站', false],
  ];
  test.each(cases)('%s %s → %s', (level, name, ok) => {
    expect(nameFollowsRule(name, level)).toBe(ok);
  });

  test('a name valid for one level is not valid for another', () => {
    expect(nameFollowsRule('江西电商扶贫工程水头村服务点', 'township')).toBe(false);
    expect(nameFollowsRule('江西电商扶贫工程贡江镇服务站', 'village')).toBe(false);
    expect(nameFollowsRule('于都县电商扶贫服务运营中心', 'township')).toBe(false);
  });
});

describe('ruleWarnings', () => {
  const ok = { name: '江西电商扶贫工程贡江镇服务站', level: 'township' as const, areaSqm: 20, servicePopulation: 300 };

  test('a compliant station has no warnings (minimums are inclusive)', () => {
    expect(ruleWarnings(ok)).toEqual([]);
    expect(ruleWarnings({ name: '于都县电商扶贫服务运营中心', level: 'county', areaSqm: 200, servicePopulation: 300 })).toEqual([]);
    expect(ruleWarnings({ name: '江西电商扶贫工程水头村服务点', level: 'village', areaSqm: 10, servicePopulation: 300 })).toEqual([]);
  });

  test.each<[StationLevel, string, number, number]>([
    ['county', '于都县电商扶贫服务运营中心', 199.5, 200],
    ['township', '江西电商扶贫工程贡江镇服务站', 19, 20],
    ['village', '江西电商扶贫工程水头村服务点', 9.9, 10],
  ])('%s below %s ㎡ → AREA_BELOW_MINIMUM', (level, name, area, min) => {
    expect(ruleWarnings({ name, level, areaSqm: area, servicePopulation: 5000 })).toEqual([
      { code: 'AREA_BELOW_MINIMUM', message: `使用面积 ${area}㎡，低于该级别最低 ${min}㎡（第七条1）` },
    ]);
  });

  test('population below 300 → POPULATION_BELOW_NORM citing 第六条1', () => {
    expect(ruleWarnings({ ...ok, servicePopulation: 299 })).toEqual([
      { code: 'POPULATION_BELOW_NORM', message: '服务人口 299 人，一般应不少于 300 人（第六条1）' },
    ]);
  });

  test('a wrong name → NAME_FORMAT; all three together in order', () => {
    expect(ruleWarnings({ ...ok, name: '贡江镇便民服务站' })).toEqual([{ code: 'NAME_FORMAT', message: '站点名称不符合第七条4的命名规范' }]);
    expect(ruleWarnings({ name: '水头小卖部', level: 'village', areaSqm: 6, servicePopulation: 120 }).map((w) => w.code)).toEqual([
      'NAME_FORMAT',
      'AREA_BELOW_MINIMUM',
      'POPULATION_BELOW_NORM',
    ]);
  });
});
