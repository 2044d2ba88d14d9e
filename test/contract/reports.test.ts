/**
 * 报送 storage (core/report/submission.ts): the same contract on SQLite and on the CloudBase adapter
 * over the SDK double (both flavours): insert once, versioned replace, the list of a period by region
 * prefix in code order (with the frozen figures intact), an outage.
 */
import { createCloudbaseReportRepository } from '../../adapters/cloudbase/reports';
import { createSqliteReportRepository } from '../../adapters/sqlite/reports';
import { zeroCounts, type ReportFigures } from '../../core/report/figures';
import { parsePeriod } from '../../core/report/period';
import type { ReportSubmission } from '../../core/report/submission';
import { onEachRepo } from '../support/store-runners';
import { expectCode, expectStaleSaveRefused } from './expect';

const period = parsePeriod('2026Q4')!;
const figures = (code: string, complaints: number): ReportFigures => ({
  region: { code, name: `县${code}` },
  period,
  rows: [{ code: `${code}100`, name: '贡江镇', counts: { ...zeroCounts(), complaints } }, { code: null, name: '直属站点', counts: zeroCounts() }],
  total: { ...zeroCounts(), complaints },
  units: [],
  idle: [],
});
const report = (code: string, p = '2026Q4', over: Partial<ReportSubmission> = {}): ReportSubmission => ({
  id: `${p}:${code}`,
  level: code.length === 6 ? 'county' : 'city',
  regionCode: code,
  regionName: `县${code}`,
  period: p,
  state: 'submitted',
  figures: figures(code, 3),
  submittedBy: 'o-county-0001',
  submittedAt: '2027-01-05T02:00:00.000Z',
  comment: null,
  counties: [],
  events: [{ at: '2027-01-05T02:00:00.000Z', action: 'submit', by: 'o-county-0001', note: '报送' }],
  version: 1,
  ...over,
});

const stores = onEachRepo(createSqliteReportRepository, createCloudbaseReportRepository);

describe.each(stores)('%s: report submissions', (_name, make) => {
  test('insert once, get; the list of a period by region prefix, in code order', async () => {
    const { repo } = await make();
    const yudu = report('360731');
    const ruijin = report('360781');
    const city = report('3607', '2026Q4', { state: 'forwarded', counties: ['360731'] });
    const other = report('361102');
    const older = report('360731', '2026Q3');
    for (const r of [ruijin, yudu, city, other, older]) await repo.save(r, null);
    expect(await repo.get('2026Q4:360731')).toEqual(yudu);
    expect(await repo.get('2026Q4:360732')).toBeNull();
    expect(await repo.list({ period: '2026Q4', regionCode: '3607' })).toEqual([city, yudu, ruijin]);
    expect(await repo.list({ period: '2026Q4', regionCode: '36' })).toEqual([city, yudu, ruijin, other]);
    expect(await repo.list({ period: '2026Q4', regionCode: '360731' })).toEqual([yudu]);
    expect(await repo.list({ period: '2026', regionCode: '36' })).toEqual([]);
    await expectCode(repo.save(report('360731'), null), 'CONFLICT');
  });

  test('save is versioned: the first change wins, a stale one changes nothing', async () => {
    const { repo } = await make();
    const a = report('360731');
    await expectStaleSaveRefused(repo, a, { ...a, state: 'returned', comment: '台账数字请核对', version: 2 }, { ...a, state: 'forwarded', version: 2 });
  });

  test('an unreachable store answers UNAVAILABLE', async () => {
    const { repo, breakStore } = await make();
    breakStore();
    await expectCode(repo.get('2026Q4:360731'), 'UNAVAILABLE');
    await expectCode(repo.list({ period: '2026Q4', regionCode: '36' }), 'UNAVAILABLE');
  });
});
