/**
 * Rectification orders and idle candidates (issue 10 §4, 第十一条6): the transition table, the
 * working-day deadline, one extension, closing only after an answer or a missed deadline, and what
 * each step does to the station; idle candidates from the system's own signals, cultivation exempt.
 */
import { WorkCalendar, officialYears } from '../../core/calendar/workdays';
import { DEFAULT_IDLE_RULES, idleCandidates, idleReasons, type StationSignals } from '../../core/station/idle';
import { issueOrder, overdue, rectify, rectifyActions, type RectificationOrder } from '../../core/station/rectification';
import { outcomeOf } from '../support/outcome';

const calendar = new WorkCalendar(officialYears());
// Friday 2026-12-04 10:00 in Shanghai.
const AT = new Date('2026-12-04T02:00:00.000Z');
const station = { id: 'st-1', name: '贡江镇服务站', status: 'certified' as const, regionCodes: ['36', '3607', '360731', '360731100'], operatorName: '于都县电商公司' };

function issued(): RectificationOrder {
  return issueOrder({ id: 'rx-1', station, problems: ['长期不开门', '价目表未公示'], requiredFixes: '按公示时间开门，张贴价目表', workdays: 10, issuedBy: 'o-county', at: AT, calendar }).next;
}


test('issuing: the deadline is counted in working days, the station goes into 整改, only certified stations', () => {
  const r = issueOrder({ id: 'rx-1', station, problems: ['长期不开门'], requiredFixes: '按时开门', workdays: 10, issuedBy: 'o-county', at: AT, calendar });
  // 10 working days after Friday 2026-12-04: two weekends skipped.
  expect(r.next).toMatchObject({ state: 'open', dueOn: '2026-12-18', previousStatus: 'certified', version: 1, extensions: 0 });
  expect(r.station).toEqual({ status: 'rectification', revokeHeads: false });
  expect(outcomeOf(() => issueOrder({ id: 'x', station: { ...station, status: 'rectification' }, problems: ['x'], requiredFixes: 'x', workdays: 5, issuedBy: 'o', at: AT, calendar }))).toBe('CONFLICT: 这个站点已经在整改中');
  expect(outcomeOf(() => issueOrder({ id: 'x', station: { ...station, status: 'planned' }, problems: ['x'], requiredFixes: 'x', workdays: 5, issuedBy: 'o', at: AT, calendar }))).toMatch(/只有已认定的站点/);
});

test('answer → restore puts the station back as it was; the station cannot verify itself, the county cannot answer', () => {
  const o = issued();
  expect(rectifyActions(o, 'station', AT)).toEqual(['answer']);
  expect(rectifyActions(o, 'county', AT)).toEqual(['extend', 'withdraw']);
  expect(outcomeOf(() => rectify(o, { type: 'restore', comment: '好' }, { by: 'county', at: AT, calendar }))).toMatch(/不能这样办理/);
  expect(outcomeOf(() => rectify(o, { type: 'answer', text: '已整改', photos: [] }, { by: 'county', at: AT, calendar }))).toBe('CONFLICT: 这一步由站点办理');
  const answered = rectify(o, { type: 'answer', text: '已按时开门，价目表已张贴', photos: ['ph-1'] }, { by: 'station', at: AT, calendar });
  expect(answered.station).toBeNull();
  expect(answered.next).toMatchObject({ state: 'answered', version: 2, answer: { text: '已按时开门，价目表已张贴', photos: ['ph-1'] } });
  expect(outcomeOf(() => rectify(answered.next, { type: 'restore', comment: '核查合格' }, { by: 'station', at: AT, calendar }))).toBe('CONFLICT: 这一步由县级主管部门办理');
  const restored = rectify(answered.next, { type: 'restore', comment: '现场核查合格' }, { by: 'county', at: AT, calendar });
  expect(restored.next.state).toBe('restored');
  expect(restored.station).toEqual({ status: 'certified', revokeHeads: false });
  expect(rectifyActions(restored.next, 'county', AT)).toEqual([]);
});

test('one extension from the current deadline; closing needs an answer or a missed deadline, and revokes the head', () => {
  const o = issued();
  expect(outcomeOf(() => rectify(o, { type: 'close', comment: '关停' }, { by: 'county', at: AT, calendar }))).toMatch(/整改期限还没到/);
  const extended = rectify(o, { type: 'extend', workdays: 5, comment: '设备在途' }, { by: 'county', at: AT, calendar });
  expect(extended.next).toMatchObject({ state: 'open', dueOn: '2026-12-25', extensions: 1 });
  expect(outcomeOf(() => rectify(extended.next, { type: 'extend', workdays: 5, comment: '再延' }, { by: 'county', at: AT, calendar }))).toMatch(/已经延长过一次/);
  const late = new Date('2026-12-28T02:00:00.000Z');
  expect(overdue(extended.next, late)).toBe(true);
  expect(overdue(extended.next, AT)).toBe(false);
  const closed = rectify(extended.next, { type: 'close', comment: '逾期未整改' }, { by: 'county', at: late, calendar });
  expect(closed.next.state).toBe('closed');
  expect(closed.station).toEqual({ status: 'closed', revokeHeads: true });
  expect(closed.next.events.map((e) => e.action)).toEqual(['issue', 'extend', 'close']);
  // Dates in the timeline read as the pages show them.
  expect(closed.next.events.map((e) => e.note).slice(0, 2)).toEqual(['限 10 个工作日内整改（2026年12月18日前）', '设备在途（延长至2026年12月25日）']);
});

test('withdrawing an order restores the station’s previous status', () => {
  const r = rectify(issued(), { type: 'withdraw', comment: '误发' }, { by: 'county', at: AT, calendar });
  expect(r.next.state).toBe('withdrawn');
  expect(r.station).toEqual({ status: 'certified', revokeHeads: false });
});

describe('idle candidates', () => {
  const base = (over: Partial<StationSignals> & { id: string }): StationSignals => ({
    station: {
      id: over.id,
      name: `站点${over.id}`,
      status: 'certified',
      level: 'village',
      regionPath: [],
      certification: { certificateNo: 'x', certifiedOn: '2025-01-10', authority: '于都县商务局' },
      infoConfirmedOn: '2026-11-01',
      ...over.station,
    },
    notOpenComplaints: over.notOpenComplaints ?? 0,
    lastActivityOn: over.lastActivityOn === undefined ? '2026-11-20' : over.lastActivityOn,
    hasHead: over.hasHead ?? true,
  });

  test('each signal gives a reason in words; cultivation, rectification and closed stations are left out', () => {
    expect(idleReasons(base({ id: 'a', notOpenComplaints: 3 }), DEFAULT_IDLE_RULES, AT).map((r) => r.text)).toEqual(['近 90 天有 3 件“站点长期不开门”投诉']);
    expect(idleReasons(base({ id: 'b', lastActivityOn: null, hasHead: false, station: { infoConfirmedOn: '2026-01-02' } as never }), DEFAULT_IDLE_RULES, AT).map((r) => r.code)).toEqual(['quiet', 'stale', 'no_head']);
    expect(idleReasons(base({ id: 'c', lastActivityOn: '2026-08-01' }), DEFAULT_IDLE_RULES, AT)[0]!.text).toBe('125 天没有群众评价或到店记录');
    // Certified 2026-09-01: in the 6-month cultivation period, exempt.
    expect(idleReasons(base({ id: 'd', notOpenComplaints: 5, hasHead: false, station: { certification: { certificateNo: 'x', certifiedOn: '2026-09-01', authority: 'x' } } as never }), DEFAULT_IDLE_RULES, AT)).toEqual([]);
    for (const status of ['rectification', 'closed', 'planned'] as const) {
      expect(idleReasons(base({ id: 'e', notOpenComplaints: 5, station: { status } as never }), DEFAULT_IDLE_RULES, AT)).toEqual([]);
    }
  });

  test('listed: any 不开门 complaints at the threshold or two reasons; strongest first; the rules are settings', () => {
    const signals = [
      base({ id: 'quiet-only', lastActivityOn: null }),
      base({ id: 'two-reasons', lastActivityOn: null, hasHead: false }),
      base({ id: 'complaints', notOpenComplaints: 2 }),
      base({ id: 'one-complaint', notOpenComplaints: 1 }),
      base({ id: 'three', notOpenComplaints: 4, lastActivityOn: null, hasHead: false }),
    ];
    expect(idleCandidates(signals, DEFAULT_IDLE_RULES, AT).map((c) => c.stationId)).toEqual(['three', 'two-reasons', 'complaints']);
    expect(idleCandidates(signals, { ...DEFAULT_IDLE_RULES, notOpenComplaints: 1 }, AT).map((c) => c.stationId)).toEqual(['three', 'two-reasons', 'complaints', 'one-complaint']);
  });
});
