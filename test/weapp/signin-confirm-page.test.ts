/**
 * 确认电脑登录 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers): the code on
 * the PC opens the page with `scene`; it asks first, and 确认登录 lets the PC's next poll sign in as
 * this official. A resident is told the desk is not for them.
 */
import { TextEncoder } from 'node:util';
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

// The sign-in code image is drawn by `qrcode`, which needs TextEncoder (missing in jsdom).
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

const { env, page, render } = weappSuite({ openid: DEMO.county });

async function asPc<T>(action: string, data: object): Promise<T> {
  const r = (await env.functions.auth({ action, data }, { openid: null })) as { ok: boolean; data: T };
  if (!r.ok) throw new Error(`auth.${action} failed: ${JSON.stringify(r)}`);
  return r.data;
}

test('the official sees the question, confirms, and the PC is signed in', async () => {
  env.openid = DEMO.county;
  const { ticket } = await asPc<{ ticket: string }>('start', {});
  await render(`packages/official/signin-confirm/index?scene=${encodeURIComponent(ticket)}`);
  await page.waitFor('signin-confirm-yes');
  expect(page.text('signin-confirm-question')).toBe('在电脑上登录站点通工作台？');
  expect(page.text('signin-confirm')).toContain('县级主管部门');
  expect(page.has('signin-confirm-no')).toBe(true);
  // Nothing is confirmed before the tap.
  expect(await asPc('poll', { ticket })).toMatchObject({ state: 'pending' });
  await page.tap('signin-confirm-yes');
  await page.waitFor('signin-confirm-done');
  expect(await asPc('poll', { ticket })).toMatchObject({ state: 'signedIn', roles: ['县级主管部门'] });
});

test('a resident cannot sign a PC in', async () => {
  env.openid = 'demo-resident-1';
  const { ticket } = await asPc<{ ticket: string }>('start', {});
  await render(`packages/official/signin-confirm/index?scene=${encodeURIComponent(ticket)}`);
  await page.waitFor('signin-confirm-forbidden');
  expect(page.has('signin-confirm-yes')).toBe(false);
  expect(await asPc('poll', { ticket })).toMatchObject({ state: 'pending' });
});
