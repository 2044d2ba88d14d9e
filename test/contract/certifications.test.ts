/**
 * Certification applications (core/station/certification.ts): the same storage contract on SQLite
 * and on the CloudBase adapter over the SDK double (both flavours): one open application per
 * station, versioned updates, listing by region and operator, a station's applications newest first.
 */
import { createCloudbaseCertificationRepository } from '../../adapters/cloudbase/certifications';
import { createSqliteCertificationRepository } from '../../adapters/sqlite/certifications';
import type { CertificationApplication } from '../../core/station/certification';
import { describeEachRepo } from '../support/store-runners';
import { expectOneOpenPerStation, expectStaleSaveRefused, idStates, listIds } from './expect';

const app = (id: string, stationId: string, over: Partial<CertificationApplication> = {}): CertificationApplication => ({
  id,
  stationId,
  stationName: '江西电商扶贫工程梓山镇潭头村服务点',
  level: 'village',
  address: '于都县梓山镇潭头村',
  regionCodes: ['36', '3607', '360731', '360731100'],
  countyName: '于都县',
  operatorName: '于都县电商公司',
  entity: '于都县电商公司',
  areaSqm: 30,
  equipment: ['broadband', 'desk_chairs', 'shelves'],
  servicePopulation: 800,
  warnings: [],
  state: 'operator_review',
  previousStatus: 'planned',
  visit: null,
  authority: null,
  noticeId: null,
  certificate: null,
  reason: null,
  filedBy: 'o-staff-0001',
  filedAt: '2026-12-04T02:00:00.000Z',
  events: [{ at: '2026-12-04T02:00:00.000Z', by: 'operator', action: 'file', note: '提交认定申请' }],
  version: 1,
  ...over,
});

describeEachRepo('certification applications', createSqliteCertificationRepository, createCloudbaseCertificationRepository, (make) => {
  test('insert and read; one open application per station; a finished one makes room', async () => {
    const notice = app('ca-a', 'st-1', { state: 'notice', noticeId: 'n-1', version: 2 });
    await expectOneOpenPerStation(await make(), {
      first: app('ca-a', 'st-1'),
      rival: app('ca-b', 'st-1'),
      other: app('ca-c', 'st-2'),
      stillOpen: notice,
      ended: { ...notice, state: 'refused', reason: '面积不足', version: 3 },
      next: app('ca-d', 'st-1', { filedAt: '2026-12-20T02:00:00.000Z' }),
    });
  });

  test('a stale version is refused and changes nothing', async () => {
    await expectStaleSaveRefused(await make(), app('ca-a', 'st-1'), app('ca-a', 'st-1', { state: 'county_review', version: 2 }), app('ca-a', 'st-1', { state: 'returned', version: 2 }));
  });

  test('list by region at any level, by operator and state, newest first, paged', async () => {
    const s = await make();
    await s.save(app('ca-1', 'st-1', { filedAt: '2026-12-01T00:00:00.000Z' }), null);
    await s.save(app('ca-2', 'st-2', { filedAt: '2026-12-03T00:00:00.000Z', state: 'county_review' }), null);
    await s.save(app('ca-3', 'st-3', { filedAt: '2026-12-02T00:00:00.000Z', regionCodes: ['36', '3611', '361128'], operatorName: '鄱阳县邮政' }), null);
    const ids = listIds(s);
    expect(await ids({ regionCode: '360731', offset: 0, limit: 10 })).toEqual(['ca-2', 'ca-1']);
    expect(await ids({ regionCode: '36', states: ['county_review'], offset: 0, limit: 10 })).toEqual(['ca-2']);
    expect(await ids({ operatorName: '鄱阳县邮政', offset: 0, limit: 10 })).toEqual(['ca-3']);
    expect(await ids({ regionCode: '36', offset: 0, limit: 2 })).toEqual(['ca-2', 'ca-3']);
    expect(await s.list({ regionCode: '36', offset: 2, limit: 2 })).toMatchObject({ hasMore: false });
    expect(await ids({ offset: 0, limit: 10 })).toEqual(['ca-2', 'ca-3', 'ca-1']);
  });

  test("an applicant's own applications, newest first, after updates; never someone else's", async () => {
    const s = await make();
    await s.save(app('ca-1', 'st-1', { filedBy: 'o-entity-1', filedAt: '2026-12-01T00:00:00.000Z' }), null);
    await s.save(app('ca-2', 'st-2', { filedBy: 'o-entity-2', filedAt: '2026-12-02T00:00:00.000Z' }), null);
    await s.save(app('ca-3', 'st-3', { filedBy: 'o-entity-1', filedAt: '2026-12-03T00:00:00.000Z' }), null);
    await s.save(app('ca-1', 'st-1', { filedBy: 'o-entity-1', filedAt: '2026-12-01T00:00:00.000Z', state: 'returned', reason: '面积不足', version: 2 }), 1);
    expect(idStates(await s.byApplicant('o-entity-1'))).toEqual([
      ['ca-3', 'operator_review'],
      ['ca-1', 'returned'],
    ]);
    expect((await s.byApplicant('o-entity-2')).map((x) => x.id)).toEqual(['ca-2']);
    expect(await s.byApplicant('o-nobody')).toEqual([]);
  });
});

describeEachRepo('certification applications keep their photos and site snapshot', createSqliteCertificationRepository, createCloudbaseCertificationRepository, (make) => {
  test('the 申办 photos and the station snapshot survive a save and a versioned update', async () => {
    const repo = await make();
    const photos = { plaque: ['upl-plaque-00000001'], signage: ['upl-signage-0000001', 'upl-signage-0000002'] };
    const site = { id: 'st-9', name: '潭头村服务点', photos: [], certification: null } as unknown as CertificationApplication['site'];
    await repo.save(app('ca-p', 'st-9', { photos, site }), null);
    expect(await repo.get('ca-p')).toMatchObject({ photos, site });
    await repo.save(app('ca-p', 'st-9', { photos, site, state: 'county_review', version: 2 }), 1);
    expect((await repo.forStation('st-9'))[0]).toMatchObject({ photos, site, version: 2 });
  });
});
