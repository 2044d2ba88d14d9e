/**
 * The `stations` function over real HTTP on the local server (demo data, fixed clock):
 * nearby / search / get / regions, the error envelope and HTTP status mapping, body limits,
 * the developer routes and the HTML root without an H5 build.
 */
import type { StationDetail, StationPage, RegionItem } from '../../core/station/api';
import { demoStations, YUDU_OPERATOR } from '../../seed/demo';
import { demoIdentities } from '../../seed/identities';
import { HEAD_STATION, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const YUDU = { lat: 25.952, lng: 115.415 };
/** Wednesday 2026-09-30 10:00 in Asia/Shanghai. */
const NOW = '2026-09-30T02:00:00.000Z';
const HOURS_LABELS = ['营业中', '已打烊', '今日休息', '未开门'];

/** Independent great-circle distance (mean Earth radius), for checking the server's figures. */
function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const t = appForTests({ now: NOW });
const seedStations = demoStations('2026-09-30');

describe('nearby', () => {
  it('returns listed demo stations near 于都 nearest first, with true distances and hours labels', async () => {
    const r = await t.call<StationPage>('stations', 'nearby', { ...YUDU, limit: 10 });
    expect(r.status).toBe(200);
    if (!r.body.ok) throw new Error('not ok');
    const items = r.body.data.items;
    expect(items).toHaveLength(10);
    // The county centre is the nearest demo station to this point, then 贡江镇服务站.
    expect(items[0].id).toBe('st-360731-000');
    expect(items[0].name).toBe('于都县电商扶贫服务运营中心');
    expect(items.map((s) => s.id)).toContain(HEAD_STATION);
    for (let i = 1; i < items.length; i++) expect(items[i].distanceM!).toBeGreaterThanOrEqual(items[i - 1].distanceM!);
    for (const s of items) {
      expect(Math.abs(s.distanceM! - haversine(YUDU, s.location))).toBeLessThanOrEqual(2);
      expect(HOURS_LABELS).toContain(s.hours.label);
      expect(s.hours.detail.length).toBeGreaterThan(0);
      expect(['notice', 'certified', 'active', 'rectification']).toContain(s.status);
      expect(s.place.startsWith('于都县')).toBe(true);
    }
    // Nothing listed within the radius is missing from the first page: compare with the seed.
    const listed = seedStations.filter((s) => ['notice', 'certified', 'active', 'rectification'].includes(s.status));
    const nearest = listed.map((s) => ({ id: s.id, d: haversine(YUDU, s.location) })).sort((a, b) => a.d - b.d).slice(0, 10);
    expect(items.map((s) => s.id)).toEqual(nearest.map((n) => n.id));
  });

  it('at 10:00 on a Wednesday the county centre is open (营业中)', async () => {
    const r = await t.ok<StationPage>('stations', 'nearby', { ...YUDU, limit: 1 });
    expect(r.items[0].hours).toEqual(expect.objectContaining({ state: 'open', label: '营业中' }));
  });

  it('pages with a cursor without repeats and honours the radius', async () => {
    const first = await t.ok<StationPage>('stations', 'nearby', { ...YUDU, radiusM: 3000, limit: 5 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await t.ok<StationPage>('stations', 'nearby', { ...YUDU, radiusM: 3000, limit: 5, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.items[0].distanceM!).toBeGreaterThanOrEqual(first.items[4].distanceM!);
    for (const s of [...first.items, ...second.items]) expect(s.distanceM!).toBeLessThanOrEqual(3000);
  });
});

describe('search', () => {
  it('finds by Chinese text', async () => {
    const r = await t.ok<StationPage>('stations', 'search', { q: '贡江', limit: 50 });
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.map((s) => s.id)).toContain(HEAD_STATION);
    for (const s of r.items) expect(`${s.name}${s.place}${s.address}`).toContain('贡');
  });

  it('finds by pinyin initials', async () => {
    const r = await t.ok<StationPage>('stations', 'search', { q: 'gjz' });
    expect(r.items[0].id).toBe(HEAD_STATION);
    expect(r.items[0].name).toBe('江西电商扶贫工程贡江镇服务站');
  });

  it('lists a region (township 贡江镇) without text, only listed stations of it', async () => {
    const r = await t.ok<StationPage>('stations', 'search', { regionCode: '360731100', limit: 50 });
    const expected = seedStations.filter((s) => s.regionPath.some((p) => p.code === '360731100') && ['notice', 'certified', 'active', 'rectification'].includes(s.status));
    expect(r.items.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    // Ordered by level: the township station before village points.
    expect(r.items[0].level).toBe('township');
    for (const s of r.items) expect(s.place).toContain('贡江镇');
  });
});

describe('get', () => {
  it('returns the full public disclosure of a station (第十条3)', async () => {
    const d = await t.ok<StationDetail>('stations', 'get', { id: HEAD_STATION });
    const seed = seedStations.find((s) => s.id === HEAD_STATION)!;
    expect(d.name).toBe('江西电商扶贫工程贡江镇服务站');
    expect(d.operator).toEqual({ name: YUDU_OPERATOR, hotline: seed.operator.hotline });
    expect(d.locationDatum).toBe('GCJ-02');
    expect(d.regionPath.map((r) => r.code)).toEqual(['36', '3607', '360731', '360731100']);
    expect(d.fees.length).toBeGreaterThan(0);
    for (const f of d.fees) expect(f).toEqual(expect.objectContaining({ item: expect.any(String), unit: expect.any(String) }));
    expect(d.fees).toEqual(seed.fees);
    expect(d.processes).toEqual(seed.processes);
    expect(d.commitments.length).toBeGreaterThan(0);
    expect(d.complaintChannels.length).toBeGreaterThan(0);
    expect(d.openingHours).toEqual(seed.hours);
    expect(d.week.length).toBeGreaterThan(0);
    expect(d.certification).not.toBeNull();
    expect(d.phone).toBe(seed.contact.phone);
    expect(d.demo).toBe(true);
  });

  it('a station that was never public is NOT_FOUND; a closed one is still readable', async () => {
    const planned = seedStations.find((s) => s.status === 'planned')!;
    const r = await t.call('stations', 'get', { id: planned.id });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', fields: { id: expect.any(String) } }) });
    const closed = seedStations.find((s) => s.status === 'closed')!;
    const c = await t.ok<StationDetail>('stations', 'get', { id: closed.id });
    expect(c.status).toBe('closed');
    expect(c.statusLabel).toBe('已关停');
  });
});

describe('regions', () => {
  it('top level is the 11 cities of Jiangxi', async () => {
    const r = await t.ok<RegionItem[]>('stations', 'regions', {});
    expect(r).toHaveLength(11);
    expect(r.map((x) => x.code)).toEqual(['3601', '3602', '3603', '3604', '3605', '3606', '3607', '3608', '3609', '3610', '3611']);
    expect(r.find((x) => x.code === '3607')!.name).toBe('赣州市');
    expect(r.every((x) => x.level === 'city' && x.hasChildren)).toBe(true);
  });

  it('children of 赣州市 include 于都县; an unknown parent is NOT_FOUND', async () => {
    const r = await t.ok<RegionItem[]>('stations', 'regions', { parentCode: '3607' });
    expect(r.find((x) => x.code === '360731')).toEqual(expect.objectContaining({ name: '于都县', level: 'county' }));
    const missing = await t.call('stations', 'regions', { parentCode: '3699' });
    expect(missing.status).toBe(404);
  });
});

describe('bad input → 400 VALIDATION_ERROR naming the field', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['unknown field', 'nearby', { ...YUDU, foo: 1 }, 'data.foo'],
    ['latitude 91', 'nearby', { lat: 91, lng: 115.4 }, 'data.lat'],
    ['radius 50001', 'nearby', { ...YUDU, radiusM: 50_001 }, 'data.radiusM'],
    ['q of 51 chars', 'search', { q: '于'.repeat(51) }, 'data.q'],
    ['limit 51', 'search', { q: '于都', limit: 51 }, 'data.limit'],
    ['bad region code', 'search', { regionCode: '4401' }, 'data.regionCode'],
    ['bad station id', 'get', { id: 'ST/../1' }, 'data.id'],
  ];
  it.each(cases)('%s', async (_name, actionName, data, field) => {
    const r = await t.call('stations', actionName, data);
    expect(r.status).toBe(400);
    if (r.body.ok) throw new Error('expected an error');
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(r.body.error.fields ?? {})).toEqual([field]);
    // Said for a person: the problem in Chinese, never the field's path (issue 9 item 21).
    expect(r.body.error.message).not.toContain(field);
    expect(r.body.error.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fa5][^A-Za-z]*$/);
  });

  it('a tampered cursor, or one from another query', async () => {
    const first = await t.ok<StationPage>('stations', 'nearby', { ...YUDU, limit: 2 });
    const cursor = first.nextCursor!;
    const [body, sum] = cursor.split('.');
    const tampered = `${(parseInt(body, 36) + 100).toString(36)}.${sum}`;
    for (const data of [
      { ...YUDU, limit: 2, cursor: tampered },
      { ...YUDU, limit: 3, cursor },
      { q: '于都', limit: 2, cursor },
    ]) {
      const r = await t.call('stations', data.q ? 'search' : 'nearby', data);
      expect(r.status).toBe(400);
      if (r.body.ok) throw new Error('expected an error');
      expect(r.body.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(r.body.error.fields ?? {}).some((k) => k.endsWith('cursor'))).toBe(true);
    }
  });
});

describe('the HTTP layer', () => {
  it('unknown function → 404 NOT_FOUND; unknown action → 404 naming action', async () => {
    const r = await t.call('nosuchfn', 'x', {});
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    const a = await t.call('stations', 'drop', {});
    expect(a.status).toBe(404);
    expect(a.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', fields: { action: expect.any(String) } }) });
  });

  it('invalid JSON → 400 VALIDATION_ERROR', async () => {
    const res = await t.raw('/api/stations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"nearby",' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
  });

  it('an event of the wrong shape (unknown top-level field) → 400', async () => {
    const res = await t.raw('/api/stations', { method: 'POST', body: JSON.stringify({ action: 'regions', data: {}, openid: 'demo-province-admin-1' }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.fields).toEqual({ openid: '不支持的字段' });
  });

  it('an oversized body → 400 with an envelope (the connection is not reset)', async () => {
    const res = await t.raw('/api/stations', { method: 'POST', body: JSON.stringify({ action: 'regions', data: { pad: 'x'.repeat(1_200_000) } }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_ERROR' }) });
    // The server keeps serving afterwards.
    expect((await t.call('stations', 'regions', {})).status).toBe(200);
  });

  it('GET on a function → 400; a malformed X-WX-OPENID → 401', async () => {
    const get = await t.raw('/api/stations');
    expect(get.status).toBe(400);
    const bad = await t.raw('/api/stations', { method: 'POST', headers: { 'x-wx-openid': 'bad id!' }, body: JSON.stringify({ action: 'regions' }) });
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('GET /dev/identities lists the demo identities', async () => {
    const res = await t.raw('/dev/identities');
    expect(res.status).toBe(200);
    const body = await res.json();
    // A plain list (the H5 identity switcher reads it), or the envelope around it.
    const list = Array.isArray(body) ? body : body.data;
    expect(list).toEqual(demoIdentities());
    expect(list.map((i: { openid: string }) => i.openid)).toEqual([
      'demo-resident-1',
      'demo-resident-2',
      'demo-station-head-1',
      'demo-operator-staff-1',
      'demo-county-official-1',
      'demo-city-supervisor-1',
      'demo-province-admin-1',
    ]);
  });

  it('the HTML root answers without an H5 build, explaining how to build it', async () => {
    const res = await t.raw('/');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('npm run build:h5');
    expect(html).toContain('/api/');
  });

  it('/healthz answers ok', async () => {
    const res = await t.raw('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
