/**
 * The complaint form when the network drops the answer (issue 9 items 20, 24–26), in Chromium
 * against the real server: the request reaches the server and is stored, only the answer is
 * lost (the browser sees a reset connection). The form must say it may have arrived, keep one
 * action in view, number each try, show the stored complaint as the villager's own when they
 * come back, and file exactly one complaint in the end (the request id is reused).
 * Also: a missing field far up the form is brought into view on submit.
 * Screenshots: .cache/e2e/lost-answer-*.png.
 */
import type { Page } from 'playwright-core';
import { browserSuite, fill, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const DESCRIPTION = '站点代收快递每件多收 2 元，也不给收据。';
const form = '#page-complaint-new #complaint-form';

const { h, browsers } = browserSuite({ keepBrowsers: true });

/** Whether the whole element is inside the viewport now. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

async function waitInView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    },
    selector,
    { polling: 100, timeout: 10_000 },
  );
}

async function mine(): Promise<number> {
  const r = await h.app.stores.complaints.list({ owner: DEMO.resident2, order: 'newest', offset: 0, limit: 50 });
  return r.items.length;
}

test('a lost answer: may have arrived, one action in view, tries numbered; back on the form it is theirs; one complaint filed', async () => {
  // The aborted answers show in the console as reset connections; nothing else may.
  browsers.allow(/ERR_CONNECTION_RESET|ERR_FAILED|net::ERR_/);
  const page = await browsers.open({ openid: DEMO.resident2 });
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(`${h.baseUrl}/pages/complaint/new/index?stationId=${HEAD_STATION}`);
  await settled(page, `${form} #complaint-station`);

  // A missing description, submit tapped at the bottom: its red text comes into view.
  await tap(page, `${form} #category-overcharge`);
  await fill(page, `${form} #complaint-phone`, '13812345678');
  await tap(page, `${form} #complaint-submit`);
  await waitInView(page, `${form} #error-description`);
  expect(await text(page, `${form} #complaint-submit-error`)).toContain('请写一写发生了什么');
  await h.shot(page, 'lost-answer-01-first-error-in-view');

  // Answers lost: the server gets (and stores) the submit, the browser gets a reset connection.
  let lost = 0;
  await page.route('**/api/complaints', async (route) => {
    const body = route.request().postDataJSON() as { action?: string };
    if (body.action === 'submit' && lost < 2) {
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await fill(page, `${form} #complaint-description`, DESCRIPTION);
  await tap(page, `${form} #complaint-submit`);
  await waitText(page, `${form} #complaint-submit-error`, '可能已经提交成功');
  expect(await text(page, `${form} #complaint-submit-error`)).not.toContain('还没有提交成功');
  expect(await page.locator(`${form} #btn-retry-submit`).count()).toBe(0);
  expect(await text(page, `${form} #complaint-submit`)).toBe('再提交一次');
  await waitInView(page, `${form} #complaint-submit`);
  expect(await inView(page, `${form} #complaint-submit-error`)).toBe(true);
  await h.shot(page, 'lost-answer-02-may-have-arrived');
  expect(await mine()).toBe(1);

  await tap(page, `${form} #complaint-submit`);
  await waitText(page, `${form} #complaint-failure-title`, '第 2 次没收到回复');
  await waitInView(page, `${form} #complaint-submit`);
  await h.shot(page, 'lost-answer-03-second-try');
  expect(await mine()).toBe(1);

  // Back on the form later: the draft says the same thing in title and body; the stored one is theirs.
  await page.reload();
  await settled(page, `${form} #draft-restored`);
  const restored = await text(page, `${form} #draft-restored`);
  expect(restored).toContain('上次提交时网络断了');
  expect(restored).not.toContain('没提交');
  await waitText(page, `${form} #similar-reports`, '您已经反映过');
  expect(await text(page, `${form} #similar-reports`)).toContain('您的投诉');
  expect(await page.locator(`${form} [id^="btn-join-"]`).count()).toBe(0);
  await h.shot(page, 'lost-answer-04-back-on-form');

  // The network is back: the same request id answers with the complaint already filed.
  await tap(page, `${form} #complaint-submit`);
  await settled(page, '#page-complaint-new #complaint-success');
  expect(await mine()).toBe(1);
});
