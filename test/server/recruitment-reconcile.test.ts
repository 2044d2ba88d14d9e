/**
 * Closing a notice and applying its outcome are separate writes; if the process dies between
 * them, the next scheduler run must finish the appointment (and a further run changes nothing).
 */
import { DEMO, appForTests } from '../support/local-app';
import { selectedPost } from '../support/recruitment';
import { rubric } from '../support/rubric';

jest.setTimeout(60_000);

const STATION = 'st-360731100-006';

describe('appointment after an interrupted notice close', () => {
  const t = appForTests({ now: '2026-09-21T02:00:00.000Z' });

  test('a closed, approved notice whose post is still on notice gets its appointment on the next run', async () => {
    const { post, opened } = await selectedPost(t, { stationId: STATION, title: '金竹社区服务点负责人', opensOn: '2026-09-21', closesOn: '2026-09-25', applicant: 'applicant-r1', idFirst17: '36073119880512131' });
    expect(opened.status).toBe('open');
    const notice = await t.okDirect('notices', 'publish', { postId: post.id, version: 4, startsOn: '2026-09-22', endsOn: '2026-09-29', objectionChannel: '于都县商务局 0797-6220000' }, DEMO.county);

    // Simulate the crash: the notice is closed as approved, but nothing else was applied.
    const stored = await t.app.stores.notices.get(notice.id);
    await t.app.stores.notices.update({ ...stored!, status: 'closed', outcome: 'approved', closedAt: '2026-09-29T01:00:00.000Z', version: stored!.version + 1 }, stored!.version);
    expect((await t.okDirect('recruitment', 'post', { id: post.id })).status).toBe('notice');

    t.clock.set('2026-09-29T02:00:00.000Z');
    const run = await t.app.runScheduler();
    expect(run.ok && run.data).toMatchObject({ closed: 0, reconciled: 1 });
    expect((await t.okDirect('recruitment', 'post', { id: post.id })).status).toBe('appointed');
    const me = await t.okDirect('account', 'me', {}, 'applicant-r1');
    expect(me.roles).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'station_head', scope: { kind: 'station', stationId: STATION } })]));
    expect((await t.okDirect('stations', 'get', { id: STATION })).contactPerson).toBe('钟明华');

    const again = await t.app.runScheduler();
    expect(again.ok && again.data).toMatchObject({ closed: 0, reconciled: 0 });
  });

  test('officials list the posts they manage, drafts included; residents may not', async () => {
    const draft = await t.okDirect('recruitment', 'createPost', {
      title: '草稿岗位',
      villageCode: '360731100001',
      requirements: ['熟悉本村情况'],
      rubric: rubric({ 电商技能: 50, 群众基础: 50 }),
      opensOn: '2026-10-08',
      closesOn: '2026-10-20',
    }, DEMO.county);
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    const managed = await t.okDirect('recruitment', 'managedPosts', {}, DEMO.county);
    expect(managed.items.map((p: { id: string }) => p.id)).toContain(draft.id);
    expect((await t.okDirect('recruitment', 'posts', {})).items.map((p: { id: string }) => p.id)).not.toContain(draft.id);
    const denied = await t.direct('recruitment', 'managedPosts', {}, DEMO.resident1);
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
  });
});
