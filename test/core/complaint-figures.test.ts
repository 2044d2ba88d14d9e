/** Figures by handling unit (issue 11 §4): definitions, attribution and totals that add up. */
import fc from 'fast-check';
import { CATEGORY_CODES, type Assignee, type Complaint } from '../../core/complaint/model';
import { computeFigures, FIGURE_COLUMNS, FIGURE_COUNTS, FIGURE_DEFINITIONS, figureSheets, formatRate } from '../../core/complaint/figures';
import { bareComplaint } from '../support/complaint-fixtures';

const period = { from: '2026-03-01', to: '2026-03-31' };

const complaint = bareComplaint;
const op: Assignee = { kind: 'operator', operatorName: '邮乐购' };
const st: Assignee = { kind: 'station', stationId: 'st-001' };

describe('computeFigures', () => {
  it('attributes to the assignee, else the county office, and counts on time by the deadlines', () => {
    const r = computeFigures(
      [
        complaint({ assignee: op, acceptedAt: '2026-03-04T09:00:00.000Z', reply: { text: 'ok', at: '2026-03-05T00:00:00.000Z', byRole: 'operator_staff' }, replyOnTime: true, status: 'closed', evaluation: 'basically' }),
        // Accepted on 03-05 (Shanghai) after its 03-04 deadline; replied late; unsatisfied; extended.
        complaint({ assignee: op, category: 'parcel', acceptedAt: '2026-03-04T17:00:00.000Z', reply: { text: 'ok', at: '2026-03-20T00:00:00.000Z', byRole: 'operator_staff' }, replyOnTime: false, status: 'closed', evaluation: 'unsatisfied', extension: { workdays: 3, reason: 'r', at: '2026-03-10T00:00:00.000Z' } }),
        // The station handed it back (退单) and the county kept it.
        complaint({ category: 'parcel', acceptedAt: '2026-03-03T01:00:00.000Z', status: 'accepted', returns: [{ at: '2026-03-04T00:00:00.000Z', reason: '不归我', assignee: st }] }),
        // Outside the period: not counted.
        complaint({ submittedAt: '2026-04-01T01:00:00.000Z', assignee: op }),
      ],
      period,
    );
    expect(r.totals).toMatchObject({ total: 3, accepted: 3, acceptedOnTime: 2, replied: 2, repliedOnTime: 1, evaluated: 2, satisfied: 1, declined: 1, extended: 1 });
    expect(r.totals.acceptOnTimeRate).toBeCloseTo(2 / 3);
    const byKey = Object.fromEntries(r.byUnit.map((u) => [u.unitKey, u]));
    expect(byKey['operator:邮乐购']).toMatchObject({ kindLabel: '运营商', total: 2, acceptedOnTime: 1, replyOnTimeRate: 0.5, satisfactionRate: 0.5, extended: 1 });
    expect(byKey['county:360731']).toMatchObject({ kind: 'county', name: '县级主管部门', total: 1, declined: 0 });
    expect(byKey['station:st-001']).toMatchObject({ name: '东村站', total: 0, declined: 1, replyOnTimeRate: null });
    expect(r.byCategory.map((c) => [c.label, c.total, c.declined])).toEqual([['服务态度', 1, 0], ['快递丢失/损坏', 2, 1]]);
  });

  it('names the county office by its county, never by a bare code', () => {
    const names = new Map([['360731', '于都县']]);
    expect(computeFigures([complaint()], period, names).byUnit[0]).toMatchObject({ unitKey: 'county:360731', name: '县级主管部门（于都县）' });
    expect(computeFigures([complaint()], period).byUnit[0].name).toBe('县级主管部门');
  });

  it('shows a rate with nothing to divide by as 不计算, never as 0%', () => {
    expect(formatRate(null)).toBe('不计算');
    expect(formatRate(0.875)).toBe('87.5%');
    expect(computeFigures([complaint()], period).totals.satisfactionRate).toBeNull();
  });

  it('the export sheets carry every column with its defined label, and the definitions', () => {
    const sheets = figureSheets(computeFigures([complaint({ assignee: op })], period), period);
    expect(sheets.map((s) => s.name)).toEqual(['按承办单位', '按类型', '指标说明']);
    const labels = FIGURE_COLUMNS.map((k) => FIGURE_DEFINITIONS.find((d) => d.key === k)!.label);
    expect(sheets[0].rows[0]).toEqual(['单位类型', '承办单位', ...labels]);
    expect(sheets[1].rows[0]).toEqual(['投诉类型', ...labels]);
    expect(sheets[2].rows.slice(1, 1 + FIGURE_DEFINITIONS.length)).toEqual(FIGURE_DEFINITIONS.map((d) => [d.label, d.definition]));
    // Every column has a definition.
    expect(FIGURE_COLUMNS.every((k) => FIGURE_DEFINITIONS.some((d) => d.key === k))).toBe(true);
  });

  it('property: totals over units equal totals over categories equal the overall totals', () => {
    const assignee = fc.option(fc.oneof(
      fc.constantFrom('邮乐购', '赣邮', '农商').map((operatorName): Assignee => ({ kind: 'operator', operatorName })),
      fc.constantFrom('st-001', 'st-002').map((stationId): Assignee => ({ kind: 'station', stationId })),
    ), { nil: null });
    const arb = fc.record({
      category: fc.constantFrom(...CATEGORY_CODES),
      assignee,
      county: fc.constantFrom('360731', '360732'),
      day: fc.integer({ min: 0, max: 45 }),
      accepted: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      replyOnTime: fc.option(fc.boolean(), { nil: null }),
      evaluation: fc.constantFrom<Complaint['evaluation']>('satisfied', 'basically', 'unsatisfied', 'none', null),
      closed: fc.boolean(),
      extended: fc.boolean(),
      returns: fc.array(assignee.filter((a) => a !== null), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (specs) => {
        const list = specs.map((s) => {
          const submitted = new Date(Date.UTC(2026, 1, 20 + s.day, 3));
          return complaint({
            category: s.category, assignee: s.assignee, regionCodes: ['36', s.county.slice(0, 4), s.county],
            submittedAt: submitted.toISOString(),
            acceptedAt: s.accepted === null ? null : new Date(submitted.getTime() + s.accepted * 86_400_000).toISOString(),
            replyOnTime: s.replyOnTime, status: s.closed ? 'closed' : 'assigned', evaluation: s.evaluation,
            extension: s.extended ? { workdays: 2, reason: 'r', at: submitted.toISOString() } : null,
            returns: s.returns.map((a) => ({ at: submitted.toISOString(), reason: 'r', assignee: a! })),
          });
        });
        const r = computeFigures(list, period);
        for (const k of FIGURE_COUNTS) {
          const units = r.byUnit.reduce((n, u) => n + u[k], 0);
          const cats = r.byCategory.reduce((n, c) => n + c[k], 0);
          expect(units).toBe(r.totals[k]);
          expect(cats).toBe(r.totals[k]);
        }
        expect(r.totals.acceptedOnTime).toBeLessThanOrEqual(r.totals.accepted);
        expect(r.totals.satisfied).toBeLessThanOrEqual(r.totals.evaluated);
      }),
    );
  });
});
