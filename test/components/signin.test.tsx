/**
 * Scan-to-sign-in pages: the confirm page asks first and only 确认登录 confirms (a resident and a
 * stale code get a plain message); the PC page shows the code with its expiry, polls, stores the
 * session and opens the workbench; afterwards requests carry `Authorization: Bearer`, not the demo
 * header; 退出登录 ends the session.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import SignInConfirmPage from '@/packages/official/signin-confirm/index';
import SignInPage from '@/packages/official/signin/index';
import { clearDemoIdentitiesCache, pcSession, setDemoOpenid, setPcSession } from '@/services/identity';
import { resetElderModeForTest } from '@/store/elder';
import { press } from './act-helpers';
import { installExtraTaro, extraTaro, serve, Fail } from './feedback-support';
import { resetTaro, routerParams } from './taro-mock';

const TICKET = 'A'.repeat(31) + 'b';

beforeEach(() => {
  jest.useRealTimers();
  resetTaro();
  resetElderModeForTest();
  installExtraTaro();
  clearDemoIdentitiesCache();
  setPcSession(null);
});

describe('confirm page', () => {
  test('shows what is being signed in and confirms only on 确认登录', async () => {
    routerParams.current = { scene: encodeURIComponent(TICKET) };
    const sent = serve({
      'auth.inspect': () => ({ state: 'pending', expiresAt: '2026-12-05T01:02:00.000Z', allowed: true, roles: ['县级主管部门'] }),
      'auth.confirm': (d) => ({ state: d.approve ? 'confirmed' : 'cancelled' }),
    });
    const { container } = render(<SignInConfirmPage />);
    const $ = (s: string) => container.querySelector(s);
    await waitFor(() => expect($('#signin-confirm-question')).not.toBeNull());
    expect($('#signin-confirm-question')!.textContent).toBe('在电脑上登录站点通工作台？');
    expect($('#signin-confirm')!.textContent).toContain('县级主管部门');
    expect(sent.filter((s) => s.action === 'confirm')).toHaveLength(0);
    await act(async () => {
      fireEvent.click($('#signin-confirm-yes')!);
    });
    await waitFor(() => expect($('#signin-confirm-done')).not.toBeNull());
    expect(sent.find((s) => s.action === 'confirm')!.data).toEqual({ ticket: TICKET, approve: true });
  });

  test('取消 cancels', async () => {
    routerParams.current = { scene: TICKET };
    const sent = serve({
      'auth.inspect': () => ({ state: 'pending', expiresAt: 'x', allowed: true, roles: ['站点负责人'] }),
      'auth.confirm': (d) => ({ state: d.approve ? 'confirmed' : 'cancelled' }),
    });
    const { container } = render(<SignInConfirmPage />);
    await waitFor(() => expect(container.querySelector('#signin-confirm-no')).not.toBeNull());
    await press(container, 'signin-confirm-no');
    await waitFor(() => expect(container.querySelector('#signin-confirm-cancelled')).not.toBeNull());
    expect(sent.find((s) => s.action === 'confirm')!.data).toEqual({ ticket: TICKET, approve: false });
  });

  test('a resident, a stale code and a broken link each get a plain message and no buttons', async () => {
    routerParams.current = { scene: TICKET };
    serve({ 'auth.inspect': () => ({ state: 'pending', expiresAt: 'x', allowed: false, roles: [] }) });
    const a = render(<SignInConfirmPage />);
    await waitFor(() => expect(a.container.querySelector('#signin-confirm-forbidden')).not.toBeNull());
    expect(a.container.querySelector('#signin-confirm-yes')).toBeNull();
    a.unmount();

    serve({ 'auth.inspect': () => ({ state: 'expired', expiresAt: 'x', allowed: true, roles: ['县级主管部门'] }) });
    const b = render(<SignInConfirmPage />);
    await waitFor(() => expect(b.container.querySelector('#signin-confirm-gone')).not.toBeNull());
    expect(b.container.textContent).toContain('二维码已失效');
    b.unmount();

    routerParams.current = { scene: 'short' };
    const c = render(<SignInConfirmPage />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(c.container.querySelector('#signin-confirm-gone')!.textContent).toContain('二维码不对');
  });
});

describe('PC sign-in page', () => {
  test('code with expiry → poll → session stored, workbench opened → Bearer sent → 退出登录', async () => {
    setDemoOpenid('demo-resident-1');
    let polls = 0;
    const expiresAt = new Date(Date.now() + 120_000).toISOString();
    const sent = serve(
      {
        'auth.start': () => ({ ticket: TICKET, expiresAt, page: 'packages/official/signin-confirm/index', code: { contentType: 'image/png', base64: 'iVBORw0KGgo=' } }),
        'auth.poll': () => (++polls < 2 ? { state: 'pending', expiresAt } : { state: 'signedIn', session: 'S'.repeat(32), expiresAt: new Date(Date.now() + 43_200_000).toISOString(), roles: ['县级主管部门'] }),
        'auth.signOut': () => ({ signedOut: true }),
      },
      { identities: [] },
    );
    const { container } = render(<SignInPage />);
    const $ = (s: string) => container.querySelector(s);
    await waitFor(() => expect($('#signin-code')).not.toBeNull());
    expect($('#signin-status')!.textContent).toMatch(/^二维码 [12]:\d\d 后失效$/);
    expect(($('#signin-code') as HTMLImageElement).getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    // The local "phone": a demo server offers the link.
    await waitFor(() => expect($('#signin-demo-phone')).not.toBeNull());

    await waitFor(() => expect(extraTaro.redirectTo).toHaveBeenCalledWith({ url: '/packages/official/home/index' }), { timeout: 6000 });
    expect(pcSession()).toMatchObject({ token: 'S'.repeat(32), roles: ['县级主管部门'] });
    // The anonymous PC sent no identity; once signed in the session is the identity, not the demo header.
    expect(sent.find((s) => s.action === 'start')!.header).not.toHaveProperty('Authorization');
    expect($('#signin-already')!.textContent).toContain('县级主管部门');

    await act(async () => {
      fireEvent.click($('#pc-signout')!);
    });
    await waitFor(() => expect(pcSession()).toBeNull());
    const out = sent.find((s) => s.action === 'signOut')!;
    expect(out.header).toMatchObject({ Authorization: `Bearer ${'S'.repeat(32)}` });
    expect(out.header).not.toHaveProperty('X-WX-OPENID');
    expect(out.data).toEqual({ session: 'S'.repeat(32) });
  }, 15_000);

  test('a cancelled code says so and 刷新 gets a new one', async () => {
    const expiresAt = new Date(Date.now() + 120_000).toISOString();
    let starts = 0;
    serve({
      'auth.start': () => ({ ticket: `${++starts}`.padEnd(32, 'x'), expiresAt, page: 'p', code: { contentType: 'image/png', base64: 'AA==' } }),
      'auth.poll': () => ({ state: 'cancelled' }),
    });
    const { container } = render(<SignInPage />);
    await waitFor(() => expect(container.querySelector('#signin-ended')).not.toBeNull(), { timeout: 5000 });
    expect(container.textContent).toContain('手机上已取消登录');
    await press(container, 'signin-refresh');
    await waitFor(() => expect(container.querySelector('#signin-code')).not.toBeNull());
    expect(starts).toBe(2);
  }, 10_000);

  test('a failed start shows the reason', async () => {
    serve({ 'auth.start': () => new Fail('RATE_LIMITED', '操作太频繁，请 3 分钟后再试') });
    const { container } = render(<SignInPage />);
    await waitFor(() => expect(container.querySelector('#signin-error')).not.toBeNull());
    expect(container.textContent).toContain('操作太频繁');
  });
});
