/**
 * 并单 and 我也遇到了 keep the loop (issue 9 item 9): a complainant whose complaint was merged, and a
 * supporter, can open the main case read-only and see its reply; they get the messages its
 * complainant gets (GET /dev/outbox), see it in 我的投诉 as 关注, and evaluate the result once
 * (their own evaluation: the case and its complainant's evaluation stay as they are). A stranger
 * still gets NOT_FOUND; the main complainant's own text, photos and phone are not shown to them.
 */
import type { ComplaintCaseView, ComplaintListItem, ComplaintView } from '../../core/complaint/api';
import { devOutbox, runScheduler } from '../support/dev-outbox';
import { DEMO, HEAD_STATION, rid, appForTests, startApp } from '../support/local-app';

jest.setTimeout(60_000);

describe('followers of a case', () => {
  const t = appForTests();

  test('merged complainant and supporter read the main case and its reply; a stranger cannot', async () => {
    const data = { stationId: HEAD_STATION, category: 'overcharge' };
    const main = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '快递代收每件多收两元，没有明码标价。', phone: '13912345678' }, DEMO.resident1, rid('main'));
    const dup = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '取快递也要多收两元钱。' }, DEMO.resident2, rid('dup'));
    await t.ok('complaints', 'join', { id: main.id }, 'supporter-1');
    await t.ok<ComplaintCaseView>('complaints', 'merge', { id: dup.id, version: dup.version, intoId: main.id }, DEMO.county);

    // The merged complainant's own complaint points at the main case.
    const own = await t.ok<ComplaintView>('complaints', 'get', { id: dup.id }, DEMO.resident2);
    expect(own).toMatchObject({ status: 'merged', mergedInto: main.id });

    const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: main.id, version: main.version }, DEMO.county);
    await t.ok('complaints', 'reply', { id: main.id, version: accepted.version, text: '已核实，已退还多收的费用。' }, DEMO.county);

    for (const follower of [DEMO.resident2, 'supporter-1']) {
      const seen = await t.ok<ComplaintView>('complaints', 'get', { id: main.id }, follower);
      expect(seen).toMatchObject({ id: main.id, status: 'replied', reply: { text: '已核实，已退还多收的费用。' }, supporting: true, canWithdraw: false, canEvaluate: true, evaluation: null, description: '', photos: [], phoneMasked: null });
      expect(JSON.stringify(seen)).not.toContain('13912345678');
      // Read-only: no withdraw on someone else's case.
      expect((await t.call('complaints', 'withdraw', { id: main.id, version: seen.version }, follower)).status).toBe(404);
    }
    expect((await t.call('complaints', 'get', { id: main.id }, 'stranger-1')).status).toBe(404);
  });

  const outbox = (openid: string) => devOutbox(t, openid);

  test('followers get the messages of the main case, list it as 关注, and evaluate it once', async () => {
    const data = { stationId: HEAD_STATION, category: 'parcel' };
    const main = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '快递寄丢了，站点说不管，也不登记。' }, DEMO.resident1, rid('main'));
    const dup = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '我的快递也丢了，站点不给登记。' }, DEMO.resident2, rid('dup'));
    const supporter = 'supporter-2';
    await t.ok('complaints', 'join', { id: main.id }, supporter);
    await t.ok('complaints', 'merge', { id: dup.id, version: dup.version, intoId: main.id }, DEMO.county);

    // Before the answer there is nothing to evaluate.
    expect(await t.call('complaints', 'evaluate', { id: main.id, version: main.version, evaluation: 'satisfied' }, supporter)).toMatchObject({ status: 409 });

    const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: main.id, version: main.version }, DEMO.county);
    const replied = await t.ok<ComplaintCaseView>('complaints', 'reply', { id: main.id, version: accepted.version, text: '已联系快递公司找回包裹，站点已补登记。' }, DEMO.county);

    // Same messages as the complainant, each opening the main case.
    const ownEvents = (await outbox(DEMO.resident1)).filter((m) => m.complaintId === main.id).map((m) => m.event).sort();
    expect(ownEvents).toEqual(['complaint_accepted', 'complaint_replied']);
    for (const follower of [DEMO.resident2, supporter]) {
      const got = (await outbox(follower)).filter((m) => m.complaintId === main.id);
      expect(got.map((m) => m.event).sort()).toEqual(ownEvents);
      for (const m of got) expect(m.request).toMatchObject({ touser: follower, page: `pages/complaint/detail/index?id=${main.id}` });
    }
    // The merged complainant was also told about the merge of their own complaint.
    expect((await outbox(DEMO.resident2)).some((m) => m.complaintId === dup.id && m.event === 'complaint_closed')).toBe(true);
    expect(await outbox('stranger-2')).toEqual([]);

    // 我的投诉: the followed case, labelled by how they follow it.
    const mine = await t.ok<{ items: ComplaintListItem[]; following: ComplaintListItem[] }>('complaints', 'mine', {}, DEMO.resident2);
    expect(mine.items.map((i) => i.id)).toContain(dup.id);
    expect(mine.following.filter((i) => i.id === main.id)).toEqual([expect.objectContaining({ id: main.id, follow: 'merged', status: 'replied' })]);
    const supported = await t.ok<{ following: ComplaintListItem[] }>('complaints', 'mine', {}, supporter);
    expect(supported.following.map((i) => [i.id, i.follow])).toEqual([[main.id, 'supporter']]);

    // Each follower evaluates once; a retry answers the same; a different second one is refused.
    const evaluated = await t.ok<ComplaintView>('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'basically', comment: '找回来了，慢了点' }, supporter);
    expect(evaluated).toMatchObject({ id: main.id, evaluation: 'basically', canEvaluate: false, following: 'supporter', status: 'replied' });
    expect(await t.ok('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'basically', comment: '找回来了，慢了点' }, supporter)).toEqual(evaluated);
    expect(await t.call('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'unsatisfied' }, supporter)).toMatchObject({ status: 409 });
    t.clock.set('2026-09-30T03:00:00.000Z');
    // A stale version does not matter to a follower: their evaluation does not change the case.
    expect(await t.ok('complaints', 'evaluate', { id: main.id, version: 1, evaluation: 'satisfied' }, DEMO.resident2)).toMatchObject({ evaluation: 'satisfied', following: 'merged', canEvaluate: false });
    // Validated like the complainant's.
    expect(await t.call('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'great' }, DEMO.resident2)).toMatchObject({ status: 400 });
    // A stranger: exactly as for a missing complaint.
    const stranger = await t.call('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'satisfied' }, 'stranger-2');
    const missing = await t.call('complaints', 'evaluate', { id: 'no-such-case', version: 1, evaluation: 'satisfied' }, 'stranger-2');
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual(missing.body);

    // The case and its complainant's evaluation are untouched; officials see the followers' evaluations.
    const own = await t.ok<ComplaintView>('complaints', 'get', { id: main.id }, DEMO.resident1);
    expect(own).toMatchObject({ status: 'replied', evaluation: null, canEvaluate: true, version: replied.version });
    const detail = await t.ok<ComplaintCaseView>('complaints', 'detail', { id: main.id }, DEMO.county);
    expect(detail.followers).toEqual({
      supporters: 1,
      merged: 1,
      evaluations: [
        expect.objectContaining({ via: 'supporter', evaluation: 'basically', label: '基本满意', comment: '找回来了，慢了点' }),
        expect.objectContaining({ via: 'merged', evaluation: 'satisfied', label: '满意', comment: null }),
      ],
    });
    expect(JSON.stringify(detail.followers)).not.toContain(supporter);

    // The complainant's own evaluation closes the case; each follower keeps their own.
    await t.ok('complaints', 'evaluate', { id: main.id, version: replied.version, evaluation: 'satisfied' }, DEMO.resident1);
    await runScheduler(t);
    const seen = await t.ok<ComplaintView>('complaints', 'get', { id: main.id }, supporter);
    expect(seen).toMatchObject({ status: 'closed', evaluation: 'basically', canEvaluate: false });
  });

  test('evaluating is rate-limited per person', async () => {
    const limited = await startApp({ limits: { 'complaints.evaluate': { windowS: 3600, max: 2 } } });
    try {
      const main = await limited.ok<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'attitude', description: '站长态度很差，还骂人。' }, DEMO.resident1, rid('main'));
      await limited.ok('complaints', 'join', { id: main.id }, 'supporter-3');
      const body = { id: main.id, version: main.version, evaluation: 'satisfied' };
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.call('complaints', 'evaluate', body, 'supporter-3')).status);
      expect(codes).toEqual([409, 409, 429]);
    } finally {
      await limited.close();
    }
  });
});
