/**
 * The officials' desk on a PC (issue 11 §1) at 1366×768: the queue is a dense table with at least
 * 15 cases on screen; search by tracking number and by the last 4 digits of a call-back phone; the
 * keyboard opens a case in the side pane; batch 受理 of three cases (confirmed) changes exactly
 * those. On a phone the same page is the old list.
 * Screenshots: .cache/e2e/desk-*.png (look at them).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { browserSuite, call, fill, settled, tap, text } from './support/browser';
import { axe } from './support/axe';
import { DEMO } from '../support/demo';

const STATIONS = ['st-360731100-000', 'st-360731-000', 'st-360731100-006'];
const CATEGORIES = ['overcharge', 'attitude', 'parcel', 'closed_often', 'false_ads'];

const { h, browsers } = browserSuite();

interface Filed {
  id: string;
  trackingNo: string;
}

/** 18 complaints from different villagers (each under their own submit limit); two phones end in 4321. */
async function fileMany(): Promise<Filed[]> {
  const out: Filed[] = [];
  for (let i = 0; i < 18; i++) {
    const phone = i === 4 || i === 11 ? `138000${i === 4 ? '1' : '2'}4321` : `139${String(10_000_000 + i * 7919).slice(0, 8)}`;
    const c = await call<Filed>(
      h,
      'complaints',
      'submit',
      { stationId: STATIONS[i % STATIONS.length], category: CATEGORIES[i % CATEGORIES.length], description: `第 ${i + 1} 件：站点收费没有明码标价，多收了钱。`, phone },
      `e2e-desk-${i}`,
      randomUUID(),
    );
    out.push(c);
  }
  return out;
}

const rowIds = (page: Page) => page.locator('#page-queue #desk-rows [id^="desk-row-"]').evaluateAll((rows) => rows.map((r) => r.id.replace('desk-row-', '')));

async function searchFor(page: Page, word: string): Promise<void> {
  await fill(page, '#page-queue #desk-search', word);
  await page.keyboard.press('Enter');
}

test('1366×768: dense table, search by tracking number and phone last 4, keyboard opens the side pane, batch 受理', async () => {
  const filed = await fileMany();
  const pc = await browsers.pc(DEMO.county, '/packages/official/queue/index');
  const p = '#page-queue';
  await pc.locator(`${p}.desk #desk-row-${filed[0].id}`).waitFor();
  await settled(pc, `${p} #desk-rows`);

  // At least 15 whole rows on screen, no page scroll, no sideways overflow.
  const visible = await pc.locator(`${p} #desk-rows`).evaluate((box) => {
    const frame = box.getBoundingClientRect();
    const bottom = Math.min(frame.bottom, window.innerHeight);
    return Array.from(box.querySelectorAll('[id^="desk-row-"]')).filter((r) => r.getBoundingClientRect().bottom <= bottom + 0.5).length;
  });
  expect(visible).toBeGreaterThanOrEqual(15);
  const overflow = await pc.evaluate(() => ({ x: document.documentElement.scrollWidth - window.innerWidth, y: document.documentElement.scrollHeight - window.innerHeight }));
  expect(overflow.x).toBeLessThanOrEqual(0);
  expect(overflow.y).toBeLessThanOrEqual(0);
  // Readable: table text 13–15 px.
  const size = await pc.locator(`${p} #desk-row-${filed[0].id} .desk__cell--station`).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(13);
  expect(size).toBeLessThanOrEqual(15);
  expect(await text(pc, `${p} .desk__row--head`)).toMatch(/投诉编号\s*站点\s*类型\s*状态\s*期限\s*督办\s*承办/);
  await h.shot(pc, 'desk-01-table-1366');
  expect(await axe(pc, 3)).toEqual([]);

  // Search by tracking number (lower case is forgiven).
  const target = filed[7];
  await searchFor(pc, target.trackingNo.toLowerCase());
  await pc.waitForFunction((id) => {
    const rows = document.querySelectorAll('#page-queue #desk-rows [id^="desk-row-"]');
    return rows.length === 1 && rows[0].id === `desk-row-${id}`;
  }, target.id);
  await h.shot(pc, 'desk-02-search-tracking');

  // By the last 4 digits of the call-back phone: the two cases whose phone ends in 4321.
  await searchFor(pc, '4321');
  await pc.waitForFunction((ids) => {
    const rows = Array.from(document.querySelectorAll('#page-queue #desk-rows [id^="desk-row-"]')).map((r) => r.id.replace('desk-row-', ''));
    return rows.length === 2 && ids.every((id: string) => rows.includes(id));
  }, [filed[4].id, filed[11].id]);
  await h.shot(pc, 'desk-03-search-phone');

  // Clear the search; the keyboard takes over: ↓ ↓ Enter opens the third row in the side pane.
  await pc.locator(`${p} #desk-search-clear`).click();
  await pc.locator(`${p} #desk-rows [id^="desk-row-"]`).nth(17).waitFor();
  await pc.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const order = await rowIds(pc);
  await pc.keyboard.press('ArrowDown');
  await pc.keyboard.press('ArrowDown');
  await pc.keyboard.press('Enter');
  const third = filed.find((f) => f.id === order[2])!;
  await pc.locator(`${p} #desk-pane #desk-case #complaint-detail`).waitFor();
  expect(await text(pc, `${p} #desk-pane #desk-case`)).toContain(`投诉编号 ${third.trackingNo}`);
  expect(await pc.locator(`${p} #desk-row-${third.id}`).getAttribute('class')).toContain('desk__row--open');
  await settled(pc, `${p} #desk-pane #complaint-status`);
  await h.shot(pc, 'desk-04-side-pane');
  expect(await axe(pc, 3)).toEqual([]);

  // Select the first three rows (Space on the cursor row, and clicks) and batch 受理 them.
  await pc.keyboard.press('ArrowUp');
  await pc.keyboard.press('ArrowUp');
  await pc.keyboard.press(' ');
  await pc.locator(`${p} #desk-check-${order[1]}`).click();
  await pc.locator(`${p} #desk-check-${order[2]}`).click();
  expect(await text(pc, `${p} #desk-selected`)).toBe('已选 3 件');
  await pc.locator(`${p} #desk-batch-accept`).click();
  const modal = pc.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain('选中的 3 件投诉受理');
  await modal.locator('.taro-model__confirm').click();
  await pc.locator(`${p} #desk-result`).waitFor();
  expect(await text(pc, `${p} #desk-result`)).toContain('受理：成功 3 件');
  for (const id of order.slice(0, 3)) expect((await h.app.stores.complaints.get(id))?.status).toBe('accepted');
  for (const id of order.slice(3)) expect((await h.app.stores.complaints.get(id))?.status).toBe('submitted');
  await pc.waitForFunction((id) => document.querySelector(`#page-queue #desk-row-${id}`)?.textContent?.includes('已受理'), order[0]);
  await h.shot(pc, 'desk-05-batch-accepted');

  // The narrowest desk: every column still fits its row.
  await pc.setViewportSize({ width: 1024, height: 768 });
  await settled(pc, `${p} #desk-rows`);
  const clipped = await pc.locator(`${p} .desk__row`).evaluateAll((rows) => rows.filter((r) => r.scrollWidth > r.clientWidth + 1).length);
  expect(clipped).toBe(0);
  expect(await pc.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await h.shot(pc, 'desk-09-table-1024');
});

test('a phone keeps the old list layout', async () => {
  const phone = await browsers.open({ openid: DEMO.county });
  await phone.goto(`${h.baseUrl}/packages/official/queue/index`);
  await phone.locator('#page-queue #queue-list').waitFor();
  expect(await phone.locator('#page-queue.desk').count()).toBe(0);
  expect(await phone.locator('#page-queue #desk-rows').count()).toBe(0);
  await settled(phone, '#page-queue #queue-list');
  await h.shot(phone, 'desk-06-phone-list');
  // Tapping a case still opens the case page.
  const first = phone.locator('#page-queue [id^="queue-item-"]').first();
  const id = (await first.getAttribute('id'))!;
  await tap(phone, `#page-queue #${id}`);
  await phone.locator('#page-complaint #complaint-detail').waitFor();
});

test('1366×768: the workbench and a case page opened on its own use desk sizes', async () => {
  const c = await call<Filed>(h, 'complaints', 'submit', { stationId: STATIONS[0], category: 'parcel', description: '快递寄出三天还没有揽收记录。', phone: '13800008888' }, 'e2e-desk-page', randomUUID());
  const pc = await browsers.pc(DEMO.county, '/packages/official/home/index');
  await pc.locator('#page-workbench.desk-page #tile-queue').waitFor();
  await settled(pc, '#page-workbench #tile-queue');
  const tileText = await pc.locator('#page-workbench #tile-queue .sp-tile__title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tileText).toBeLessThanOrEqual(20);
  const overflow = await pc.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await h.shot(pc, 'desk-07-workbench-1366');

  await pc.goto(`${h.baseUrl}/packages/official/complaint/index?id=${c.id}`);
  await pc.locator('#page-complaint.desk-page #complaint-detail').waitFor();
  await settled(pc, '#page-complaint #complaint-status');
  const body = await pc.locator('#page-complaint #complaint-description .sp-description').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(body).toBeGreaterThanOrEqual(13);
  expect(body).toBeLessThanOrEqual(16);
  await h.shot(pc, 'desk-08-case-page-1366');
});
