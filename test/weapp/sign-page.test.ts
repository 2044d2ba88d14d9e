/**
 * 服务信息公示牌 as built for WeChat (dist/weapp, miniprogram-simulate, the real handlers): the
 * station head sees the sign of their station with its signed 到店评价 code; the mini-program
 * cannot print, so it copies the desk link to open on a PC.
 */
import { TextEncoder } from 'node:util';
import { weappSuite } from './support/suite';
import { DEMO, HEAD_STATION } from '../support/demo';

// The code image is drawn by the `qrcode` package, which needs TextEncoder; this test environment
// (jsdom) lacks it, Node and the cloud runtime have it.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

const { env, page, render } = weappSuite({ openid: DEMO.stationHead });

test('the head sees the sign with the certificate and the code, and copies the PC print link', async () => {
  await render(`packages/official/sign/index?id=${HEAD_STATION}`);
  await page.waitFor('btn-copy-sign-link');
  const sign = page.text('station-sign');
  expect(sign).toContain('服务信息公示牌');
  expect(sign).toContain('贡江镇');
  expect(sign).toContain('证书编号');
  expect(page.has('btn-print-sign')).toBe(false);
  await page.tap('btn-copy-sign-link');
  const copied = (await env.waitForCall('setClipboardData')) as { data: string }[];
  expect(copied[0].data).toContain(`/packages/official/sign/index?id=${HEAD_STATION}`);
});
