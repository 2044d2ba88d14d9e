/**
 * The whole complaint loop in the H5 build, one browser per person against the real local app:
 * a villager complains about 贡江镇服务站 from its station page (category, description, a photo
 * through the file chooser, a call-back phone) and gets a tracking number; the 于都县 official
 * finds it in 投诉待办, 受理 and 转办 to the operator; the operator's staff 答复; the villager
 * reads the reply in 我的投诉 and says 满意 → 已办结; the station head sees it in 本站投诉 without
 * the complainant's identity or phone. A neighbour with the same problem taps 我也遇到了 instead of
 * filing again, gets the same messages, finds the case in 我的投诉 as 关注 with the reply and gives
 * their own evaluation (the case stays the complainant's to evaluate).
 * Every step's status text is checked on screen and in the DB.
 * Screenshots: .cache/e2e/complaint-*.png (look at them).
 */
import type { Page } from 'playwright-core';
import type { Complaint } from '../../core/complaint/model';
import { browserSuite, call, fill, scrollTo, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const PHONE = '13812345678';
const PHONE_MASKED = '138****5678';
const DESCRIPTION = '6月3日上午在站点寄快递，收了15元，墙上写的是5元，也没有给收据。';
const REPLY = '经核实，站点多收了 10 元快递费，已当面退还，并在店内显眼处张贴了收费标准。';

const { h, browsers } = browserSuite({ keepBrowsers: true });

async function stored(id: string): Promise<Complaint> {
  const c = await h.app.stores.complaints.get(id);
  if (!c) throw new Error(`complaint ${id} is not in the database`);
  return c;
}

/** A real picture for the file chooser: a PNG of part of the page on screen. */
async function photoOf(page: Page): Promise<Buffer> {
  return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 390, height: 300 } });
}

/** Photograph the page once `selector` stands still, then tap it. */
async function shotThenTap(page: Page, selector: string, shot: string): Promise<void> {
  await settled(page, selector);
  await h.shot(page, shot);
  await tap(page, selector);
}

/** Open the workbench as a handler, go to 投诉待办 and open the case. */
async function openCase(page: Page, id: string, shot: string): Promise<void> {
  await page.goto(`${h.baseUrl}/packages/official/home/index`);
  await tap(page, '#page-workbench #tile-queue');
  await page.locator(`#page-queue #queue-item-${id}`).waitFor();
  await shotThenTap(page, `#page-queue #queue-item-${id}`, shot);
  await page.locator('#page-complaint #complaint-detail').waitFor();
  await settled(page, '#page-complaint #complaint-status');
}

test('villager complains → official 受理 + 转办 → operator 答复 → villager 满意 → 已办结; the station head sees it anonymously', async () => {
  const station = await call<{ name: string; operator: { name: string } }>(h, 'stations', 'get', { id: HEAD_STATION });

  // ── The villager, on the station page: 投诉这个站点 ──
  const villager = await browsers.open({ openid: DEMO.resident1 });
  await villager.goto(`${h.baseUrl}/pages/station/index?id=${HEAD_STATION}`);
  await settled(villager, '#page-station #station-name');
  await villager.locator('#page-station #complaint-stats').waitFor();
  expect(await text(villager, '#page-station #complaint-stats')).toContain('投诉 0 件');
  await scrollTo(villager, '#page-station #section-feedback');
  await h.shot(villager, 'complaint-01-station-feedback');
  await tap(villager, '#page-station #btn-complain');

  const form = '#page-complaint-new #complaint-form';
  await settled(villager, `${form} #complaint-station`);
  expect(await text(villager, `${form} #complaint-station`)).toBe(station.name);
  await tap(villager, `${form} #category-overcharge`);
  await villager.locator(`${form} #category-overcharge.chip--on`).waitFor();
  await fill(villager, `${form} #complaint-description`, DESCRIPTION);
  await waitText(villager, `${form} #description-counter`, `${DESCRIPTION.length}/`);

  // One photo through the H5 picker: Taro's chooseImage clicks a hidden <input type=file>.
  const picture = await photoOf(villager);
  const chooser = villager.waitForEvent('filechooser');
  await tap(villager, `${form} #photo-add`);
  await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: picture });
  await villager.locator(`${form} #photo-0 .photo__img`).waitFor();
  expect(await villager.locator(`${form} [id^="photo-pending-"]`).count()).toBe(0);
  expect(await text(villager, `${form} #complaint-photos .field__hint`)).toContain('已放 1 张');

  await fill(villager, `${form} #complaint-phone`, PHONE);
  // Identity stays hidden from the station (the default).
  expect(await text(villager, `${form} #complaint-privacy`)).toContain('看不到您是谁');
  await scrollTo(villager, `${form} #complaint-photos`, 'center');
  await h.shot(villager, 'complaint-02-form-filled');
  await tap(villager, `${form} #complaint-submit`);

  await villager.locator('#page-complaint-new #complaint-success').waitFor();
  await settled(villager, '#page-complaint-new #complaint-tracking-no');
  const trackingNo = await text(villager, '#page-complaint-new #complaint-tracking-no');
  expect(trackingNo).toMatch(/\S{6,}/);
  expect(await text(villager, '#page-complaint-new #complaint-status')).toBe('待受理');
  await h.shot(villager, 'complaint-03-submitted-tracking-no');

  const filed = await h.app.stores.complaints.findByTrackingNo(trackingNo);
  expect(filed).not.toBeNull();
  const id = filed!.id;
  expect(filed).toMatchObject({
    stationId: HEAD_STATION,
    category: 'overcharge',
    description: DESCRIPTION,
    complainantOpenid: DEMO.resident1,
    phoneMasked: PHONE_MASKED,
    shareIdentity: false,
    held: false,
    status: 'submitted',
  });
  expect(filed!.photos).toHaveLength(1);
  expect(filed!.phoneCipher).not.toContain(PHONE);

  // The photo is the villager's own until WeChat's content check passes it (an asynchronous push);
  // locally the scheduler plays that push.
  expect((await stored(id)).photosPending).toHaveLength(1);
  await h.app.runScheduler();
  expect((await stored(id)).photosPending ?? []).toHaveLength(0);

  // ── A neighbour with the same problem: 我也遇到了 on the form instead of a second complaint ──
  const neighbour = await browsers.open({ openid: DEMO.resident2 });
  await neighbour.goto(`${h.baseUrl}/pages/complaint/new/index?stationId=${HEAD_STATION}&stationName=${encodeURIComponent(station.name)}`);
  await tap(neighbour, `${form} #category-overcharge`);
  await neighbour.locator(`${form} #similar-${id}`).waitFor();
  await tap(neighbour, `${form} #btn-join-${id}`);
  await neighbour.locator(`${form} #btn-follow-${id}`).waitFor();
  expect(await text(neighbour, `${form} #similar-${id}`)).toContain('处理结果会一并答复');
  await scrollTo(neighbour, `${form} #similar-${id}`, 'center');
  await h.shot(neighbour, 'complaint-03b-neighbour-joined');
  expect(await h.app.stores.complaints.isSupporter(id, DEMO.resident2)).toBe(true);

  // ── The county official: 投诉待办 → the case → 受理 → 转办 to the operator ──
  const official = await browsers.open({ openid: DEMO.county });
  await openCase(official, id, 'complaint-04-official-queue');
  const caseRoot = '#page-complaint';
  expect(await text(official, `${caseRoot} #complaint-status`)).toBe('待受理');
  expect(await official.locator(`${caseRoot} .sp-small-note`).first().innerText()).toContain(trackingNo);
  expect(await text(official, `${caseRoot} #complaint-description`)).toContain(DESCRIPTION);
  await official.locator(`${caseRoot} #complaint-photos .sp-photo`).first().waitFor();
  expect(await text(official, `${caseRoot} #complaint-phone`)).toContain(PHONE_MASKED); // full number only once accepted
  await tap(official, `${caseRoot} #btn-accept`);
  await waitText(official, `${caseRoot} #complaint-status`, '已受理');
  await waitText(official, `${caseRoot} #action-result`, '已受理');
  expect((await stored(id)).status).toBe('accepted');
  expect((await stored(id)).handlerOpenid).toBe(DEMO.county);
  // The handler now sees the full call-back number.
  expect(await text(official, `${caseRoot} #complaint-phone`)).toContain(PHONE);
  await settled(official, `${caseRoot} #complaint-actions`);
  await h.shot(official, 'complaint-05-official-accepted');

  await tap(official, `${caseRoot} #btn-assign`);
  await official.locator(`${caseRoot} #panel-assign`).waitFor();
  expect(await text(official, `${caseRoot} #btn-assign-operator`)).toContain(station.operator.name);
  await tap(official, `${caseRoot} #btn-assign-operator`);
  await waitText(official, `${caseRoot} #complaint-status`, '已转办');
  await waitText(official, `${caseRoot} #complaint-facts`, `运营单位：${station.operator.name}`);
  expect(await stored(id)).toMatchObject({ status: 'assigned', assignee: { kind: 'operator', operatorName: station.operator.name } });
  await scrollTo(official, `${caseRoot} .sp-case-head`);
  await h.shot(official, 'complaint-06-official-assigned');

  // ── The operator's staff: the case is in their queue → 答复 ──
  const operator = await browsers.open({ openid: DEMO.operatorStaff });
  await openCase(operator, id, 'complaint-07-operator-queue');
  expect(await text(operator, `${caseRoot} #complaint-status`)).toBe('已转办');
  await tap(operator, `${caseRoot} #btn-reply`);
  await operator.locator(`${caseRoot} #panel-reply`).waitFor();
  await fill(operator, `${caseRoot} #reply-text`, REPLY);
  await scrollTo(operator, `${caseRoot} #panel-reply`, 'center');
  await h.shot(operator, 'complaint-08-operator-reply-form');
  await tap(operator, `${caseRoot} #btn-submit-reply`);
  await waitText(operator, `${caseRoot} #complaint-status`, '已答复');
  await waitText(operator, `${caseRoot} #action-result`, '已答复');
  const replied = await stored(id);
  expect(replied.status).toBe('replied');
  expect(replied.reply?.text).toBe(REPLY);
  await scrollTo(operator, `${caseRoot} .sp-case-head`);
  await h.shot(operator, 'complaint-09-operator-replied');

  // ── The neighbour: told like the complainant (受理, 转办, 答复); 我的投诉 → 关注 → the reply → their own evaluation ──
  const toNeighbour = (await h.app.stores.outbox.forRecipient(DEMO.resident2, 10)).filter((m) => m.complaintId === id).map((m) => m.event);
  expect(toNeighbour.sort()).toEqual(['complaint_accepted', 'complaint_assigned', 'complaint_replied']);
  await neighbour.goto(`${h.baseUrl}/pages/complaint/mine/index`);
  const followed = `#page-complaint-mine #following-${id}`;
  await neighbour.locator(followed).waitFor();
  expect(await text(neighbour, `#page-complaint-mine #following-label-${id}`)).toBe('关注');
  expect(await text(neighbour, followed)).toContain('看处理结果');
  await shotThenTap(neighbour, followed, 'complaint-09b-neighbour-mine-following');
  const followedCase = '#page-complaint-detail #complaint-detail';
  await neighbour.locator(`${followedCase} #complaint-reply`).waitFor();
  expect(await text(neighbour, `${followedCase} #complaint-reply`)).toContain(REPLY);
  expect(await text(neighbour, `${followedCase} #complaint-following`)).toContain('我也遇到了');
  const neighbourSees = await neighbour.locator('#page-complaint-detail').innerText();
  for (const secret of [DESCRIPTION, PHONE_MASKED, '我反映的情况']) expect({ secret, shown: neighbourSees.includes(secret) }).toEqual({ secret, shown: false });
  await tap(neighbour, `${followedCase} #btn-evaluate-basically`);
  await tap(neighbour, `${followedCase} #btn-evaluate-submit`);
  await waitText(neighbour, `${followedCase} #complaint-evaluation`, '您的评价：基本满意');
  expect(await text(neighbour, `${followedCase} #complaint-status`)).toBe('已答复');
  await scrollTo(neighbour, `${followedCase} #complaint-following`);
  await h.shot(neighbour, 'complaint-09c-neighbour-evaluated');
  expect(await h.app.stores.complaints.followerEvaluations(id)).toEqual([expect.objectContaining({ openid: DEMO.resident2, via: 'supporter', evaluation: 'basically' })]);
  expect(await stored(id)).toMatchObject({ status: 'replied', evaluation: null });

  // ── Back to the villager: 我的 → 我的投诉 → the complaint → 满意 ──
  await villager.goto(`${h.baseUrl}/pages/me/index`);
  await tap(villager, '#page-me #me-complaints');
  const item = `#page-complaint-mine #complaint-${id}`;
  await villager.locator(item).waitFor();
  expect(await text(villager, `${item} #complaint-status-${id}`)).toBe('已答复');
  expect(await text(villager, item)).toContain(trackingNo);
  expect(await text(villager, item)).toContain('已答复，请去评价');
  await shotThenTap(villager, item, 'complaint-10-villager-mine-replied');

  const detail = '#page-complaint-detail #complaint-detail';
  await villager.locator(`${detail} #complaint-reply`).waitFor();
  expect(await text(villager, `${detail} #complaint-status`)).toBe('已答复');
  expect(await text(villager, `${detail} #complaint-reply`)).toContain(REPLY);
  expect(await villager.locator(`${detail} #complaint-photo-0`).count()).toBe(1);
  await tap(villager, `${detail} #btn-evaluate-satisfied`);
  await villager.locator(`${detail} #btn-evaluate-satisfied.evaluation__choice--on`).waitFor();
  await scrollTo(villager, `${detail} #complaint-reply`);
  await h.shot(villager, 'complaint-11-villager-reply-evaluate');
  await tap(villager, `${detail} #btn-evaluate-submit`);
  await waitText(villager, `${detail} #complaint-status`, '已办结');
  await waitText(villager, `${detail} #complaint-evaluation`, '您的评价：满意');
  expect(await villager.locator(`${detail} #evaluation-form`).count()).toBe(0);
  expect(await stored(id)).toMatchObject({ status: 'closed', evaluation: 'satisfied' });
  await scrollTo(villager, `${detail} .card`);
  await h.shot(villager, 'complaint-12-villager-closed');

  // ── The station head: 工作台 → 本站投诉, without who complained ──
  const head = await browsers.open({ openid: DEMO.stationHead });
  await head.goto(`${h.baseUrl}/packages/official/home/index`);
  await tap(head, '#page-workbench #tile-station');
  const headItem = `#page-station-complaints #queue-item-${id}`;
  await head.locator(headItem).waitFor();
  expect(await text(head, headItem)).toContain('已办结');
  expect(await text(head, headItem)).toContain(trackingNo);
  await shotThenTap(head, headItem, 'complaint-13-head-station-list');
  const headCase = '#page-complaint #complaint-detail';
  await head.locator(`${headCase} #complainant`).waitFor();
  expect(await text(head, `${headCase} #complaint-status`)).toBe('已办结');
  expect(await text(head, `${headCase} #complainant`)).toContain('匿名');
  expect(await text(head, `${headCase} #complaint-description`)).toContain(DESCRIPTION);
  expect(await head.locator(`${headCase} #complaint-phone`).count()).toBe(0);
  expect(await head.locator(`${headCase} #complaint-actions`).count()).toBe(0);
  const seen = await head.locator('#page-complaint').innerText();
  for (const secret of [PHONE, PHONE_MASKED, DEMO.resident1, '张三']) expect({ secret, shown: seen.includes(secret) }).toEqual({ secret, shown: false });
  await scrollTo(head, `${headCase} #complaint-contact`, 'center');
  await h.shot(head, 'complaint-14-head-case-anonymous');

  // The public station figures count it (no personal data).
  await villager.goto(`${h.baseUrl}/pages/station/index?id=${HEAD_STATION}`);
  await waitText(villager, '#page-station #complaint-stats', '投诉 1 件');
});
