/**
 * Heads (issue 12 §3) over HTTP: the operator opens a training session and heads sign in with its
 * code; a head sees only their own training and assessment; officials list the heads of their
 * region only; the county rewards or replaces (from the reserve pool or a new post: the old head's
 * role ends). The weights are region settings (`settings` function): each head is weighed with those
 * in force in their county, and the list says which; the heads function has no weights of its own.
 */
import type { Application, Post } from '../../core/recruitment/model';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

const t = appForTests({ now: '2027-01-05T02:00:00.000Z' }, { each: true, timeout: 60_000 });

const r400 = (r: { body: { ok: boolean; error?: { message: string } } }) => r.body.error?.message;
const code = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'OK' : r.body.error?.code);
const audit = (action: string) => t.app.stores.audit.list({ action, offset: 0, limit: 50 });
const OTHER_COUNTY = 'other-county-official';
const weightValues = (w: Record<string, number | null>) => Object.fromEntries(Object.entries(w).map(([p, v]) => [`assessment.${p}`, v]));
const DEFAULTS = { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 };
const NONE = { ledger: null, inspection: null, complaints: null, ratings: null, training: null };

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
    await t.ok('settings', 'update', { regionCode: '36', values: weightValues({ ledger: 0, inspection: 0, complaints: 100, ratings: 0, training: 0 }), reason: '只看投诉办理', version: 0 }, DEMO.province);
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

describe('weights (region settings)', () => {
  const totalOf = async (openid: string, regionCode?: string) => {
    const list = await t.ok('heads', 'list', { period: '2026Q4', ...(regionCode ? { regionCode } : {}) }, openid);
    return { list, total: list.heads.find((h: { stationId: string }) => h.stationId === HEAD_STATION)?.total as number | undefined };
  };

  test('the province sets them in 参数设置; each county’s list weighs its heads with the weights in force there', async () => {
    const before = await totalOf(DEMO.county);
    expect(before.list).toMatchObject({ weights: DEFAULTS, weightsSource: '默认', weightsVary: false });
    // The settings page offers one item per part, named in Chinese, with the assessment's defaults.
    const view = await t.ok('settings', 'get', {}, DEMO.province);
    const group = view.groups.find((g: { group: string }) => g.group === 'assessment');
    expect(group.items.map((i: { label: string; value: number }) => `${i.label} ${i.value}`)).toEqual(['台账 25', '走访检查 20', '投诉办理 25', '群众评价 15', '培训 15']);

    const complaintsOnly = { ledger: 0, inspection: 0, complaints: 100, ratings: 0, training: 0 };
    await t.ok('settings', 'update', { regionCode: '36', values: weightValues(complaintsOnly), reason: '只看投诉办理', version: 0 }, DEMO.province);
    const after = await totalOf(DEMO.county);
    expect(after.list).toMatchObject({ weights: complaintsOnly, weightsSource: '省定' });
    expect(after.total).toBe(100);
    expect(after.total).not.toBe(before.total);
    expect((await t.ok('heads', 'mine', { period: '2026Q4' }, DEMO.stationHead)).total).toBe(100);
    const line = (await audit('settings.update')).items[0];
    expect(line.detail).toContain('负责人考核权重·台账：沿用上级 → 0%');

    // The county sets its own: its heads follow it; the city's list says counties differ.
    const mine = { ...DEFAULTS, ledger: 50, training: 0, ratings: 0, inspection: 25, complaints: 25 };
    await t.ok('settings', 'update', { regionCode: '360731', values: weightValues(mine), reason: '本县重视台账', version: 0 }, DEMO.county);
    const county = await totalOf(DEMO.county);
    expect(county.list).toMatchObject({ weights: mine, weightsSource: '县定' });
    expect(county.total).toBeLessThan(100);
    expect((await totalOf(DEMO.city)).list).toMatchObject({ weights: complaintsOnly, weightsSource: '省定', weightsVary: true });
    await grantOtherCounty();
    expect((await totalOf(OTHER_COUNTY)).list).toMatchObject({ weights: complaintsOnly, weightsSource: '省定', weightsVary: false });

    // Back to the inherited weights: the province's apply again.
    const v = (await t.ok('settings', 'get', { regionCode: '360731' }, DEMO.county)).version;
    await t.ok('settings', 'update', { regionCode: '360731', values: weightValues(NONE), reason: '恢复省定权重', version: v }, DEMO.county);
    expect(await totalOf(DEMO.county)).toMatchObject({ total: 100, list: { weightsSource: '省定' } });
  });

  test('refused: a total other than 100, a part alone, a county changing the province’s; the old routes are gone', async () => {
    const set = (regionCode: string, w: Record<string, number | null>, who: string) => t.call('settings', 'update', { regionCode, values: weightValues(w), reason: '调整权重', version: 0 }, who);
    expect(r400(await set('36', { ...DEFAULTS, ledger: 40 }, DEMO.province))).toBe('考核权重合计应为 100%，现在是 115%');
    expect(r400(await set('360731', { ledger: 30, training: 10 }, DEMO.county))).toBe('考核权重要各项都填写，或全部沿用上级');
    expect(code(await set('36', { ...DEFAULTS, ledger: 30, training: 10 }, DEMO.county))).toBe('FORBIDDEN');
    expect(code(await set('360731', { ...DEFAULTS, ledger: 30, training: 10 }, DEMO.stationHead))).toBe('FORBIDDEN');
    expect((await totalOf(DEMO.county)).list.weights).toEqual(DEFAULTS);
    expect(code(await t.call('heads', 'weights', {}, DEMO.province))).not.toBe('OK');
    expect(code(await t.call('heads', 'setWeights', { weights: DEFAULTS, version: 0 }, DEMO.province))).not.toBe('OK');
  });
});
