/**
 * The officials' (packages/official) and applicants' (packages/apply) subpackages as built for
 * WeChat, under miniprogram-simulate with the real handlers behind wx.cloud.callFunction:
 * the workbench, the queue's countdowns, 受理 on a case, and the application form's consent gate.
 * This also proves the subpackages' shared chunks (sub-common, sub-vendors) load from dist.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aesCipher, deriveKey, hmacSigner } from '../../adapters/platform/crypto';
import { localFileStore } from '../../adapters/platform/local-files';
import { bootstrapAdmins } from '../../core/account/service';
import { systemClock } from '../../core/ports';
import { toShanghai } from '../../core/shared/time';
import { demoIdentities } from '../../seed/identities';
import { createLocalFunctions, createLocalStores, localPlatform } from '../../server/functions';
import { seedDemoComplaints } from '../../server/seed';
import { renderPage, setupWeapp, teardownWeapp, type PageHandle, type WxEnv } from './support/simulate';

jest.setTimeout(30_000);

const OFFICIAL = 'demo-county-official-1';
let env: WxEnv;
let page: PageHandle | null = null;
let postId = '';

beforeAll(async () => {
  env = await setupWeapp({ openid: OFFICIAL });
  const stores = createLocalStores(env.db);
  const ring = [{ id: 'k', key: randomBytes(32) }];
  const files = localFileStore(mkdtempSync(join(tmpdir(), 'zdt-weapp-sub-')), deriveKey(ring, 'files'), systemClock);
  const platform = localPlatform(aesCipher(ring), files, { signer: hmacSigner(ring) });
  await bootstrapAdmins({ ...stores, ids: platform.ids, clock: platform.clock }, demoIdentities().filter((i) => i.role !== 'resident'), 'test');
  await seedDemoComplaints(stores);
  const { functions } = createLocalFunctions(stores, platform);
  Object.assign(env.functions, functions);
  // An open post to apply to.
  const today = toShanghai(new Date()).date;
  const created = await functions.recruitment(
    {
      action: 'createPost',
      data: { title: '贡江镇服务站负责人', stationId: 'st-360731100-000', requirements: ['熟悉当地情况'], rubric: [{ criterion: '电商技能', weight: 60 }, { criterion: '群众口碑', weight: 40 }], opensOn: today, closesOn: today },
    },
    { openid: OFFICIAL },
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const post = created.data as { id: string; version: number };
  const opened = await functions.recruitment({ action: 'openPost', data: { id: post.id, version: post.version } }, { openid: OFFICIAL });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  postId = post.id;
});

afterAll(() => teardownWeapp());

afterEach(() => {
  page?.unmount();
  page = null;
  env.openid = OFFICIAL;
  env.clearCalls();
});

test('工作台: role-aware tiles and the overdue count on 投诉待办', async () => {
  page = await renderPage('packages/official/home/index');
  await page.waitFor('workbench-tiles');
  for (const t of ['tile-queue', 'tile-ratings', 'tile-posts', 'tile-training', 'tile-stats']) expect(page.has(t)).toBe(true);
  expect(page.has('tile-station')).toBe(false);
  await page.waitFor('tile-queue-overdue');
  expect(page.text('tile-queue-overdue')).toMatch(/超期 \d+\+? 件|没有超期件/);
});

test('station head: only 本站投诉', async () => {
  env.openid = 'demo-station-head-1';
  page = await renderPage('packages/official/home/index');
  await page.waitFor('workbench-tiles');
  expect(page.findAll('tile-').map((n) => n.id)).toEqual(['tile-station']);
});

test('投诉待办: each case shows its countdown; 只看超期 re-queries', async () => {
  page = await renderPage('packages/official/queue/index');
  await page.waitFor('queue-list');
  const deadlines = page.findAll('deadline-');
  expect(deadlines.length).toBeGreaterThan(0);
  for (const d of deadlines) expect(page.text(d)).toMatch(/^(还剩 \d+ 个工作日|今天到期|已超期 \d+ 天|等待评价.*)$/);
  await page.tap('filter-overdue');
  await page.waitUntil(() => env.callsTo('cloud.callFunction').some((c) => c.data?.action === 'queue' && c.data?.data?.overdue === true), 'queue with overdue');
});

test('case: 受理 sends the version; the buttons follow the new allowedActions', async () => {
  const queue = await env.functions.complaints({ action: 'queue', data: { status: 'submitted', limit: 1 } }, { openid: OFFICIAL });
  const id = ((queue as { data: { items: { id: string }[] } }).data.items[0] ?? { id: '' }).id;
  expect(id).not.toBe('');
  page = await renderPage(`packages/official/complaint/index?id=${id}`);
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
  env.openid = 'demo-resident-1';
  page = await renderPage(`packages/apply/form/index?postId=${postId}`);
  await page.waitFor('apply-form');
  expect(page.has('apply-consent-notice')).toBe(true);
  expect(page.has('apply-id')).toBe(false);
  await page.tap('apply-submit');
  await page.waitFor('apply-consent-error');
  expect(env.callsTo('cloud.callFunction').some((c) => c.data?.action === 'apply')).toBe(false);
  await page.tap('apply-consent');
  await page.waitFor('apply-id');
});
