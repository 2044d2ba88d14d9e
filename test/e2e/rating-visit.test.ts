/**
 * 到店评价 in the H5 build: the station head's signed code (`ratings.code`) opens the station page
 * with `?scene=`; the page checks it, shows the 到店 banner, and the rating made from there carries
 * the visit mark — the station's summary then counts it (人数 and 到店评价). A forged code says so
 * and the page still works (普通评价). Screenshots: .cache/e2e/rating-*.png (look at them).
 */
import type { SummaryView } from '../../core/rating/api';
import { browserSuite, call, fill, scrollTo, settled, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';

const COMMENT = '站长很热情，寄快递按墙上的价格收费，店里也干净。';
const SCORES = { attitude: 5, pricing: 4, cleanliness: 5, efficiency: 3 } as const;

const { h, browsers } = browserSuite();

async function sceneFor(stationId: string): Promise<string> {
  const code = await call<{ scene: string; page: string }>(h, 'ratings', 'code', { stationId }, DEMO.stationHead);
  expect(code.page).toContain('pages/station/index');
  return code.scene;
}

test('scanned code → 到店 banner → four dimensions + comment → the summary counts it as 到店评价', async () => {
  const scene = await sceneFor(HEAD_STATION);
  const before = await call<SummaryView>(h, 'ratings', 'summary', { stationId: HEAD_STATION });

  const page = await browsers.open({ openid: DEMO.resident2 });
  await page.goto(`${h.baseUrl}/pages/station/index?id=${HEAD_STATION}&scene=${encodeURIComponent(scene)}`);
  const p = '#page-station';
  await page.locator(`${p} #visit-banner`).waitFor();
  expect(await text(page, `${p} #visit-banner`)).toContain('您已到店，可进行到店评价');
  expect(await page.locator(`${p} #visit-error`).count()).toBe(0);
  await settled(page, `${p} #visit-banner`);
  await h.shot(page, 'rating-01-station-visit-banner');
  // The ratings section offers the 到店 kind too.
  await waitText(page, `${p} #btn-rate`, '到店评价这个站点');

  await tap(page, `${p} #btn-visit-rate`);
  const r = '#page-rating-new';
  await page.locator(`${r} #rating-form`).waitFor();
  expect(await text(page, `${r} #rating-visit`)).toBe('到店评价');
  expect(await page.locator(`${r} #rating-visit-lost`).count()).toBe(0);

  // Submitting with nothing starred names what is missing.
  await tap(page, `${r} #rating-submit`);
  await waitText(page, `${r} #rating-submit-error`, '还有 4 项没打星');

  for (const [dim, n] of Object.entries(SCORES)) {
    await tap(page, `${r} #rating-star-${dim}-${n}`);
    await waitText(page, `${r} #rating-word-${dim}`, `${n} 星`);
    expect(await page.locator(`${r} #rating-dim-${dim} .star--on`).count()).toBe(n);
  }
  await page.locator(`${r} #rating-submit-error`).waitFor({ state: 'detached' });
  await fill(page, `${r} #rating-comment`, COMMENT);
  await waitText(page, `${r} #rating-comment-counter`, `${COMMENT.length}/`);
  await scrollTo(page, `${r} #rating-dim-cleanliness`, 'center');
  await h.shot(page, 'rating-02-form-filled');
  await tap(page, `${r} #rating-submit`);

  await page.locator(`${r} #rating-done`).waitFor();
  expect(await text(page, `${r} #rating-done`)).toContain('谢谢您的评价');
  expect(await text(page, `${r} #rating-done`)).toContain(COMMENT);
  expect(await page.locator(`${r} #rating-held`).count()).toBe(0);
  await settled(page, `${r} #rating-done`);
  await h.shot(page, 'rating-03-submitted');

  // Stored as a published 到店 rating by this resident.
  const mine = await h.app.stores.ratings.listByRater(DEMO.resident2, 0, 10);
  expect(mine.items).toHaveLength(1);
  expect(mine.items[0]).toMatchObject({ stationId: HEAD_STATION, scores: SCORES, comment: COMMENT, visitVerified: true, status: 'published' });

  // 返回站点: the station's summary now counts it, and its 到店 count.
  await tap(page, `${r} #btn-rating-back`);
  const count = `${before.count + 1} 人评价，其中到店评价 ${before.visitVerified + 1} 条`;
  await waitText(page, `${p} #rating-count`, count);
  const after = await call<SummaryView>(h, 'ratings', 'summary', { stationId: HEAD_STATION });
  expect({ count: after.count, visitVerified: after.visitVerified }).toEqual({ count: before.count + 1, visitVerified: before.visitVerified + 1 });
  expect(await text(page, `${p} #rating-overall`)).toMatch(/^\d\.\d$/);
  const item = `${p} #rating-list #rating-item-${mine.items[0].id}`;
  await waitText(page, item, COMMENT);
  expect(await text(page, item)).toContain('到店评价');
  await scrollTo(page, `${p} #section-ratings`);
  await h.shot(page, 'rating-04-station-summary-counted');
});

test('a forged code: the page says it is not valid, still shows the station, and rating is the ordinary kind', async () => {
  const scene = await sceneFor(HEAD_STATION);
  // Same station and key, another signature.
  const last = scene.slice(-1);
  const forged = `${scene.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
  browsers.allow(/\/api\/ratings\b/); // the visit check answers 400 (the envelope carries the message)
  browsers.allow(/Failed to load resource: the server responded with a status of 400/);

  const page = await browsers.open({ openid: DEMO.resident2 });
  await page.goto(`${h.baseUrl}/pages/station/index?scene=${encodeURIComponent(forged)}`);
  const p = '#page-station';
  await page.locator(`${p} #visit-error`).waitFor();
  const error = await text(page, `${p} #visit-error`);
  expect(error).toContain('这次扫码不能算到店');
  expect(error).toContain('不是本站点的有效二维码');
  expect(await page.locator(`${p} #visit-banner`).count()).toBe(0);

  // The station named in the code still shows, with its sections.
  const station = await call<{ name: string }>(h, 'stations', 'get', { id: HEAD_STATION });
  await waitText(page, `${p} #station-name`, station.name);
  await page.locator(`${p} #rating-summary`).waitFor();
  await settled(page, `${p} #visit-error`);
  await h.shot(page, 'rating-05-forged-code');

  await waitText(page, `${p} #btn-rate`, '评价这个站点');
  expect(await text(page, `${p} #btn-rate`)).not.toContain('到店');
  await tap(page, `${p} #btn-rate`);
  await page.locator('#page-rating-new #rating-form').waitFor();
  expect(await page.locator('#page-rating-new #rating-visit').count()).toBe(0);
  await settled(page, '#page-rating-new #rating-form');
  await h.shot(page, 'rating-06-forged-ordinary-rating-form');
});
