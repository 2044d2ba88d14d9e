/**
 * Recruitment and public-notice rules (docs/product.md §5): rubric totals and ranking, the rubric check,
 * training gaps (第九条3), the post transition table against the specification, the notice
 * period counted in working days across 2026 国庆 and running in Asia/Shanghai, the outcome of a
 * notice from its objections; then model-based property tests — random command sequences against
 * the transition table, and against the whole service over SQLite (post, applications, notice and
 * objections compared with an independent model after every command; the scheduler run twice).
 */
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { aesCipher, randomIds } from '../../adapters/platform/crypto';
import { localContentSecurity } from '../../adapters/platform/local';
import { openDatabase } from '../../adapters/sqlite/db';
import { bootstrapAdmins } from '../../core/account/service';
import { WorkCalendar } from '../../core/calendar/workdays';
import { earliestEnd, firstCountedDay, MIN_NOTICE_WORKDAYS, noticePeriodProblem, noticeRunning, noticeWorkdays, outcomeOf, OBJECTION_STATUSES, type NoticeOutcome, type ObjectionStatus } from '../../core/notice/model';
import { checkCharacter } from '../../core/recruitment/idcard';
import {
  ANNUAL_MIN_TRAININGS,
  applicationTotal,
  assertPostTransition,
  checkRubric,
  POST_STATUSES,
  POST_TRANSITIONS,
  PRE_JOB_MIN_DAYS,
  rank,
  trainingGaps,
  weightedTotal,
  type ApplicationStatus,
  type Post,
  type PostCommand,
  type PostStatus,
  type RubricItem,
  type TrainingRecord,
} from '../../core/recruitment/model';
import { createNoticeService } from '../../core/notice/service';
import { createRecruitmentService } from '../../core/recruitment/service';
import { AppError } from '../../core/shared/errors';
import { addDays, toShanghai } from '../../core/shared/time';
import { demoIdentities } from '../../seed/identities';
import { createLocalStores } from '../../server/functions';
import { seedIfEmpty } from '../../server/seed';
import { DEMO, FixedClock } from '../support/local-app';

jest.setTimeout(120_000);

const cal = new WorkCalendar();
const RUBRIC: RubricItem[] = [
  { criterion: '电商技能', weight: 40 },
  { criterion: '群众基础', weight: 60 },
];

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

// ————————————————————————————————————————————————————————————————————————————————————————
describe('scores', () => {
  test('weightedTotal: weights are percentages; a missing criterion counts 0', () => {
    expect(weightedTotal(RUBRIC, { 电商技能: 80, 群众基础: 50 })).toBeCloseTo(62, 10);
    expect(weightedTotal(RUBRIC, { 电商技能: 100, 群众基础: 100 })).toBeCloseTo(100, 10);
    expect(weightedTotal(RUBRIC, { 电商技能: 100 })).toBeCloseTo(40, 10);
    expect(weightedTotal(RUBRIC, {})).toBe(0);
    // Criteria outside the rubric do not count.
    expect(weightedTotal(RUBRIC, { 电商技能: 50, 群众基础: 50, 其他: 100 })).toBeCloseTo(50, 10);
  });

  test('applicationTotal: the reviewers’ mean, one decimal; null before anyone scored', () => {
    expect(applicationTotal(RUBRIC, [])).toBeNull();
    const s = (a: number, b: number, who = 'r') => ({ reviewerOpenid: who, byCriterion: { 电商技能: a, 群众基础: b }, at: '2026-10-01T00:00:00.000Z' });
    expect(applicationTotal(RUBRIC, [s(80, 50)])).toBe(62);
    // 62 and 70.5 → 66.25 → 66.3
    expect(applicationTotal(RUBRIC, [s(80, 50, 'r1'), s(90, 57.5, 'r2')])).toBe(66.3);
    // 1/3 + … stays at one decimal
    expect(applicationTotal(RUBRIC, [s(1, 0, 'a'), s(0, 0, 'b'), s(0, 0, 'c')])).toBe(0.1);
  });

  test('property: the total lies between the lowest and highest reviewer, within 0..100', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 7 }), (pairs) => {
        const scores = pairs.map(([a, b], i) => ({ reviewerOpenid: `r${i}`, byCriterion: { 电商技能: a, 群众基础: b }, at: '' }));
        const each = scores.map((x) => weightedTotal(RUBRIC, x.byCriterion));
        const total = applicationTotal(RUBRIC, scores) as number;
        expect(total).toBeGreaterThanOrEqual(Math.floor(Math.min(...each) * 10) / 10 - 0.05);
        expect(total).toBeLessThanOrEqual(Math.ceil(Math.max(...each) * 10) / 10 + 0.05);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        expect(Math.round(total * 10)).toBeCloseTo(total * 10, 6);
      }),
    );
  });

  test('rank: total descending, ties by earlier application, unscored left out', () => {
    const items = [
      { id: 'a', total: 70, createdAt: '2026-09-02' },
      { id: 'b', total: null, createdAt: '2026-09-01' },
      { id: 'c', total: 85.5, createdAt: '2026-09-03' },
      { id: 'd', total: 70, createdAt: '2026-09-01' },
      { id: 'e', total: 0, createdAt: '2026-09-01' },
    ];
    expect(rank(items).map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['d', 2],
      ['a', 3],
      ['e', 4],
    ]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']); // input untouched
  });

  test('property: rank is a permutation of the scored items, sorted', () => {
    const item = fc.record({ total: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10)), createdAt: fc.integer({ min: 0, max: 50 }).map((d) => addDays('2026-09-01', d)) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (raw) => {
        const items = raw.map((r, i) => ({ ...r, id: i }));
        const ranked = rank(items);
        expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(ranked.map((r) => r.id).sort((a, b) => a - b)).toEqual(items.filter((i) => i.total !== null).map((i) => i.id));
        for (let i = 1; i < ranked.length; i++) {
          const [p, q] = [ranked[i - 1], ranked[i]];
          expect((p.total as number) > (q.total as number) || (p.total === q.total && p.createdAt <= q.createdAt)).toBe(true);
        }
      }),
    );
  });
});

describe('checkRubric', () => {
  test('weights must sum to exactly 100', () => {
    expect(() => checkRubric(RUBRIC)).not.toThrow();
    const e = (() => {
      try {
        checkRubric([{ criterion: '甲', weight: 40 }, { criterion: '乙', weight: 50 }]);
      } catch (err) {
        return err as AppError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'VALIDATION_ERROR', message: '评分权重合计应为 100，现在是 90', fields: { rubric: '权重合计应为 100' } });
    expect(codeOf(() => checkRubric([{ criterion: '甲', weight: 60 }, { criterion: '乙', weight: 41 }]))).toBe('VALIDATION_ERROR');
  });

  test('criterion names must be distinct', () => {
    expect(() => checkRubric([{ criterion: '甲', weight: 50 }, { criterion: '甲', weight: 50 }])).toThrow('评分项名称不能重复');
  });

  test('property: accepted exactly when the weights sum to 100 and names are distinct', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ criterion: fc.constantFrom('甲', '乙', '丙', '丁', '戊'), weight: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 6 }), (rubric) => {
        const ok = rubric.reduce((s, r) => s + r.weight, 0) === 100 && new Set(rubric.map((r) => r.criterion)).size === rubric.length;
        expect(codeOf(() => checkRubric(rubric))).toBe(ok ? 'ok' : 'VALIDATION_ERROR');
      }),
    );
  });
});

describe('trainingGaps (≥ 3 days pre-job, ≥ 2 trainings a year)', () => {
  const rec = (kind: TrainingRecord['kind'], date: string, days: number): TrainingRecord => ({
    id: `t-${date}-${kind}`,
    stationId: 'st-360731100-003',
    headOpenid: 'h',
    headName: '张伟',
    kind,
    title: '培训',
    date,
    days,
    recordedBy: 'o',
    recordedAt: `${date}T00:00:00.000Z`,
  });

  test('nothing recorded: behind on both', () => {
    expect(trainingGaps([], 2026)).toEqual({
      preJobDays: 0,
      thisYear: 0,
      behind: [`岗前培训 0 天，应不少于 ${PRE_JOB_MIN_DAYS} 天`, `2026 年培训 0 次，应不少于 ${ANNUAL_MIN_TRAININGS} 次`],
    });
  });

  test('pre-job days add up across records; 2.5 is not enough, 3 is', () => {
    expect(trainingGaps([rec('pre_job', '2026-10-12', 1.5), rec('pre_job', '2026-10-13', 1)], 2026).behind[0]).toBe('岗前培训 2.5 天，应不少于 3 天');
    expect(trainingGaps([rec('pre_job', '2026-10-12', 2), rec('pre_job', '2026-10-13', 1)], 2026).preJobDays).toBe(3);
  });

  test('annual trainings count in their own year only; pre-job ones do not count as annual', () => {
    const records = [rec('pre_job', '2026-10-12', 3), rec('annual', '2025-11-01', 1), rec('annual', '2026-03-01', 1), rec('annual', '2026-11-20', 0.5)];
    expect(trainingGaps(records, 2026)).toEqual({ preJobDays: 3, thisYear: 2, behind: [] });
    expect(trainingGaps(records, 2027)).toEqual({ preJobDays: 3, thisYear: 0, behind: ['2027 年培训 0 次，应不少于 2 次'] });
    expect(trainingGaps(records.slice(0, 3), 2026).behind).toEqual(['2026 年培训 1 次，应不少于 2 次']);
  });
});

// ————————————————————————————————————————————————————————————————————————————————————————
/** The post life cycle of the specification: draft → open → reviewing → notice → appointed / cancelled. */
const SPEC: Record<PostStatus, Partial<Record<PostCommand, PostStatus>>> = {
  draft: { open: 'open', cancel: 'cancelled' },
  open: { close: 'reviewing', cancel: 'cancelled' },
  reviewing: { select: 'reviewing', startNotice: 'notice', cancel: 'cancelled' },
  // An upheld objection sends the post back to review; a clean end appoints.
  notice: { appoint: 'appointed', reopenReview: 'reviewing' },
  appointed: {},
  cancelled: {},
};
const COMMANDS = Object.keys(POST_TRANSITIONS) as PostCommand[];

function postIn(status: PostStatus): Post {
  return {
    id: 'post-000001',
    title: '贡江镇服务站负责人',
    stationId: 'st-360731100-003',
    stationName: '甲站',
    operatorName: null,
    villageCode: null,
    villageName: null,
    regionCodes: ['36', '3607', '360731'],
    requirements: ['本村常住'],
    rubric: RUBRIC,
    opensOn: '2026-09-28',
    closesOn: '2026-10-09',
    qualifyingScore: 60,
    status,
    selectedApplicationId: null,
    noticeId: null,
    createdBy: 'o',
    createdAt: '',
    updatedAt: '',
    version: 1,
  };
}

describe('post transitions', () => {
  test('the table is the specification: every status × command', () => {
    for (const status of POST_STATUSES) {
      for (const cmd of COMMANDS) {
        const allowed = cmd in SPEC[status];
        expect({ status, cmd, code: codeOf(() => assertPostTransition(postIn(status), cmd)) }).toEqual({ status, cmd, code: allowed ? 'ok' : 'CONFLICT' });
      }
    }
  });

  test('a refused command says what state the post is in', () => {
    expect(() => assertPostTransition(postIn('appointed'), 'cancel')).toThrow('岗位当前已任用，不能进行这个操作');
  });

  test('model-based: random command sequences from draft follow the life cycle; finals are final', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...COMMANDS), { maxLength: 40 }), (cmds) => {
        let post = postIn('draft');
        const seen: PostStatus[] = ['draft'];
        for (const cmd of cmds) {
          const expected = SPEC[post.status][cmd];
          const code = codeOf(() => assertPostTransition(post, cmd));
          expect(code).toBe(expected ? 'ok' : 'CONFLICT');
          if (expected) {
            post = { ...post, status: expected, version: post.version + 1 };
            seen.push(expected);
          }
        }
        // Once appointed or cancelled, nothing else happens; draft is never re-entered.
        const final = seen.findIndex((s) => s === 'appointed' || s === 'cancelled');
        if (final >= 0) expect(seen.length).toBe(final + 1);
        expect(seen.slice(1)).not.toContain('draft');
        // notice is only ever entered from reviewing.
        seen.forEach((s, i) => s === 'notice' && expect(seen[i - 1]).toBe('reviewing'));
      }),
      { numRuns: 300 },
    );
  });
});

// ————————————————————————————————————————————————————————————————————————————————————————
/** The nth working day counting `from` itself, walked day by day (independent of addWorkdays). */
function nthWorkday(from: string, n: number): string {
  let d = from;
  let count = cal.isWorkday(d).workday ? 1 : 0;
  while (count < n) {
    d = addDays(d, 1);
    if (cal.isWorkday(d).workday) count++;
  }
  return d;
}

/** Published well before the periods below start: their first day counts. */
const BEFORE = '2025-12-31';
const BEFORE_AT = '2025-12-31T02:00:00.000Z';

describe('notice period: the publication day and years without holiday data (issue 9 item 8)', () => {
  test('a start date chosen in advance counts; published on the start date (morning or late evening), the count starts the next day', () => {
    expect(firstCountedDay('2026-09-30', '2026-09-29')).toBe('2026-09-30');
    expect(firstCountedDay('2026-09-30', '2026-09-30')).toBe('2026-10-01');
    // Wed 09-30 published that day: 10-08, 10-09, 10-10 (make-up), 10-12, 10-13.
    expect(earliestEnd('2026-09-30', cal, '2026-09-30').date).toBe('2026-10-13');
    expect(earliestEnd('2026-09-30', cal, '2026-09-29').date).toBe('2026-10-12');
    // 23:30 on 09-30 in Shanghai is 15:30Z: still the same local day, so 09-30 does not count.
    expect(noticeWorkdays({ startsOn: '2026-09-30', endsOn: '2026-10-12', publishedAt: '2026-09-30T15:30:00.000Z' }, cal)).toBe(4);
    expect(noticeWorkdays({ startsOn: '2026-09-30', endsOn: '2026-10-12', publishedAt: '2026-09-29T15:30:00.000Z' }, cal)).toBe(5);
    expect(noticePeriodProblem('2026-09-30', '2026-10-12', '2026-09-30', cal)).toEqual({
      field: 'endsOn',
      message: '公示期不少于 5 个工作日（当天发布，当天不计入），最早 2026-10-13 结束',
      fieldMessage: '最早 2026-10-13',
    });
    expect(noticePeriodProblem('2026-09-30', '2026-10-13', '2026-09-30', cal)).toBeNull();
    expect(noticePeriodProblem('2026-09-30', '2026-10-12', '2026-09-29', cal)).toBeNull();
  });

  test('a period touching a year without holiday data is refused, naming the year to enter', () => {
    const problem = noticePeriodProblem('2026-12-28', '2027-01-01', '2026-12-04', cal);
    expect(problem).toMatchObject({ field: 'endsOn', fieldMessage: '请先录入 2027 年节假日' });
    expect(problem!.message).toContain('2027 年的节假日安排还没有录入');
    // Once 2027 is entered, the same period is judged on its working days.
    const with2027 = new WorkCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'admin' }]);
    expect(noticePeriodProblem('2026-12-28', '2027-01-01', '2026-12-04', with2027)).toMatchObject({ fieldMessage: '最早 2027-01-04' });
    expect(noticePeriodProblem('2026-12-28', '2027-01-04', '2026-12-04', with2027)).toBeNull();
    expect(noticePeriodProblem('2026-12-28', '2026-12-31', '2026-12-04', cal)).toMatchObject({ fieldMessage: '最早 2027-01-01' });
    // Before today; end before start.
    expect(noticePeriodProblem('2026-12-03', '2026-12-20', '2026-12-04', cal)).toMatchObject({ field: 'startsOn', fieldMessage: '早于今天' });
    expect(noticePeriodProblem('2026-12-10', '2026-12-09', '2026-12-04', cal)).toMatchObject({ field: 'endsOn' });
  });

  test('property: every accepted period has at least 5 counted working days, all in known years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 20 }), (k, lead, len) => {
        const published = addDays('2026-01-01', k);
        const start = addDays(published, lead);
        const end = addDays(start, len);
        if (noticePeriodProblem(start, end, published, cal) !== null) return;
        expect(cal.missingYears(Number(start.slice(0, 4)), Number(end.slice(0, 4)))).toEqual([]);
        expect(cal.workdaysBetween(addDays(firstCountedDay(start, published), -1), end)).toBeGreaterThanOrEqual(MIN_NOTICE_WORKDAYS);
      }),
    );
  });
});

describe('notice period (≥ 5 working days, holiday calendar)', () => {
  test('2026 国庆: a notice starting Wed 09-30 runs until Mon 10-12 (10-01..07 off, Sat 10-10 a make-up working day)', () => {
    expect(cal.isWorkday('2026-10-10')).toEqual({ workday: true, known: true });
    expect(cal.isWorkday('2026-10-05')).toEqual({ workday: false, known: true });
    expect(earliestEnd('2026-09-30', cal, BEFORE)).toEqual({ date: '2026-10-12', provisional: false, unknownYears: [] });
    expect(noticeWorkdays({ startsOn: '2026-09-30', endsOn: '2026-10-12', publishedAt: BEFORE_AT }, cal)).toBe(5);
    expect(noticeWorkdays({ startsOn: '2026-09-30', endsOn: '2026-10-11', publishedAt: BEFORE_AT }, cal)).toBe(4);
    // Without the holiday it would have been Tue 10-06.
    expect(new WorkCalendar([], []).addWorkdays('2026-09-29', 5).date).toBe('2026-10-06');
  });

  test('starting on a holiday: the first day does not count', () => {
    expect(earliestEnd('2026-10-01', cal, BEFORE).date).toBe('2026-10-13');
    expect(earliestEnd('2026-10-04', cal, BEFORE).date).toBe('2026-10-13');
    // Starting on the make-up Saturday counts it.
    expect(earliestEnd('2026-10-10', cal, BEFORE).date).toBe('2026-10-15');
    // 中秋 2026-09-25 (Fri) + weekend, Sunday 09-20 a make-up working day.
    expect(earliestEnd('2026-09-24', cal, BEFORE).date).toBe('2026-10-08');
    expect(earliestEnd('2026-09-20', cal, BEFORE).date).toBe('2026-09-24');
  });

  test('a year without holiday data is weekends-only and provisional', () => {
    expect(earliestEnd('2027-09-30', cal, BEFORE)).toEqual({ date: '2027-10-06', provisional: true, unknownYears: [2027] });
    // Across the year end: 2026-12-31 is a Thursday.
    expect(earliestEnd('2026-12-31', cal, BEFORE)).toEqual({ date: '2027-01-06', provisional: true, unknownYears: [2027] });
  });

  test('property: earliestEnd is the 5th working day counting the first; exactly 5 working days, one fewer a day earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (k) => {
        const start = addDays('2026-01-01', k);
        const end = earliestEnd(start, cal, BEFORE);
        expect(end.date).toBe(nthWorkday(start, MIN_NOTICE_WORKDAYS));
        expect(noticeWorkdays({ startsOn: start, endsOn: end.date, publishedAt: BEFORE_AT }, cal)).toBe(MIN_NOTICE_WORKDAYS);
        expect(noticeWorkdays({ startsOn: start, endsOn: addDays(end.date, -1), publishedAt: BEFORE_AT }, cal)).toBe(MIN_NOTICE_WORKDAYS - 1);
        expect(cal.isWorkday(end.date).workday).toBe(true);
      }),
      { numRuns: 365 },
    );
  });

  test('noticeRunning: from 00:00 of the first day to 24:00 of the last, Asia/Shanghai', () => {
    const n = { startsOn: '2026-09-30', endsOn: '2026-10-12' };
    const at = (iso: string) => noticeRunning(n, new Date(iso));
    expect(at('2026-09-29T15:59:59.999Z')).toBe(false); // 09-29 23:59:59.999 in Shanghai
    expect(at('2026-09-29T16:00:00.000Z')).toBe(true); // 09-30 00:00
    expect(at('2026-10-05T04:00:00.000Z')).toBe(true); // in the holiday: still running
    expect(at('2026-10-12T15:59:59.999Z')).toBe(true); // 10-12 23:59:59.999
    expect(at('2026-10-12T16:00:00.000Z')).toBe(false); // 10-13 00:00
    // Independent of the machine's time zone: only the instant matters.
    expect(noticeRunning(n, new Date(Date.parse('2026-10-13T00:00:00+08:00') - 1))).toBe(true);
    expect(noticeRunning(n, new Date(Date.parse('2026-10-13T00:00:00+08:00')))).toBe(false);
  });

  test('property: running exactly when the Shanghai date is within [startsOn, endsOn]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 0, max: 20 }), (minutes, len) => {
        const n = { startsOn: '2026-09-30', endsOn: addDays('2026-09-30', len) };
        const t = new Date(Date.parse('2026-09-25T00:00:00+08:00') + minutes * 60_000);
        const date = toShanghai(t).date;
        expect(noticeRunning(n, t)).toBe(date >= n.startsOn && date <= n.endsOn);
      }),
      { numRuns: 500 },
    );
  });
});

describe('notice outcome from its objections', () => {
  const o = (...statuses: ObjectionStatus[]) => statuses.map((status) => ({ status }));
  test('none or all dismissed → approved; any upheld → stopped; otherwise any unresolved → suspended', () => {
    expect(outcomeOf([])).toBe('approved');
    expect(outcomeOf(o('dismissed', 'dismissed'))).toBe('approved');
    expect(outcomeOf(o('dismissed', 'received'))).toBe('suspended');
    expect(outcomeOf(o('investigating'))).toBe('suspended');
    expect(outcomeOf(o('received', 'upheld'))).toBe('stopped');
    expect(outcomeOf(o('dismissed', 'upheld', 'investigating'))).toBe('stopped');
  });

  /** Objection life: received → investigating → upheld | dismissed; received may be decided directly. */
  const NEXT: Record<ObjectionStatus, ObjectionStatus[]> = { received: ['investigating', 'upheld', 'dismissed'], investigating: ['upheld', 'dismissed'], upheld: [], dismissed: [] };

  test('model-based: lodging and resolving objections in any order; the outcome only ever moves suspended → approved | stopped', () => {
    const op = fc.oneof(fc.record({ kind: fc.constant('lodge' as const) }), fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), to: fc.constantFrom<ObjectionStatus>(...OBJECTION_STATUSES) }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const objections: { status: ObjectionStatus }[] = [];
        let stoppedOnce = false;
        for (const x of ops) {
          if (x.kind === 'lodge') objections.push({ status: 'received' });
          else if (objections.length) {
            const target = objections[x.pick % objections.length];
            if (NEXT[target.status].includes(x.to)) target.status = x.to;
          }
          const expected: NoticeOutcome = objections.some((y) => y.status === 'upheld')
            ? 'stopped'
            : objections.every((y) => y.status === 'dismissed')
              ? 'approved'
              : 'suspended';
          const actual = outcomeOf(objections);
          expect(actual).toBe(expected);
          // upheld and dismissed are final: once stopped, always stopped.
          if (stoppedOnce) expect(actual).toBe('stopped');
          stoppedOnce ||= actual === 'stopped';
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ————————————————————————————————————————————————————————————————————————————————————————
// Model-based: the service over SQLite.

const STATION = 'st-360731100-003'; // 于都县 贡江居委会服务点, YUDU operator
const VILLAGE = '360731100001';
const NAMES = ['张伟', '李娜', '王芳', '刘洋', '陈静'];
const REVIEWERS = [DEMO.county, DEMO.city, DEMO.operatorStaff];
const QUALIFYING = 60;
const idFor = (k: number) => {
  const first17 = `360731199${k}0101${String(120 + k).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

type Op =
  | { op: 'open' | 'close' | 'cancel'; stale: boolean }
  | { op: 'apply' | 'withdraw' | 'select'; k: number }
  | { op: 'score'; k: number; r: number; a: number; b: number }
  | { op: 'publish'; short: boolean; extra: number; later: number; stale: boolean }
  | { op: 'object' }
  | { op: 'resolve'; pick: number; to: 'investigating' | 'upheld' | 'dismissed' }
  | { op: 'time'; days: number }
  | { op: 'advance'; dice: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 14, arbitrary: fc.record({ op: fc.constant('advance' as const), dice: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('open' as const, 'close' as const, 'cancel' as const), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('apply' as const, 'withdraw' as const, 'select' as const), k: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('score' as const), k: fc.integer({ min: 0, max: 4 }), r: fc.integer({ min: 0, max: 2 }), a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('publish' as const), short: fc.boolean(), extra: fc.integer({ min: 0, max: 3 }), later: fc.integer({ min: 0, max: 1 }), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ op: 'object' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('resolve' as const), pick: fc.nat(), to: fc.constantFrom('investigating' as const, 'upheld' as const, 'dismissed' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('time' as const), days: fc.integer({ min: 1, max: 4 }) }) },
);

interface ModelApp {
  id: string;
  status: ApplicationStatus;
  scores: Map<number, number>;
}
interface ModelNotice {
  id: string;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  outcome: NoticeOutcome | null;
  k: number;
  objections: { id: string; status: ObjectionStatus }[];
}

describe('model-based: the recruitment service over SQLite', () => {
  const BASE = '2026-09-21T02:00:00.000Z'; // Monday 10:00 in Shanghai, a week before 国庆
  let h: Awaited<ReturnType<typeof harness>>;

  async function harness() {
    const db = openDatabase(':memory:');
    const stores = createLocalStores(db);
    const clock = new FixedClock(BASE);
    await seedIfEmpty(stores, clock.now());
    await bootstrapAdmins({ ...stores, ids: randomIds, clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'demo');
    const cipher = aesCipher([{ id: 'k1', key: randomBytes(32) }]);
    const deps = { ...stores, content: localContentSecurity(), cipher, ids: randomIds, clock };
    return { db, stores, clock, service: createRecruitmentService(deps), notices: createNoticeService(deps) };
  }

  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.db.close());

  it('every command answers as the model says and leaves post, applications, notices and objections as the model has them', async () => {
    const reached = new Map<string, number>();
    const note = (what: string) => reached.set(what, (reached.get(what) ?? 0) + 1);
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 20, maxLength: 60 }), async (ops) => {
        run++;
        h.clock.set(BASE);
        const today = () => toShanghai(h.clock.now()).date;
        const applicant = (k: number) => `applicant-${run}-${k}`;
        const created = await h.service.createPost(DEMO.county, {
          title: '服务点负责人',
          stationId: STATION,
          requirements: ['本村常住，热心公益'],
          rubric: RUBRIC,
          opensOn: today(),
          closesOn: addDays(today(), 6),
          qualifyingScore: QUALIFYING,
        });
        const postId = created.id;
        const m = {
          status: 'draft' as PostStatus,
          selected: null as number | null,
          apps: new Map<number, ModelApp>(),
          notices: [] as ModelNotice[],
          closesOn: addDays(today(), 6),
        };
        const total = (a: ModelApp) => (a.scores.size ? Math.round(([...a.scores.values()].reduce((s, x) => s + x, 0) / a.scores.size) * 10) / 10 : null);
        const current = () => m.notices[m.notices.length - 1] ?? null;

        function applyOutcome(n: ModelNotice) {
          const app = m.apps.get(n.k) as ModelApp;
          if (n.outcome === 'approved') {
            app.status = 'appointed';
            if (m.status === 'notice') m.status = 'appointed';
            note('appointed');
          } else if (n.outcome === 'stopped') {
            if (app.status === 'selected') app.status = 'stopped';
            if (m.status === 'notice') {
              m.status = 'reviewing';
              m.selected = null;
            }
            note('stopped');
          } else note('suspended');
        }

        for (const raw of ops) {
          let o: Op = raw;
          // 'advance': the natural next step from the model's state, so sequences get somewhere.
          if (o.op === 'advance') {
            const unapplied = [0, 1, 2, 3, 4].find((k) => !m.apps.has(k));
            const unscored = [...m.apps.entries()].find(([, a]) => a.status === 'submitted' && a.scores.size < 1);
            const best = [...m.apps.entries()].filter(([, a]) => (a.status === 'submitted' || a.status === 'reserve') && a.scores.size).sort((x, y) => (total(y[1]) as number) - (total(x[1]) as number))[0];
            const n = current();
            if (m.status === 'draft') o = { op: 'open', stale: false };
            else if (m.status === 'open') o = unapplied !== undefined && m.apps.size < 3 && today() <= m.closesOn ? { op: 'apply', k: unapplied } : { op: 'close', stale: false };
            else if (m.status === 'reviewing' && m.selected === null && unscored) {
              const r = [0, 1, 2].find((x) => !unscored[1].scores.has(x)) as number;
              o = { op: 'score', k: unscored[0], r, a: 50 + unscored[0] * 10, b: 90 - unscored[0] * 5 };
            }
            else if (m.status === 'reviewing' && m.selected === null && best) o = { op: 'select', k: best[0] };
            else if (m.status === 'reviewing' && m.selected !== null) o = { op: 'publish', short: o.dice === 0, extra: o.dice % 3, later: o.dice === 5 ? 1 : 0, stale: false };
            else if (m.status === 'notice' && n) {
              // Objections are lodged, decided either way, or left open; time runs on.
              const all = m.notices.flatMap((x) => x.objections);
              const pending = all.findIndex((x, i) => i >= all.length - n.objections.length && (x.status === 'received' || x.status === 'investigating'));
              if (n.status === 'open' && o.dice <= 1) o = { op: 'object' };
              else if (pending >= 0 && (n.status === 'closed' || o.dice <= 3)) o = { op: 'resolve', pick: pending, to: o.dice % 2 ? 'upheld' : 'dismissed' };
              else if (n.status === 'open') o = { op: 'time', days: 4 };
              else continue;
            }
            else continue;
          }

          const post = (await h.stores.recruitment.getPost(postId)) as Post;
          const version = post.version;
          let expected: string;
          let exec: () => Promise<unknown>;
          let after: (result: unknown) => void = () => {};

          switch (o.op) {
            case 'open':
            case 'close':
            case 'cancel': {
              const target = SPEC[m.status][o.op];
              expected = !target ? 'CONFLICT' : o.stale ? 'CONFLICT' : 'ok';
              const cmd = o.op;
              exec = () => h.service.transitionPost(DEMO.county, { id: postId, version: o.stale ? version + 1 : version }, cmd);
              after = () => {
                m.status = target as PostStatus;
              };
              break;
            }
            case 'apply': {
              const k = o.k;
              const inWindow = m.status === 'open' && today() <= m.closesOn;
              expected = !inWindow || m.apps.has(k) ? 'CONFLICT' : 'ok';
              exec = () =>
                h.service.apply(
                  applicant(k),
                  {
                    postId,
                    name: NAMES[k],
                    gender: Number(idFor(k)[16]) % 2 ? 'male' : 'female',
                    birthYear: Number(idFor(k).slice(6, 10)),
                    idNumber: idFor(k),
                    idConsent: true,
                    phone: `1380000000${k}`,
                    villageCode: VILLAGE,
                    background: 'villager',
                    education: 'senior',
                    skills: '会开网店',
                    productExperience: '卖过脐橙',
                    statement: '愿意为乡亲们服务',
                  },
                  `req-${run}-${k}-${Math.random().toString(36).slice(2)}`,
                );
              after = (r) => {
                m.apps.set(k, { id: (r as { id: string }).id, status: 'submitted', scores: new Map() });
              };
              break;
            }
            case 'withdraw': {
              const a = m.apps.get(o.k);
              if (!a) continue;
              expected = a.status === 'submitted' && (m.status === 'open' || m.status === 'reviewing') ? 'ok' : 'CONFLICT';
              const stored = await h.stores.recruitment.getApplication(a.id);
              exec = () => h.service.withdraw(applicant(o.k), { id: a.id, version: stored!.version });
              after = () => {
                a.status = 'withdrawn';
              };
              break;
            }
            case 'score': {
              const a = m.apps.get(o.k);
              if (!a) continue;
              expected = m.status === 'reviewing' && a.status === 'submitted' ? 'ok' : 'CONFLICT';
              const { r, a: x, b: y } = o;
              exec = () => h.service.score(REVIEWERS[r], { applicationId: a.id, byCriterion: { 电商技能: x, 群众基础: y } });
              after = () => {
                a.scores.set(r, (40 * x + 60 * y) / 100);
              };
              break;
            }
            case 'select': {
              const k = o.k;
              const a = m.apps.get(k);
              if (!a) continue;
              expected = m.status === 'reviewing' && (a.status === 'submitted' || a.status === 'reserve') && a.scores.size > 0 ? 'ok' : 'CONFLICT';
              exec = () => h.service.select(DEMO.county, { postId, version, applicationId: a.id });
              after = () => {
                for (const [j, b] of m.apps) {
                  if (b.status !== 'submitted' && b.status !== 'reserve' && b.status !== 'selected') continue;
                  b.status = j === k ? 'selected' : (total(b) ?? 0) >= QUALIFYING ? 'reserve' : 'unsuccessful';
                }
                m.selected = k;
                note('selected');
              };
              break;
            }
            case 'publish': {
              const startsOn = addDays(today(), o.later);
              // Published on its start date, the start date does not count (firstCountedDay).
              const min = nthWorkday(o.later === 0 ? addDays(startsOn, 1) : startsOn, MIN_NOTICE_WORKDAYS);
              const endsOn = o.short ? addDays(min, -1) : addDays(min, o.extra);
              expected = m.status !== 'reviewing' || o.stale || m.selected === null ? 'CONFLICT' : o.short ? 'VALIDATION_ERROR' : 'ok';
              exec = () => h.notices.publish(DEMO.county, { postId, version: o.stale ? version + 1 : version, startsOn, endsOn, objectionChannel: '于都县商务局 0797-0000000' });
              after = (r) => {
                m.status = 'notice';
                m.notices.push({ id: (r as { id: string }).id, startsOn, endsOn, status: 'open', outcome: null, k: m.selected as number, objections: [] });
              };
              break;
            }
            case 'object': {
              const n = current();
              if (!n) continue;
              expected = n.status === 'open' && n.startsOn <= today() && today() <= n.endsOn ? 'ok' : 'CONFLICT';
              exec = () => h.notices.object(DEMO.resident2, { noticeId: n.id, realName: '李四', phone: '13900000000', text: '此人长期不在村里居住，请核实。' });
              after = (r) => {
                n.objections.push({ id: (r as { id: string }).id, status: 'received' });
                note('objection');
              };
              break;
            }
            case 'resolve': {
              const all = m.notices.flatMap((n) => n.objections.map((x) => ({ n, x })));
              if (!all.length || o.pick < 0) continue;
              const { n, x } = all[o.pick % all.length];
              const to = o.to;
              expected = x.status === 'upheld' || x.status === 'dismissed' ? 'CONFLICT' : 'ok';
              const stored = await h.stores.notices.getObjection(x.id);
              exec = () => h.notices.resolve(DEMO.county, { objectionId: x.id, version: stored!.version, status: to, response: '经核实，答复如下。' });
              after = () => {
                x.status = to;
                if (n.status === 'open' && to === 'upheld') {
                  n.status = 'closed';
                  n.outcome = 'stopped';
                  applyOutcome(n);
                } else if (n.status === 'closed' && n.outcome === 'suspended' && outcomeOf(n.objections) !== 'suspended') {
                  n.outcome = outcomeOf(n.objections);
                  applyOutcome(n);
                }
              };
              break;
            }
            case 'time': {
              h.clock.advanceDays(o.days);
              const first = await h.notices.closeEndedNotices();
              const second = await h.notices.closeEndedNotices();
              expect(second).toEqual({ closed: 0, reconciled: 0 });
              const ending = m.notices.filter((n) => n.status === 'open' && n.endsOn < today());
              expect(first.closed).toBeGreaterThanOrEqual(ending.length);
              for (const n of ending) {
                n.status = 'closed';
                n.outcome = outcomeOf(n.objections);
                applyOutcome(n);
              }
              expected = 'skip';
              exec = async () => undefined;
              break;
            }
          }

          if (expected !== 'skip') {
            let code = 'ok';
            let result: unknown;
            try {
              result = await exec();
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
              code = err.code;
            }
            note(`${o.op}:${code}`);
            expect({ op: o, code }).toEqual({ op: o, code: expected });
            if (code === 'ok') after(result);
            else expect(((await h.stores.recruitment.getPost(postId)) as Post).version).toBe(version);
          }

          // The stored state is the model's.
          const p = (await h.stores.recruitment.getPost(postId)) as Post;
          expect({ op: o, status: p.status }).toEqual({ op: o, status: m.status });
          expect(p.selectedApplicationId).toBe(m.selected === null ? null : (m.apps.get(m.selected) as ModelApp).id);
          for (const [k, a] of m.apps) {
            const stored = (await h.stores.recruitment.getApplication(a.id))!;
            expect({ op: o, k, status: stored.status }).toEqual({ op: o, k, status: a.status });
            expect(stored.scores.length).toBe(a.scores.size);
          }
          for (const n of m.notices) {
            const stored = (await h.stores.notices.get(n.id))!;
            expect({ op: o, status: stored.status, outcome: stored.outcome }).toEqual({ op: o, status: n.status, outcome: n.outcome });
            const objections = await h.stores.notices.listObjections(n.id);
            // Objections lodged at the same instant list in id order: compare by id.
            const byId = (list: { id: string; status: string }[]) => Object.fromEntries(list.map((x) => [x.id, x.status]));
            expect(byId(objections)).toEqual(byId(n.objections));
          }
          // Invariants of the specification.
          const statuses = [...m.apps.values()].map((a) => a.status);
          expect(statuses.filter((s) => s === 'selected' || s === 'appointed').length).toBeLessThanOrEqual(1);
          if (m.status === 'appointed') expect(statuses.filter((s) => s === 'appointed')).toHaveLength(1);
          if (m.status === 'notice') expect(current()?.outcome === null || current()?.outcome === 'suspended').toBe(true);
          expect(m.notices.filter((n) => n.status === 'open').length).toBeLessThanOrEqual(1);
        }

        // An appointment made the candidate the station's head and its contact person.
        if (m.status === 'appointed') {
          const [k] = [...m.apps.entries()].find(([, a]) => a.status === 'appointed')!;
          const roles = await h.stores.roles.activeFor(applicant(k));
          expect(roles).toEqual([expect.objectContaining({ role: 'station_head', scope: { kind: 'station', stationId: STATION } })]);
          expect((await h.stores.stations.get(STATION))!.contact.personName).toBe(NAMES[k]);
        }
        // Close what this run left open before the next run starts over at BASE.
        h.clock.advanceDays(90);
        await h.notices.closeEndedNotices();
      }),
      { numRuns: 60 },
    );

    // The sequences reached every outcome (otherwise the property proved little).
    for (const what of ['selected', 'objection', 'appointed', 'stopped', 'suspended', 'select:ok', 'publish:VALIDATION_ERROR', 'resolve:CONFLICT', 'object:CONFLICT']) expect({ what, reached: (reached.get(what) ?? 0) > 0 }).toEqual({ what, reached: true });
  });
});
