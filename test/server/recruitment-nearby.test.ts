/** Open posts "near me": nearest first by their station (or the county seat for a new village station). */
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

const rubric = [
  { criterion: '电商技能', weight: 50 },
  { criterion: '群众基础', weight: 50 },
];

describe('posts near me', () => {
  const t = appForTests({ now: '2026-09-21T02:00:00.000Z' });

  async function openPost(body: Record<string, unknown>) {
    const p = await t.okDirect('recruitment', 'createPost', { requirements: ['熟悉本地情况'], rubric, opensOn: '2026-09-21', closesOn: '2026-10-20', ...body }, DEMO.county);
    return t.okDirect('recruitment', 'openPost', { id: p.id, version: 1 }, DEMO.county);
  }

  test('nearest first with distances; region and position filters combine; a lone latitude is refused', async () => {
    const town = await openPost({ title: '贡江镇服务站负责人', stationId: 'st-360731100-000' });
    const county = await openPost({ title: '于都县运营中心负责人', stationId: 'st-360731-000' });
    const village = await openPost({ title: '新设村服务点负责人', villageCode: '360731100001' });
    const station = await t.okDirect('stations', 'get', { id: 'st-360731100-000' });

    const near = await t.ok('recruitment', 'posts', { lat: station.location.lat, lng: station.location.lng });
    expect(near.items[0].id).toBe(town.id);
    expect(near.items[0].distanceM).toBeLessThan(50);
    const ids = near.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([town.id, county.id, village.id]));
    const distances = near.items.map((p: { distanceM: number }) => p.distanceM);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    const far = await t.ok('recruitment', 'posts', { lat: 28.68, lng: 115.86, regionCode: '360731' }); // 南昌, only 于都 posts
    expect(far.items.every((p: { distanceM: number }) => p.distanceM > 100_000)).toBe(true);

    const bad = await t.call('recruitment', 'posts', { lat: 25.9 });
    expect(bad.status).toBe(400);
    expect(bad.body.ok ? null : bad.body.error.fields).toEqual({ 'data.lat': '位置需要同时有纬度和经度' });
  });
});
