/**
 * 服务信息公示牌 printed from the officials' PC desk (issue 10 §5): the station head opens the
 * workbench on a PC browser, opens the sign from the station code, and the print (Chromium's PDF
 * of the print media) is exactly one A4 page with the station's name, certificate and the code.
 * Screenshots: .cache/e2e/sign-*.png, the PDF: .cache/e2e/sign.pdf (look at them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS } from './support/harness';
import { browserSuite, settled, tap, text } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

/** Pages of a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test('workbench → 服务信息公示牌 → print: one A4 page with name, certificate and the code', async () => {
  const page = await browsers.open({ openid: DEMO.stationHead, mobile: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.baseUrl}/packages/official/home/index`);
  const w = '#page-workbench';
  await page.locator(`${w} #station-code-image`).waitFor();
  await settled(page, `${w} #btn-open-sign`);
  await tap(page, `${w} #btn-open-sign`);

  const s = '#page-sign';
  await page.locator(`${s} #station-sign`).waitFor();
  await page.waitForFunction((sel) => {
    const img = document.querySelector(`${sel} #sign-code-image img`) as HTMLImageElement | null;
    return !!img && img.complete && img.naturalWidth > 0;
  }, s);
  await settled(page, `${s} #station-sign`);
  expect(page.url()).toContain(`/packages/official/sign/index?id=${HEAD_STATION}`);
  const sign = await text(page, `${s} #station-sign`);
  expect(sign).toContain('服务信息公示牌');
  expect(sign).toContain('贡江镇');
  expect(sign).toMatch(/证书编号：\S+/);
  expect(sign).toContain('投诉渠道');
  await h.shot(page, 'sign-01-screen');

  await page.emulateMedia({ media: 'print' });
  // A4 at 96 dpi, so the screenshot shows the sheet as it prints (the PDF below is the proof).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(SHOTS, 'sign-02-print-media.png'), fullPage: false });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SHOTS, 'sign.pdf'), pdf);
  expect(pdfPages(pdf)).toBe(1);
  // The whole sign fits the A4 sheet (190 × 276 mm inside 10 mm margins): nothing is cut off.
  const fits = await page.evaluate((sel) => {
    const el = document.querySelector(`${sel} #station-sign`) as HTMLElement;
    return el.scrollHeight <= el.clientHeight + 1;
  }, s);
  expect(fits).toBe(true);
});
