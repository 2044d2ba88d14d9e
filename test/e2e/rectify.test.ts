/**
 * 站点整改 in the H5 build (issue 10 §4): two 不开门 complaints put a station on the county's idle
 * list; the official (PC) issues an order after a confirmation; the station head (phone) answers;
 * the official restores the station. Screenshots: .cache/e2e/rectify-*.png (look at them).
 */
import { randomUUID } from 'node:crypto';
import { browserSuite, call, fill, settled, text } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const { h, browsers } = browserSuite();

test('idle list → order (confirmed) → the head answers → the county restores the station', async () => {
  for (const who of ['e2e-idle-1', 'e2e-idle-2']) {
    await call(h, 'complaints', 'submit', { stationId: HEAD_STATION, category: 'closed_often', description: '连续几天去都没开门，电话也不接。' }, who, randomUUID());
  }
  const pc = await browsers.pc(DEMO.county, '/packages/official/rectify/index');
  const p = '#page-rectify';
  await settled(pc, `${p} #rectify-tab-idle`);
  await pc.locator(`${p} #rectify-tab-idle`).click();
  await pc.locator(`${p} #idle-${HEAD_STATION}`).waitFor({ timeout: 20_000 });
  expect(await text(pc, `${p} #idle-${HEAD_STATION}`)).toContain('2 件“站点长期不开门”投诉');
  await h.shot(pc, 'rectify-01-idle-pc');

  await pc.locator(`${p} #idle-issue-${HEAD_STATION}`).click();
  await fill(pc, `${p} #issue-fixes`, '按公示时间开门，门口张贴营业时间和价目表');
  await pc.locator(`${p} #issue-submit`).click();
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('整改中');
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${p} #rectify-orders [id^="order-"]`).first().waitFor();
  expect(await text(pc, `${p} #rectify-orders`)).toContain('整改中');
  await h.shot(pc, 'rectify-02-issued-pc');
  const station = await call<{ statusLabel: string }>(h, 'stations', 'get', { id: HEAD_STATION });
  expect(station.statusLabel).toBe('整改中');

  const phone = await browsers.open({ openid: DEMO.stationHead });
  await phone.goto(`${h.baseUrl}/packages/official/rectify/index`);
  const answer = phone.locator('#page-rectify [id^="order-answer-"] textarea').first();
  await answer.waitFor();
  await answer.fill('已按公示时间每天开门，门口张贴了营业时间和价目表');
  // Evidence: a photo of what was fixed (the complaints' picker and upload).
  const picture = await phone.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 390, height: 300 } });
  const chooser = phone.waitForEvent('filechooser');
  await phone.locator('#page-rectify [id^="order-photo-"][id$="-add"]').first().click();
  await (await chooser).setFiles({ name: 'fixed.png', mimeType: 'image/png', buffer: picture });
  await phone.locator('#page-rectify [id^="order-photo-"][id$="-0"] .photo__img').first().waitFor();
  await phone.locator('#page-rectify [id^="order-answer-submit-"]').first().click();
  await phone.getByText('已提交整改情况，待核查').first().waitFor();
  await h.shot(phone, 'rectify-03-answered-phone');
  // Until the content check passes only the head sees the photo, marked as being checked.
  expect(await text(phone, '#page-rectify [id^="order-answer-pending-"]')).toContain('正在审核');

  // The photo's content check comes back (locally: when the scheduler runs); only then does the county see it.
  expect((await fetch(`${h.baseUrl}/dev/scheduler/run`, { method: 'POST' })).ok).toBe(true);
  await pc.reload();
  // The county sees the answer's photo before deciding.
  await pc.locator(`${p} [id^="order-answer-photos-"] .photo__img`).first().waitFor({ timeout: 20_000 });
  await pc.locator(`${p} [id^="order-answer-photos-"]`).first().scrollIntoViewIfNeeded();
  await h.shot(pc, 'rectify-03b-answer-photos-pc');
  await pc.locator(`${p} [id^="order-open-"]`).first().click();
  const restore = pc.locator(`${p} [id$="-restore"]`).first();
  await restore.waitFor();
  await restore.click();
  await fill(pc, `${p} [id^="order-comment-"]`, '现场核查合格');
  await pc.locator(`${p} [id^="order-verdict-submit-"]`).first().click();
  await pc.getByText('整改合格，已恢复').first().waitFor();
  await h.shot(pc, 'rectify-04-restored-pc');
  expect((await call<{ statusLabel: string }>(h, 'stations', 'get', { id: HEAD_STATION })).statusLabel).not.toBe('整改中');
});
