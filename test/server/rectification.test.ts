/**
 * Rectification over HTTP (issue 10 §4): a county official issues an order → the station shows
 * 整改中 → its head answers → the county restores it; an order left unanswered past its deadline
 * lets the county close the station, whose head loses the role; idle candidates come from 不开门
 * complaints; people outside the county get nothing.
 */
import { uploadPhoto } from '../support/complaints';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

describe('rectification orders', () => {
  const t = appForTests({ now: '2026-12-04T02:00:00.000Z' }, { each: true });

  const issue = (over: Record<string, unknown> = {}, who: string = DEMO.county) =>
    t.call('upkeep', 'issueRectification', { stationId: HEAD_STATION, problems: ['多次群众反映不开门', '价目表未公示'], requiredFixes: '按公示时间开门，张贴价目表', workdays: 10, ...over }, who);
  const issued = (over: Record<string, unknown> = {}) =>
    t.ok('upkeep', 'issueRectification', { stationId: HEAD_STATION, problems: ['多次群众反映不开门', '价目表未公示'], requiredFixes: '按公示时间开门，张贴价目表', workdays: 10, ...over }, DEMO.county);
  const station = async () => (await t.ok('stations', 'get', { id: HEAD_STATION })) as { statusLabel?: string; status?: string };

  test('issue → 整改中 → the head answers → the county restores it; every step audited', async () => {
    const before = await station();
    const order = await issued();
    expect(order).toMatchObject({ state: 'open', stateLabel: '整改中', dueOn: '2026-12-18', actions: ['extend', 'withdraw'] });
    expect(JSON.stringify(await station())).toContain('整改');
    // A second order for the same station is refused while this one is open.
    expect((await issue()).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const mine = await t.ok('upkeep', 'stationRectifications', { stationId: HEAD_STATION }, DEMO.stationHead);
    expect(mine.items).toEqual([expect.objectContaining({ id: order.id, actions: ['answer'] })]);
    const short = await t.call('upkeep', 'answerRectification', { id: order.id, version: 1, text: '已整改' }, DEMO.stationHead);
    expect(short.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const answered = await t.ok('upkeep', 'answerRectification', { id: order.id, version: 1, text: '已按公示时间每天开门，价目表已张贴在门口' }, DEMO.stationHead);
    expect(answered).toMatchObject({ state: 'answered', answer: { text: '已按公示时间每天开门，价目表已张贴在门口' } });
    // The head cannot verify their own answer.
    expect((await t.call('upkeep', 'verifyRectification', { id: order.id, version: 2, outcome: 'restore', comment: '合格' }, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const restored = await t.ok('upkeep', 'verifyRectification', { id: order.id, version: 2, outcome: 'restore', comment: '现场核查合格' }, DEMO.county);
    expect(restored.state).toBe('restored');
    expect((await station()).statusLabel).toBe(before.statusLabel);
    const audit = await t.app.stores.audit.list({ resource: `rectification:${order.id}`, offset: 0, limit: 10 });
    // Issue, the head's refused attempt to verify, the answer, the restore.
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(['station.rectify.answer:done', 'station.rectify:denied', 'station.rectify:done', 'station.rectify:done']);
  });

  test('the answer carries photos as evidence: the county sees them when verifying; only the head\'s own uploads', async () => {
    const order = await issued();
    const photo = await uploadPhoto(t, DEMO.stationHead);
    const text = '已按公示时间每天开门，价目表已张贴在门口';
    const stolen = await t.call('upkeep', 'answerRectification', { id: order.id, version: 1, text, photos: [await uploadPhoto(t, DEMO.resident1)] }, DEMO.stationHead);
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('图片无效') } });
    const tooMany = await t.call('upkeep', 'answerRectification', { id: order.id, version: 1, text, photos: [photo, photo, photo, photo] }, DEMO.stationHead);
    expect(tooMany.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const risky = await uploadPhoto(t, DEMO.stationHead);
    t.app.platform.mediaChecker.risky.add(risky);
    const answered = await t.ok('upkeep', 'answerRectification', { id: order.id, version: 1, text, photos: [photo, risky] }, DEMO.stationHead);
    // Being checked: the head who answered sees both, marked; the county sees none yet.
    expect(answered.answer).toMatchObject({ photos: [], pendingPhotos: [expect.stringMatching(/^\/files\//), expect.any(String)] });
    expect((await t.app.stores.rectifications.get(order.id))!.answer!.photos).toEqual([photo, risky]);
    const before = await t.ok('upkeep', 'rectification', { id: order.id }, DEMO.county);
    expect(before.answer.photos).toEqual([]);
    expect(before.answer.pendingPhotos).toBeUndefined();
    expect((await t.raw('/dev/scheduler/run', { method: 'POST' })).status).toBe(200);
    const own = await t.ok('upkeep', 'rectification', { id: order.id }, DEMO.stationHead);
    expect(own.answer).toMatchObject({ photos: [expect.any(String)], photosRemoved: 1 });
    expect(own.answer.pendingPhotos).toBeUndefined();
    const seen = await t.ok('upkeep', 'rectification', { id: order.id }, DEMO.county);
    expect(seen.answer.photosRemoved).toBeUndefined();
    expect(seen).toMatchObject({ state: 'answered', actions: expect.arrayContaining(['restore']) });
    expect(seen.answer.photos).toHaveLength(1);
    expect((await t.raw(seen.answer.photos[0])).status).toBe(200);
    // Answering again may keep the photo already sent.
    const again = await t.ok('upkeep', 'answerRectification', { id: order.id, version: 2, text: `${text}，补充：门口装了营业时间牌`, photos: [photo] }, DEMO.stationHead);
    expect(again.answer.photos).toHaveLength(1);
    // No one else sees the evidence.
    expect((await t.call('upkeep', 'rectification', { id: order.id }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('unanswered past the deadline: the county closes the station and its head loses the role', async () => {
    const order = await issued({ workdays: 5 });
    expect((await t.call('upkeep', 'verifyRectification', { id: order.id, version: 1, outcome: 'close', comment: '逾期未整改' }, DEMO.county)).body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('整改期限还没到') },
    });
    t.clock.set('2026-12-14T02:00:00.000Z');
    const closed = await t.ok('upkeep', 'verifyRectification', { id: order.id, version: 1, outcome: 'close', comment: '逾期未整改，群众反映仍不开门' }, DEMO.county);
    expect(closed.state).toBe('closed');
    const closedPage = (await station()) as { statusLabel?: string; nearestOpen?: { id: string; name: string; distanceM: number } };
    expect(JSON.stringify(closedPage)).toContain('已关停');
    // The closed station's page points to the nearest open one.
    expect(closedPage.nearestOpen).toMatchObject({ id: expect.not.stringMatching(HEAD_STATION), name: expect.stringMatching(/服务/) });
    expect(closedPage.nearestOpen!.distanceM).toBeGreaterThan(0);
    const head = await t.ok('account', 'me', {}, DEMO.stationHead);
    expect(head.roles.filter((r: { role: string }) => r.role === 'station_head')).toEqual([]);
    // The closed station is no longer listed nearby.
    const near = await t.ok('stations', 'search', { q: '贡江镇服务站' });
    expect(near.items.map((s: { id: string }) => s.id)).not.toContain(HEAD_STATION);
  });

  test('an extension moves the deadline once; withdrawing restores the station', async () => {
    const order = await issued();
    const ext = await t.ok('upkeep', 'verifyRectification', { id: order.id, version: 1, outcome: 'extend', workdays: 5, comment: '设备在途' }, DEMO.county);
    expect(ext).toMatchObject({ dueOn: '2026-12-25', extensions: 1 });
    expect((await t.call('upkeep', 'verifyRectification', { id: order.id, version: 2, outcome: 'extend', workdays: 5, comment: '再延' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const stale = await t.call('upkeep', 'verifyRectification', { id: order.id, version: 1, outcome: 'withdraw', comment: '误发' }, DEMO.county);
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.ok('upkeep', 'verifyRectification', { id: order.id, version: 2, outcome: 'withdraw', comment: '误发' }, DEMO.county);
    expect(JSON.stringify(await station())).not.toContain('整改');
  });

  test('outside the county: not found or forbidden; residents cannot list', async () => {
    const order = await issued();
    for (const who of [DEMO.resident1, 'someone-else']) {
      expect((await t.call('upkeep', 'rectification', { id: order.id }, who)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await t.call('upkeep', 'rectifications', {}, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('upkeep', 'rectifications', { regionCode: '3611' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await issue({}, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await t.ok('upkeep', 'rectifications', { state: 'open' }, DEMO.county);
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    // The city sees its counties' orders.
    expect((await t.ok('upkeep', 'rectifications', {}, DEMO.city)).items).toHaveLength(1);
  });

  test('idle candidates: repeated 不开门 complaints put a station on the county’s list, with the reason in words', async () => {
    for (const who of ['r-idle-1', 'r-idle-2']) {
      await t.ok('complaints', 'submit', { stationId: HEAD_STATION, category: 'closed_often', description: '连续几天去都没开门，电话也不接。' }, who, rid('idle'));
    }
    const idle = await t.ok('upkeep', 'idleStations', {}, DEMO.county);
    const mine = idle.items.find((c: { stationId: string }) => c.stationId === HEAD_STATION);
    expect(mine?.reasons.map((r: { text: string }) => r.text)).toContain('近 90 天有 2 件“站点长期不开门”投诉');
    expect((await t.call('upkeep', 'idleStations', {}, DEMO.stationHead)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
