/**
 * 站点负责人招募 and 公示 in the H5 build: the 于都县 official creates and opens a post (API); a
 * villager finds it through 我的 → 招募与公示, applies — the ID number field appears only after
 * the separate consent — and sees it in 我的报名; the official closes, scores, selects and
 * publishes the notice (API); the public notice shows name, gender, age, village and post but
 * never the ID number or phone; another villager lodges a real-name objection and it is received.
 * Screenshots: .cache/e2e/apply-*.png (look at them).
 */
import { ageOn, checkCharacter } from '../../core/recruitment/idcard';
import { browserSuite, call, fill, scrollTo, settled, shanghaiDay, tap, text, waitText } from './support/browser';
import { DEMO, HEAD_STATION } from '../support/demo';
import { rubric } from '../support/rubric';

const TOWNSHIP = '360731100'; // 贡江镇

const NAME = '张建国';
const BIRTH_YEAR = 1988;
const ID_FIRST17 = `360731${BIRTH_YEAR}0315123`; // sequence 123: odd → male
const ID_NUMBER = `${ID_FIRST17}${checkCharacter(ID_FIRST17)}`;
const ID_MASKED_TAIL = ID_NUMBER.slice(-4);
const PHONE = '13912345678';
const PHONE_MASKED = '139****5678';
const RUBRIC = rubric({ 电商技能: 40, 农产品经验: 30, 群众认可: 30 });

interface Post {
  id: string;
  title: string;
  version: number;
  status: string;
  noticeId: string | null;
}
interface Region {
  code: string;
  name: string;
  level: string;
}

const { h, browsers } = browserSuite({ keepBrowsers: true });

const official = <T>(fn: string, action: string, data: object) => call<T>(h, fn, action, data, DEMO.county);

test('post (API) → villager applies with the ID consent step → 我的报名 → notice (API) shows no ID or phone → real-name objection received', async () => {
  // ── The official creates and opens a post ──
  const today = shanghaiDay();
  const created = await official<Post>('recruitment', 'createPost', {
    title: '贡江镇服务站负责人',
    stationId: HEAD_STATION,
    requirements: ['本县户籍或在本县居住满 1 年', '会用智能手机，能学会网店和快递系统', '熟悉本地农产品'],
    rubric: RUBRIC,
    opensOn: today,
    closesOn: shanghaiDay(14),
  });
  expect(created.status).toBe('draft');
  let post = await official<Post>('recruitment', 'openPost', { id: created.id, version: created.version });
  expect(post.status).toBe('open');

  // The village to pick: the first one of 贡江镇.
  const villages = await call<Region[]>(h, 'stations', 'regions', { parentCode: TOWNSHIP });
  const village = villages.find((v) => v.level === 'village');
  if (!village) throw new Error(`no village under ${TOWNSHIP}`);

  // ── The villager: 我的 → 招募与公示 → the post → 我要报名 ──
  const page = await browsers.open({ openid: DEMO.resident1 });
  await page.goto(`${h.baseUrl}/pages/me/index`);
  await tap(page, '#page-me #entry-apply');
  const card = `#page-apply #post-${post.id}`;
  await page.locator(card).waitFor();
  expect(await text(page, card)).toContain('报名中');
  await settled(page, card);
  await h.shot(page, 'apply-01-posts');
  await tap(page, card);

  await page.locator('#page-apply-post #post-detail').waitFor();
  expect(await text(page, '#page-apply-post #post-window')).toContain('正在报名');
  for (const r of RUBRIC) expect(await text(page, '#page-apply-post #post-rubric')).toContain(`${r.criterion}`);
  await settled(page, '#page-apply-post #btn-apply');
  await h.shot(page, 'apply-02-post');
  await tap(page, '#page-apply-post #btn-apply');

  const f = '#page-apply-form #apply-form';
  await page.locator(f).waitFor();
  await fill(page, `${f} #apply-name`, NAME);
  await fill(page, `${f} #apply-phone`, PHONE);
  // 所在村: 市 › 县 › 乡镇 › 村.
  await tap(page, `${f} #apply-village-open`);
  await tap(page, `${f} #apply-village-item-${TOWNSHIP.slice(0, 4)}`);
  await tap(page, `${f} #apply-village-item-${TOWNSHIP.slice(0, 6)}`);
  await tap(page, `${f} #apply-village-item-${TOWNSHIP}`);
  await tap(page, `${f} #apply-village-item-${village.code}`);
  await waitText(page, `${f} #apply-village-chosen`, village.name);

  // The ID number: no field until the separate consent is ticked.
  expect(await page.locator(`${f} #apply-id`).count()).toBe(0);
  expect(await text(page, `${f} #apply-id-locked`)).toContain('勾选同意后才能填写身份证号');
  expect(await text(page, `${f} #apply-consent-notice`)).toContain('公示只写姓名、性别、年龄、所在村和岗位');
  await scrollTo(page, `${f} #id-consent-step`);
  await h.shot(page, 'apply-03-consent-before');
  await tap(page, `${f} #apply-consent`);
  await page.locator(`${f} #apply-consent[aria-checked="true"]`).waitFor();
  await fill(page, `${f} #apply-id`, ID_NUMBER);
  expect(await page.locator(`${f} #apply-id-locked`).count()).toBe(0);
  // A valid number fills in gender and birth year.
  await page.locator(`${f} #apply-gender-male.chip--on`).waitFor();
  expect(await page.locator(`${f} #apply-birth-year input`).inputValue()).toBe(String(BIRTH_YEAR));
  await scrollTo(page, `${f} #id-consent-step`);
  await h.shot(page, 'apply-04-consent-given-id');

  await tap(page, `${f} #apply-background-cooperative`);
  await tap(page, `${f} #apply-education-senior`);
  await fill(page, `${f} #apply-skills`, '开过淘宝店，会用快递系统，会拍照修图。');
  await fill(page, `${f} #apply-products`, '卖过于都脐橙、酱鸭和红薯干。');
  await fill(page, `${f} #apply-statement`, '想把村里的农产品卖出去，站点按时开门、明码标价。');
  await tap(page, `${f} #apply-submit`);

  await page.locator('#page-apply-form #apply-success').waitFor();
  const receipt = await text(page, '#page-apply-form #apply-success');
  expect(receipt).toContain('报名成功');
  expect(receipt).toContain(NAME);
  expect(receipt).toContain(PHONE_MASKED);
  expect(receipt).toContain(ID_MASKED_TAIL);
  expect(receipt).not.toContain(ID_NUMBER);
  expect(receipt).not.toContain(PHONE);
  await settled(page, '#page-apply-form #apply-success');
  await h.shot(page, 'apply-05-success');

  await tap(page, '#page-apply-form #btn-to-mine');
  await page.locator('#page-mine #mine-list').waitFor();
  const mine = await call<{ items: { id: string; postId: string; status: string }[] }>(h, 'recruitment', 'mine', {}, DEMO.resident1);
  expect(mine.items).toHaveLength(1);
  const appId = mine.items[0].id;
  const row = `#page-mine #mine-${appId}`;
  await waitText(page, row, '已报名');
  const rowText = await text(page, row);
  expect(rowText).toContain(post.title);
  expect(rowText).toContain(`${NAME} · ${village.name}`);
  expect(rowText).not.toContain(ID_NUMBER);
  expect(rowText).not.toContain(PHONE);
  await settled(page, row);
  await h.shot(page, 'apply-06-mine');

  // ── The official: close, score, select, publish the notice ──
  post = await official<Post>('recruitment', 'closePost', { id: post.id, version: post.version });
  expect(post.status).toBe('reviewing');
  const apps = await official<{ items: { id: string; name: string }[] }>('recruitment', 'applications', { postId: post.id });
  expect(apps.items.map((a) => a.id)).toEqual([appId]);
  await official('recruitment', 'score', { applicationId: appId, byCriterion: { 电商技能: 85, 农产品经验: 90, 群众认可: 80 } });
  post = await official<Post>('recruitment', 'select', { postId: post.id, version: post.version, applicationId: appId });
  const notice = await official<{ id: string; running: boolean }>('notices', 'publish', {
    postId: post.id,
    version: post.version,
    startsOn: today,
    // 14 days: ≥ 5 working days (today itself does not count) and, except in late December, inside a
    // year with holiday data (a period over a year without it is refused).
    endsOn: shanghaiDay(14),
    objectionChannel: '于都县商务局 0797-6228800（工作日 8:00-17:30）',
  });
  expect(notice.running).toBe(true);

  // The applicant's 我的报名 follows.
  await page.reload();
  await waitText(page, row, '拟任用');

  // ── Another villager reads the public notice ──
  const reader = await browsers.open({ openid: DEMO.resident2 });
  await reader.goto(`${h.baseUrl}/packages/apply/notice/index?id=${encodeURIComponent(notice.id)}`);
  const n = '#page-notice #notice-detail';
  await reader.locator(`${n} #notice-facts`).waitFor();
  expect(await text(reader, `${n} #notice-period`)).toContain('正在公示');
  const facts = await reader.locator(`${n} #notice-facts .kv`).evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('.kv__k')?.textContent?.trim(), r.querySelector('.kv__v')?.textContent?.trim()]),
  );
  expect(Object.fromEntries(facts)).toEqual({
    姓名: NAME,
    性别: '男',
    年龄: `${ageOn(`${BIRTH_YEAR}-03-15`, today)} 岁`,
    所在村: village.name,
    拟任岗位: post.title,
  });
  const whole = await reader.locator('#page-notice').innerText();
  for (const secret of [ID_NUMBER, ID_MASKED_TAIL, PHONE, PHONE_MASKED]) expect({ secret, shown: whole.includes(secret) }).toEqual({ secret, shown: false });
  expect(whole).not.toMatch(/\d\*{4,}\d/); // no masked number either
  await settled(reader, `${n} #notice-facts`);
  await h.shot(reader, 'apply-07-notice');

  // A real-name objection.
  const o = `${n} #objection-form`;
  await fill(reader, `${o} #objection-name`, '李四');
  await fill(reader, `${o} #objection-phone`, '13700001111');
  await fill(reader, `${o} #objection-text`, '据我所知，报名人这两年一直在外地务工，不在本村居住，请核实。');
  await scrollTo(reader, o);
  await h.shot(reader, 'apply-08-objection-form');
  await tap(reader, `${o} #objection-submit`);
  await waitText(reader, `${n} #objection-success`, '异议已提交（已收到）');
  expect(await reader.locator(`${n} #objection-form`).count()).toBe(0);
  await settled(reader, `${n} #objection-success`);
  await h.shot(reader, 'apply-09-objection-received');

  const objections = await official<{ realName: string; phoneMasked: string; status: string; text: string }[]>('notices', 'objections', { noticeId: notice.id });
  expect(objections).toHaveLength(1);
  expect(objections[0]).toMatchObject({ realName: '李四', phoneMasked: '137****1111', status: 'received' });
  expect(objections[0].text).toContain('不在本村居住');
});
