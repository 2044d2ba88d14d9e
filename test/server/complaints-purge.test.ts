/**
 * docs/product.md §7: personal data of closed complaints is purged after a retention period. The case
 * stays (statistics, the resident's list), the description, photos, phone and comment go.
 */
import { PURGED_TEXT } from '../../core/complaint/machine';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';
import { uploadPhoto } from '../support/complaints';

jest.setTimeout(60_000);

describe('retention purge of finished complaints', () => {
  const t = appForTests({ now: '2024-03-04T02:00:00.000Z' });

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

  test('a follower’s evaluation words go with the case’s personal data; the rating stays', async () => {
    t.clock.set('2026-03-10T02:00:00.000Z');
    const c = await t.ok('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递多收了五元钱。' }, DEMO.resident1, rid('p'));
    await t.ok('complaints', 'join', { id: c.id }, 'follower-purge');
    const accepted = await t.ok('complaints', 'accept', { id: c.id, version: c.version }, DEMO.county);
    const replied = await t.ok('complaints', 'reply', { id: c.id, version: accepted.version, text: '已核实，已退还多收的费用。' }, DEMO.county);
    await t.ok('complaints', 'evaluate', { id: c.id, version: replied.version, evaluation: 'basically', comment: '李四说退了，电话13812345678' }, 'follower-purge');
    await t.ok('complaints', 'evaluate', { id: c.id, version: replied.version, evaluation: 'satisfied' }, DEMO.resident1);

    t.clock.set('2028-04-10T02:00:00.000Z');
    const run = await t.app.runScheduler();
    expect(run.ok && run.data).toMatchObject({ complaintsPurged: 1 });
    expect(await t.app.stores.complaints.followerEvaluations(c.id)).toEqual([expect.objectContaining({ openid: 'follower-purge', evaluation: 'basically', comment: null })]);
  });
});
