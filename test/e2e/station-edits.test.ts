/**
 * Keeping the public page true (第十条3) in the H5 build: a station head on a phone adds a service
 * commitment → the county official on a PC sees the before/after and approves (after a
 * confirmation) → a villager's station page shows the new commitment. Screenshots:
 * .cache/e2e/edits-*.png (look at them).
 */
import type { Page } from 'playwright-core';
import { browserSuite, fill, settled, tap, text } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

/** Pick a picture in the H5 file chooser (a screenshot of the page: a real PNG). */
async function addPhoto(page: Page, button: string): Promise<void> {
  const picture = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 390, height: 300 } });
  const chooser = page.waitForEvent('filechooser');
  await tap(page, button);
  await (await chooser).setFiles({ name: 'front.png', mimeType: 'image/png', buffer: picture });
}

test('a head’s edit → the county approves → the public page changes', async () => {
  const head = await browsers.open({ openid: DEMO.stationHead });
  await head.goto(`${h.baseUrl}/packages/official/edit/index?stationId=${HEAD_STATION}`);
  const e = '#page-station-edit';
  await settled(head, `${e} #btn-propose`);
  await h.shot(head, 'edits-01-form-phone');
  await fill(head, `${e} #edit-commitments-text`, '老人代办不收费\n明码标价，不乱收费');
  // A photo of the shop front, through the same picker as complaint photos.
  await addPhoto(head, `${e} #edit-photo-add`);
  await head.locator(`${e} #edit-photo-0 .photo__img`).waitFor();
  await tap(head, `${e} #btn-propose`);
  await head.locator(`${e} #edit-sent`).waitFor({ timeout: 20_000 });
  await head.locator(`${e} #edit-pending`).waitFor();
  await h.shot(head, 'edits-02-sent-phone');

  // Nothing public before approval.
  const villager = await browsers.open();
  await villager.goto(`${h.baseUrl}/pages/station/index?id=${HEAD_STATION}`);
  await villager.locator('#station-detail').waitFor();
  expect(await text(villager, '#station-detail')).not.toContain('老人代办不收费');

  // The new photo's content check comes back (locally: when the scheduler runs).
  expect((await fetch(`${h.baseUrl}/dev/scheduler/run`, { method: 'POST' })).ok).toBe(true);
  const pc = await browsers.pc(DEMO.county, '/packages/official/edits/index');
  const r = '#page-edits-review';
  await pc.locator(`${r} .sp-diff`).first().waitFor({ timeout: 20_000 });
  expect(await text(pc, `${r} #edits-list`)).toContain('＋ 老人代办不收费');
  // Old vs new photos side by side: none before, the new one after.
  expect(await text(pc, `${r} #edits-list`)).toContain('1 张照片（新加 1 张）');
  await pc.locator(`${r} [id$="-photos-after"] .photo__img`).first().waitFor();
  await pc.locator(`${r} [id$="-photos-after"]`).first().scrollIntoViewIfNeeded();
  await h.shot(pc, 'edits-03b-review-photos-pc');
  await pc.evaluate(() => window.scrollTo(0, 0));
  await h.shot(pc, 'edits-03-review-pc');
  const approve = pc.locator(`${r} [id^="btn-approve-"]`).first();
  await approve.click();
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('站点页面立即更新');
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${r} #edits-message`).waitFor({ timeout: 20_000 });
  await h.shot(pc, 'edits-04-approved-pc');

  await villager.reload();
  await villager.locator('#station-detail').waitFor();
  await settled(villager, '#section-commitments');
  expect(await text(villager, '#station-detail')).toContain('老人代办不收费');
  await villager.locator('#station-photos .photo__img').first().waitFor();
  await h.shot(villager, 'edits-05-public-phone');
});
