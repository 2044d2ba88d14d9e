/**
 * 申办 by a market entity over HTTP (issue 10 §3): a signed-in WeChat user files for a new site →
 * the county's operator does the 初审 → the county reviews with a site visit → 公示 → 认定 creates
 * the station from the filing, found nearby. The applicant sees only their own applications, with
 * the refusing step and its reason; the contact person and phone never reach the notice or strangers.
 */
import { uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

describe('申办 by a market entity', () => {
  const t = appForTests({ now: '2026-12-04T02:00:00.000Z' }, { each: true });
  let form: Record<string, unknown>;
  let at: { lat: number; lng: number };
  beforeEach(async () => {
    const head = (await t.app.stores.stations.get(HEAD_STATION))!;
    // A new village point ~1.5 km from the demo station, in the same village's region.
    at = { lat: head.location.lat + 0.012, lng: head.location.lng + 0.008 };
    const township = head.regionPath.find((r) => r.code.length === 9)!;
    form = {
      entityName: '于都县梓山农品商贸有限公司',
      creditCode: '91360731MA35XXXX0X',
      contactName: '赵六',
      contactPhone: '13912345678',
      stationName: `江西电商扶贫工程${township.name}服务站`,
      level: 'township',
      regionCode: township.code,
      address: `于都县${township.name}新街 8 号`,
      ...at,
      hotline: '0797-6543210',
      services: ['product_sales', 'express'],
      areaSqm: 80,
      equipment: ['broadband', 'computer', 'desk_chairs', 'shelves'],
      servicePopulation: 6000,
      plaquePhotos: [await uploadPhoto(t, DEMO.resident2)],
      signagePhotos: [await uploadPhoto(t, DEMO.resident2)],
    };
  });

  /** A credit code with the right check character (GB 32100-2015). */
  function creditCode(body17: string): string {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = w.reduce((acc, x, i) => acc + chars.indexOf(body17[i]!) * x, 0);
    return body17 + chars[(31 - (sum % 31)) % 31];
  }

  test('file → operator 初审 → county 审核 → 公示 → 认定: the new station is found nearby', async () => {
    form.creditCode = creditCode('91360731MA35P8QK1');
    const filed = await t.ok('register', 'fileAsEntity', form, DEMO.resident2);
    expect(filed).toMatchObject({ state: 'operator_review', stateLabel: '运营单位初审中', refusedAt: null, applicant: { contactPhone: '13912345678' } });
    const operatorName = filed.operatorName as string;
    // The county's operator is the one running its stations, not the entity.
    expect(operatorName).not.toBe(form.entityName);
    // Nothing in the register until 认定.
    const app = (await t.app.stores.certifications.get(filed.id))!;
    expect(await t.app.stores.stations.get(app.stationId)).toBeNull();

    // The applicant sees their own, and nobody else sees it as theirs.
    expect((await t.ok('register', 'myEntityApplications', {}, DEMO.resident2)).items.map((a: { id: string }) => a.id)).toEqual([filed.id]);
    expect((await t.ok('register', 'myEntityApplications', {}, DEMO.resident1)).items).toEqual([]);
    expect((await t.call('register', 'myEntityApplication', { id: filed.id }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('register', 'certification', { id: filed.id }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('register', 'fileAsEntity', form)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const passed = await t.ok('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: true, comment: '材料齐全' }, DEMO.operatorStaff);
    expect(passed.state).toBe('county_review');
    await t.ok('register', 'countyReviewCertification', { id: filed.id, version: 2, visitedOn: '2026-12-04', visitors: '县商务局 张科长、李干事', findings: '场地、设施与申报一致，标识规范', passed: true }, DEMO.county);
    // 公示 shorter than 5 working days is refused.
    const short = await t.call('register', 'publishCertification', { id: filed.id, version: 3, startsOn: '2026-12-04', endsOn: '2026-12-08', objectionChannel: '县商务局 0797-1234567' }, DEMO.county);
    expect(short.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const published = await t.ok('register', 'publishCertification', { id: filed.id, version: 3, startsOn: '2026-12-04', endsOn: '2026-12-11', objectionChannel: '县商务局 0797-1234567' }, DEMO.county);
    const notice = await t.ok('notices', 'get', { id: published.noticeId });
    expect(notice).toMatchObject({ kind: 'certification', subjectId: app.stationId, running: true });
    // The applicant's contact person and phone never reach the public notice.
    expect(JSON.stringify(notice)).not.toContain('13912345678');
    expect(JSON.stringify(notice)).not.toContain('赵六');
    expect((await t.ok('register', 'myEntityApplication', { id: filed.id }, DEMO.resident2)).stateLabel).toBe('认定公示中');

    t.clock.set('2026-12-12T02:00:00.000Z');
    await t.app.runScheduler();
    const done = await t.ok('register', 'myEntityApplication', { id: filed.id }, DEMO.resident2);
    expect(done).toMatchObject({ state: 'certified', certificate: { certifiedOn: '2026-12-12' } });
    const s = (await t.app.stores.stations.get(app.stationId))!;
    expect(s).toMatchObject({ status: 'certified', name: form.stationName, level: 'township', address: form.address, operator: { name: operatorName } });
    expect(s.regionPath.map((r) => r.code)).toEqual(['36', '3607', '360731', form.regionCode]);
    expect(s.regionPath.every((r) => r.name.length > 1)).toBe(true);
    const nearby = await t.ok('stations', 'nearby', { ...at, radiusM: 500, limit: 5 });
    expect(nearby.items.map((x: { id: string }) => x.id)).toContain(app.stationId);
    const page = await t.ok('stations', 'get', { id: app.stationId });
    expect(JSON.stringify(page)).not.toContain('13912345678');
    expect(JSON.stringify(page)).not.toContain('赵六');
    const audit = await t.app.stores.audit.list({ resource: `certification:${filed.id}`, offset: 0, limit: 20 });
    expect(audit.items.map((e) => e.action)).toContain('station.certify.entity');
  });

  test('a refusal tells the applicant which step refused and why; bad filings say what is wrong', async () => {
    const bad = await t.call('register', 'fileAsEntity', { ...form, creditCode: '91360731MA35P8QK1A' }, DEMO.resident2);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('统一社会信用代码') } });
    form.creditCode = creditCode('91360731MA35P8QK1');
    const outside = await t.call('register', 'fileAsEntity', { ...form, lat: 39.9, lng: 116.4 }, DEMO.resident2);
    expect(outside.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('江西') } });
    const filed = await t.ok('register', 'fileAsEntity', form, DEMO.resident2);
    // The operator's reviewers see the applicant's contact (they must call them).
    const seen = await t.ok('register', 'certification', { id: filed.id }, DEMO.operatorStaff);
    expect(seen.applicant).toMatchObject({ contactName: '赵六', contactPhone: '13912345678' });
    await t.ok('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: false, comment: '缺少场地租赁合同' }, DEMO.operatorStaff);
    const mine = await t.ok('register', 'myEntityApplications', {}, DEMO.resident2);
    expect(mine.items[0]).toMatchObject({ state: 'returned', refusedAt: '运营单位初审', reason: '缺少场地租赁合同' });
  });

  test('a notice closed elsewhere (the cloud scheduler) is applied when the applicant looks', async () => {
    form.creditCode = creditCode('91360731MA35P8QK1');
    const filed = await t.ok('register', 'fileAsEntity', form, DEMO.resident2);
    await t.ok('register', 'operatorReviewCertification', { id: filed.id, version: 1, pass: true }, DEMO.operatorStaff);
    await t.ok('register', 'countyReviewCertification', { id: filed.id, version: 2, visitedOn: '2026-12-04', visitors: '县商务局 张科长', findings: '场地、设施与申报一致', passed: true }, DEMO.county);
    const published = await t.ok('register', 'publishCertification', { id: filed.id, version: 3, startsOn: '2026-12-04', endsOn: '2026-12-11', objectionChannel: '县商务局 0797-1234567' }, DEMO.county);
    const n = (await t.app.stores.notices.get(published.noticeId))!;
    await t.app.stores.notices.update({ ...n, status: 'closed', outcome: 'approved', closedAt: '2026-12-12T02:00:00.000Z', version: n.version + 1 }, n.version);
    t.clock.set('2026-12-12T03:00:00.000Z');
    const mine = await t.ok('register', 'myEntityApplications', {}, DEMO.resident2);
    expect(mine.items[0]).toMatchObject({ id: filed.id, state: 'certified' });
    const app = (await t.app.stores.certifications.get(filed.id))!;
    expect((await t.app.stores.stations.get(app.stationId))!.status).toBe('certified');
  });

  test('a county without an operator: the application goes straight to the county; the station to be made runs under the entity', async () => {
    form.creditCode = creditCode('91360731MA35P8QK1');
    // Find a county of 赣州 with no station and one of its townships.
    let county = null as null | { code: string; name: string };
    for (const c of await t.app.stores.regions.children('3607')) {
      if (!(await t.app.stores.stations.list({ regionCode: c.code, limit: 1 })).items.length) {
        county = c;
        break;
      }
    }
    expect(county).not.toBeNull();
    const [township] = await t.app.stores.regions.children(county!.code);
    const filed = await t.ok('register', 'fileAsEntity', { ...form, regionCode: township!.code, stationName: `江西电商扶贫工程${township!.name}服务站` }, DEMO.resident2);
    expect(filed).toMatchObject({ state: 'county_review', operatorName: form.entityName });
    const app = (await t.app.stores.certifications.get(filed.id))!;
    expect(app.site).toMatchObject({ operator: { name: form.entityName, hotline: '0797-6543210' }, regionPath: [{ code: '36' }, { code: '3607' }, { code: county!.code, name: county!.name }, { code: township!.code }] });
  });
});
