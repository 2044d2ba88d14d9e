/** Station edits (第十条3): lifecycle, the before/after diff, closures visible at once, approval publishes. */
import { createSqliteStationEditRepository } from '../../adapters/sqlite/station-edits';
import { hoursStatus, isOpenAt } from '../../core/station/hours';
import {
  closeTemporarily,
  closureProblem,
  decide,
  diffInfo,
  EditRuleError,
  liftClosure,
  publicInfoOf,
  publish,
  withdraw,
  type StationEdit,
} from '../../core/station/edits';
import { publicInfoSchema } from '../../core/station/edits-api';
import { remindStaleStations } from '../../core/station/edits-service';
import { stationSchema } from '../../core/station/schema';
import { toDetail } from '../../core/station/present';
import { makeStation, openTestDirectory, R, WED_10AM } from './station-fixtures';

const TODAY = '2026-05-13';
const NOW = WED_10AM.toISOString();

function pending(over: Partial<StationEdit> = {}): StationEdit {
  const s = makeStation({ id: 'st-a' });
  return { id: 'e1', stationId: s.id, stationName: s.name, regionCodes: ['36'], kind: 'proposal', status: 'pending', createdBy: 'o-head', createdAt: NOW, before: publicInfoOf(s), after: { ...publicInfoOf(s), commitments: ['童叟无欺'] }, version: 1, ...over };
}

describe('lifecycle', () => {
  test('approve and return (with a comment) decide a pending edit once', () => {
    const approved = decide(pending(), 'approve', 'o-county', NOW);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'o-county', version: 2 });
    expect(() => decide(approved, 'return', 'o-county', NOW, '再看看')).toThrow(EditRuleError);
    expect(decide(pending(), 'return', 'o-county', NOW, '  收费写错了 ')).toMatchObject({ status: 'returned', comment: '收费写错了' });
  });

  test('returning without a comment is refused, naming the field', () => {
    expect(() => decide(pending(), 'return', 'o-county', NOW, '  ')).toThrow(expect.objectContaining({ field: 'comment' }));
  });

  test('reports and reminders are only marked handled', () => {
    expect(() => decide(pending({ kind: 'report' }), 'return', 'o', NOW, '不属实')).toThrow(EditRuleError);
    expect(decide(pending({ kind: 'reminder' }), 'approve', 'o', NOW).status).toBe('approved');
  });

  test('only a pending proposal can be withdrawn; a replacement names its successor', () => {
    expect(withdraw(pending(), 'o-head', NOW, 'e2')).toMatchObject({ status: 'withdrawn', replacedBy: 'e2', version: 2 });
    expect(() => withdraw(pending({ status: 'approved' }), 'o-head', NOW)).toThrow(EditRuleError);
    expect(() => withdraw(pending({ kind: 'closure' }), 'o-head', NOW)).toThrow(EditRuleError);
  });
});

describe('before/after diff', () => {
  test('lists only the fields that change, each side as lines', () => {
    const s = makeStation({ id: 'st-a' });
    const before = publicInfoOf(s);
    const after = { ...before, fees: [{ item: '快递寄件（省内首重）', price: 10, unit: '件' }], contact: { phone: '13907970000', personName: '刘站长' } };
    const diff = diffInfo(before, after);
    expect(diff.map((d) => d.label)).toEqual(['收费标准', '联系方式']);
    expect(diff[0]).toMatchObject({ before: ['快递寄件（省内首重） 8 元/件'], after: ['快递寄件（省内首重） 10 元/件'] });
    expect(diffInfo(before, before)).toEqual([]);
  });

  test('photos: added, removed and reordered photos are a change; the lines never show file ids', () => {
    const before = { ...publicInfoOf(makeStation({ id: 'st-a' })), photos: ['upl-aaaaaaaaaa01', 'upl-aaaaaaaaaa02'] };
    const [added] = diffInfo(before, { ...before, photos: ['upl-aaaaaaaaaa02', 'upl-bbbbbbbbbb01'] });
    expect(added).toEqual({ field: 'photos', label: '照片', before: ['2 张照片'], after: ['2 张照片（新加 1 张，删去 1 张）'] });
    expect(diffInfo(before, { ...before, photos: [] })[0]?.after).toEqual(['没有照片（删去 2 张）']);
    expect(diffInfo({ ...before, photos: [] }, before)[0]).toMatchObject({ before: [], after: ['2 张照片（新加 2 张）'] });
    expect(diffInfo(before, { ...before, photos: [...before.photos].reverse() })[0]?.after).toEqual(['2 张照片（调整了顺序）']);
    expect(diffInfo(before, { ...before, photos: [...before.photos] })).toEqual([]);
    expect(JSON.stringify(added)).not.toContain('upl-');
  });

  test('weekly hours and holiday exceptions are compared day by day', () => {
    const before = publicInfoOf(makeStation({ id: 'st-a' }));
    const after = { ...before, hours: { weekly: before.hours.weekly.filter((r) => r.day !== 7), exceptions: [{ date: '2026-10-01', intervals: [], note: '国庆' }] } };
    const [hours] = diffInfo(before, after);
    expect(hours.label).toBe('营业时间');
    expect(hours.after).toContain('周日 休息');
    expect(hours.after).toContain('2026-10-01 休息（国庆）');
    expect(hours.before).toContain('周日 08:00-18:00');
  });

  test('the input schema takes the station fields and rejects unknown ones', () => {
    const info = publicInfoOf(makeStation({ id: 'st-a' }));
    expect(publicInfoSchema.safeParse(info).success).toBe(true);
    expect(publicInfoSchema.safeParse({ ...info, name: '改名' }).success).toBe(false);
    expect(publicInfoSchema.safeParse({ ...info, complaintChannels: [] }).success).toBe(false);
  });
});

describe('temporary closure', () => {
  const closure = { reason: '站长住院', from: TODAY, until: '2026-05-15' };

  test('is visible at once: closed now, the reason shown, open-now filters leave it out', () => {
    const s = makeStation({ id: 'st-a' });
    expect(isOpenAt(s.hours, WED_10AM)).toBe(true);
    const closed = closeTemporarily(s, closure, TODAY, NOW);
    expect(stationSchema.safeParse(closed).success).toBe(true);
    expect(isOpenAt(closed.hours, WED_10AM)).toBe(false);
    const status = hoursStatus(closed.hours, WED_10AM);
    expect(status).toMatchObject({ state: 'closed_today', note: '临时闭店：站长住院' });
    expect(status.detail).toBe('5月16日周六 08:00 开门');
    expect(toDetail(closed, WED_10AM).closure).toEqual(closure);
  });

  test('the head edits the hours without the closed days; lifting restores them', () => {
    const s = makeStation({ id: 'st-a', hours: { ...makeStation({ id: 'st-x' }).hours, exceptions: [{ date: '2026-05-20', intervals: [], note: '村里办事' }] } });
    const closed = closeTemporarily(s, closure, TODAY, NOW);
    expect(closed.hours.exceptions.map((e) => e.date)).toEqual(['2026-05-13', '2026-05-14', '2026-05-15', '2026-05-20']);
    expect(publicInfoOf(closed).hours).toEqual(s.hours);
    const lifted = liftClosure(closed, NOW);
    expect(lifted.closure).toBeUndefined();
    expect(lifted.hours).toEqual(s.hours);
    expect(isOpenAt(lifted.hours, WED_10AM)).toBe(true);
  });

  test('must start today or later and last at most 30 days', () => {
    expect(closureProblem(closure, TODAY)).toBeNull();
    expect(closureProblem({ ...closure, from: '2026-05-12' }, TODAY)).toMatch(/不能早于今天/);
    expect(closureProblem({ ...closure, until: '2026-05-12' }, TODAY)).toMatch(/不能早于开始/);
    expect(closureProblem({ ...closure, until: '2026-06-12' }, TODAY)).toMatch(/最长 30 天/);
  });
});

describe('approval publishes', () => {
  test('the proposed information replaces the public one and the information is confirmed today', () => {
    const s = makeStation({ id: 'st-a', infoConfirmedOn: '2025-01-01' });
    const after = { ...publicInfoOf(s), commitments: ['童叟无欺'] };
    const next = publish(s, after, TODAY, NOW);
    expect(next.commitments).toEqual(['童叟无欺']);
    expect(next.infoConfirmedOn).toBe(TODAY);
    expect(toDetail(next, WED_10AM).stale).toBe(false);
    expect(toDetail(s, WED_10AM).stale).toBe(true);
  });

  test('a closure in force survives the publication of hours proposed before it', () => {
    const s = makeStation({ id: 'st-a' });
    const after = publicInfoOf(s);
    const closed = closeTemporarily(s, { reason: '装修', from: TODAY, until: TODAY }, TODAY, NOW);
    const next = publish(closed, { ...after, commitments: ['新承诺'] }, TODAY, NOW);
    expect(isOpenAt(next.hours, WED_10AM)).toBe(false);
    expect(next.closure?.reason).toBe('装修');
  });
});

describe('待核实 reminders', () => {
  test('stations past 180 days get one pending reminder, once', async () => {
    const dir = await openTestDirectory([makeStation({ id: 'st-old', infoConfirmedOn: '2025-10-01' }), makeStation({ id: 'st-new', code: 'ST-NEW2', infoConfirmedOn: '2026-04-01' })]);
    const edits = createSqliteStationEditRepository(dir.db);
    let n = 0;
    const deps = { stations: dir.stations, edits, clock: dir.clock, ids: { id: () => `r${++n}`, code: () => 'X' } };
    expect(await remindStaleStations(deps)).toEqual({ staleReminded: 1 });
    expect(await remindStaleStations(deps)).toEqual({ staleReminded: 0 });
    const list = await edits.list({ kinds: ['reminder'], order: 'oldest', offset: 0, limit: 10 });
    expect(list.items.map((e) => [e.stationId, e.status])).toEqual([['st-old', 'pending']]);
    dir.db.close();
  });

  test('each station by its own county’s freshness days, not its city’s', async () => {
    // Information 100 days old on 2026-05-13. The city says 150 days; 于都 60; 瑞金 keeps the city's.
    const old = '2026-02-02';
    const ruijin = [R.province, R.city, R.ruijin, R.xianghu, R.shazhouba];
    const dir = await openTestDirectory([makeStation({ id: 'st-yd', infoConfirmedOn: old }), makeStation({ id: 'st-rj', code: 'ST-RJ2', regionPath: ruijin, infoConfirmedOn: old })]);
    const edits = createSqliteStationEditRepository(dir.db);
    let n = 0;
    const values = (regionCode: string, v: Record<string, number>) => ({ regionCode, values: v, updatedAt: NOW, updatedBy: 'o', version: 1 });
    const settings = { all: async () => [values('3607', { freshnessDays: 150 }), values('360731', { freshnessDays: 60 })] };
    expect(await remindStaleStations({ stations: dir.stations, edits, clock: dir.clock, ids: { id: () => `r${++n}`, code: () => 'X' }, settings })).toEqual({ staleReminded: 1 });
    const list = await edits.list({ kinds: ['reminder'], order: 'oldest', offset: 0, limit: 10 });
    expect(list.items.map((e) => e.stationId)).toEqual(['st-yd']);
    dir.db.close();
  });
});
