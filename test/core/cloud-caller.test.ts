/**
 * Who a cloud function's caller is (cloudfunctions/_shared/context.ts, cloud.ts callerOf): WeChat
 * OPENID; else a custom-login PC whose TCB_CUSTOM_USER_ID (from `context.environment` JSON or
 * `context.environ` "K=V;K=V", as node-sdk reads them) matches a live session token; never a client field.
 */
import { contextVariables, customUserId } from '../../cloudfunctions/_shared/context';
import { callerOf } from '../../cloudfunctions/_shared/cloud';

const NO_ENV = {};
const newer = (vars: Record<string, string>) => ({ environment: JSON.stringify(vars), environ: 'TCB_CUSTOM_USER_ID=wrong' });
const older = (environ: string) => ({ environ });

describe('context variables', () => {
  test('newer runtime: environment is a JSON string (and wins over environ)', () => {
    expect(customUserId(newer({ TCB_CUSTOM_USER_ID: 'oAbc-123_x', TCB_UUID: 'u1' }), NO_ENV)).toBe('oAbc-123_x');
  });

  test('older runtime: environ is "K=V;K=V", the first = splits, parts without = are ignored', () => {
    const ctx = older('SCF_NAMESPACE=env-1;TCB_CUSTOM_USER_ID=oAbc=12;junk;TCB_UUID=');
    expect(contextVariables(ctx)).toEqual({ SCF_NAMESPACE: 'env-1', TCB_CUSTOM_USER_ID: 'oAbc=12', TCB_UUID: '' });
    expect(customUserId(ctx, NO_ENV)).toBe('oAbc=12');
  });

  test('falls back to the process environment; nothing or garbage reads as no user', () => {
    expect(customUserId({}, { TCB_CUSTOM_USER_ID: 'from-env' })).toBe('from-env');
    expect(customUserId(null, NO_ENV)).toBeNull();
    expect(customUserId({ environment: '{not json' }, NO_ENV)).toBeNull();
    expect(customUserId({ environment: '[1]' }, NO_ENV)).toBeNull();
    expect(customUserId(older('TCB_CUSTOM_USER_ID='), NO_ENV)).toBeNull();
  });
});

describe('callerOf', () => {
  const sessions = async (token: string) => (token === 'live-token' ? 'official-1' : token === 'other-token' ? 'official-2' : null);
  const saved = process.env.TCB_CUSTOM_USER_ID;
  beforeAll(() => delete process.env.TCB_CUSTOM_USER_ID);
  afterAll(() => {
    if (saved !== undefined) process.env.TCB_CUSTOM_USER_ID = saved;
  });

  test('the WeChat OPENID wins; a session field does not change it', async () => {
    expect(await callerOf('wx-openid', newer({ TCB_CUSTOM_USER_ID: 'official-1' }), { session: 'other-token' }, sessions)).toEqual({ ok: true, caller: { openid: 'wx-openid' } });
  });

  test('custom login: the id must match a live session the call carries', async () => {
    expect(await callerOf('', newer({ TCB_CUSTOM_USER_ID: 'official-1' }), { action: 'me', session: 'live-token' }, sessions)).toEqual({ ok: true, caller: { openid: 'official-1' } });
    for (const event of [{ action: 'me' }, { session: 'dead-token' }, { session: 'other-token' }, { session: 7 }]) {
      const r = await callerOf(undefined, older('TCB_CUSTOM_USER_ID=official-1'), event, sessions);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  test('anyone else is anonymous; the anonymous id is only a rate-limit key; client fields are ignored', async () => {
    expect(await callerOf(undefined, newer({ TCB_UUID: 'anon-1' }), { openid: 'forged', session: 'live-token' }, sessions)).toEqual({ ok: true, caller: { openid: null, client: 'anon-1' } });
    expect(await callerOf(undefined, {}, {}, sessions)).toEqual({ ok: true, caller: { openid: null } });
  });
});
