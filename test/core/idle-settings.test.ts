/**
 * The idle-station list judges each station by its own county's settings (第十二条1): a city
 * official's list over two counties with different idle rules lists what each county's rules say,
 * not what the city's own value would; the county's list stays as before. Settings are resolved
 * once per county, however many stations it has.
 */
import type { RoleBinding } from '../../core/authz/roles';
import { thresholdsByCounty, type RegionSettings } from '../../core/settings/model';
import { createRectificationDesk, type RectificationDeskDeps } from '../../core/station/rectification-desk';
import type { Region } from '../../core/station/model';
import { R, buildStation } from '../support/stations';

const NOW = new Date('2026-12-04T02:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

// 于都 (360731) and 兴国 (360732), both in 赣州市 (3607).
const station = (id: string, region: Region, n: number) =>
  buildStation({ id, code: `36070${n}`, level: 'township', name: `站点${id}`, region, at: [n * 100, 0] }, { infoConfirmedOn: '2026-11-01' });
const STATIONS = [station('yd-1', R.gongjiang, 1), station('xg-2', R.changgang, 2), station('xg-3', R.changgang, 3), station('xg-4', R.changgang, 4)];

// 不开门 complaints: yd-1 one (today), xg-2 two, xg-3 three, xg-4 three but 20 days ago.
const COMPLAINTS = [
  { stationId: 'yd-1', at: daysAgo(1) },
  ...[1, 2].map(() => ({ stationId: 'xg-2', at: daysAgo(2) })),
  ...[1, 2, 3].map(() => ({ stationId: 'xg-3', at: daysAgo(3) })),
  ...[1, 2, 3].map(() => ({ stationId: 'xg-4', at: daysAgo(20) })),
];

const settings = (regionCode: string, values: Record<string, number>): RegionSettings => ({ regionCode, values, updatedAt: NOW.toISOString(), updatedBy: 'o', version: 1 });
// The city wants 3 complaints; 于都 lists a station at 1; 兴国 counts only the last 10 days.
const ALL = [settings('3607', { 'idle.notOpenComplaints': 3 }), settings('360731', { 'idle.notOpenComplaints': 1 }), settings('360732', { 'idle.complaintWindowDays': 10 })];

const binding = (openid: string, role: RoleBinding['role'], regionCode: string): RoleBinding => ({ id: `b-${openid}`, openid, role, scope: { kind: 'region', regionCode }, grantedBy: 'x', grantedAt: '2026-01-01T00:00:00Z' });
const BINDINGS = [binding('o-city', 'city_supervisor', '3607'), binding('o-yudu', 'county_official', '360731'), binding('o-xingguo', 'county_official', '360732')];
// Every station has a head and a recent rating: only the complaints decide.
const HEADS: RoleBinding[] = STATIONS.map((s) => ({ id: `h-${s.id}`, openid: `head-${s.id}`, role: 'station_head', scope: { kind: 'station', stationId: s.id }, grantedBy: 'x', grantedAt: '2026-01-01T00:00:00Z' }));

function deskWith(all: RegionSettings[] | undefined) {
  let settingsReads = 0;
  const deps = {
    stations: {
      get: async (id: string) => STATIONS.find((s) => s.id === id) ?? null,
      list: async (q: { regionCode?: string }) => ({ items: STATIONS.filter((s) => s.regionPath.some((r) => r.code === q.regionCode)), hasMore: false }),
      upsertMany: async () => undefined,
    },
    complaints: {
      list: async (q: { regionCodes?: string[]; since?: string; category?: string }) => ({
        items: COMPLAINTS.filter((c) => c.at >= (q.since ?? '') && STATIONS.find((s) => s.id === c.stationId)!.regionPath.some((r) => q.regionCodes?.includes(r.code))).map((c) => ({ stationId: c.stationId, submittedAt: c.at, category: 'closed_often' })),
        hasMore: false,
      }),
    },
    ratings: { aggregate: async (stationId: string) => ({ stationId, count: 3, updatedAt: daysAgo(5) }) },
    roles: {
      activeFor: async (openid: string) => BINDINGS.filter((b) => b.openid === openid),
      list: async () => ({ items: HEADS, hasMore: false }),
    },
    audit: { append: async () => undefined },
    ids: { id: () => 'id-1' },
    clock: { now: () => NOW },
    rectifications: {},
    calendars: {},
    files: {},
    ...(all
      ? {
          settings: {
            all: async () => {
              settingsReads++;
              return all;
            },
          },
        }
      : {}),
  } as unknown as RectificationDeskDeps;
  return { desk: createRectificationDesk(deps), reads: () => settingsReads };
}

const ids = (r: { items: { stationId: string }[] }) => r.items.map((c) => c.stationId);

test('a city official’s list judges each station by its own county’s rules', async () => {
  const { desk, reads } = deskWith(ALL);
  const city = await desk.idle('o-city', {});
  // yd-1: 1 complaint meets 于都's 1. xg-3: 3 within 兴国's 10 days meets the city's 3.
  // xg-2: 2 < 3. xg-4: its 3 are older than 兴国's window. (The city's own rules would list only xg-3 and xg-4.)
  expect(ids(city)).toEqual(['xg-3', 'yd-1']);
  expect(city.items.find((c) => c.stationId === 'yd-1')!.reasons.map((r) => r.text)).toEqual(['近 90 天有 1 件“站点长期不开门”投诉']);
  expect(city.items.find((c) => c.stationId === 'xg-3')!.reasons.map((r) => r.text)).toEqual(['近 10 天有 3 件“站点长期不开门”投诉']);
  expect(city.rules).toMatchObject({ notOpenComplaints: 3, complaintWindowDays: 90 });
  expect(city.mixed).toBe(true);
  expect(reads()).toBe(1);

  // Each county's own list reads the same way; a county whose stations all follow its rules is not mixed.
  const yudu = await desk.idle('o-yudu', {});
  expect([ids(yudu), yudu.rules.notOpenComplaints, yudu.mixed]).toEqual([['yd-1'], 1, false]);
  const xingguo = await desk.idle('o-xingguo', {});
  expect([ids(xingguo), xingguo.rules.complaintWindowDays, xingguo.mixed]).toEqual([['xg-3'], 10, false]);
  // The city narrowing to one county gets that county's list.
  expect(ids(await desk.idle('o-city', { regionCode: '360731' }))).toEqual(['yd-1']);
});

test('without settings every station is judged by the defaults', async () => {
  const { desk } = deskWith(undefined);
  const city = await desk.idle('o-city', {});
  // Defaults: 2 complaints in 90 days.
  expect([ids(city), city.mixed]).toEqual([['xg-3', 'xg-4', 'xg-2'], false]);
});

test('thresholds are resolved once per county, whatever code a station carries', () => {
  const at = thresholdsByCounty(ALL);
  const village = at('360731100201');
  expect(village).toBe(at('360731'));
  expect(village.idle.notOpenComplaints).toBe(1);
  expect(at('360732203').idle).toMatchObject({ notOpenComplaints: 3, complaintWindowDays: 10 });
  expect(at('3607').idle.notOpenComplaints).toBe(3);
  expect(at('36').idle.notOpenComplaints).toBe(2);
});
