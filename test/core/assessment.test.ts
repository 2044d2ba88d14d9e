/** Heads' assessment (第九条4): periods, each part, the weighted total, the cultivation exemption, weights: test/core/assessment-weights.test.ts. */
import fc from 'fast-check';
import { assess, exemptFor, gradeOf, monthsOf, parsePeriod, quarterKeyOf, rewardProblem, type AssessmentFacts } from '../../core/assessment/model';
import { normalizeCode, signInProblem, SESSION_CODE_PATTERN, type TrainingSession } from '../../core/assessment/training';
import type { Complaint } from '../../core/complaint/model';
import { DEFAULT_WEIGHTS, ASSESSMENT_PARTS } from '../../core/assessment/weights';
import { bareComplaint } from '../support/complaint-fixtures';

const complaint = (p: Partial<Complaint> = {}) =>
  bareComplaint({ trackingNo: 'TS261001ABCDEF', submittedAt: '2026-10-12T02:00:00.000Z', acceptDueOn: '2026-10-14', updatedAt: '2026-10-12T02:00:00.000Z', ...p });

const Q4 = parsePeriod('2026Q4');
const AFTER = '2027-01-05';
const stars = (n: number) => ({ service: n, price: n, speed: n, honesty: n }) as never;

/** A head with a full quarter: ledgers every month, two inspections, one complaint replied on time and satisfied, 4-star ratings, trainings done. */
function good(over: Partial<AssessmentFacts> = {}): AssessmentFacts {
  return {
    certifiedOn: '2025-03-01',
    ledger: [{ month: '2026-10', status: 'accepted' }, { month: '2026-11', status: 'submitted' }, { month: '2026-12', status: 'accepted' }],
    visits: [{ kind: 'inspection', visitedOn: '2026-10-20', score: 100 }, { kind: 'inspection', visitedOn: '2026-11-20', score: 80 }, { kind: 'guidance', visitedOn: '2026-11-21' }],
    complaints: [complaint({ reply: { text: 'ok', at: '2026-10-13T00:00:00.000Z', byRole: 'station_head' } as never, replyOnTime: true, status: 'closed', evaluation: 'satisfied' })],
    ratings: [{ scores: stars(4), createdAt: '2026-11-01T00:00:00.000Z', status: 'published' }, { scores: stars(5), createdAt: '2026-09-01T00:00:00.000Z', status: 'published' }],
    training: [{ kind: 'pre_job', date: '2025-02-01', days: 3 }, { kind: 'annual', date: '2026-04-01', days: 1 }, { kind: 'annual', date: '2026-10-01', days: 1 }],
    ...over,
  };
}

describe('periods', () => {
  it('reads quarters and years, and refuses anything else', () => {
    expect(Q4).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31', label: '2026 年第 4 季度' });
    expect(parsePeriod('2026Q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2024Q1').to).toBe('2024-03-31');
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(() => parsePeriod('2026Q5')).toThrow(/2026Q4/);
    expect(quarterKeyOf('2026-12-05')).toBe('2026Q4');
    expect(quarterKeyOf('2026-04-01')).toBe('2026Q2');
  });
  it('an unfinished period counts its months so far', () => {
    expect(monthsOf(Q4, '2026-11-15')).toEqual(['2026-10', '2026-11']);
    expect(monthsOf(parsePeriod('2026'), AFTER)).toHaveLength(12);
  });
});

describe('assess', () => {
  it('scores each part and weighs them', () => {
    const r = assess(good(), DEFAULT_WEIGHTS, Q4, AFTER);
    const part = Object.fromEntries(r.parts.map((p) => [p.part, p.score]));
    // Ratings: only the one in the quarter (4 stars → 75).
    expect(part).toEqual({ ledger: 100, inspection: 90, complaints: 93.3, ratings: 75, training: 100 });
    expect(r.parts.find((p) => p.part === 'complaints')?.basis).toBe('投诉 1 件，按期答复 100%，满意 100%');
    const expected = (25 * 100 + 20 * 90 + 25 * 93.3 + 15 * 75 + 15 * 100) / 100;
    expect(r).toMatchObject({ exempt: false, total: Math.round(expected * 10) / 10, grade: 'excellent' });
  });

  it('a part with no data gives its weight to the others', () => {
    const r = assess(good({ visits: [], ratings: [] }), DEFAULT_WEIGHTS, Q4, AFTER);
    expect(r.parts.find((p) => p.part === 'inspection')).toMatchObject({ score: null, basis: '本期没有检查' });
    const c = 93.3;
    expect(r.total).toBe(Math.round(((25 * 100 + 25 * c + 15 * 100) / 65) * 10) / 10);
  });

  it('missing ledgers, complaints and no training pull the total down to a fail', () => {
    const many = Array.from({ length: 6 }, () => complaint({ reply: { text: 'x', at: '2026-10-30T00:00:00.000Z' } as never, replyOnTime: false, status: 'closed', evaluation: 'unsatisfied' }));
    const r = assess(good({ ledger: [{ month: '2026-10', status: 'returned' }], complaints: many, training: [], visits: [{ kind: 'inspection', visitedOn: '2026-10-20', score: 50 }], ratings: [{ scores: stars(1), createdAt: '2026-11-01T00:00:00.000Z', status: 'published' }] }), DEFAULT_WEIGHTS, Q4, AFTER);
    expect(r.parts.find((p) => p.part === 'ledger')).toMatchObject({ score: 0, basis: '3 个月中 0 个月有台账' });
    expect(r.parts.find((p) => p.part === 'complaints')?.score).toBe(0);
    expect(r.grade).toBe('fail');
    expect(rewardProblem(r)).toBe('考核不合格，不能表彰');
  });

  it('a year spreads the complaint cost over 12 months', () => {
    const two = [complaint(), complaint({ submittedAt: '2026-03-01T00:00:00.000Z' })];
    expect(assess(good({ complaints: two }), DEFAULT_WEIGHTS, parsePeriod('2026'), AFTER).parts.find((p) => p.part === 'complaints')?.score).toBe(90);
    expect(assess(good({ complaints: [complaint(), complaint({ submittedAt: '2026-11-01T00:00:00.000Z' })] }), DEFAULT_WEIGHTS, Q4, AFTER).parts.find((p) => p.part === 'complaints')?.score).toBe(60);
  });

  it('stations in their cultivation period (6 months after 认定) are exempt: parts shown, no total, no reward', () => {
    // Cultivation ends 6 months on (2026-06-30 → 2026-12-30): over before the quarter's last day.
    expect(exemptFor('2026-06-30', Q4, AFTER)).toBe(false);
    expect(exemptFor('2026-07-01', Q4, AFTER)).toBe(true);
    expect(exemptFor(null, Q4, AFTER)).toBe(true);
    // Mid-quarter the period is assessed to today: certified 2026-06-01 is still in cultivation on 11-15.
    expect(exemptFor('2026-06-01', Q4, '2026-11-15')).toBe(true);
    expect(exemptFor('2026-06-01', Q4, AFTER)).toBe(false);
    const r = assess(good({ certifiedOn: '2026-09-01' }), DEFAULT_WEIGHTS, Q4, AFTER);
    expect(r).toMatchObject({ exempt: true, total: null, grade: null });
    expect(r.parts).toHaveLength(5);
    expect(rewardProblem(r)).toMatch(/培育期/);
  });

  it('grades by the total', () => {
    expect([95, 90, 89.9, 75, 60, 59.9, 0].map(gradeOf)).toEqual(['excellent', 'excellent', 'good', 'good', 'pass', 'fail', 'fail']);
  });

  it('property: every part and the total stay within 0–100 whatever the facts and weights', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }).map((ws) => Object.fromEntries(ASSESSMENT_PARTS.map((p, i) => [p, ws[i]])) as typeof DEFAULT_WEIGHTS);
    const day = fc.integer({ min: 0, max: 729 }).map((d) => new Date(Date.UTC(2025, 6, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const facts = fc.record({
      certifiedOn: fc.option(day, { nil: null }),
      ledger: fc.array(fc.record({ month: day.map((d) => d.slice(0, 7)), status: fc.constantFrom('submitted', 'accepted', 'returned') as fc.Arbitrary<'submitted' | 'accepted' | 'returned'> }), { maxLength: 20 }),
      visits: fc.array(fc.record({ kind: fc.constantFrom('inspection', 'guidance', 'training') as fc.Arbitrary<'inspection'>, visitedOn: day, score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 10 }),
      complaints: fc.array(fc.record({ d: day, onTime: fc.option(fc.boolean(), { nil: null }), ev: fc.constantFrom(null, 'satisfied', 'basically', 'unsatisfied') }).map(({ d, onTime, ev }) => complaint({ submittedAt: `${d}T02:00:00.000Z`, replyOnTime: onTime, reply: onTime === null ? null : ({ text: 'x', at: `${d}T03:00:00.000Z` } as never), status: ev ? 'closed' : 'accepted', evaluation: ev as never })), { maxLength: 30 }),
      ratings: fc.array(fc.record({ n: fc.integer({ min: 1, max: 5 }), d: day }).map(({ n, d }) => ({ scores: stars(n), createdAt: `${d}T00:00:00.000Z`, status: 'published' as const })), { maxLength: 10 }),
      training: fc.array(fc.record({ kind: fc.constantFrom('pre_job', 'annual') as fc.Arbitrary<'pre_job' | 'annual'>, date: day, days: fc.integer({ min: 1, max: 10 }) }), { maxLength: 6 }),
    });
    const key = fc.constantFrom('2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4', '2026', '2027Q2');
    fc.assert(
      fc.property(facts, weights, key, day, (f, w, k, asOf) => {
        const r = assess(f, w, parsePeriod(k), asOf);
        for (const p of r.parts) if (p.score !== null) expect(p.score >= 0 && p.score <= 100).toBe(true);
        if (r.exempt) expect(r.total).toBeNull();
        else expect(r.total !== null && r.total >= 0 && r.total <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('training sign-in codes', () => {
  const s: TrainingSession = { id: 's1', codeHash: 'h', operatorName: '于都运营', kind: 'annual', title: 't', date: '2026-12-05', days: 1, createdBy: 'o', createdAt: '2026-12-05T01:00:00.000Z', expiresAt: '2026-12-05T03:00:00.000Z' };
  it('reads what a head types the way the code is stored', () => {
    expect(normalizeCode(' 7k3-mo9 ')).toBe('7K3M09');
    expect(SESSION_CODE_PATTERN.test('7K3M09')).toBe(true);
    expect(SESSION_CODE_PATTERN.test('7K3MU9')).toBe(false);
  });
  it('only heads of the operator’s stations, only before it expires', () => {
    expect(signInProblem(s, '2026-12-05T02:00:00.000Z', '于都运营')).toBeNull();
    expect(signInProblem(s, '2026-12-05T03:00:00.000Z', '于都运营')?.code).toBe('CONFLICT');
    expect(signInProblem(s, '2026-12-05T02:00:00.000Z', '井冈山运营')?.code).toBe('NOT_FOUND');
  });
});
