/**
 * Issue 11 §2 as built for WeChat (dist/weapp, the real handlers behind wx.cloud.callFunction): the
 * complainant's case page shows 处理中 and offers 补充材料; the official's case page shows the
 * 补充材料 on the timeline and offers 办理进展.
 */
import { wireLocalFunctions } from './support/local-functions';
import { renderPage, setupWeapp, teardownWeapp, type PageHandle, type WxEnv } from './support/simulate';

jest.setTimeout(30_000);

const OFFICIAL = 'demo-county-official-1';
const RESIDENT = 'demo-resident-1';
const STATION = 'st-360731100-000';
let env: WxEnv;
let page: PageHandle | null = null;
let id = '';

async function call(action: string, data: unknown, openid: string, requestId?: string) {
  const r = await env.functions.complaints({ action, data, ...(requestId ? { requestId } : {}) }, { openid });
  if (!r.ok) throw new Error(`complaints.${action}: ${JSON.stringify(r)}`);
  return r.data as { id: string; version: number };
}

beforeAll(async () => {
  env = await setupWeapp({ openid: RESIDENT });
  await wireLocalFunctions(env);
  const filed = await call('submit', { stationId: STATION, category: 'overcharge', description: '寄快递多收了 5 元，没有明码标价。' }, RESIDENT, 'weapp-extras-1');
  await call('accept', { id: filed.id, version: filed.version }, OFFICIAL);
  id = filed.id;
});

afterAll(() => teardownWeapp());

afterEach(() => {
  page?.unmount();
  page = null;
  env.clearCalls();
});

test('the complainant sees 处理中 and may add 补充材料', async () => {
  env.openid = RESIDENT;
  page = await renderPage(`pages/complaint/detail/index?id=${id}`);
  await page.waitFor('complaint-progress');
  expect(page.text('complaint-progress')).toBe('处理中');
  expect(page.has('btn-supplement-open')).toBe(true);
});

test('the official sees the 补充材料 on the timeline and may post 办理进展', async () => {
  const v = (await call('get', { id }, RESIDENT)) as { version: number };
  await call('supplement', { id, version: v.version, text: '补充：收据上写着每件收 8 元' }, RESIDENT);
  env.openid = OFFICIAL;
  page = await renderPage(`packages/official/complaint/index?id=${id}`);
  await page.waitFor('complaint-timeline');
  expect(page.text('complaint-timeline')).toContain('补充：收据上写着每件收 8 元');
  expect(page.has('btn-progress')).toBe(true);
});
