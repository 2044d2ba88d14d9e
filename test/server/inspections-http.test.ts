/**
 * Operators' visits (issue 12 §2) over HTTP: the operator inspects a station with the checklist,
 * the county turns the failed items into a rectification order on the register's flow, and the
 * county sees which operators owe a guidance visit this quarter or a training this year.
 */
import type { DuesView, StationVisitsView, VisitView } from '../../core/inspection/api';
import { CHECK_ITEMS } from '../../core/inspection/model';
import { uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';

const t = appForTests({}, { each: true, timeout: 60_000 });

const TODAY = '2026-09-30';
const items = (failed: Record<string, string> = {}) => CHECK_ITEMS.map((item) => (failed[item] ? { item, ok: false, note: failed[item] } : { item, ok: true }));
const runScheduler = async () => expect((await t.raw('/dev/scheduler/run', { method: 'POST' })).status).toBe(200);
const audit = (action: string) => t.app.stores.audit.list({ action, offset: 0, limit: 50 });

describe('inspections over HTTP', () => {
  test('operator inspects → county issues a rectification order from the failed items, once', async () => {
    const station = await t.app.stores.stations.get(HEAD_STATION);
    const near = { lat: station!.location.lat + 0.001, lng: station!.location.lng };
    const v = await t.ok<VisitView>('inspections', 'record', { stationId: HEAD_STATION, kind: 'inspection', visitedOn: TODAY, items: items({ pricing: '鸡蛋、大米没有标价', cleanliness: '收发区堆满包裹' }), location: near }, DEMO.operatorStaff);
    expect(v).toMatchObject({ kindLabel: '检查', score: 67, far: false, problems: ['商品和服务明码标价：鸡蛋、大米没有标价', '环境卫生、物品摆放整齐：收发区堆满包裹'] });
    expect(v.distanceM).toBeGreaterThan(100);

    const bare = await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'inspection', visitedOn: TODAY, items: items().slice(1) }, DEMO.operatorStaff);
    expect(bare.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { items: expect.stringContaining('请检查') } } });

    const byCounty = await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.county);
    expect(byCounty).toMatchObject({ canRecord: false, canRectify: true });
    expect(byCounty.items.map((i) => i.id)).toEqual([v.id]);
    const byHead = await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.stationHead);
    expect(byHead).toMatchObject({ canRecord: false, canRectify: false });

    // The operator may not issue orders; the county does, on the register's flow.
    expect((await t.call('inspections', 'toRectification', { id: v.id, requiredFixes: '全部商品标价，清理收发区', workdays: 10 }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const linked = await t.ok<VisitView>('inspections', 'toRectification', { id: v.id, requiredFixes: '全部商品标价，清理收发区', workdays: 10 }, DEMO.county);
    expect(linked.rectificationId).toBeTruthy();
    const order = await t.app.stores.rectifications.get(linked.rectificationId!);
    expect(order).toMatchObject({ stationId: HEAD_STATION, state: 'open', problems: v.problems });
    expect((await t.app.stores.stations.get(HEAD_STATION))?.status).toBe('rectification');
    const again = await t.call('inspections', 'toRectification', { id: v.id, requiredFixes: '全部商品标价，清理收发区', workdays: 10 }, DEMO.county);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已经据此下达过整改通知' } });
    expect((await audit('inspection.record')).items).toHaveLength(1);
    expect((await audit('inspection.rectify')).items).toHaveLength(1);
  });

  test('who is behind: a guidance visit this quarter and a training this year per station', async () => {
    const before = await t.ok<DuesView>('inspections', 'dues', {}, DEMO.county);
    expect(before).toMatchObject({ region: { code: '360731' }, quarter: '2026Q3', year: '2026' });
    expect(before.stations).toBeGreaterThan(3);
    expect(before.behind.map((d) => d.stationId)).toContain(HEAD_STATION);
    // Nobody has visited yet: every station owes both, counted once under its operator.
    expect(before.operators.reduce((n, o) => n + o.guidanceBehind, 0)).toBe(before.stations);
    const operatorName = (await t.app.stores.stations.get(HEAD_STATION))!.operator.name;
    const yudu = before.operators.find((o) => o.operatorName === operatorName)!;

    await t.ok('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', visitedOn: '2026-09-02', note: '讲解农产品上行' }, DEMO.operatorStaff);
    // Without a date: today.
    const training = await t.ok<VisitView>('inspections', 'record', { stationId: HEAD_STATION, kind: 'training' }, DEMO.operatorStaff);
    expect(training.visitedOn).toBe(TODAY);
    const after = await t.ok<DuesView>('inspections', 'dues', {}, DEMO.county);
    expect(after.behind.map((d) => d.stationId)).not.toContain(HEAD_STATION);
    expect(after.operators.find((o) => o.operatorName === operatorName)).toMatchObject({ guidanceBehind: yudu.guidanceBehind - 1, trainingBehind: yudu.trainingBehind - 1 });

    const city = await t.ok<DuesView>('inspections', 'dues', { regionCode: '360731' }, DEMO.city);
    expect(city.stations).toBe(after.stations);
    expect((await t.call('inspections', 'dues', { regionCode: '360881' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('inspections', 'dues', {}, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('photos: the operator’s own uploads are claimed; others see them once the content check passed; someone else’s upload is refused', async () => {
    const mine = await uploadPhoto(t, DEMO.operatorStaff);
    const v = await t.ok<VisitView>('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', photos: [mine] }, DEMO.operatorStaff);
    // Being checked: the author sees it, marked; the county and the head do not.
    expect(v).toMatchObject({ photoUrls: [], pendingPhotoUrls: [expect.any(String)] });
    const before = await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.county);
    expect(before.items[0]).toMatchObject({ photoUrls: [] });
    expect(before.items[0].pendingPhotoUrls).toBeUndefined();
    expect((await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.stationHead)).items[0].photoUrls).toEqual([]);
    await runScheduler();
    const seen = await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.county);
    expect(seen.items[0].photoUrls).toHaveLength(1);
    expect((await t.raw(seen.items[0].photoUrls[0].replace(t.base, ''))).status).toBe(200);
    const own = await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.operatorStaff);
    expect(own.items[0]).toMatchObject({ photoUrls: [expect.any(String)] });
    expect(own.items[0].pendingPhotoUrls).toBeUndefined();
    const theirs = await uploadPhoto(t, DEMO.resident1);
    const refused = await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', photos: [theirs] }, DEMO.operatorStaff);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const many = await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', photos: [mine, mine, mine, mine] }, DEMO.operatorStaff);
    expect(many.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '最多上传 3 张照片' } });
  });

  test('a failed check removes the photo and tells the author; the rectification order shows passed photos only', async () => {
    const good = await uploadPhoto(t, DEMO.operatorStaff);
    const bad = await uploadPhoto(t, DEMO.operatorStaff);
    t.app.platform.mediaChecker.risky.add(bad);
    const v = await t.ok<VisitView>('inspections', 'record', { stationId: HEAD_STATION, kind: 'inspection', visitedOn: TODAY, items: items({ pricing: '鸡蛋没有标价' }), photos: [good, bad] }, DEMO.operatorStaff);
    expect(v.pendingPhotoUrls).toHaveLength(2);
    // The county issues the order while both are still being checked: the station sees no photo yet.
    const linked = await t.ok<VisitView>('inspections', 'toRectification', { id: v.id, requiredFixes: '全部商品标价', workdays: 10 }, DEMO.county);
    const orderPhotos = async (who: string) => ((await t.ok('upkeep', 'stationRectifications', { stationId: HEAD_STATION }, who)) as { items: { id: string; photos: string[] }[] }).items.find((o) => o.id === linked.rectificationId)!.photos;
    expect(await orderPhotos(DEMO.stationHead)).toEqual([]);
    expect(await orderPhotos(DEMO.county)).toEqual([]);
    await runScheduler();
    expect(await orderPhotos(DEMO.stationHead)).toHaveLength(1);
    expect(((await t.ok('upkeep', 'rectification', { id: linked.rectificationId }, DEMO.county)) as { photos: string[] }).photos).toHaveLength(1);
    const county = (await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.county)).items[0];
    expect(county.photoUrls).toHaveLength(1);
    expect(county.photosRemoved).toBeUndefined();
    const author = (await t.ok<StationVisitsView>('inspections', 'station', { stationId: HEAD_STATION }, DEMO.operatorStaff)).items[0];
    expect(author).toMatchObject({ photoUrls: [expect.any(String)], photosRemoved: 1 });
    expect(author.pendingPhotoUrls).toBeUndefined();
  });

  test('role and scope: only the station’s operator records; strangers see nothing', async () => {
    expect((await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', visitedOn: TODAY }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', visitedOn: TODAY }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = t.app.db.prepare("SELECT id FROM stations WHERE id LIKE 'st-360881%' ORDER BY id LIMIT 1").pluck().get() as string;
    expect((await t.call('inspections', 'record', { stationId: other, kind: 'guidance', visitedOn: TODAY }, DEMO.operatorStaff)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('inspections', 'station', { stationId: HEAD_STATION }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('inspections', 'station', { stationId: other }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const future = await t.call('inspections', 'record', { stationId: HEAD_STATION, kind: 'guidance', visitedOn: '2026-10-01' }, DEMO.operatorStaff);
    expect(future.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { visitedOn: '走访日期不能晚于今天' } } });
    expect((await audit('inspection.record')).items.filter((e) => e.outcome === 'denied').length).toBeGreaterThan(0);
  });
});
