/**
 * 说一说 in Chromium (issue 11 §6) with a fake microphone: the villager holds the button, speaks
 * (Chromium's fake device plays a tone), listens, and files a complaint with only three written
 * characters; the note reaches the server pending its check; after the check the county official
 * hears it on the desk case at 1366×768. Screenshots: .cache/e2e/voice-*.png.
 */
import { browserSuite, fill, settled, tap, text } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const form = '#page-complaint-new #complaint-form';

const { h, browsers } = browserSuite();

test('hold to record, listen, file with a voice note; the county hears it after the check', async () => {
  const page = await browsers.open({ openid: DEMO.resident2, fakeMicrophone: true });
  await page.goto(`${h.baseUrl}/pages/complaint/new/index?stationId=${HEAD_STATION}`);
  await settled(page, `${form} #complaint-voice-hold`);
  await tap(page, `${form} #category-overcharge`);
  await fill(page, `${form} #complaint-description`, '多收钱');

  // Hold: press, wait until the counter shows 2 seconds recorded, release.
  const hold = page.locator(`${form} #complaint-voice-hold`);
  await hold.scrollIntoViewIfNeeded();
  const box = (await hold.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForFunction((sel) => /正在录音 [2-9]″/.test(document.querySelector(sel)?.textContent ?? ''), `${form} #complaint-voice-hold`, { timeout: 10_000 });
  await h.shot(page, 'voice-01-recording');
  await page.mouse.up();
  await settled(page, `${form} #complaint-voice-preview-play`);
  expect(await text(page, `${form} #complaint-voice-preview-play`)).toMatch(/听录音 [2-9]″/);
  await h.shot(page, 'voice-02-recorded');
  // Listening works in the browser (the recording is a playable blob).
  await tap(page, `${form} #complaint-voice-preview-play`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-playing') === 'true', `${form} #complaint-voice-preview`);

  await tap(page, `${form} #complaint-submit`);
  await settled(page, '#page-complaint-new #complaint-tracking-no');
  const trackingNo = await text(page, '#page-complaint-new #complaint-tracking-no');
  const stored = await h.app.stores.complaints.findByTrackingNo(trackingNo);
  expect(stored?.description).toBe('多收钱');
  expect(stored?.voice).toMatchObject({ pending: true });
  expect(stored!.voice!.seconds).toBeGreaterThanOrEqual(2);

  await h.app.runScheduler();
  expect((await h.app.stores.complaints.get(stored!.id))?.voice?.pending).toBe(false);

  const pc = await browsers.pc(DEMO.county, `/packages/official/complaint/index?id=${stored!.id}`);
  await settled(pc, '#complaint-voice-play');
  expect(await text(pc, '#complaint-voice-play')).toMatch(/听录音 [2-9]″/);
  // The link the official got serves the recording.
  await tap(pc, '#complaint-voice-play');
  await pc.waitForFunction(() => document.querySelector('#complaint-voice')?.getAttribute('data-playing') === 'true');
  await h.shot(pc, 'voice-03-official-case');
});
