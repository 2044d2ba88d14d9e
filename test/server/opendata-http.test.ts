/**
 * Open data (HSDS 3.0) on the local server: paging fields, ids that find their records, 404 for
 * unknown and non-certified ids, the region filter, CORS and cache headers, schema validity, and
 * no personal data in any answer.
 */
import { demoStations } from '../../seed/demo';
import { stationUuid } from '../../core/station/hsds';
import { CERTIFIED_STATUSES } from '../../core/station/vocabulary';
import { startApp, type TestApp } from '../support/local-app';
import { hsdsErrors, hsdsPageErrors, type HsdsEntity } from '../support/hsds-schema';

jest.setTimeout(60_000);

const NOW = '2026-09-30T02:00:00.000Z';
let t: TestApp;
const seed = demoStations('2026-09-30');
const certified = seed.filter((s) => CERTIFIED_STATUSES.includes(s.status)).sort((a, b) => (a.code < b.code ? -1 : 1));

beforeAll(async () => {
  t = await startApp({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field
  const res = await fetch(`${t.base}/open/hsds${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const ENTITY: Record<string, HsdsEntity> = { services: 'service', locations: 'location', service_at_locations: 'service_at_location', organizations: 'organization' };

describe('lists', () => {
  test.each(['services', 'locations', 'service_at_locations'])('/%s pages certified stations by number, as the spec pages', async (resource) => {
    expect(certified.length).toBeGreaterThan(7);
    const first = await get(`/${resource}?per_page=5`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total_items: certified.length, total_pages: Math.ceil(certified.length / 5), page_number: 1, size: 5, first_page: true, last_page: false, empty: false });
    expect(first.body.contents.map((c: { id: string }) => c.id)).toEqual(certified.slice(0, 5).map((s) => stationUuid(s.code)));
    expect(hsdsPageErrors(ENTITY[resource], first.body)).toEqual([]);

    const second = await get(`/${resource}?page=2&per_page=5`);
    expect(second.body.contents.map((c: { id: string }) => c.id)).toEqual(certified.slice(5, 10).map((s) => stationUuid(s.code)));
    expect(second.body).toMatchObject({ page_number: 2, first_page: false });

    const last = Math.ceil(certified.length / 5);
    const end = await get(`/${resource}?page=${last}&per_page=5`);
    expect(end.body).toMatchObject({ last_page: true, size: certified.length - (last - 1) * 5, empty: false });
    const past = await get(`/${resource}?page=${last + 1}&per_page=5`);
    expect(past.body).toMatchObject({ empty: true, size: 0, contents: [], total_items: certified.length });
  });

  test('/organizations lists the operators of certified stations, schema-valid', async () => {
    const r = await get('/organizations');
    const operators = [...new Set(certified.map((s) => s.operator.name))].sort();
    expect(r.status).toBe(200);
    expect(r.body.total_items).toBe(operators.length);
    expect(r.body.contents.map((o: { name: string }) => o.name)).toEqual(operators);
    expect(hsdsPageErrors('organization', r.body)).toEqual([]);
  });

  test('region_code narrows the list to stations in that region', async () => {
    const township = certified.find((s) => s.level === 'township')!;
    const code = township.regionPath[3].code;
    const inside = certified.filter((s) => s.regionPath.some((r) => r.code === code));
    const r = await get(`/services?region_code=${code}&per_page=100`);
    expect(r.body.total_items).toBe(inside.length);
    expect(r.body.total_items).toBeLessThan(certified.length);
    expect(r.body.contents.map((c: { id: string }) => c.id)).toEqual(inside.map((s) => stationUuid(s.code)));
  });

  test('bad paging or filters answer 400', async () => {
    for (const q of ['page=0', 'per_page=500', 'page=abc', 'region_code=x1']) expect((await get(`/services?${q}`)).status).toBe(400);
  });
});

describe('one record', () => {
  test('each id finds its record, schema-valid; the organization by its id too', async () => {
    const s = certified[0];
    for (const resource of ['services', 'locations', 'service_at_locations']) {
      const r = await get(`/${resource}/${stationUuid(s.code)}`);
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(stationUuid(s.code));
      expect(hsdsErrors(ENTITY[resource], r.body)).toEqual([]);
    }
    const service = (await get(`/services/${stationUuid(s.code)}`)).body;
    expect(service.name).toBe(s.name);
    const org = await get(`/organizations/${service.organization_id}`);
    expect(org.status).toBe(200);
    expect(org.body.name).toBe(s.operator.name);
    expect(hsdsErrors('organization', org.body)).toEqual([]);
  });

  test('unknown, malformed and non-certified ids answer 404', async () => {
    const hidden = seed.filter((s) => !CERTIFIED_STATUSES.includes(s.status));
    expect(hidden.map((s) => s.status)).toEqual(expect.arrayContaining(['notice', 'closed']));
    for (const s of hidden) expect((await get(`/services/${stationUuid(s.code)}`)).status).toBe(404);
    expect((await get(`/services/${stationUuid('NO-SUCH')}`)).status).toBe(404);
    expect((await get('/locations/not-a-uuid')).status).toBe(404);
    expect((await get(`/organizations/${stationUuid('NO-SUCH')}`)).status).toBe(404);
    expect((await get('/taxonomies')).status).toBe(404);
  });
});

describe('HTTP', () => {
  test('CORS and cache headers; preflight; read-only', async () => {
    const r = await get('/services?per_page=1');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    expect(r.headers.get('content-type')).toContain('application/json');
    const pre = await fetch(`${t.base}/open/hsds/services`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect((await get('/services', { method: 'POST' })).status).toBe(405);
    expect((await get(`/services/${stationUuid('NO-SUCH')}`)).headers.get('cache-control')).toBe('no-store');
  });

  test('the root describes the API', async () => {
    const r = await get('');
    expect(r.body).toMatchObject({ version: '3.0' });
  });

  test('no personal data anywhere: no head name, no contact phone, no openid', async () => {
    const all = JSON.stringify([(await get('/services?per_page=100')).body, (await get('/locations?per_page=100')).body, (await get('/service_at_locations?per_page=100')).body, (await get('/organizations')).body]);
    for (const s of certified) {
      if (s.contact.personName) expect(all).not.toContain(s.contact.personName);
      if (s.contact.phone !== s.operator.hotline) expect(all).not.toContain(s.contact.phone);
    }
    expect(all).not.toMatch(/openid|demo-station-head/i);
  });
});
