/**
 * Roles are granted by invitation (issue 9 item 21: no openids on the admin page): the official
 * names the person and gets a one-time code; the person enters it and the role is theirs. Lists
 * show names and states, never openids; codes are single-use, expire, are rate-limited, and only
 * their hash is stored.
 */
import { DEFAULT_LIMITS } from '../../core/shared/rate-limit';
import { DEMO, HEAD_STATION, startApp, type TestApp } from '../support/local-app';

jest.setTimeout(60_000);

describe('role invitations over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp({ now: '2026-12-04T02:00:00.000Z' });
  });
  afterEach(() => t.close());

  const inviteHead = () =>
    t.ok('account', 'invite', { name: '刘芳', role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION }, reason: '原负责人外出务工，临时代管' }, DEMO.county);

  test('invite → the list shows the name waiting → the person enters the code (any case, spaces) → the role is theirs', async () => {
    const made = await inviteHead();
    expect(made.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(made).toMatchObject({ name: '刘芳', label: '站点负责人', scopeLabel: expect.stringContaining('服务站'), expiresAt: '2026-12-11T02:00:00.000Z' });

    const before = await t.ok('account', 'bindings', {}, DEMO.county);
    const waiting = before.items.find((b: { id: string }) => b.id === made.id);
    expect(waiting).toMatchObject({ name: '刘芳', state: 'invited', scopeLabel: made.scopeLabel });
    // Names and states, never openids (nor the placeholder that carries the code's hash).
    expect(JSON.stringify(before)).not.toMatch(/openid|invite:|demo-/);

    const typed = `${made.code.slice(0, 4).toLowerCase()} ${made.code.slice(4)}`;
    const accepted = await t.ok('account', 'accept', { code: typed }, 'new-person-0001');
    expect(accepted).toMatchObject({ label: '站点负责人', scopeLabel: made.scopeLabel });
    const me = await t.ok('account', 'me', {}, 'new-person-0001');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION } })]);
    expect((await t.call('complaints', 'station', { stationId: HEAD_STATION }, 'new-person-0001')).status).toBe(200);

    const after = await t.ok('account', 'bindings', {}, DEMO.county);
    expect(after.items.find((b: { id: string }) => b.id === made.id)).toMatchObject({ name: '刘芳', state: 'active' });
    const audit = await t.app.stores.audit.list({ resource: `binding:${made.id}`, offset: 0, limit: 10 });
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(['role.accept:done', 'role.invite:done']);

    // Single use: a second person with the same code gets the answer of a wrong code.
    const again = await t.call('account', 'accept', { code: made.code }, 'someone-else-0001');
    expect(again.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('授权码不对或已过期') } });
  });

  test('the code is stored only as a hash', async () => {
    const made = await inviteHead();
    const stored = await t.app.stores.roles.get(made.id);
    expect(JSON.stringify(stored)).not.toContain(made.code);
    expect(stored).toMatchObject({ holderName: '刘芳', invite: { expiresAt: '2026-12-11T02:00:00.000Z' } });
  });

  test('an expired code, a withdrawn code and a malformed one are refused; the list says expired', async () => {
    const made = await inviteHead();
    t.clock.set('2026-12-11T02:00:01.000Z');
    const late = await t.call('account', 'accept', { code: made.code }, 'new-person-0002');
    expect(late.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await t.ok('account', 'bindings', {}, DEMO.county);
    expect(list.items.find((b: { id: string }) => b.id === made.id)).toMatchObject({ state: 'expired' });

    const second = await inviteHead();
    await t.ok('account', 'revoke', { id: second.id }, DEMO.county);
    expect((await t.call('account', 'accept', { code: second.code }, 'new-person-0002')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const bad = await t.call('account', 'accept', { code: 'O0I1' }, 'new-person-0002');
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { 'data.code': '授权码是 8 位字母和数字' } } });
  });

  test('the same checks as a direct grant: a name is required, no role above one’s level, a head needs a reason', async () => {
    const noName = await t.call('account', 'invite', { name: ' \u200b ', role: 'operator_staff', scope: { kind: 'operator', operatorName: '于都县电商公司' } }, DEMO.county);
    expect(noName.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const above = await t.call('account', 'invite', { name: '张伟', role: 'city_supervisor', scope: { kind: 'region', regionCode: '3607' } }, DEMO.county);
    expect(above.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await t.call('account', 'invite', { name: '张伟', role: 'station_head', scope: { kind: 'station', stationId: HEAD_STATION } }, DEMO.county);
    expect(noReason.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { reason: '请写明理由' } } });
    const resident = await t.call('account', 'invite', { name: '张伟', role: 'county_official', scope: { kind: 'region', regionCode: '360731' } }, DEMO.resident1);
    expect(resident.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('guessing codes is rate-limited per person (the real default limits)', async () => {
    t.close();
    t = await startApp({ now: '2026-12-04T02:00:00.000Z', limits: DEFAULT_LIMITS });
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await t.call('account', 'accept', { code: `ABCDEFG${'23456789ABCD'[i]}` }, 'guesser-0001')).status);
    expect(answers.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(answers.slice(10)).toEqual([429, 429]);
  });
});
