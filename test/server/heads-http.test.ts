/**
 * Heads (issue 12 §3) over HTTP: the operator opens a training session and heads sign in with its
 * code; a head sees only their own training and assessment; officials list the heads of their
 * region only; the county rewards or replaces (from the reserve pool or a new post: the old head's
 * role ends); the province sets the weights, audited.
 */
import type { Application, Post } from '../../core/recruitment/model';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

const t = appForTests({ now: '2027-01-05T02:00:00.000Z' }, { each: true, timeout: 60_000 });

const r400 = (r: { body: { ok: boolean; error?: { message: string } } }) => r.body.error?.message;
const code = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'OK' : r.body.error?.code);
const audit = (action: string) => t.app.stores.audit.list({ action, offset: 0, limit: 50 });
const OTHER_COUNTY = 'other-county-official';

async function grantOtherCounty() {
  await t.app.stores.roles.insert({ id: 'b-other-county', openid: OTHER_COUNTY, role: 'county_official', scope: { kind: 'region', regionCode: '360881' }, grantedBy: 'test', grantedAt: '2027-01-01T00:00:00.000Z', revokedAt: null, revokedBy: null });
}

describe('training sign-in', () => {
  test('operator opens a session; the head signs in with the code once; they see it in their own record', async () => {
    const before = await t.ok('heads', 'myTraining', {}, DEMO.stationHead);
    expect(before.records).toEqual([]);
    const s = await t.ok('heads', 'openSession', { kind: 'annual', title: '农产品直播培训', date: '2027-01-05', days: 1 }, DEMO.operatorStaff);
    expect(s.code).toMatch(/^[0-9A-Z]{6}$/);
    expect((await t.ok('heads', 'sessions', {}, DEMO.operatorStaff)).items[0]).toMatchObject({ id: s.id, code: s.code, live: true });
    const signed = await t.ok('heads', 'signIn', { code: s.code.toLowerCase() }, DEMO.stationHead);
    expect(signed).toMatchObject({ title: '农产品直播培训', days: 1 });
    await t.ok('heads', 'signIn', { code: s.code }, DEMO.stationHead);
    const after = await t.ok('heads', 'myTraining', {}, DEMO.stationHead);
    expect(after.records).toEqual([{ kind: 'annual', title: '农产品直播培训', date: '2027-01-05', days: 1 }]);
    expect(after.thisYear).toBe(1);
    expect((await audit('training.signIn')).items).toHaveLength(1);
    // The operator's training view shows it too.
    const view = await t.ok('recruitment', 'training', {}, DEMO.operatorStaff);
    expect(view.heads.find((h: { stationId: string }) => h.stationId === HEAD_STATION).records).toHaveLength(1);
  });

  test('a wrong or expired code, someone not a head, a head not running a session: refused', async () => {
    const s = await t.ok('heads', 'openSession', { kind: 'pre_job', title: '岗前培训', date: '2027-01-05', days: 3 }, DEMO.operatorStaff);
    expect(code(await t.call('heads', 'signIn', { code: 'ZZZZZZ' }, DEMO.stationHead))).toBe('NOT_FOUND');
    expect(code(await t.call('heads', 'signIn', { code: s.code }, DEMO.county))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'signIn', { code: s.code }, DEMO.resident1))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'myTraining', {}, DEMO.operatorStaff))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'openSession', { kind: 'annual', title: '培训', date: '2027-01-05', days: 1 }, DEMO.county))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'openSession', { kind: 'annual', title: '培训', date: '2027-01-05', days: 1 }, DEMO.stationHead))).toBe('FORBIDDEN');
    t.clock.set('2027-01-05T04:01:00.000Z');
    expect(code(await t.call('heads', 'signIn', { code: s.code }, DEMO.stationHead))).toBe('NOT_FOUND');
    expect((await t.ok('heads', 'sessions', {}, DEMO.operatorStaff)).items[0]).toMatchObject({ live: false, code: null });
  });
});

describe('assessment', () => {
  test('the head sees their own result and its parts; not the list', async () => {
    const mine = await t.ok('heads', 'mine', { period: '2026Q4' }, DEMO.stationHead);
    expect(mine).toMatchObject({ period: '2026Q4', periodLabel: '2026 年第 4 季度', decisions: [] });
    expect(mine.parts.map((p: { part: string }) => p.part)).toEqual(['ledger', 'inspection', 'complaints', 'ratings', 'training']);
    if (!mine.exempt) expect(mine.total).toBeGreaterThanOrEqual(0);
    expect(code(await t.call('heads', 'list', {}, DEMO.stationHead))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'mine', {}, DEMO.resident1))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'mine', {}, null))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('heads', 'mine', { period: '2026Q5' }, DEMO.stationHead))).toBe('VALIDATION_ERROR');
  });

  test('a county sees only its region; city and province see theirs; operators none', async () => {
    await grantOtherCounty();
    const yudu = await t.ok('heads', 'list', { period: '2026Q4' }, DEMO.county);
    expect(yudu).toMatchObject({ period: '2026Q4', regionCode: '360731', canDecide: true });
    expect(yudu.heads.map((h: { stationId: string }) => h.stationId)).toContain(HEAD_STATION);
    const other = await t.ok('heads', 'list', { period: '2026Q4' }, OTHER_COUNTY);
    expect(other.heads.map((h: { stationId: string }) => h.stationId)).not.toContain(HEAD_STATION);
    expect(code(await t.call('heads', 'list', { regionCode: '360731' }, OTHER_COUNTY))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'list', { regionCode: '360881' }, DEMO.county))).toBe('FORBIDDEN');
    const city = await t.ok('heads', 'list', { period: '2026Q4', regionCode: '360731' }, DEMO.city);
    expect(city).toMatchObject({ canDecide: false });
    expect(city.heads.map((h: { stationId: string }) => h.stationId)).toContain(HEAD_STATION);
    expect(code(await t.call('heads', 'list', {}, DEMO.operatorStaff))).toBe('FORBIDDEN');
    expect((await audit('assessment.read')).items.length).toBeGreaterThanOrEqual(3);
  });

  test('the county rewards a head once; the head sees it; city and another county may not', async () => {
    await grantOtherCounty();
    const row = (await t.ok('heads', 'list', { period: '2026Q4' }, DEMO.county)).heads.find((h: { stationId: string }) => h.stationId === HEAD_STATION);
    const data = { stationId: HEAD_STATION, period: '2026Q4', note: '台账规范，服务群众满意' };
    expect(code(await t.call('heads', 'reward', data, DEMO.city))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'reward', data, OTHER_COUNTY))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'reward', data, DEMO.stationHead))).toBe('FORBIDDEN');
    // The demo head has no ledger or training this quarter: a fail, which cannot be rewarded.
    expect(row).toMatchObject({ exempt: false, grade: 'fail' });
    expect(r400(await t.call('heads', 'reward', data, DEMO.county))).toBe('考核不合格，不能表彰');
    // Weights only on complaints handling (none this quarter): the same facts score 100.
    await t.ok('heads', 'setWeights', { weights: { ledger: 0, inspection: 0, complaints: 100, ratings: 0, training: 0 }, version: 0 }, DEMO.province);
    const r = await t.call('heads', 'reward', data, DEMO.county);
    expect(r.body).toMatchObject({ ok: true, data: { kind: 'reward', label: '表彰奖励', total: 100 } });
    expect(code(await t.call('heads', 'reward', data, DEMO.county))).toBe('CONFLICT');
    expect((await t.ok('heads', 'mine', { period: '2026Q4' }, DEMO.stationHead)).decisions).toEqual([expect.objectContaining({ kind: 'reward', note: '台账规范，服务群众满意' })]);
    expect((await t.ok('heads', 'list', { period: '2026Q4' }, DEMO.county)).heads.find((h: { stationId: string }) => h.stationId === HEAD_STATION).decisions).toHaveLength(1);
    expect((await audit('assessment.reward')).items).toHaveLength(1);
  });

  test('replacement by a new post: the old head loses the role at once (audited), a draft post is opened', async () => {
    const d = await t.ok('heads', 'replace', { stationId: HEAD_STATION, period: '2026Q4', note: '台账长期不记，群众投诉多' }, DEMO.county);
    expect(d).toMatchObject({ kind: 'replace', replacement: { mode: 'post' } });
    expect(code(await t.call('heads', 'mine', {}, DEMO.stationHead))).toBe('FORBIDDEN');
    expect((await audit('role.revoke')).items.some((e) => e.detail.includes(HEAD_STATION))).toBe(true);
    const post = await t.app.stores.recruitment.getPost(d.replacement.postId);
    expect(post).toMatchObject({ stationId: HEAD_STATION, status: 'draft' });
    const list = await t.ok('heads', 'list', { period: '2026Q4' }, DEMO.county);
    expect(list.heads.find((h: { stationId: string }) => h.stationId === HEAD_STATION)).toBeUndefined();
    expect(list.replaced).toEqual([expect.objectContaining({ stationId: HEAD_STATION })]);
    expect(code(await t.call('heads', 'replace', { stationId: HEAD_STATION, period: '2026Q4', note: '再换' }, DEMO.county))).toBe('CONFLICT');
  });

  test('replacement from the reserve pool: the candidate becomes the head; one from another county is refused', async () => {
    const station = (await t.app.stores.stations.get(HEAD_STATION))!;
    const post = (id: string, regionCodes: string[]): Post => ({ id, title: '服务站负责人', stationId: null, stationName: null, operatorName: null, villageCode: regionCodes[4], villageName: '某村', regionCodes, requirements: ['x'], rubric: [{ criterion: 'a', weight: 50 }, { criterion: 'b', weight: 50 }], opensOn: '2026-10-01', closesOn: '2026-10-10', qualifyingScore: 60, status: 'appointed', selectedApplicationId: null, noticeId: null, createdBy: DEMO.county, createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z', version: 1 });
    const app = (id: string, postId: string, openid: string): Application => ({ id, postId, applicantOpenid: openid, name: '李四', gender: 'male', birthYear: 1990, idCipher: null, idHash: `h-${id}`, idMasked: '3607**', phoneCipher: null, phoneMasked: '138****0000', villageCode: '360731100201', villageName: '某村', background: 'villager', education: 'senior', skills: '', productExperience: '', statement: '', idConsentAt: '2026-10-01T00:00:00.000Z', status: 'reserve', scores: [{ reviewerOpenid: DEMO.county, byCriterion: { a: 80, b: 70 }, at: '2026-10-11T00:00:00.000Z' }], createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-11T00:00:00.000Z', purgedAt: null, version: 1 });
    await t.app.stores.recruitment.insertPost(post('post-yudu-1', station.regionPath.map((r) => r.code).slice(0, 4).concat('360731100201')));
    await t.app.stores.recruitment.insertApplication(app('app-yudu-1', 'post-yudu-1', 'reserve-person-1'), 'k1');
    await t.app.stores.recruitment.insertPost(post('post-jgs-1', ['36', '3608', '360881', '360881100', '360881100201']));
    await t.app.stores.recruitment.insertApplication(app('app-jgs-1', 'post-jgs-1', 'reserve-person-2'), 'k2');
    const pool = await t.ok('heads', 'reserve', { stationId: HEAD_STATION }, DEMO.county);
    expect(pool.items.map((i: { applicationId: string }) => i.applicationId)).toEqual(['app-yudu-1']);
    expect(code(await t.call('heads', 'reserve', { stationId: HEAD_STATION }, DEMO.city))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'replace', { stationId: HEAD_STATION, period: '2026Q4', note: '换人', applicationId: 'app-jgs-1' }, DEMO.county))).toBe('CONFLICT');
    const d = await t.ok('heads', 'replace', { stationId: HEAD_STATION, period: '2026Q4', note: '换人', applicationId: 'app-yudu-1' }, DEMO.county);
    expect(d.replacement).toEqual({ mode: 'reserve', applicationId: 'app-yudu-1', name: '李四' });
    expect(code(await t.call('heads', 'mine', {}, DEMO.stationHead))).toBe('FORBIDDEN');
    expect((await t.ok('heads', 'mine', { period: '2026Q4' }, 'reserve-person-1')).stationName).toBe(station.name);
    expect((await t.app.stores.recruitment.getApplication('app-yudu-1'))?.status).toBe('appointed');
  });
});

describe('weights', () => {
  test('officials read them; only the province changes them, whole and adding up to 100, audited', async () => {
    const w = await t.ok('heads', 'weights', {}, DEMO.county);
    expect(w).toMatchObject({ weights: { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 }, version: 0, canEdit: false });
    const next = { ledger: 30, inspection: 20, complaints: 25, ratings: 15, training: 10 };
    expect(code(await t.call('heads', 'setWeights', { weights: next, version: 0 }, DEMO.county))).toBe('FORBIDDEN');
    expect(code(await t.call('heads', 'setWeights', { weights: { ...next, ledger: 40 }, version: 0 }, DEMO.province))).toBe('VALIDATION_ERROR');
    expect(await t.ok('heads', 'setWeights', { weights: next, version: 0 }, DEMO.province)).toMatchObject({ weights: next, version: 1 });
    expect(code(await t.call('heads', 'setWeights', { weights: next, version: 0 }, DEMO.province))).toBe('CONFLICT');
    expect((await audit('settings.change')).items[0].detail).toBe('台账 25→30，培训 15→10');
    expect((await t.ok('heads', 'list', { period: '2026Q4' }, DEMO.county)).weights).toEqual(next);
    expect(code(await t.call('heads', 'weights', {}, DEMO.stationHead))).toBe('FORBIDDEN');
  });
});
