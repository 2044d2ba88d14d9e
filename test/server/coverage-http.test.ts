/**
 * Coverage over HTTP with the demo data (issue 12 §4): the county official sees their county's
 * gaps, breaches and plan; the city picks among its counties; others are refused.
 */
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

const t = appForTests({ now: '2026-12-04T02:00:00.000Z' });

test('the county official sees their county: counts agree with the lists', async () => {
  const r = await t.ok('register', 'coverage', {}, DEMO.county);
  expect(r.county).toEqual({ code: '360731', name: '于都县' });
  expect(r.counts.townships).toBeGreaterThan(0);
  expect(r.counts.townshipsCovered + r.townshipsWithout.length).toBe(r.counts.townships);
  expect(r.counts.villagesCovered + r.villagesWithout.length).toBe(r.counts.villages);
  expect(r.points.length).toBeGreaterThan(0);
  for (const p of r.points) expect(p.statusLabel).not.toMatch(/^[a-z_]+$/);
  // No personal data: names of places and stations only.
  expect(JSON.stringify(r)).not.toMatch(/contact|phone|openid|1[3-9]\d{9}/);
});

test('the city chooses among its counties; outside its region is refused', async () => {
  const counties = await t.ok('register', 'coverageCounties', {}, DEMO.city);
  expect(counties.items.length).toBeGreaterThan(1);
  expect(counties.items.every((c: { code: string }) => c.code.startsWith('3607'))).toBe(true);
  expect(counties.items).toContainEqual({ code: '360731', name: '于都县', city: '赣州市' });
  const none = await t.call('register', 'coverage', {}, DEMO.city);
  expect(none.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '请选择一个县（市、区）' } });
  expect((await t.call('register', 'coverage', { countyCode: '360731' }, DEMO.city)).body).toMatchObject({ ok: true });
  expect((await t.call('register', 'coverage', { countyCode: '360102' }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('residents, heads and operators are refused; unknown fields too', async () => {
  for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
    expect((await t.call('register', 'coverage', {}, who)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect((await t.call('register', 'coverage', { countyCode: '360731', all: true }, DEMO.county)).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
});
