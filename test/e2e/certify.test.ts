/**
 * 站点认定 in the H5 build at a PC viewport (issue 10 §3, 第十一条3): the operator's staff apply for
 * a planned station with plaque and signage photos and pass the 初审 → the county records the site
 * visit and publishes the 公示 → the public station page says 认定公示中 and links to the notice →
 * the period ends → the station is certified (certificate, cultivation period) and found in the
 * directory. Screenshots: .cache/e2e/certify-*.png (look at them).
 */
import type { Station } from '../../core/station/model';
import { browserSuite, call, fill, pickPicture, settled, shanghaiDay, text } from './support/browser';
import { DEMO } from '../support/demo';

const { h, browsers } = browserSuite();

/** A planned station of the demo operator (the operator's staff may apply for it). */
async function plannedStation(): Promise<Station> {
  const staff = await h.app.stores.roles.list({ offset: 0, limit: 200 });
  const binding = staff.items.find((b) => b.openid === DEMO.operatorStaff && b.scope.kind === 'operator');
  const operatorName = binding && binding.scope.kind === 'operator' ? binding.scope.operatorName : '';
  const page = await h.app.stores.stations.list({ regionCode: '360731', status: 'planned', limit: 200 });
  const s = page.items.find((x) => x.operator.name === operatorName);
  if (!s) throw new Error('no planned station of the demo operator in the demo data');
  // Without photos: the certified page then shows the 申办 photos.
  const bare = { ...s, photos: [] };
  await h.app.stores.stations.upsertMany([bare]);
  return bare;
}

async function dev(path: string, body?: object): Promise<void> {
  const res = await fetch(`${h.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
}

test('apply with photos → 初审 → 审核 with a visit → 公示 → 认定 → certified in the directory', async () => {
  const s = await plannedStation();
  const place = s.regionPath[s.regionPath.length - 1]!.name;
  // 第七条4 names: "江西电商扶贫工程某某镇服务站" / "…某某村服务点".
  const name = `江西电商扶贫工程${place}${s.level === 'village' ? '服务点' : '服务站'}`;
  const c = '#page-certify';

  // 1. The operator's staff apply, with the plaque and signage photos.
  const op = await browsers.pc(DEMO.operatorStaff);
  await op.goto(`${h.baseUrl}/packages/official/certify/index`);
  await settled(op, `${c} #certify-new`);
  await op.locator(`${c} #certify-new`).click();
  await fill(op, `${c} #certify-station`, s.id);
  await fill(op, `${c} #certify-name`, name);
  await fill(op, `${c} #certify-entity`, s.operator.name);
  await fill(op, `${c} #certify-area`, '60');
  for (const eq of ['broadband', 'computer', 'desk_chairs', 'shelves']) await op.locator(`${c} #certify-eq-${eq}`).click();
  await fill(op, `${c} #certify-population`, '5000');
  // Without photos the form says what is missing.
  await op.locator(`${c} #certify-submit`).click();
  await op.getByText('请上传站牌照片').first().waitFor();
  await pickPicture(op, `${c} #certify-plaque-add`, 'plaque.png', { width: 480, height: 320 });
  await op.locator(`${c} #certify-plaque-0 .photo__img`).waitFor();
  await pickPicture(op, `${c} #certify-signage-add`, 'signage.png', { width: 480, height: 320 });
  await op.locator(`${c} #certify-signage-0 .photo__img`).waitFor();
  expect(await op.locator(`${c} [id^="certify-plaque-pending-"], ${c} [id^="certify-signage-pending-"]`).count()).toBe(0);
  await h.shot(op, 'certify-01-apply-pc');
  await op.locator(`${c} #certify-submit`).click();
  const card = op.locator(`${c} [id^="cert-"]`, { hasText: name }).first();
  await card.waitFor({ timeout: 20_000 });
  const appId = ((await card.getAttribute('id')) ?? '').replace(/^cert-/, '');
  expect(await text(op, `${c} #cert-${appId}`)).toContain('运营单位初审中');
  expect(await op.locator(`${c} #cert-photos-${appId} .photo__img`).count()).toBe(2);

  // 初审 by the operator.
  await op.locator(`${c} #cert-pass-${appId}`).click();
  await op.getByText('县级审核中').first().waitFor({ timeout: 20_000 });
  await h.shot(op, 'certify-02-operator-passed-pc');

  // 2. The county: site visit, then the notice.
  const county = await browsers.pc(DEMO.county);
  await county.goto(`${h.baseUrl}/packages/official/certify/index`);
  await county.locator(`${c} #cert-${appId}`).waitFor({ timeout: 20_000 });
  await settled(county, `${c} #cert-${appId}`);
  // The county sees the photos it is to check on the visit.
  await county.locator(`${c} #cert-photos-${appId} .photo__img`).first().waitFor();
  await fill(county, `${c} #cert-visitors-${appId}`, '县商务局 张科长、李干事');
  await fill(county, `${c} #cert-findings-${appId}`, '场地、设施与申报一致，站牌和标识规范');
  await county.locator(`${c} #cert-passed-${appId}-yes`).click();
  await county.locator(`${c} #cert-photos-${appId}`).scrollIntoViewIfNeeded();
  await h.shot(county, 'certify-03-visit-pc');
  await county.locator(`${c} #cert-review-${appId}`).click();
  await county.getByText('审核通过，待公示').first().waitFor({ timeout: 20_000 });
  await fill(county, `${c} #cert-channel-${appId}`, '于都县商务局 0797-6232000');
  await county.locator(`${c} #cert-publish-${appId}`).click();
  const modal = county.locator('.taro-modal__content');
  await modal.waitFor();
  expect(await modal.innerText()).toContain(name);
  await modal.locator('.taro-model__confirm').click();
  await county.getByText('认定公示中').first().waitFor({ timeout: 20_000 });
  await county.locator(`${c} #cert-notice-${appId}`).waitFor();
  await h.shot(county, 'certify-04-notice-pc');

  // 3. The public page: 认定公示中, with the way to the notice (and to object).
  const villager = await browsers.pc();
  await villager.goto(`${h.baseUrl}/pages/station/index?id=${s.id}`);
  await villager.locator('#station-detail').waitFor();
  await villager.locator('#cert-notice-link').waitFor({ timeout: 20_000 });
  await villager.locator('#section-certification').scrollIntoViewIfNeeded();
  await h.shot(villager, 'certify-05-on-notice-pc');
  await villager.locator('#cert-notice-link').click();
  await villager.waitForURL(/packages\/apply\/notice/);
  await villager.getByText(`${name}认定公示`).first().waitFor({ timeout: 20_000 });
  await h.shot(villager, 'certify-06-notice-page-pc');

  // 4. The notice period ends without objections: the scheduler closes it and the station is certified.
  const app = await call<{ noticeId: string }>(h, 'register', 'certification', { id: appId }, DEMO.county);
  const notice = await call<{ endsOn: string }>(h, 'notices', 'get', { id: app.noticeId });
  await dev('/dev/clock', { now: `${shanghaiDay(1, new Date(`${notice.endsOn}T12:00:00+08:00`))}T09:00:00+08:00` });
  await dev('/dev/scheduler/run');
  await county.reload();
  await county.locator(`${c} #cert-${appId}`).waitFor({ timeout: 20_000 });
  expect(await text(county, `${c} #cert-${appId}`)).toContain('已认定');
  expect(await text(county, `${c} #cert-${appId}`)).toContain('证书编号');
  await h.shot(county, 'certify-07-certified-pc');

  // The station is certified in the register and the directory finds it as such.
  const stored = (await h.app.stores.stations.get(s.id))!;
  expect(stored).toMatchObject({ status: 'certified', name, certification: { authority: '于都县商务局' } });
  const found = await call<{ items: { id: string; certified: boolean; inCultivation: boolean }[] }>(h, 'stations', 'search', { q: place, regionCode: '360731' });
  expect(found.items.find((x) => x.id === s.id)).toMatchObject({ certified: true, inCultivation: true });
  await villager.goto(`${h.baseUrl}/pages/station/index?id=${s.id}`);
  await villager.locator('#cert-ok').waitFor({ timeout: 20_000 });
  expect(await text(villager, '#section-certification')).toContain(stored.certification!.certificateNo);
  expect(await text(villager, '#section-certification')).toContain('培育期');
  await villager.locator('#station-photos .photo__img').first().waitFor();
  await villager.locator('#section-certification').scrollIntoViewIfNeeded();
  await h.shot(villager, 'certify-08-certified-station-pc');
  await dev('/dev/clock', { now: null });
});
