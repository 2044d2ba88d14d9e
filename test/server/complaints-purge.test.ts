/**
 * docs/product.md §7: personal data of closed complaints is purged after a retention period. The case
 * stays (statistics, the resident's list), the description, photos, phone and comment go.
 */
import { PURGED_TEXT } from '../../core/complaint/machine';
import { DEMO, HEAD_STATION, rid, startApp, type TestApp } from '../support/local-app';
import { uploadPhoto } from '../support/complaints';

jest.setTimeout(60_000);

describe('retention purge of finished complaints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ now: '2024-03-04T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  test('after the retention period only the case remains, once', async () => {
    const photo = await uploadPhoto(t, DEMO.resident1);
    const c = await t.ok('complaints', 'submit', { stationId: HEAD_STATION, category: 'parcel', description: '张三的快递丢了，电话 13812345678', photos: [photo], phone: '13812345678' }, DEMO.resident1, rid('p'));
    const open = await t.ok('complaints', 'get', { id: c.id }, DEMO.resident1);
    await t.ok('complaints', 'withdraw', { id: c.id, version: open.version }, DEMO.resident1);
    const keep = await t.ok('complaints', 'submit', { stationId: HEAD_STATION, category: 'attitude', description: '还在办理中的投诉不会被清除。' }, DEMO.resident1, rid('p'));

    // One year later: within the default retention (730 days), nothing happens.
    t.clock.set('2025-03-04T02:00:00.000Z');
    let run = await t.app.runScheduler();
    expect(run.ok && run.data).toMatchObject({ complaintsPurged: 0 });

    t.clock.set('2026-03-10T02:00:00.000Z');
    run = await t.app.runScheduler();
    expect(run.ok && run.data).toMatchObject({ complaintsPurged: 1 });
    const stored = await t.app.stores.complaints.get(c.id);
    expect(stored).toMatchObject({ status: 'withdrawn', description: PURGED_TEXT, photos: [], phoneCipher: null, phoneMasked: null });
    expect(stored?.purgedAt).toBeTruthy();
    expect(JSON.stringify(stored)).not.toMatch(/13812345678|张三/);
    // The open complaint is untouched, and the resident still sees both in their list.
    expect((await t.app.stores.complaints.get(keep.id))?.description).toBe('还在办理中的投诉不会被清除。');
    expect((await t.ok('complaints', 'mine', {}, DEMO.resident1)).items).toHaveLength(2);

    run = await t.app.runScheduler();
    expect(run.ok && run.data).toMatchObject({ complaintsPurged: 0 });
  });
});
