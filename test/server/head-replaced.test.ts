/**
 * A replaced station head loses access (issue 9 item 10): the head appointed through a notice
 * replaces the previous one (their station_head binding revoked, audited); granting station_head
 * any other way needs a reason, which the audit keeps.
 */
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';
import { selectedPost } from '../support/recruitment';

jest.setTimeout(60_000);

describe('appointment replaces the previous head', () => {
  const t = appForTests({ now: '2026-09-21T02:00:00.000Z' });

  test('the old head’s station_head binding is revoked when the new one is appointed; re-runs change nothing', async () => {
    expect((await t.call('complaints', 'station', {}, DEMO.stationHead)).status).toBe(200);
    const { post } = await selectedPost(t, { stationId: HEAD_STATION, title: '贡江镇服务站负责人', opensOn: '2026-09-21', closesOn: '2026-09-25', applicant: 'new-head', idFirst17: '36073119880512131' });
    const notice = await t.okDirect('notices', 'publish', { postId: post.id, version: 4, startsOn: '2026-09-22', endsOn: '2026-09-29', objectionChannel: '于都县商务局 0797-6220000' }, DEMO.county);

    t.clock.set('2026-09-30T02:00:00.000Z');
    await t.app.runScheduler();
    const newHead = await t.ok('account', 'me', {}, 'new-head');
    expect(newHead.roles).toEqual([expect.objectContaining({ role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION } })]);
    // The previous head no longer holds the station.
    expect((await t.ok('account', 'me', {}, DEMO.stationHead)).roles.filter((r: { role: string }) => r.role === 'station_head')).toEqual([]);
    expect((await t.call('complaints', 'station', { stationId: HEAD_STATION }, DEMO.stationHead)).status).toBe(403);
    const revoked = await t.app.stores.audit.list({ action: 'role.revoke', offset: 0, limit: 10 });
    expect(revoked.items).toEqual([expect.objectContaining({ outcome: 'done', detail: expect.stringContaining(`notice:${notice.id}`) })]);
    await t.app.runScheduler();
    expect((await t.app.stores.audit.list({ action: 'role.revoke', offset: 0, limit: 10 })).items).toHaveLength(1);
    expect((await t.ok('account', 'me', {}, 'new-head')).roles).toHaveLength(1);
  });

  test('a direct grant of station_head needs a reason, kept in the audit', async () => {
    const missing = await t.call('account', 'grant', { openid: 'stand-in-head', role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION } }, DEMO.county);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { reason: '请写明理由' } } });
    const granted = await t.ok<{ id: string }>('account', 'grant', { openid: 'stand-in-head', role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION }, reason: '负责人病休，临时代管' }, DEMO.county);
    const audit = await t.app.stores.audit.list({ resource: `binding:${granted.id}`, offset: 0, limit: 5 });
    expect(audit.items).toEqual([expect.objectContaining({ action: 'role.grant', detail: expect.stringContaining('理由：负责人病休，临时代管') })]);
  });
});
