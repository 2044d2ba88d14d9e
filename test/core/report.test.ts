/**
 * Period reports (issue 12 §5): periods and the 报送 deadline, the one figures function (rows add up
 * to the total whatever the data, each topic counted by its rule), the city's aggregate of county
 * snapshots, the workbook's fixed layout, and the 报送 state machine with its transition table.
 */
import fc from 'fast-check';
import { WorkCalendar } from '../../core/calendar/workdays';
import { addCounts, aggregateFigures, computeReportFigures, COUNT_KEYS, zeroCounts, type ReportData } from '../../core/report/figures';
import { lastQuarter, parsePeriod, reportDeadline } from '../../core/report/period';
import { DEFINITIONS_SHEET, reportSheets, TOPICS } from '../../core/report/sheets';
import { countyStatuses, forwardReport, returnReport, submissionRefusal, SUBMISSION_TRANSITIONS, submitReport, type ReportSubmission } from '../../core/report/submission';
import { DEFAULT_IDLE_RULES } from '../../core/station/idle';
import type { Station } from '../../core/station/model';
import type { RectificationOrder } from '../../core/station/rectification';
import { STATION_STATUSES } from '../../core/station/vocabulary';
import { makeComplaint } from '../support/complaint-fixtures';
import { makeStation, R, REGIONS } from './station-fixtures';

const Q4 = parsePeriod('2026Q4')!;
const NOW = new Date('2026-12-20T02:00:00Z');
const county = REGIONS.find((r) => r.code === '360731')!;
const townships = REGIONS.filter((r) => r.parentCode === '360731');
const villages = REGIONS.filter((r) => townships.some((t) => t.code === r.parentCode));

const centre = makeStation({ id: 'r-c1', level: 'county', regionPath: [R.province, R.city, R.yudu] });
const gongjiang = makeStation({ id: 'r-t1', level: 'township', regionPath: [R.province, R.city, R.yudu, R.gongjiang] });
const luoaoPlanned = makeStation({ id: 'r-t2', level: 'township', status: 'planned', certification: null, regionPath: [R.province, R.city, R.yudu, R.luoao] });
const shuitou = makeStation({ id: 'r-v1', level: 'village', regionPath: [R.province, R.city, R.yudu, R.gongjiang, R.shuitou] });
const closed = makeStation({ id: 'r-v2', level: 'village', status: 'closed', regionPath: [R.province, R.city, R.yudu, R.luoao, R.xinwu] });

const order = (id: string, stationId: string, over: Partial<RectificationOrder>): RectificationOrder => ({
  id, stationId, stationName: stationId, regionCodes: ['36', '3607', '360731', '360731100'], operatorName: '于都运营', state: 'open', previousStatus: 'active',
  problems: ['门头无标识'], requiredFixes: '挂牌', issuedBy: 'o', issuedAt: '2026-11-02T02:00:00Z', dueOn: '2026-11-20', dueProvisional: false, extensions: 0, answer: null, events: [], version: 1, ...over,
});

function data(over: Partial<ReportData> = {}): ReportData {
  const ref = (s: Station) => ({ stationId: s.id, stationName: s.name, operatorName: '于都运营', regionCodes: s.regionPath.map((r) => r.code) });
  return {
    region: { code: '360731', name: '于都县' },
    period: Q4,
    children: townships.map((t) => ({ code: t.code, name: t.name })),
    stations: [centre, gongjiang, luoaoPlanned, shuitou, closed],
    counties: [{ county, townships, villages }],
    ledger: [
      { key: '360731100', name: '贡江镇', kind: 'poverty_sale', sums: { entries: 2, quantity: 30, amountFen: 50_000, households: 3 } },
      { key: '360731100', name: '贡江镇', kind: 'parcel_in', sums: { entries: 1, quantity: 80, amountFen: 0, households: 0 } },
      { key: null, name: '直属站点', kind: 'proxy_purchase', sums: { entries: 1, quantity: 1, amountFen: 2_000, households: 0 } },
    ],
    complaints: [
      makeComplaint('c-in', { station: ref(gongjiang), submittedAt: '2026-11-03T02:00:00Z' }),
      makeComplaint('c-before', { station: ref(gongjiang), submittedAt: '2026-09-30T02:00:00Z' }),
    ],
    ratings: [{ stationId: gongjiang.id, count: 2, sums: { attitude: 10, pricing: 8, cleanliness: 8, efficiency: 6 }, visitVerified: 1, updatedAt: '2026-12-01T00:00:00Z' }],
    training: [
      { id: 'tr1', stationId: gongjiang.id, headOpenid: 'h', headName: '张', kind: 'annual', title: '电商', date: '2026-03-01', days: 1, recordedBy: 'o', recordedAt: '2026-03-01' },
      { id: 'tr2', stationId: gongjiang.id, headOpenid: 'h', headName: '张', kind: 'annual', title: '直播', date: '2026-10-01', days: 1, recordedBy: 'o', recordedAt: '2026-10-01' },
      { id: 'tr3', stationId: shuitou.id, headOpenid: 'h2', headName: '李', kind: 'annual', title: '电商', date: '2025-10-01', days: 1, recordedBy: 'o', recordedAt: '2025-10-01' },
    ],
    idleSignals: [{ station: shuitou, notOpenComplaints: 3, lastActivityOn: null, hasHead: false }],
    idleRules: DEFAULT_IDLE_RULES,
    rectifications: [order('o1', gongjiang.id, {}), order('o2', shuitou.id, { state: 'restored', issuedAt: '2026-08-01T02:00:00Z' })],
    now: NOW,
    ...over,
  };
}

describe('periods', () => {
  test('quarters and years; the last finished quarter; the deadline is 10 working days after', () => {
    expect(parsePeriod('2026Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31', monthFrom: '2026-10', monthTo: '2026-12', label: '2026 年第 4 季度' });
    expect(parsePeriod('2026Q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    for (const bad of ['2026Q5', '2026Q0', '26Q1', '2026-Q1', '']) expect(parsePeriod(bad)).toBeNull();
    expect(lastQuarter(new Date('2026-12-04T02:00:00Z'))).toBe('2026Q3');
    expect(lastQuarter(new Date('2027-02-01T02:00:00Z'))).toBe('2026Q4');
    // 2026Q3 ends on a Wednesday before the National Day holiday: the deadline skips the holiday.
    const cal = new WorkCalendar();
    const d = reportDeadline(parsePeriod('2026Q3')!, cal);
    expect(cal.workdaysBetween('2026-09-30', d)).toBe(10);
    expect(d > '2026-10-14').toBe(true);
  });
});

describe('figures', () => {
  test('each topic by its rule, in the station’s township row', () => {
    const f = computeReportFigures(data());
    const row = (code: string | null) => f.rows.find((r) => r.code === code)!.counts;
    const g = row('360731100');
    const l = row('360731101');
    const direct = row(null);
    expect(f.rows.map((r) => r.name)).toEqual(['直属站点', '贡江镇', '罗坳镇']);
    expect(direct).toMatchObject({ centres: 1, ledgerEntries: 1, ledgerAmountFen: 2_000, networkStations: 1 });
    expect(g).toMatchObject({ townshipStations: 1, villagePoints: 1, townships: 1, townshipsCovered: 1, villages: 1, villagesCovered: 1 });
    expect(l).toMatchObject({ townshipStations: 0, planned: 1, closed: 1, townships: 1, townshipsCovered: 0, villages: 2, villagesCovered: 0 });
    // Ledger: entries and amounts, 扶贫产品 separately.
    expect(g).toMatchObject({ ledgerEntries: 3, ledgerAmountFen: 50_000, povertySalesFen: 50_000, households: 3 });
    // Complaints submitted in the period only.
    expect(g.complaints).toBe(1);
    expect(f.units.reduce((n, u) => n + u.total, 0)).toBe(1);
    // Ratings: 2 ratings, mean of the four dimensions (32 / 4 / 2 = 4) kept as points ×100.
    expect(g).toMatchObject({ ratedStations: 1, ratings: 2, ratingPointsX100: 800 });
    // Training this year up to the period end: 贡江 twice (compliant), 水头 only last year.
    expect(g).toMatchObject({ networkStations: 2, trainedStations: 1, compliantStations: 1 });
    // Idle: 水头 has 3 不开门 complaints and no head. Rectifications: one issued in the period, open and overdue.
    expect(g).toMatchObject({ idle: 1, rectIssued: 1, rectOpen: 1, rectOverdue: 1 });
    expect(f.idle.map((c) => c.stationId)).toEqual([shuitou.id]);
    expect(f.total).toEqual(f.rows.reduce((t, r) => addCounts(t, r.counts), zeroCounts()));
  });

  test('rows add up to the total for any stations and statuses', () => {
    const places = [[R.province, R.city, R.yudu], [R.province, R.city, R.yudu, R.gongjiang], [R.province, R.city, R.yudu, R.luoao, R.xinwu], [R.province, R.city, R.yudu, R.gongjiang, R.shuitou]];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...STATION_STATUSES)), { maxLength: 12 }), (specs) => {
        const stations = specs.map(([p, status], i) => makeStation({ id: `prop-${i}`, level: (['county', 'township', 'village', 'village'] as const)[p], status, regionPath: places[p]! }));
        const f = computeReportFigures(data({ stations, ratings: [], training: [], idleSignals: [], rectifications: [], complaints: [] }));
        expect(f.total).toEqual(f.rows.reduce((t, r) => addCounts(t, r.counts), zeroCounts()));
        expect(f.total.townshipsCovered).toBeLessThanOrEqual(f.total.townships);
        expect(f.total.centres + f.total.townshipStations + f.total.villagePoints).toBe(f.total.networkStations);
      }),
    );
  });

  test('a city from its counties’ snapshots: one row per county, totals added, units merged', () => {
    const a = computeReportFigures(data());
    const b = { ...a, region: { code: '360781', name: '瑞金市' } };
    const city = aggregateFigures({ code: '3607', name: '赣州市' }, Q4, [b, a]);
    expect(city.rows.map((r) => r.code)).toEqual(['360731', '360781']);
    for (const k of COUNT_KEYS) expect(city.total[k]).toBe(2 * a.total[k]);
    expect(city.units).toHaveLength(a.units.length);
    expect(city.units[0]!.total).toBe(2 * a.units[0]!.total);
  });

  test('the workbook: a sheet per topic with region rows and 合计, definitions on 指标说明', () => {
    const f = computeReportFigures(data());
    const sheets = reportSheets(f);
    expect(sheets.map((s) => s.name)).toEqual([...TOPICS.map((t) => t.sheet), '承办单位', '疑似闲置', DEFINITIONS_SHEET]);
    const cov = sheets.find((s) => s.name === '覆盖')!;
    expect(cov.rows[0]).toEqual(['地区', '乡镇数', '有服务站的乡镇', '乡镇覆盖率', '村数', '有服务点的村', '村覆盖率']);
    expect(cov.rows.at(-1)).toEqual(['合计', 2, 1, '50.0%', 3, 1, '33.3%']);
    expect(sheets.find((s) => s.name === '台账')!.rows.at(-1)).toEqual(['合计', 4, 520, 500, 3]);
    const defs = sheets.at(-1)!.rows.map((r) => r[0]);
    for (const t of TOPICS) for (const c of t.columns) expect(defs).toContain(`${t.sheet} · ${c.label}`);
  });
});

describe('报送', () => {
  const figures = computeReportFigures(data());
  const submit = (current: ReportSubmission | null, code = '360731') => submitReport(current, { region: { code, name: code }, period: '2026Q4', figures, by: 'county', at: '2027-01-05T02:00:00Z' });

  test('the transition table: who may do what from which state', () => {
    const states = [null, 'submitted', 'returned', 'forwarded'] as const;
    const allowed = (Object.keys(SUBMISSION_TRANSITIONS) as (keyof typeof SUBMISSION_TRANSITIONS)[]).flatMap((a) =>
      states.flatMap((s) => (['county', 'city'] as const).filter((by) => submissionRefusal(s ? ({ state: s } as ReportSubmission) : null, a, by) === null).map((by) => `${a}:${s}:${by}`)),
    );
    expect(allowed.sort()).toEqual(['forward:null:city', 'include:submitted:city', 'return:submitted:city', 'submit:null:county', 'submit:returned:county'].sort());
  });

  test('submit, return with a reason, submit again, forward: the county reports follow', () => {
    const first = submit(null);
    expect(first).toMatchObject({ id: '2026Q4:360731', state: 'submitted', version: 1, figures });
    expect(() => submit(first)).toThrow('本期报告已报送');
    expect(() => returnReport(first, { comment: '  ', by: 'city', at: 'x' })).toThrow('请写明退回原因');
    const back = returnReport(first, { comment: '台账请核对', by: 'city', at: '2027-01-06T02:00:00Z' });
    expect(back).toMatchObject({ state: 'returned', comment: '台账请核对', version: 2 });
    const again = submit(back);
    expect(again).toMatchObject({ state: 'submitted', comment: null, version: 3 });
    expect(again.events.map((e) => e.action)).toEqual(['submit', 'return', 'submit']);
    const other = submit(null, '360781');
    const r = forwardReport(null, [again, other, back], { region: { code: '3607', name: '赣州市' }, period: '2026Q4', figures, by: 'city', at: '2027-01-10T02:00:00Z' });
    expect(r.city).toMatchObject({ level: 'city', state: 'forwarded', counties: ['360731', '360781'] });
    expect(r.counties.map((c) => [c.next.regionCode, c.next.state, c.expectedVersion, c.next.version])).toEqual([['360731', 'forwarded', 3, 4], ['360781', 'forwarded', 1, 2]]);
    expect(() => forwardReport(r.city, [], { region: { code: '3607', name: '赣州市' }, period: '2026Q4', figures, by: 'city', at: 'x' })).toThrow('本期市级报告已报省');
    expect(() => forwardReport(null, [], { region: { code: '3607', name: '赣州市' }, period: '2026Q4', figures, by: 'city', at: 'x' })).toThrow('还没有县报送');
  });

  test('late counties: missing after the deadline, or first submitted after it', () => {
    const counties = [{ code: '360731', name: '于都县', city: '赣州市' }, { code: '360781', name: '瑞金市', city: '赣州市' }, { code: '360732', name: '兴国县', city: '赣州市' }];
    const onTime = { ...submit(null), submittedAt: '2027-01-14T02:00:00Z', events: [{ at: '2027-01-14T02:00:00Z', action: 'submit' as const, by: 'c', note: '' }] };
    const late = { ...submit(null, '360781'), submittedAt: '2027-01-16T02:00:00Z', events: [{ at: '2027-01-16T02:00:00Z', action: 'submit' as const, by: 'c', note: '' }] };
    const day = (iso: string) => iso.slice(0, 10);
    const before = countyStatuses(counties, [onTime], '2027-01-15', '2027-01-10', day);
    expect(before.map((c) => c.late)).toEqual([false, false, false]);
    const after = countyStatuses(counties, [onTime, late], '2027-01-15', '2027-01-20', day);
    expect(after.map((c) => [c.code, c.stateLabel, c.late])).toEqual([['360731', '已报送，待市级审核', false], ['360781', '已报送，待市级审核', true], ['360732', '未报送', true]]);
  });
});
