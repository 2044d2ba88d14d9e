/**
 * Certification over HTTP (issue 10 §3, 第十一条3): operator staff file for a planned station →
 * 初审 → the county reviews with a site visit → 公示 (the notices function) → the period ends →
 * the station is certified with a certificate and its cultivation period; an upheld objection
 * sends it back to the county with the reason; strangers get nothing.
 */
import { uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

describe('station certification', () => {
  const t = appForTests({ now: '2026-12-04T02:00:00.000Z' }, { each: true });
  let form: Record<string, unknown>;
  beforeEach(async () => {
    // The demo operator's station goes back to 规划中, uncertified and without photos, to be certified again.
    const s = (await t.app.stores.stations.get(HEAD_STATION))!;
    await t.app.stores.stations.upsertMany([{ ...s, status: 'planned', certification: null, photos: [] }]);
    // 申办 carries the plaque and signage photos, uploaded like complaint photos.
    form = { ...baseForm, plaquePhotos: [await uploadPhoto(t, DEMO.operatorStaff)], signagePhotos: [await uploadPhoto(t, DEMO.operatorStaff)] };
  });

  const baseForm = { stationId: HEAD_STATION, stationName: '江西电商扶贫工程贡江镇服务站', entity: '于都县电商运营公司', areaSqm: 60, equipment: ['broadband', 'computer', 'desk_chairs', 'shelves'], servicePopulation: 5000 };
  const station = async () => (await t.ok('stations', 'get', { id: HEAD_STATION })) as Record<string, unknown>;

  async function toNotice() {
    const filed = await t.ok('register', 'fileCertification', form, DEMO.operatorStaff);
    expect(filed).toMatchObject({ state: 'operator_review', actions: ['operatorPass', 'operatorReturn'] });
    // The reviewers see the photos by short-lived links, never the stored ids.
    expect(filed.photos).toEqual({ plaque: [expect.stringMatching(/^\/files\//)], signage: [expect.stringMatching(/^\/files\//)] });
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('operator_review');
    // A second application for the same station is refused while this one runs.
    expect((await t.call('register', 'fileCertification', form, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The county cannot do the operator's 初审.
    expect((await t.call('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: true }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const passed = await t.ok('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: true, comment: '材料齐全' }, DEMO.operatorStaff);
    expect(passed.state).toBe('county_review');
    const pending = await t.ok('register', 'certifications', { state: 'county_review' }, DEMO.county);
    expect(pending.items.map((a: { id: string }) => a.id)).toEqual([filed.id]);
    const reviewed = await t.ok('register', 'countyReviewCertification', { id: filed.id, version: 2, visitedOn: '2026-12-04', visitors: '县商务局 张科长、李干事', findings: '场地、设施与申报一致，标识规范', passed: true }, DEMO.county);
    expect(reviewed).toMatchObject({ state: 'approved', authority: expect.stringMatching(/商务局$/), actions: ['publish'] });
    const published = await t.ok('register', 'publishCertification', { id: filed.id, version: 3, startsOn: '2026-12-04', endsOn: '2026-12-11', objectionChannel: '县商务局 0797-1234567' }, DEMO.county);
    expect(published).toMatchObject({ state: 'notice', noticeId: expect.any(String) });
    const page = await station();
    expect(page.status).toBe('notice');
    const notice = await t.ok('notices', 'get', { id: published.noticeId });
    expect(notice).toMatchObject({ kind: 'certification', subjectId: HEAD_STATION, running: true });
    expect(notice.facts.map((f: { label: string }) => f.label)).toEqual(['站点名称', '站点级别', '地址', '运营单位', '使用面积', '服务人口']);
    return published as { id: string; noticeId: string };
  }

  test('file → 初审 → 审核 with a visit → 公示 → certified with a certificate; every step audited', async () => {
    const app = await toNotice();
    // The period ends (≥ 5 working days after 12-04, published the same day).
    t.clock.set('2026-12-12T02:00:00.000Z');
    await t.app.runScheduler();
    const done = await t.ok('register', 'certification', { id: app.id }, DEMO.operatorStaff);
    expect(done).toMatchObject({ state: 'certified', certificate: { certificateNo: expect.stringContaining('360731'), certifiedOn: '2026-12-12', authority: expect.stringMatching(/商务局$/) } });
    const s = (await t.app.stores.stations.get(HEAD_STATION))!;
    expect(s).toMatchObject({ status: 'certified', name: form.stationName, certification: done.certificate });
    expect(JSON.stringify(await station())).toContain('2027-06-12');
    // The station had no photos: the plaque and signage photos (seen on the visit and on notice) show.
    expect(s.photos).toEqual([...(form.plaquePhotos as string[]), ...(form.signagePhotos as string[])]);
    const shown = (await station()).photos as string[];
    expect(shown).toHaveLength(2);
    expect(shown.every((u) => u.startsWith('/files/'))).toBe(true);
    expect((await t.raw(shown[0]!)).status).toBe(200);
    const audit = await t.app.stores.audit.list({ resource: `certification:${app.id}`, offset: 0, limit: 20 });
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual([
      'station.certify.apply:denied',
      'station.certify.apply:done',
      'station.certify.apply:done',
      'station.certify:done',
      'station.certify:done',
      'station.certify:done',
    ]);
  });

  test('a notice closed elsewhere (the cloud scheduler has no full station store) is applied when the register opens it', async () => {
    const app = await toNotice();
    const n = (await t.app.stores.notices.get(app.noticeId))!;
    await t.app.stores.notices.update({ ...n, status: 'closed', outcome: 'approved', closedAt: '2026-12-12T02:00:00.000Z', version: n.version + 1 }, n.version);
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('notice');
    t.clock.set('2026-12-12T03:00:00.000Z');
    const list = await t.ok('register', 'certifications', {}, DEMO.county);
    expect(list.items[0]).toMatchObject({ id: app.id, state: 'certified' });
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('certified');
  });

  test('认定 creates the station from the filing when the register lost it meanwhile', async () => {
    await toNotice();
    const rid = t.app.db.prepare('SELECT rid FROM stations WHERE id = ?').pluck().get(HEAD_STATION);
    for (const table of ['stations', 'station_services', 'station_regions']) t.app.db.prepare(`DELETE FROM ${table} WHERE rid = ?`).run(rid);
    t.app.db.prepare('DELETE FROM stations_fts WHERE rowid = ?').run(rid);
    expect(await t.app.stores.stations.get(HEAD_STATION)).toBeNull();
    t.clock.set('2026-12-12T02:00:00.000Z');
    await t.app.runScheduler();
    const s = (await t.app.stores.stations.get(HEAD_STATION))!;
    expect(s).toMatchObject({ status: 'certified', name: baseForm.stationName, certification: { certifiedOn: '2026-12-12' }, infoConfirmedOn: '2026-12-12' });
    expect(await station()).toMatchObject({ certified: true, inCultivation: true, cultivationEndsOn: '2027-06-12' });
    const audit = await t.app.stores.audit.list({ resource: `station:${HEAD_STATION}`, action: 'station.status', offset: 0, limit: 20 });
    expect(audit.items.map((e) => e.detail)).toContainEqual(expect.stringContaining('登记表中没有→已认定'));
  });

  test('at 认定 only 申办 photos that passed the content check show on the station', async () => {
    t.app.platform.mediaChecker.risky.add((form.signagePhotos as string[])[0]!);
    await toNotice();
    t.clock.set('2026-12-12T02:00:00.000Z');
    await t.app.runScheduler();
    const s = (await t.app.stores.stations.get(HEAD_STATION))!;
    expect(s.status).toBe('certified');
    expect(s.photos).toEqual(form.plaquePhotos);
  });

  test('申办 needs the plaque and signage photos, the filer\'s own uploads', async () => {
    const none = await t.call('register', 'fileCertification', { ...form, plaquePhotos: [] }, DEMO.operatorStaff);
    expect(none.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('站牌照片') } });
    const missing = await t.call('register', 'fileCertification', baseForm, DEMO.operatorStaff);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const someoneElses = await uploadPhoto(t, DEMO.resident1);
    const stolen = await t.call('register', 'fileCertification', { ...form, signagePhotos: [someoneElses] }, DEMO.operatorStaff);
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('图片无效') } });
    expect((await t.call('register', 'fileCertification', { ...form, extra: 1 }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('planned');
  });

  test('an upheld objection stops it: back to the county with the reason', async () => {
    const app = await toNotice();
    await t.ok('notices', 'object', { noticeId: app.noticeId, realName: '王五', phone: '13800001111', text: '这个站点的实际面积没有申报的那么大，请核实' }, DEMO.resident1);
    const [o] = await t.ok('notices', 'objections', { noticeId: app.noticeId }, DEMO.county);
    await t.ok('notices', 'resolve', { objectionId: o.id, version: o.version, status: 'upheld', response: '经复核实际面积不足' }, DEMO.county);
    const back = await t.ok('register', 'certification', { id: app.id }, DEMO.operatorStaff);
    expect(back).toMatchObject({ state: 'county_review', reason: expect.stringContaining('经复核实际面积不足') });
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('county_review');
    // The objector's name never reaches the operator.
    expect(JSON.stringify(back)).not.toContain('王五');
  });

  test('refusals say why; strangers get not-found or forbidden', async () => {
    const bad = await t.call('register', 'fileCertification', { ...form, stationName: '贡江镇小站' }, DEMO.operatorStaff);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('第七条4') } });
    const small = await t.call('register', 'fileCertification', { ...form, areaSqm: 5 }, DEMO.operatorStaff);
    expect(small.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('20㎡') } });
    expect((await t.call('register', 'fileCertification', form, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const filed = await t.ok('register', 'fileCertification', form, DEMO.operatorStaff);
    expect((await t.call('register', 'certification', { id: filed.id }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('register', 'certifications', {}, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const returned = await t.ok('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: false, comment: '缺少场地租赁合同' }, DEMO.operatorStaff);
    expect(returned).toMatchObject({ state: 'returned', reason: '缺少场地租赁合同' });
    expect((await t.app.stores.stations.get(HEAD_STATION))!.status).toBe('planned');
    // County refusal after a failed visit, with the reason.
    t.clock.set('2026-12-04T03:00:00.000Z');
    const again = await t.ok('register', 'fileCertification', form, DEMO.operatorStaff);
    await t.ok('register', 'operatorReviewCertification', { id: again.id, version: 1, pass: true }, DEMO.operatorStaff);
    const noReason = await t.call('register', 'countyReviewCertification', { id: again.id, version: 2, visitedOn: '2026-12-04', visitors: '县商务局 张科长', findings: '现场无货架', passed: false }, DEMO.county);
    expect(noReason.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const refused = await t.ok('register', 'countyReviewCertification', { id: again.id, version: 2, visitedOn: '2026-12-04', visitors: '县商务局 张科长', findings: '现场无货架', passed: false, reason: '经营设施不全' }, DEMO.county);
    expect(refused).toMatchObject({ state: 'refused', reason: '经营设施不全' });
    const mine = await t.ok('register', 'certifications', {}, DEMO.operatorStaff);
    expect(mine.role).toBe('operator');
    expect(mine.items.map((a: { reason: string }) => a.reason)).toEqual(['经营设施不全', '缺少场地租赁合同']);
  });
});
