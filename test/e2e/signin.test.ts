/**
 * Scan-to-sign-in on the officials' PC desk (issue 11 §1): a PC at 1366×768 with no identity shows
 * the code and its expiry → a second browser, the demo county official's "phone", opens the confirm
 * link and confirms → the PC is signed in and sees the workbench as that official → 退出登录 ends
 * the session (its token is refused afterwards). Screenshots: .cache/e2e/signin-*.png.
 */
import { browserSuite, settled, tap, text } from './support/browser';
import { axe } from './support/axe';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

test('PC shows the code → the official confirms on the phone → the PC works as the official → 退出登录', async () => {
  const pc = await browsers.pc();
  const started = pc.waitForResponse((r) => r.url().endsWith('/api/auth') && (r.request().postData() ?? '').includes('"start"'));
  await pc.goto(`${h.baseUrl}/packages/official/signin/index`);
  const { data } = (await (await started).json()) as { data: { ticket: string; page: string } };
  const p = '#page-signin';
  await settled(pc, `${p} #signin-code`);
  expect(await text(pc, `${p} #signin-status`)).toMatch(/^二维码 [12]:\d\d 后失效$/);
  await h.shot(pc, 'signin-01-code-pc');
  expect(await axe(pc)).toEqual([]);
  // The whole code and its expiry are in view on a laptop screen.
  await pc.waitForFunction(() => {
    const r = document.querySelector('#page-signin #signin-status')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

  // The local "phone" link opens the confirm page for this code.
  await pc.locator(`${p} #signin-demo-phone`).scrollIntoViewIfNeeded();
  const [popup] = await Promise.all([pc.waitForEvent('popup'), pc.locator(`${p} #signin-demo-phone`).click()]);
  expect(popup.url()).toBe(`${h.baseUrl}/${data.page}?scene=${data.ticket}`);
  await popup.close();

  const phone = await browsers.open({ openid: DEMO.county });
  await phone.goto(`${h.baseUrl}/${data.page}?scene=${encodeURIComponent(data.ticket)}`);
  const c = '#page-signin-confirm';
  await settled(phone, `${c} #signin-confirm-question`);
  expect(await text(phone, `${c} #signin-confirm-question`)).toBe('在电脑上登录站点通工作台？');
  expect(await text(phone, `${c} #signin-confirm`)).toContain('县级主管部门');
  await h.shot(phone, 'signin-02-confirm-phone');
  expect(await axe(phone)).toEqual([]);
  await phone.locator(`${c} #signin-confirm-yes`).click();
  await phone.locator(`${c} #signin-confirm-done`).waitFor();
  await h.shot(phone, 'signin-03-confirmed-phone');

  // The PC, polling, is signed in and opens the workbench as the county official.
  const w = '#page-workbench';
  await pc.locator(`${w} #workbench-who`).waitFor({ timeout: 15_000 });
  expect(await text(pc, `${w} #workbench-who`)).toContain('县级主管部门');
  await pc.locator(`${w} #tile-queue`).waitFor();
  await settled(pc, `${w} #pc-signout`);
  const stored = await pc.evaluate(() => window.localStorage.getItem('zdt.pcSession') ?? '');
  const token = /"token":"([\w-]{32})"/.exec(stored)?.[1];
  expect(token).toBeDefined();
  expect(stored).not.toContain(data.ticket);
  await h.shot(pc, 'signin-04-workbench-pc');
  const me = await fetch(`${h.baseUrl}/api/account`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"action":"me","data":{}}' });
  expect(((await me.json()) as { data: { openid: string } }).data.openid).toBe(DEMO.county);

  // 退出登录: back to a fresh code; the token no longer works.
  await tap(pc, `${w} #pc-signout`);
  await settled(pc, `${p} #signin-code`);
  expect(await pc.evaluate(() => window.localStorage.getItem('zdt.pcSession'))).toBeNull();
  const after = await fetch(`${h.baseUrl}/api/account`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"action":"me","data":{}}' });
  expect(after.status).toBe(401);
  await h.shot(pc, 'signin-05-signed-out-pc');

  // A PC without identity that opens the workbench is offered the sign-in.
  browsers.allow(/HTTP 401 .*\/api\/account|status of 401 .*\/api\/account/);
  await pc.goto(`${h.baseUrl}/packages/official/home/index`);
  await settled(pc, `${w} #workbench-signin`);
  await tap(pc, `${w} #workbench-signin`);
  await settled(pc, `${p} #signin-code`);

  const audit = (await h.app.stores.audit.list({ offset: 0, limit: 100 })).items.filter((e) => e.action.startsWith('auth.')).map((e) => e.action);
  expect(audit.sort()).toEqual(['auth.confirm', 'auth.signIn', 'auth.signOut']);
}, 120_000);
