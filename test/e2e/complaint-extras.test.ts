/**
 * 补充材料 (issue 11 §2) in Chromium: a villager on the phone adds information and a photo to her
 * open complaint (处理中); once the photo passed its check, the county official sees both on the
 * desk's side pane at 1366×768.
 * Screenshots: .cache/e2e/extras-*.png (look at them).
 */
import { randomUUID } from 'node:crypto';
import { browserSuite, call, fill, pickPicture, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

test('the complainant adds 补充材料 with a photo; the county sees it on the desk at 1366×768', async () => {
  const filed = await call<{ id: string; version: number; trackingNo: string }>(
    h,
    'complaints',
    'submit',
    { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递多收了 5 元，没有明码标价。' },
    DEMO.resident1,
    randomUUID(),
  );
  await call(h, 'complaints', 'accept', { id: filed.id, version: filed.version }, DEMO.county);

  // The villager's phone: 处理中, then 补充材料 with text and a photo.
  const phone = await browsers.open({ openid: DEMO.resident1 });
  await phone.goto(`${h.baseUrl}/pages/complaint/detail/index?id=${filed.id}`);
  const d = '#page-complaint-detail';
  await settled(phone, `${d} #complaint-detail`);
  expect(await text(phone, `${d} #complaint-progress`)).toBe('处理中');
  await tap(phone, `${d} #btn-supplement-open`);
  await fill(phone, `${d} #supplement-text`, '补充：收据上写着每件收 8 元，照片附上');
  await pickPicture(phone, `${d} #supplement-photo-add`, 'receipt.png');
  await phone.locator(`${d} #supplement-photo-0 .photo__img`).waitFor();
  await h.shot(phone, 'extras-01-supplement-form');
  await tap(phone, `${d} #btn-supplement-submit`);
  await phone.locator(`${d} #supplement-form`).waitFor({ state: 'detached' });
  await waitText(phone, `${d} #complaint-timeline`, '补充：收据上写着每件收 8 元');
  // Her own photo shows to her at once (officials see it after the check).
  await phone.locator(`${d} #complaint-timeline .photo__img`).first().waitFor();
  await phone.locator(`${d} #complaint-timeline`).scrollIntoViewIfNeeded();
  await h.shot(phone, 'extras-02-timeline-phone');

  // The photo check passes (the local scheduler run delivers the verdicts).
  const run = await fetch(`${h.baseUrl}/dev/scheduler/run`, { method: 'POST' });
  expect(run.ok).toBe(true);

  // The county's desk on a PC: the case in the side pane shows the text and the photo.
  const pc = await browsers.pc(DEMO.county, '/packages/official/queue/index');
  const p = '#page-queue';
  await pc.locator(`${p}.desk #desk-row-${filed.id}`).waitFor();
  await settled(pc, `${p} #desk-rows`);
  await pc.locator(`${p} #desk-row-${filed.id}`).click();
  await pc.locator(`${p} #desk-pane #desk-case #complaint-detail`).waitFor();
  await waitText(pc, `${p} #desk-pane #complaint-timeline`, '补充：收据上写着每件收 8 元');
  expect(await text(pc, `${p} #desk-pane #complaint-timeline`)).toContain('补充材料');
  const photo = pc.locator(`${p} #desk-pane #complaint-timeline .photo__img`).first();
  await photo.waitFor();
  await photo.scrollIntoViewIfNeeded();
  await settled(pc, `${p} #desk-pane #complaint-timeline`);
  await h.shot(pc, 'extras-03-desk-1366');
  // The page itself does not scroll sideways at 1366.
  expect(await pc.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
