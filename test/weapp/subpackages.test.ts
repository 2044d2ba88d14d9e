/**
 * The officials' (packages/official) and applicants' (packages/apply) subpackages as built for
 * WeChat, under miniprogram-simulate with the real handlers behind wx.cloud.callFunction:
 * the workbench, the queue's countdowns, 受理 on a case, and the application form's consent gate.
 * This also proves the subpackages' shared chunks (sub-common, sub-vendors) load from dist.
 */
import { toShanghai } from '../../core/shared/time';
import { seedDemoComplaints } from '../../server/seed';
import { weappSuite } from './support/suite';
import { DEMO } from '../support/demo';

let postId = '';
const { env, page, render } = weappSuite({
  openid: DEMO.county,
  setup: async (stores) => {
    await seedDemoComplaints(stores);
    // An open post to apply to.
    const today = toShanghai(new Date()).date;
    const created = await env.functions.recruitment(
      {
        action: 'createPost',
        data: { title: '贡江镇服务站负责人', stationId: 'st-360731100-000', requirements: ['熟悉当地情况'], rubric: [{ criterion: '电商技能', weight: 60 }, { criterion: '群众口碑', weight: 40 }], opensOn: today, closesOn: today },
      },
      { openid: DEMO.county },
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const post = created.data as { id: string; version: number };
    const opened = await env.functions.recruitment({ action: 'openPost', data: { id: post.id, version: post.version } }, { openid: DEMO.county });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    postId = post.id;
  },
});

afterEach(() => {
  env.openid = DEMO.county;
});

test('工作台: role-aware tiles and the overdue count on 投诉待办', async () => {
  await render('packages/official/home/index');
  await page.waitFor('workbench-tiles');
  for (const t of ['tile-queue', 'tile-ratings', 'tile-posts', 'tile-training', 'tile-stats', 'tile-edits', 'tile-ledger-totals']) expect(page.has(t)).toBe(true);
  expect(page.has('tile-station')).toBe(false);
  await page.waitFor('tile-queue-overdue');
  expect(page.text('tile-queue-overdue')).toMatch(/超期 \d+\+? 件|没有超期件/);
});

test('station head: 本站整改, 本站投诉 and 修改站点信息 of their own station', async () => {
  await render('packages/official/home/index', 'demo-station-head-1');
  await page.waitFor('workbench-tiles');
  expect(page.findAll('tile-').map((n) => n.id)).toEqual(['tile-rectify', 'tile-station', 'tile-edit-st-360731100-000', 'tile-ledger', 'tile-heads-mine']);
});

test('投诉待办: each case shows its countdown; 只看超期 re-queries', async () => {
  await render('packages/official/queue/index');
  await page.waitFor('queue-list');
  const deadlines = page.findAll('deadline-');
  expect(deadlines.length).toBeGreaterThan(0);
  for (const d of deadlines) expect(page.text(d)).toMatch(/^(还剩 \d+ 个工作日|今天到期|已超期 \d+ 天|等待评价.*)$/);
  await page.tap('filter-overdue');
  await page.waitUntil(() => env.callsTo('cloud.callFunction').some((c) => c.data?.action === 'queue' && c.data?.data?.overdue === true), 'queue with overdue');
});

test('case: 受理 sends the version; the buttons follow the new allowedActions', async () => {
  const queue = await env.functions.complaints({ action: 'queue', data: { status: 'submitted', limit: 1 } }, { openid: DEMO.county });
  const id = ((queue as { data: { items: { id: string }[] } }).data.items[0] ?? { id: '' }).id;
  expect(id).not.toBe('');
  await render(`packages/official/complaint/index?id=${id}`);
  await page.waitFor('btn-accept');
  expect(page.has('btn-reply')).toBe(false);
  await page.tap('btn-accept');
  await page.waitFor('action-result');
  const accept = env.callsTo('cloud.callFunction').find((c) => c.data?.action === 'accept');
  expect(accept.data.data).toEqual({ id, version: expect.any(Number) });
  expect(page.has('btn-accept')).toBe(false);
  expect(page.has('btn-reply')).toBe(true);
});

test('报名: the ID field appears only after the separate consent', async () => {
  await render(`packages/apply/form/index?postId=${postId}`, 'demo-resident-1');
  await page.waitFor('apply-form');
  expect(page.has('apply-consent-notice')).toBe(true);
  expect(page.has('apply-id')).toBe(false);
  await page.tap('apply-submit');
  await page.waitFor('apply-consent-error');
  expect(env.callsTo('cloud.callFunction').some((c) => c.data?.action === 'apply')).toBe(false);
  await page.tap('apply-consent');
  await page.waitFor('apply-id');
});

test('公示: the public notice shows name, gender, age, village and post — never the ID or phone — and takes a real-name objection', async () => {
  const call = async (fn: string, action: string, data: unknown, openid: string, requestId?: string) => {
    const r = await env.functions[fn]({ action, data, ...(requestId ? { requestId } : {}) }, { openid });
    if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
    return r.data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const today = toShanghai(new Date()).date;
  const idNumber = '36073119900512' + '131';
  const { checkCharacter } = await import('../../core/recruitment/idcard');
  const fullId = idNumber + checkCharacter(idNumber);
  const phone = '13970001234';
  const post = await call('recruitment', 'createPost', { title: '金竹社区服务点负责人', stationId: 'st-360731100-006', requirements: ['熟悉本村'], rubric: [{ criterion: '电商技能', weight: 50 }, { criterion: '群众基础', weight: 50 }], opensOn: today, closesOn: today }, DEMO.county);
  await call('recruitment', 'openPost', { id: post.id, version: 1 }, DEMO.county);
  const app = await call('recruitment', 'apply', { postId: post.id, name: '钟明华', gender: 'male', birthYear: 1990, idNumber: fullId, idConsent: true, phone, villageCode: '360731100001', background: 'returnee', education: 'college', skills: '会开网店', productExperience: '卖过脐橙', statement: '愿意为村里服务' }, 'notice-applicant', 'weapp-notice-apply');
  await call('recruitment', 'closePost', { id: post.id, version: 2 }, DEMO.county);
  await call('recruitment', 'score', { applicationId: app.id, byCriterion: { 电商技能: 80, 群众基础: 90 } }, DEMO.county);
  await call('recruitment', 'select', { postId: post.id, version: 3, applicationId: app.id }, DEMO.county);
  const { addDays } = await import('../../core/shared/time');
  const notice = await call('notices', 'publish', { postId: post.id, version: 4, startsOn: today, endsOn: addDays(today, 14), objectionChannel: '于都县商务局 0797-6220000' }, DEMO.county);

  await render(`packages/apply/notice/index?id=${notice.id}`, 'demo-resident-2');
  await page.waitFor('notice-facts');
  const facts = page.text('notice-facts');
  for (const expected of ['钟明华', '男', '长龙', '金竹社区服务点负责人']) expect(facts).toContain(expected);
  expect(facts).toMatch(/\d+ 岁/);
  const all = page.text('page-notice');
  expect(all).not.toContain(fullId);
  expect(all).not.toContain(phone);
  expect(page.text('notice-channel')).toContain('0797-6220000');

  await page.waitFor('objection-form');
  await page.type('objection-name', '李四');
  await page.type('objection-phone', '13812340001');
  await page.type('objection-text', '据我所知，该人选长期在外地务工，不熟悉本村情况。');
  await page.tap('objection-submit');
  await page.waitFor('objection-success');
  const objections = await call('notices', 'objections', { noticeId: notice.id }, DEMO.county);
  expect(objections).toHaveLength(1);
  expect(objections[0]).toMatchObject({ realName: '李四', status: 'received' });
});

test('角色与节假日: the province administrator enters 2027 holidays; the warning goes away', async () => {
  await render('packages/official/admin/index', 'demo-province-admin-1');
  await page.waitFor('calendar-years');
  expect(page.text('calendar-years')).toContain('缺：');
  await page.type('calendar-year', '2027');
  await page.type('calendar-holidays', '2027-01-01, 2027-02-06 2027-02-07，2027-10-01');
  await page.type('calendar-workdays', '2027-02-14');
  await page.tap('calendar-submit');
  await page.waitFor('calendar-saved');
  const status = await env.functions.account({ action: 'calendar', data: {} }, { openid: 'demo-province-admin-1' });
  expect(status.ok && (status.data as { years: { year: number; source: string }[] }).years).toEqual(expect.arrayContaining([{ year: 2027, source: 'admin' }]));
});

test('角色与节假日: a county official sees no calendar form and invites a stand-in head, who enters the code', async () => {
  await render('packages/official/admin/index', DEMO.county);
  await page.waitFor('grant-form');
  expect(page.has('calendar-form')).toBe(false);
  // By invitation: a name, the role, the station found by name — no openid, no station code typed.
  await page.type('grant-name', '刘芳');
  await page.tap('grant-role-station_head');
  await page.type('grant-station-q', '贡江');
  await page.tap('grant-station-search');
  await page.waitFor('grant-station-option-st-360731100-000');
  await page.tap('grant-station-option-st-360731100-000');
  // A direct station_head grant needs a reason (heads are normally appointed through a notice).
  await page.type('grant-reason', '原负责人外出务工，临时代管');
  await page.tap('grant-submit');
  await page.waitFor('grant-code-value');
  const code = page.text('grant-code-value').trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

  // The invited person enters the code on 我有授权码.
  await render('packages/official/accept/index', 'someone-new-1');
  await page.waitFor('accept-form');
  await page.type('accept-code', code.toLowerCase());
  await page.tap('accept-submit');
  await page.waitFor('accept-done');
  expect(page.text('accept-done')).toContain('站点负责人');
  const me = await env.functions.account({ action: 'me', data: {} }, { openid: 'someone-new-1' });
  const roles = me.ok ? (me.data as { roles: { role: string }[] }).roles.map((r) => r.role) : [];
  expect(roles).toEqual(['station_head']);
});

