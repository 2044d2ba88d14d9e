/**
 * Rectification orders (core/station/rectification.ts): the same storage contract on SQLite and on
 * the CloudBase adapter over the SDK double (both flavours): one open order per station, versioned
 * updates, listing by region and deadline, a station's orders newest first.
 */
import { createCloudbaseRectificationRepository } from '../../adapters/cloudbase/rectifications';
import { createSqliteRectificationRepository } from '../../adapters/sqlite/rectifications';
import type { RectificationOrder } from '../../core/station/rectification';
import { describeEachRepo } from '../support/store-runners';
import { expectOneOpenPerStation, expectStaleSaveRefused, listIds } from './expect';

const order = (id: string, stationId: string, over: Partial<RectificationOrder> = {}): RectificationOrder => ({
  id,
  stationId,
  stationName: `站点 ${stationId}`,
  regionCodes: ['36', '3607', '360731', '360731100'],
  operatorName: '于都县电商公司',
  state: 'open',
  previousStatus: 'certified',
  problems: ['长期不开门'],
  requiredFixes: '按公示时间开门',
  issuedBy: 'o-county-0001',
  issuedAt: '2026-12-04T02:00:00.000Z',
  dueOn: '2026-12-18',
  dueProvisional: false,
  extensions: 0,
  answer: null,
  events: [{ at: '2026-12-04T02:00:00.000Z', byRole: 'county', action: 'issue', note: '限 10 个工作日内整改' }],
  version: 1,
  ...over,
});

describeEachRepo('rectification orders', createSqliteRectificationRepository, createCloudbaseRectificationRepository, (make) => {
  test('insert and read; one open order per station; a closed one makes room for the next', async () => {
    // An order issued from an inspection carries its photos' checks (shown once passed).
    const first = order('rx-a', 'st-1', { photoChecks: [{ fileId: 'upl-inspect-00001', traceId: 't-1' }, { fileId: 'cloud://env/visits/p2.jpg', traceId: 't-2' }] });
    // The evidence photos are kept with the answer, with who answered and the photos' content checks.
    const answered = { ...first, state: 'answered' as const, version: 2, answer: { text: '已整改', photos: ['upl-evidence-000001'], at: '2026-12-05T02:00:00.000Z', by: 'o-head', photoChecks: [{ fileId: 'upl-evidence-000001', traceId: 't-3' }] } };
    await expectOneOpenPerStation(await make(), {
      first,
      rival: order('rx-b', 'st-1'),
      other: order('rx-c', 'st-2', { dueOn: '2026-12-10' }),
      stillOpen: answered,
      ended: { ...answered, state: 'restored', version: 3 },
      next: order('rx-d', 'st-1', { issuedAt: '2026-12-20T02:00:00.000Z', dueOn: '2027-01-05' }),
    });
  });

  test('a stale version is refused and changes nothing', async () => {
    await expectStaleSaveRefused(await make(), order('rx-a', 'st-1'), order('rx-a', 'st-1', { state: 'answered', version: 2 }), order('rx-a', 'st-1', { state: 'closed', version: 2 }));
  });

  test('list by region at any level, by deadline, with state filter and paging', async () => {
    const s = await make();
    await s.save(order('rx-1', 'st-1', { dueOn: '2026-12-20' }), null);
    await s.save(order('rx-2', 'st-2', { dueOn: '2026-12-10' }), null);
    await s.save(order('rx-3', 'st-3', { dueOn: '2026-12-15', regionCodes: ['36', '3611', '361128'] }), null);
    await s.save(order('rx-4', 'st-4', { dueOn: '2026-12-12', state: 'closed' }), null);
    // An extension moves the order in the deadline order.
    await s.save(order('rx-2', 'st-2', { dueOn: '2026-12-30', version: 2, extensions: 1 }), 1);
    const ids = listIds(s);
    expect(await ids({ regionCode: '360731', offset: 0, limit: 10 })).toEqual(['rx-4', 'rx-1', 'rx-2']);
    expect(await ids({ regionCode: '3607', states: ['open', 'answered'], offset: 0, limit: 10 })).toEqual(['rx-1', 'rx-2']);
    expect(await ids({ regionCode: '36', offset: 0, limit: 2 })).toEqual(['rx-4', 'rx-3']);
    expect(await s.list({ regionCode: '36', offset: 2, limit: 2 })).toMatchObject({ hasMore: false });
    expect(await ids({ regionCode: '361128', offset: 0, limit: 10 })).toEqual(['rx-3']);
  });
});
