/**
 * Not yours = not found (issue 9 item 13), beyond the complaint matrix in complaints-safety: for a
 * record the caller cannot see, a refusal has exactly the status and body of a missing id, and is
 * still audited as a denial.
 */
import type { Notice, Objection } from '../../core/notice/model';
import { DEMO, HEAD_STATION, appForTests } from '../support/local-app';
import { fileComplaint, replied } from '../support/complaints';

jest.setTimeout(60_000);

describe('a record the caller cannot see answers as a missing one', () => {
  const t = appForTests();

  const same = async (fn: string, action: string, real: unknown, missing: unknown, openid: string) => {
    const a = await t.call(fn, action, real, openid);
    const b = await t.call(fn, action, missing, openid);
    expect(a.status).toBe(404);
    expect(a).toEqual(b);
    return a;
  };

  test('complaints: withdraw and evaluate another person’s complaint', async () => {
    const open = await fileComplaint(t, { stationId: HEAD_STATION });
    await same('complaints', 'withdraw', { id: open.id, version: open.version }, { id: 'no-such-complaint', version: open.version }, DEMO.resident2);
    const done = await replied(t);
    await same('complaints', 'evaluate', { id: done.id, version: done.version, evaluation: 'satisfied' }, { id: 'no-such-complaint', version: done.version, evaluation: 'satisfied' }, DEMO.resident2);
    const denied = await t.app.stores.audit.list({ resource: `complaint:${open.id}`, offset: 0, limit: 10 });
    expect(denied.items).toEqual([expect.objectContaining({ actorOpenid: DEMO.resident2, action: 'complaint.withdraw', outcome: 'denied' })]);
  });

  test('notices: resolving an objection outside one’s region', async () => {
    const at = '2026-09-29T01:00:00.000Z';
    const notice: Notice = {
      id: 'nt-out', kind: 'appointment', subjectId: 'app-out', title: '拟任用公示', facts: [], body: '公示', regionCodes: ['36', '3611', '361128'],
      startsOn: '2026-09-29', endsOn: '2026-10-12', objectionChannel: '县商务局', status: 'open', outcome: null, publishedBy: 'x', publishedAt: at, closedAt: null, version: 1,
    };
    const objection: Objection = {
      id: 'ob-out', noticeId: notice.id, objectorOpenid: 'someone', realName: '张三', phoneCipher: 'x', phoneMasked: '138****0000', text: '异议', status: 'received', response: null, createdAt: at, updatedAt: at, version: 1,
    };
    await t.app.stores.notices.insert(notice);
    await t.app.stores.notices.insertObjection(objection);
    await same('notices', 'resolve', { objectionId: objection.id, version: 1, status: 'investigating' }, { objectionId: 'no-such-objection', version: 1, status: 'investigating' }, DEMO.county);
  });

  test('account: revoking a role binding outside one’s region', async () => {
    const granted = await t.ok<{ id: string }>('account', 'grant', { openid: 'head-elsewhere', role: 'county_official', scope: { kind: 'region', regionCode: '361128' } }, DEMO.province);
    await same('account', 'revoke', { id: granted.id }, { id: 'no-such-binding' }, DEMO.county);
    expect((await t.app.stores.roles.get(granted.id))?.revokedAt ?? null).toBeNull();
  });
});
