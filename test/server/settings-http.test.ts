/**
 * Region settings over HTTP (第十二条1): officials read effective thresholds; the province sets,
 * a county overrides for itself, never the province's value; every change leaves an audit line;
 * the idle-station list reads the county's rules. Poverty villages: the county imports its list
 * and coverage lists them first.
 */
import { DEMO, HEAD_STATION, appForTests, rid } from '../support/local-app';

jest.setTimeout(60_000);

const t = appForTests({ now: '2026-12-04T02:00:00.000Z' });

interface Item { key: string; value: number | null; source: string; own: number | null; inherited: number | null }
const item = (view: { groups: { items: Item[] }[] }, key: string) => view.groups.flatMap((g) => g.items).find((i) => i.key === key)!;

test('the province sets a value, the county overrides it for itself, the audit trail shows both', async () => {
  const county0 = await t.ok('settings', 'get', {}, DEMO.county);
  expect(county0.region).toEqual({ code: '360731', name: '于都县', level: 'county' });
  expect(item(county0, 'freshnessDays')).toMatchObject({ value: 180, source: 'default', own: null });
  expect(item(county0, 'minArea.village')).toMatchObject({ value: 10, source: 'default' });

  const prov = await t.ok('settings', 'update', { regionCode: '36', values: { freshnessDays: 150 }, reason: '全省统一缩短核实周期', version: 0 }, DEMO.province);
  expect(item(prov, 'freshnessDays')).toMatchObject({ value: 150, source: 'province', own: 150 });
  expect(item(await t.ok('settings', 'get', {}, DEMO.county), 'freshnessDays')).toMatchObject({ value: 150, source: 'province', own: null, inherited: 150 });

  t.clock.advanceDays(1 / 24);
  const mine = await t.ok('settings', 'update', { regionCode: '360731', values: { freshnessDays: 120, 'idle.quietDays': 30 }, reason: '山区村点多', version: 0 }, DEMO.county);
  expect(item(mine, 'freshnessDays')).toMatchObject({ value: 120, source: 'county', own: 120, inherited: 150 });
  expect(mine.version).toBe(1);
  expect(mine.changes[0]).toMatchObject({ region: '于都县', reason: '山区村点多', lines: ['信息更新·信息多久未核实算待更新：沿用上级 → 120天', '闲置站点线索·无评价、无到店记录达到：沿用上级 → 30天'] });
  expect(mine.changes[0].by).toMatch(/^于都县县级主管部门/);
  expect(mine.changes[1]).toMatchObject({ region: '江西省', reason: '全省统一缩短核实周期', lines: ['信息更新·信息多久未核实算待更新：沿用上级 → 150天'] });
  expect(JSON.stringify(mine)).not.toMatch(/openid|demo-/);

  // The province still sees its own value; another county gets the province's.
  expect(item(await t.ok('settings', 'get', {}, DEMO.province), 'freshnessDays')).toMatchObject({ value: 150, source: 'province' });
  expect(item(await t.ok('settings', 'get', { regionCode: '360732' }, DEMO.province), 'freshnessDays')).toMatchObject({ value: 150, source: 'province' });
  // The county's idle-station list uses the county's rules.
  expect((await t.ok('upkeep', 'idleStations', {}, DEMO.county)).rules).toMatchObject({ quietDays: 30 });
});

test('scope: a county cannot change the province value, its city, or another county', async () => {
  for (const regionCode of ['36', '3607', '360732']) {
    const r = await t.call('settings', 'update', { regionCode, values: { freshnessDays: 60 }, reason: '试试', version: 0 }, DEMO.county);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能调整本级或下级地区的参数' } });
  }
  expect(item(await t.ok('settings', 'get', {}, DEMO.province), 'freshnessDays')).toMatchObject({ value: 150 });
  expect((await t.call('settings', 'get', { regionCode: '36' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
    expect((await t.call('settings', 'get', {}, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // The city may set its own region and the counties inside it.
  expect((await t.call('settings', 'update', { regionCode: '3607', values: { 'minArea.village': 12 }, reason: '市里统一', version: 0 }, DEMO.city)).body).toMatchObject({ ok: true });
});

test('validation: ranges, stale versions, a missing reason, unknown fields', async () => {
  const bad = await t.call('settings', 'update', { regionCode: '360731', values: { 'minArea.village': 1 }, reason: '太小', version: 1 }, DEMO.county);
  expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '村级服务点应在 5 到 200㎡ 之间' } });
  const stale = await t.call('settings', 'update', { regionCode: '360731', values: { freshnessDays: 100 }, reason: '再调', version: 0 }, DEMO.county);
  expect(stale.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const noReason = await t.call('settings', 'update', { regionCode: '360731', values: { freshnessDays: 100 }, reason: '', version: 1 }, DEMO.county);
  expect(noReason.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  expect((await t.call('settings', 'get', { regionCode: '360731', all: true }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
});

test('the public 待更新 badge follows the county freshness days (120 here, the default 180 elsewhere)', async () => {
  const before = await t.ok('stations', 'get', { id: HEAD_STATION });
  // Move the clock so the station's information is 150 days old: stale at 120 days, not at 180.
  t.clock.advanceDays(150 - before.infoAgeDays);
  const after = await t.ok('stations', 'get', { id: HEAD_STATION });
  expect(after.infoAgeDays).toBe(150);
  expect(after.stale).toBe(true);
  await t.ok('settings', 'update', { regionCode: '360731', values: { freshnessDays: null }, reason: '恢复省定', version: 1 }, DEMO.county);
  t.clock.advanceDays(0.001 * 100);
  // Back to the province's 150 days: 150 is not more than 150.
  const restored = await t.ok('stations', 'get', { id: HEAD_STATION });
  expect(restored.stale).toBe(false);
});

async function upload(text: string, openid: string): Promise<string> {
  const res = await t.raw('/api/upload-document', { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-wx-openid': openid }, body: Buffer.from(`\uFEFF${text}`, 'utf8') });
  const body = (await res.json()) as { data: { id: string } };
  return body.data.id;
}

test('poverty villages: the county previews and imports its list; coverage lists them first, marked', async () => {
  const before = await t.ok('register', 'coverage', {}, DEMO.county);
  const last = before.villagesWithout[before.villagesWithout.length - 1];
  expect(last.poverty).toBeUndefined();
  const fileId = await upload(`行政区划代码,村名\n${last.code},${last.name}\n360732100201,别县村\n`, DEMO.county);
  const preview = await t.ok('register', 'povertyPreview', { fileId }, DEMO.county);
  expect(preview).toMatchObject({ fileErrors: [], summary: { rows: 2, villages: 1, errors: 1 }, written: false });
  expect(preview.rows[0]).toMatchObject({ row: 3, errors: ['不是于都县的村'] });
  // A file with a bad row is not written.
  expect((await t.ok('register', 'povertyImport', { fileId }, DEMO.county)).written).toBe(false);
  const good = await upload(`行政区划代码,村名\n${last.code},${last.name}\n`, DEMO.county);
  expect(await t.ok('register', 'povertyImport', { fileId: good }, DEMO.county)).toMatchObject({ summary: { villages: 1, errors: 0 }, written: true });
  const after = await t.ok('register', 'coverage', {}, DEMO.county);
  expect(after.villagesWithout[0]).toMatchObject({ code: last.code, poverty: true });
  expect(after.counts).toMatchObject({ povertyVillages: 1, povertyWithout: 1 });
  // Only the county's own officials import its list.
  const cityFile = await upload(`行政区划代码,村名\n${last.code},${last.name}\n`, DEMO.city);
  expect((await t.call('register', 'povertyImport', { fileId: cityFile, countyCode: '360731' }, DEMO.city)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('the city’s idle-station list judges each station by its own county’s rules', async () => {
  // A station like the head's, in 兴国县 (another county of 赣州市).
  const head = (await t.app.stores.stations.get(HEAD_STATION))!;
  const other = { ...head, id: 'st-360732100-900', code: '360732100900', name: '潋江镇服务站', regionPath: [...head.regionPath.slice(0, 2), { code: '360732', name: '兴国县' }, { code: '360732100', name: '潋江镇' }] };
  await t.app.stores.stations.upsertMany([other]);
  // The city wants 3 不开门 complaints; 于都 lists a station at 1.
  const cityVersion = (await t.ok('settings', 'get', { regionCode: '3607' }, DEMO.city)).version;
  await t.ok('settings', 'update', { regionCode: '3607', values: { 'idle.notOpenComplaints': 3 }, reason: '市里统一标准', version: cityVersion }, DEMO.city);
  const countyVersion = (await t.ok('settings', 'get', {}, DEMO.county)).version;
  await t.ok('settings', 'update', { regionCode: '360731', values: { 'idle.notOpenComplaints': 1 }, reason: '于都从严', version: countyVersion }, DEMO.county);
  for (const stationId of [HEAD_STATION, other.id]) {
    await t.ok('complaints', 'submit', { stationId, category: 'closed_often', description: '连续几天去都没开门，电话也不接。' }, `r-idle-${stationId}`, rid('idle'));
  }
  type Candidates = { stationId: string; reasons: { code: string; text: string }[] }[];
  const notOpen = (list: { items?: Candidates; idle?: Candidates }, id: string) => (list.items ?? list.idle)!.find((c) => c.stationId === id)?.reasons.find((r) => r.code === 'not_open')?.text ?? null;
  const city = await t.ok('upkeep', 'idleStations', {}, DEMO.city);
  // 于都's station: one complaint is enough there; the other county's: one is not (the city's 3).
  expect(notOpen(city, HEAD_STATION)).toBe('近 90 天有 1 件“站点长期不开门”投诉');
  expect(notOpen(city, other.id)).toBeNull();
  expect(city).toMatchObject({ rules: { notOpenComplaints: 3 }, mixed: true });
  const county = await t.ok('upkeep', 'idleStations', {}, DEMO.county);
  expect(notOpen(county, HEAD_STATION)).toBe('近 90 天有 1 件“站点长期不开门”投诉');
  expect(county).toMatchObject({ rules: { notOpenComplaints: 1 }, mixed: false });
  // The city's dashboard counts idle stations by the same rules.
  const dash = await t.ok('reports', 'figures', {}, DEMO.city);
  expect(notOpen(dash.figures, HEAD_STATION)).toBe('近 90 天有 1 件“站点长期不开门”投诉');
  expect(notOpen(dash.figures, other.id)).toBeNull();
});
