/**
 * Open data (HSDS 3.0) on the local server: paging fields, ids that find their records, 404 for
 * unknown and non-certified ids, the region filter, CORS and cache headers, schema validity, and
 * no personal data in any answer.
 */
import { demoStations } from '../../seed/demo';
import { hsdsIds, stationUuid } from '../../core/station/hsds';
import { SERVICE_CODES } from '../../core/station/vocabulary';
import { CERTIFIED_STATUSES } from '../../core/station/vocabulary';
import { appForTests } from '../support/local-app';
import { hsdsErrors, hsdsPageErrors, type HsdsEntity } from '../support/hsds-schema';

jest.setTimeout(60_000);

const NOW = '2026-09-30T02:00:00.000Z';
const t = appForTests({ now: NOW });
const seed = demoStations('2026-09-30');
const certified = seed.filter((s) => CERTIFIED_STATUSES.includes(s.status)).sort((a, b) => (a.code < b.code ? -1 : 1));

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
    expect((await get(`/taxonomies/${stationUuid('NO-SUCH')}`)).status).toBe(404);
    expect((await get(`/taxonomy_terms/${stationUuid('NO-SUCH')}`)).status).toBe(404);
  });
});

describe('HSDS query parameters and taxonomies', () => {
  const ids = (r: { body: { contents: { id: string }[] } }) => r.body.contents.map((c) => c.id);
  const uuids = (list: typeof certified) => list.map((s) => stationUuid(s.code));
  /** Every service as the API answers it (what the filters must agree with). */
  async function allServices(): Promise<{ id: string; last_modified: string; organization_id: string }[]> {
    const out = [];
    for (let page = 1; ; page++) {
      const r = await get(`/services?per_page=100&page=${page}&full=false`);
      out.push(...r.body.contents);
      if (r.body.last_page) return out;
    }
  }

  test('search matches words of the name or description', async () => {
    const s = certified[3]!;
    const word = s.name.slice(-5);
    const expected = certified.filter((x) => x.name.includes(word) || x.name.toLowerCase().includes(word));
    const r = await get(`/services?per_page=100&search=${encodeURIComponent(word)}`);
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual(expect.arrayContaining(uuids([s])));
    expect(r.body.total_items).toBeGreaterThanOrEqual(expected.length);
    expect(r.body.total_items).toBeLessThanOrEqual(certified.length);
    const none = await get(`/services?search=${encodeURIComponent('没有这样的站点名字')}`);
    expect(none.body).toMatchObject({ total_items: 0, empty: true, contents: [] });
    expect(hsdsPageErrors('service', r.body)).toEqual([]);
  });

  test('taxonomy_term_id keeps stations offering that service; taxonomy_id ours keeps all, another none', async () => {
    const code = SERVICE_CODES.find((c) => certified.some((s) => !s.services.includes(c)) && certified.some((s) => s.services.includes(c)))!;
    const offering = certified.filter((s) => s.services.includes(code));
    expect(offering.length).toBeLessThan(certified.length);
    const r = await get(`/services?per_page=100&taxonomy_term_id=${hsdsIds.taxonomyTerm(code)}`);
    expect(ids(r)).toEqual(uuids(offering.slice(0, 100)));
    expect(r.body.total_items).toBe(offering.length);
    const sal = await get(`/service_at_locations?per_page=100&taxonomy_term_id=${hsdsIds.taxonomyTerm(code)}`);
    expect(ids(sal)).toEqual(uuids(offering.slice(0, 100)));
    // Later pages of a filtered list are the matches' later slices, whatever the scan's batches.
    const pageOf = (n: number) => get(`/services?per_page=7&page=${n}&taxonomy_term_id=${hsdsIds.taxonomyTerm(code)}`);
    const pages = Math.ceil(offering.length / 7);
    for (const n of [2, pages, pages + 1]) {
      const p = await pageOf(n);
      expect(ids(p)).toEqual(uuids(offering.slice((n - 1) * 7, n * 7)));
      expect(p.body).toMatchObject({ total_items: offering.length, page_number: n, last_page: n >= pages });
    }
    expect((await get(`/services?per_page=100&taxonomy_id=${hsdsIds.taxonomy()}`)).body.total_items).toBe(certified.length);
    expect((await get(`/services?taxonomy_id=${stationUuid('OTHER')}`)).body.total_items).toBe(0);
    expect((await get(`/services?taxonomy_term_id=${stationUuid('OTHER')}`)).body.total_items).toBe(0);
  });

  test('organization_id keeps that operator\'s stations; paging follows the matches', async () => {
    const op = certified[0]!.operator.name;
    const theirs = certified.filter((s) => s.operator.name === op);
    const r = await get(`/services?per_page=2&organization_id=${hsdsIds.organization(op)}`);
    expect(r.body).toMatchObject({ total_items: theirs.length, total_pages: Math.ceil(theirs.length / 2), size: Math.min(2, theirs.length) });
    expect(ids(r)).toEqual(uuids(theirs.slice(0, 2)));
    expect((await get(`/services?organization_id=${stationUuid('NO-SUCH')}`)).body.total_items).toBe(0);
  });

  test('modified_after keeps stations changed on or after it; a bad date answers 400', async () => {
    const all = await allServices();
    expect(all).toHaveLength(certified.length);
    const times = all.map((s) => s.last_modified).sort();
    const cut = times[Math.floor(times.length / 2)]!;
    const after = all.filter((s) => Date.parse(s.last_modified) >= Date.parse(cut));
    const r = await get(`/services?per_page=100&modified_after=${encodeURIComponent(cut)}`);
    expect(r.body.total_items).toBe(after.length);
    expect(r.body.total_items).toBeGreaterThan(0);
    expect((await get('/services?modified_after=2000-01-01')).body.total_items).toBe(certified.length);
    expect((await get('/services?modified_after=2100-01-01T00:00:00Z')).body.total_items).toBe(0);
    expect((await get('/services?modified_after=yesterday')).status).toBe(400);
    expect((await get('/services?minimal=yes')).status).toBe(400);
  });

  test('minimal answers ids and modification times; full=false leaves out the nested records', async () => {
    const r = await get('/services?per_page=3&minimal=true');
    const all = await allServices();
    expect(r.body.contents).toEqual(all.slice(0, 3).map((s) => ({ id: s.id, last_modified: s.last_modified })));
    const flat = await get('/services?per_page=3&full=false');
    expect(flat.body.contents[0]).not.toHaveProperty('organization');
    expect(flat.body.contents[0]).not.toHaveProperty('service_at_locations');
    expect(hsdsPageErrors('service', flat.body)).toEqual([]);
    const full = await get('/services?per_page=3&full=true');
    expect(full.body.contents[0]).toHaveProperty('organization');
  });

  test('/taxonomies and /taxonomy_terms: our service categories, schema-valid, each found by id', async () => {
    const t = await get('/taxonomies');
    expect(t.body.total_items).toBe(1);
    expect(hsdsPageErrors('taxonomy', t.body)).toEqual([]);
    const one = await get(`/taxonomies/${t.body.contents[0].id}`);
    expect(one.status).toBe(200);
    expect(hsdsErrors('taxonomy', one.body)).toEqual([]);
    const terms = await get('/taxonomy_terms?per_page=100');
    expect(terms.body.total_items).toBe(SERVICE_CODES.length);
    expect(hsdsPageErrors('taxonomy_term', terms.body)).toEqual([]);
    expect(terms.body.contents.every((x: { taxonomy_id: string }) => x.taxonomy_id === t.body.contents[0].id)).toBe(true);
    const term = await get(`/taxonomy_terms/${hsdsIds.taxonomyTerm(SERVICE_CODES[0])}`);
    expect(term.status).toBe(200);
    expect(term.body).toMatchObject({ code: SERVICE_CODES[0], taxonomy_detail: { id: t.body.contents[0].id } });
    expect(hsdsErrors('taxonomy_term', term.body)).toEqual([]);
    expect((await get(`/taxonomy_terms?taxonomy_id=${stationUuid('OTHER')}`)).body.total_items).toBe(0);
    expect((await get(`/taxonomy_terms?parent_id=${hsdsIds.taxonomy()}`)).body.total_items).toBe(0);
    const named = await get(`/taxonomy_terms?search=${encodeURIComponent(term.body.name)}`);
    expect(named.body.contents.map((x: { id: string }) => x.id)).toContain(term.body.id);
    // A term in a service's attributes is the same term the endpoint answers.
    const svc = (await get(`/services/${stationUuid(certified[0]!.code)}`)).body;
    expect(svc.attributes[0].taxonomy_term.id).toBe(hsdsIds.taxonomyTerm(certified[0]!.services[0]!));
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
