/**
 * 未读提醒 on the desk (issue 11 §3) at 1366×768: the station hands a case back (退单); the county
 * official's desk shows one unread item, a tap opens the case in the side pane, and the count is
 * gone once it was opened.
 * Screenshots: .cache/e2e/inbox-*.png (look at them).
 */
import { randomUUID } from 'node:crypto';
import { browserSuite, call, settled, text } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

interface Case {
  id: string;
  trackingNo: string;
  version: number;
}

test('a 退单 shows as 未读提醒 on the desk; opening it marks it read', async () => {
  const filed = await call<Case>(h, 'complaints', 'submit', { stationId: 'st-360731100-000', category: 'overcharge', description: '站点收费没有明码标价，多收了钱。' }, DEMO.resident1, randomUUID());
  const a = await call<Case>(h, 'complaints', 'accept', { id: filed.id, version: filed.version }, DEMO.county);
  const s = await call<Case>(h, 'complaints', 'assign', { id: a.id, version: a.version, to: 'station' }, DEMO.county);
  await call<Case>(h, 'complaints', 'decline', { id: a.id, version: s.version, reason: '快递由运营单位负责' }, DEMO.stationHead);

  const pc = await browsers.pc(DEMO.county, '/packages/official/queue/index');
  const p = '#page-queue';
  await pc.locator(`${p} #inbox-count`).waitFor();
  expect(await text(pc, `${p} #inbox-count`)).toMatch(/^未读提醒 \d+ 条（点开查看）$/);
  const before = Number(/(\d+)/.exec(await text(pc, `${p} #inbox-count`))![1]);
  await pc.locator(`${p} #inbox-count`).click();
  const item = pc.locator(`${p} #inbox [id^="inbox-item-"]`, { hasText: a.trackingNo });
  await item.waitFor();
  expect(await item.innerText()).toContain('退单，请重新转办');
  await h.shot(pc, 'inbox-01-desk-unread');

  await item.click();
  await pc.locator(`${p} #desk-pane #desk-case #complaint-detail`).waitFor();
  expect(await text(pc, `${p} #desk-pane #desk-case`)).toContain(`投诉编号 ${a.trackingNo}`);
  // Opened: read, and the count says so.
  await pc.waitForFunction(
    ([sel, n]) => {
      const t = document.querySelector(sel as string)?.textContent ?? '';
      return n === 1 ? t === '没有未读提醒' : t.startsWith(`未读提醒 ${(n as number) - 1} 条`);
    },
    [`${p} #inbox-count`, before] as const,
  );
  await settled(pc, `${p} #desk-pane #complaint-status`);
  await h.shot(pc, 'inbox-02-desk-read');
});

test('on a phone the workbench lists 未读提醒; a tap opens the case page', async () => {
  const filed = await call<Case>(h, 'complaints', 'submit', { stationId: 'st-360731100-000', category: 'attitude', description: '站长态度很差，不让寄快递。' }, DEMO.resident1, randomUUID());
  const a = await call<Case>(h, 'complaints', 'accept', { id: filed.id, version: filed.version }, DEMO.county);
  await call<Case>(h, 'complaints', 'assign', { id: a.id, version: a.version, to: 'station' }, DEMO.county);
  // The station head is told of the new assignment.
  const phone = await browsers.open({ openid: DEMO.stationHead, mobile: true });
  await phone.goto(`${h.baseUrl}/packages/official/home/index`);
  const item = phone.locator('#page-workbench #inbox [id^="inbox-item-"]', { hasText: a.trackingNo });
  await item.waitFor();
  expect(await item.innerText()).toContain('新转办，请签收');
  expect(await text(phone, '#page-workbench #inbox-count')).toMatch(/^未读提醒 \d+ 条$/);
  await h.shot(phone, 'inbox-03-phone-workbench');
  await item.click();
  await phone.locator('#page-complaint #complaint-detail').waitFor();
  expect(await text(phone, '#page-complaint')).toContain(a.trackingNo);
});
