/**
 * 冒名站点举报 storage (core/station/unlisted.ts): the same contract on SQLite and on the CloudBase
 * adapter over the SDK double (both flavours): insert and get, the county's list by region prefix
 * and status (newest first, paged), versioned close (one of two wins), an outage.
 */
import { createCloudbaseUnlistedRepository } from '../../adapters/cloudbase/unlisted';
import { createSqliteUnlistedRepository } from '../../adapters/sqlite/unlisted';
import type { UnlistedReport } from '../../core/station/unlisted';
import { onEachRepo } from '../support/store-runners';
import { expectCode } from './expect';

const report = (id: string, regionCodes: string[], minute: number, over: Partial<UnlistedReport> = {}): UnlistedReport => ({
  id,
  regionCodes,
  regionLabel: '于都县 · 贡江镇',
  place: '长征大道 18 号门面',
  description: '门口挂着电商扶贫服务站的牌子，收费很高',
  photos: [],
  location: null,
  reporterOpenid: 'o-resident-0001',
  held: false,
  status: 'open',
  outcome: null,
  note: null,
  handledBy: null,
  createdAt: new Date(Date.UTC(2026, 11, 4, 2, minute)).toISOString(),
  closedAt: null,
  version: 1,
  ...over,
});
const GONGJIANG = ['36', '3607', '360731', '360731100'];
const YUDU = ['36', '3607', '360731'];
const RUIJIN = ['36', '3607', '360781'];

const stores = onEachRepo(createSqliteUnlistedRepository, createCloudbaseUnlistedRepository);

describe.each(stores)('%s: unlisted reports', (_name, make) => {
  test('insert, get; the list by region prefix and status, newest first, paged', async () => {
    const { repo } = await make();
    const a = report('rep-a-0001', GONGJIANG, 1);
    const b = report('rep-b-0001', YUDU, 2);
    const c = report('rep-c-0001', RUIJIN, 3);
    const d = report('rep-d-0001', GONGJIANG, 4, { status: 'closed', version: 2 });
    for (const r of [a, b, c, d]) await repo.insert(r);
    expect(await repo.get('rep-a-0001')).toEqual(a);
    expect(await repo.get('nope-00001')).toBeNull();
    expect(await repo.list({ regionCode: '360731', status: 'open', offset: 0, limit: 10 })).toEqual({ items: [b, a], hasMore: false });
    expect(await repo.list({ regionCode: '360731100', status: 'open', offset: 0, limit: 10 })).toEqual({ items: [a], hasMore: false });
    expect(await repo.list({ regionCode: '3607', status: 'open', offset: 0, limit: 2 })).toEqual({ items: [c, b], hasMore: true });
    expect(await repo.list({ regionCode: '3607', status: 'open', offset: 2, limit: 2 })).toEqual({ items: [a], hasMore: false });
    expect(await repo.list({ regionCode: '36', status: 'closed', offset: 0, limit: 10 })).toEqual({ items: [d], hasMore: false });
  });

  test('save is versioned: the first close wins, a stale one changes nothing', async () => {
    const { repo } = await make();
    const a = report('rep-a-0001', GONGJIANG, 1);
    await repo.insert(a);
    const closed = { ...a, status: 'closed' as const, outcome: 'dealt_with' as const, note: '已责令摘牌', handledBy: 'o-county-0001', closedAt: a.createdAt, version: 2 };
    expect(await repo.save(closed, 1)).toBe(true);
    expect(await repo.save({ ...closed, note: '晚到的处理' }, 1)).toBe(false);
    expect(await repo.get(a.id)).toEqual(closed);
    expect((await repo.list({ regionCode: '360731', status: 'open', offset: 0, limit: 10 })).items).toEqual([]);
  });

  test('an unreachable store answers UNAVAILABLE', async () => {
    const { repo, breakStore } = await make();
    breakStore();
    await expectCode(repo.get('rep-a-0001'), 'UNAVAILABLE');
    await expectCode(repo.list({ regionCode: '36', status: 'open', offset: 0, limit: 10 }), 'UNAVAILABLE');
  });
});
