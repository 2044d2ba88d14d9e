/**
 * The fast nearby (the in-memory grid searched ring by ring, cells skipped by their hours of the
 * week, cached stations, compiled hours, "open now" inside the store, position cursors) answers exactly what the simple definition answers: every listed
 * station within the radius, nearest first (ties by id), open now by the straightforward hours
 * evaluation (test/support/hours-reference.ts), presented by toSummary — over random points,
 * radii, filters, page sizes and instants, weighted to night hours and to the demo set's holiday
 * exceptions (春节, 国庆, 双十一, 元旦…). Every page is compared, and the pages together must be the whole list.
 */
import fc from 'fast-check';
import { pinyinOf } from '../../adapters/pinyin';
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../../adapters/sqlite/stations';
import { distanceMeters } from '../../core/shared/geo';
import type { NearbyInput, StationSummary } from '../../core/station/api';
import type { Station } from '../../core/station/model';
import { toSummary } from '../../core/station/present';
import { createDirectory } from '../../core/station/service';
import { LISTED_STATUSES, SERVICE_CODES } from '../../core/station/vocabulary';
import { demoStations } from '../../seed/demo';
import * as reference from '../support/hours-reference';

const stations = demoStations('2026-06-01');
let now = new Date();
const db = openDatabase(':memory:');
const repo = createSqliteStationRepository(db, pinyinOf);
const directory = createDirectory({ stations: repo, regions: createSqliteRegionRepository(db), clock: { now: () => now } });

beforeAll(async () => {
  await repo.upsertMany(stations);
}, 60_000);
afterAll(() => db.close());

function expected(input: NearbyInput, at: Date): StationSummary[] {
  const radiusM = input.radiusM ?? 20_000;
  return stations
    .filter((s) => LISTED_STATUSES.includes(s.status) && (!input.level || s.level === input.level) && (!input.service || s.services.includes(input.service)))
    .map((s) => ({ s, d: distanceMeters(input, s.location) }))
    .filter((x) => x.d <= radiusM && (!input.openNow || reference.isOpenAt(x.s.hours, at)))
    .sort((a, b) => a.d - b.d || (a.s.id < b.s.id ? -1 : 1))
    .map(({ s, d }) => {
      const h = reference.hoursStatus(s.hours, at);
      return { ...toSummary(s, at, d), hours: { state: h.state, label: h.label, detail: h.detail, ...(h.note ? { note: h.note } : {}) } };
    });
}

async function walk(input: NearbyInput): Promise<StationSummary[][]> {
  const pages: StationSummary[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 400; i++) {
    const page = await directory.nearby({ ...input, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

// Around the demo counties (于都, 井冈山, 鄱阳): near a station, or anywhere in a box around them.
const near = fc.tuple(fc.nat(stations.length - 1), fc.double({ min: -0.08, max: 0.08, noNaN: true }), fc.double({ min: -0.08, max: 0.08, noNaN: true }));
const point = near.map(([i, dLat, dLng]) => ({ lat: stations[i].location.lat + dLat, lng: stations[i].location.lng + dLng }));
const base = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
// Holiday windows of the demo set, plus ordinary weeks; half the instants at night (20:00–06:00).
const day = fc.constantFrom('2026-02-14', '2026-04-29', '2026-09-29', '2026-11-09', '2026-12-30', '2027-02-03', '2026-06-10');
const minute = fc.oneof(fc.integer({ min: 0, max: 5 * 1440 - 1 }), fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1200, max: 1800 })).map(([d, m]) => d * 1440 + m));
const instant = fc.tuple(day, minute, fc.integer({ min: 0, max: 59_999 })).map(([d, m, ms]) => new Date(base(d) + m * 60_000 + ms));
const input = fc.record(
  {
    radiusM: fc.oneof(fc.constant(20_000), fc.integer({ min: 300, max: 50_000 })),
    limit: fc.oneof(fc.constant(20), fc.integer({ min: 1, max: 50 })),
    openNow: fc.boolean(),
    level: fc.constantFrom('county', 'township', 'village'),
    service: fc.constantFrom(...SERVICE_CODES),
  },
  { requiredKeys: [] },
);

test('nearby pages equal the simple definition, at random points, times and filters', async () => {
  const seen = { multiPage: 0, openNowFound: 0, openNowSomeClosed: 0 };
  await fc.assert(
    fc.asyncProperty(point, input, instant, async (p, rest, at) => {
      now = at;
      const q = { ...p, ...rest } as NearbyInput;
      const want = expected(q, at);
      const pages = await walk(q);
      expect(pages.flat()).toEqual(want);
      if (pages.length > 1) seen.multiPage++;
      if (q.openNow && want.length) seen.openNowFound++;
      if (q.openNow && want.length < expected({ ...q, openNow: false }, at).length) seen.openNowSomeClosed++;
      const limit = q.limit ?? 20;
      // Without "open now" every page but the last is full; with it, pages are never longer.
      for (const page of pages.slice(0, -1)) {
        if (q.openNow) expect(page.length).toBeLessThanOrEqual(limit);
        else expect(page).toHaveLength(limit);
      }
    }),
    // A fixed seed: the coverage counts below depend on which cases are drawn, and an unlucky draw
    // (5 "open now" answers where more than 5 are wanted) failed CI once with every answer right.
    { numRuns: 150, seed: 20261205 },
  );
  // The runs exercised paging and "open now" both ways, not only empty answers.
  expect(seen.multiPage).toBeGreaterThan(10);
  expect(seen.openNowFound).toBeGreaterThan(5);
  expect(seen.openNowSomeClosed).toBeGreaterThan(5);
}, 300_000);

test('the stations are spread over several counties and every hours state occurs', () => {
  const states = new Set(stations.map((s: Station) => reference.hoursStatus(s.hours, new Date(base('2026-02-17') + 10 * 3_600_000)).state));
  expect(states).toContain('closed_today');
  expect(stations.length).toBeGreaterThan(300);
});
