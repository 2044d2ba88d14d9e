/**
 * 冒名站点举报 over HTTP (第十一条7): a villager reports a place in 于都县 that is not in the
 * register; the county official sees it (never who sent it), closes it with what was done, and a
 * second close is refused; other counties, residents and heads cannot see or close it.
 */
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

const t = appForTests({ now: '2026-12-04T02:00:00.000Z' }, { each: true });

const REPORT = { regionCode: '360731100', place: '长征大道 18 号门面', description: '门口挂着“电商扶贫服务站”的牌子，代收快递每件收 5 元，村里没人知道这个站。' };

test('reported → in the county list without the reporter → closed with what was done, once', async () => {
  const sent = await t.ok('stations', 'reportUnlisted', { ...REPORT, location: { lat: 25.95, lng: 115.41 } }, DEMO.resident1);
  expect(sent).toMatchObject({ received: true });
  const list = await t.ok('upkeep', 'unlistedReports', {}, DEMO.county);
  expect(list.items).toEqual([expect.objectContaining({ id: sent.id, regionLabel: '于都县 · 贡江镇', place: REPORT.place, statusLabel: '待核查', reportedOn: '2026-12-04', location: { lat: 25.95, lng: 115.41 } })]);
  expect(JSON.stringify(list)).not.toContain(DEMO.resident1);
  // The city above sees it too.
  expect((await t.ok('upkeep', 'unlistedReports', {}, DEMO.city)).items.map((i: { id: string }) => i.id)).toEqual([sent.id]);

  const closed = await t.ok('upkeep', 'handleUnlisted', { id: sent.id, version: 1, outcome: 'dealt_with', note: '已到现场核实，责令摘下冒用的牌子' }, DEMO.county);
  expect(closed).toMatchObject({ status: 'closed', statusLabel: '已处理', outcomeLabel: '已查处：责令摘牌、停止冒用', closedOn: '2026-12-04' });
  expect((await t.call('upkeep', 'handleUnlisted', { id: sent.id, version: 1, outcome: 'not_found', note: '重复处理一次' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect((await t.ok('upkeep', 'unlistedReports', {}, DEMO.county)).items).toEqual([]);
  expect((await t.ok('upkeep', 'unlistedReports', { status: 'closed' }, DEMO.county)).items.map((i: { id: string }) => i.id)).toEqual([sent.id]);
  const audit = await t.app.stores.audit.list({ resource: `unlisted:${sent.id}`, offset: 0, limit: 10 });
  expect(audit.items.map((e) => `${e.action}:${e.outcome}:${e.detail}`)).toEqual(['station.unlisted:done:dealt_with']);
});

test('validation, anonymity of nobody, and scope', async () => {
  expect((await t.call('stations', 'reportUnlisted', REPORT, null)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect((await t.call('stations', 'reportUnlisted', { ...REPORT, regionCode: '3607' }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  expect((await t.call('stations', 'reportUnlisted', { ...REPORT, description: '有' }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  expect((await t.call('stations', 'reportUnlisted', { ...REPORT, stationId: 'x' }, DEMO.resident1)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  const elsewhere = await t.ok('stations', 'reportUnlisted', { ...REPORT, regionCode: '360781' }, DEMO.resident1);
  // 于都县's official does not see 瑞金市's report, and cannot close it (answered as missing).
  expect((await t.ok('upkeep', 'unlistedReports', {}, DEMO.county)).items).toEqual([]);
  expect((await t.call('upkeep', 'handleUnlisted', { id: elsewhere.id, version: 1, outcome: 'not_found', note: '未发现冒用情况' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
    expect((await t.call('upkeep', 'unlistedReports', {}, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
});
