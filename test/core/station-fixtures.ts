/**
 * Station and region fixtures for directory tests (core service and server fuzz), built by hand
 * and checked against stationSchema, plus an in-memory SQLite directory.
 */
import { openDatabase, type Db } from '../../adapters/sqlite/db';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../../adapters/sqlite/stations';
import { pinyinOf } from '../../adapters/pinyin';
import type { Clock, RegionRepository, StationRepository } from '../../core/ports';
import type { OpeningHours } from '../../core/station/hours';
import type { Region, RegionRef, Station } from '../../core/station/model';
import { stationSchema } from '../../core/station/schema';

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** 于都县城 (GCJ-02, approximate). */
export const YUDU = { lat: 25.9526, lng: 115.4157 };
/** 赣州市 章贡区 (GCJ-02, approximate). */
export const GANZHOU = { lat: 25.831, lng: 114.9336 };

/** The point `meters` away from `from` along the initial bearing `bearingDeg` (great circle, same sphere as core/shared/geo). */
export function destination(from: { lat: number; lng: number }, bearingDeg: number, meters: number): { lat: number; lng: number } {
  const d = meters / EARTH_RADIUS_M;
  const th = bearingDeg * RAD;
  const p1 = from.lat * RAD;
  const l1 = from.lng * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th));
  const l2 = l1 + Math.atan2(Math.sin(th) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / RAD, lng: l2 / RAD };
}

/** Due north by `meters`: the great-circle distance is exactly `meters`. */
export function north(from: { lat: number; lng: number }, meters: number): { lat: number; lng: number } {
  return { lat: from.lat + (meters / EARTH_RADIUS_M) / RAD, lng: from.lng };
}

export const R = {
  province: { code: '36', name: '江西省' },
  city: { code: '3607', name: '赣州市' },
  yudu: { code: '360731', name: '于都县' },
  ruijin: { code: '360781', name: '瑞金市' },
  gongjiang: { code: '360731100', name: '贡江镇' },
  luoao: { code: '360731101', name: '罗坳镇' },
  xianghu: { code: '360781100', name: '象湖镇' },
  shuitou: { code: '360731100201', name: '水头村' },
  luoaoCun: { code: '360731101203', name: '罗坳村' },
  xinwu: { code: '360731101208', name: '新屋村' },
  shazhouba: { code: '360781100210', name: '沙洲坝村' },
} satisfies Record<string, RegionRef>;

/** Administrative levels by the length of their code (2, 4, 6, 9, 12 digits), and the parent's code length. */
const LEVELS: Record<number, [Region['level'], number]> = { 2: ['province', 0], 4: ['city', 2], 6: ['county', 4], 9: ['township', 6], 12: ['village', 9] };

/** The region record of `ref`: its level and parent follow from its code. */
export function regionOf(ref: RegionRef, extra: Partial<Region> = {}): Region {
  const [level, parentLength] = LEVELS[ref.code.length];
  return { ...ref, level, parentCode: parentLength ? ref.code.slice(0, parentLength) : null, ...extra };
}

/** Every region of R, parents first; 于都县 with its centre. */
export const REGIONS: Region[] = Object.values(R).map((r) => regionOf(r, r === R.yudu ? { centre: YUDU } : {}));

const everyDay = (open: string, close: string): OpeningHours => ({
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, intervals: [{ open, close }] })),
  exceptions: [],
});
/** Open 08:00–18:00 every day. */
export const FULL_DAY = everyDay('08:00', '18:00');
/** Open 14:00–18:00 every day (closed in the morning: label 未开门). */
export const AFTERNOON = everyDay('14:00', '18:00');

/** A schema-valid station; override what the test cares about. */
export function makeStation(over: Partial<Station> & { id: string }): Station {
  const s: Station = {
    code: over.id.toUpperCase(),
    level: 'village',
    name: '江西电商扶贫工程水头村服务点',
    regionPath: [R.province, R.city, R.yudu, R.gongjiang, R.shuitou],
    address: '于都县贡江镇水头村村委会旁',
    location: { ...YUDU, datum: 'GCJ-02' },
    operator: { name: '于都县农村电商运营有限公司', hotline: '0797-6221234' },
    platforms: ['赣南农品汇'],
    areaSqm: 30,
    servicePopulation: 1200,
    photos: [],
    hours: FULL_DAY,
    services: ['express', 'bill_payment'],
    processes: [{ title: '寄快递', steps: ['出示身份证件', '填写快递面单', '称重付费'] }],
    commitments: ['明码标价，不乱收费'],
    fees: [{ item: '快递寄件（省内首重）', price: 8, unit: '件' }],
    complaintChannels: [{ kind: 'hotline_12345', label: '12345 政务服务便民热线', value: '12345' }],
    contact: { phone: '13907971234', personName: '刘站长' },
    status: 'active',
    certification: { certificateNo: 'YD-2025-001', certifiedOn: '2025-06-01', authority: '于都县商务局' },
    infoConfirmedOn: '2026-03-01',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...over,
  };
  const parsed = stationSchema.safeParse(s);
  if (!parsed.success) throw new Error(`fixture ${s.id} is not schema-valid: ${JSON.stringify(parsed.error.issues)}`);
  return s;
}

const at = (p: { lat: number; lng: number }) => ({ ...p, datum: 'GCJ-02' as const });

/**
 * A station at `path` below 赣州市 (a town's: 服务站 at township level; a village's: 服务点), named for
 * its last region, `metres` due north of 于都县城 (negative: south).
 */
function stationIn(id: string, path: Station['regionPath'], address: string, metres: number, over: Partial<Station> = {}): Station {
  const town = path.length === 2;
  return makeStation({
    id,
    ...(town ? { level: 'township' as const } : {}),
    name: `江西电商扶贫工程${path[path.length - 1].name}${town ? '服务站' : '服务点'}`,
    regionPath: [R.province, R.city, ...path],
    address,
    location: at(north(YUDU, metres)),
    ...over,
  });
}

/**
 * The directory used by the service and fuzz tests, around 于都县城. Distances are due north/south,
 * so the great-circle distance is exactly the offset.
 */
export function directoryStations(): Station[] {
  return [
    makeStation({
      id: 'yd-county',
      level: 'county',
      name: '于都县电商扶贫服务运营中心',
      regionPath: [R.province, R.city, R.yudu],
      address: '于都县长征大道 1 号',
      location: at(north(YUDU, 300)),
      areaSqm: 320,
      services: ['product_showcase', 'training', 'warehousing', 'express'],
    }),
    stationIn('gj-town', [R.yudu, R.gongjiang], '于都县贡江镇建设路 8 号', -1200, {
      areaSqm: 45,
      status: 'certified',
      certification: { certificateNo: 'YD-2026-007', certifiedOn: '2026-01-15', authority: '于都县商务局' },
      services: ['express', 'bill_payment', 'rural_finance', 'product_sales'],
    }),
    makeStation({
      id: 'st-village',
      name: '江西电商扶贫工程水头村服务点',
      location: at(north(YUDU, 2500)),
      hours: AFTERNOON,
      services: ['express', 'bill_payment', 'product_sales'],
    }),
    stationIn('la-village', [R.yudu, R.luoao, R.luoaoCun], '于都县罗坳镇罗坳村圩镇街 12 号', -8000, { status: 'notice', certification: null }),
    stationIn('xw-village', [R.yudu, R.luoao, R.xinwu], '于都县罗坳镇新屋村', 12_000, { status: 'rectification', services: ['rural_finance'], infoConfirmedOn: '2025-10-01' }),
    // Not listed: planned, under review, closed — all within a kilometre.
    makeStation({ id: 'planned-one', location: at(north(YUDU, 500)), status: 'planned', certification: null }),
    makeStation({ id: 'review-one', location: at(north(YUDU, 600)), status: 'county_review', certification: null }),
    makeStation({ id: 'closed-one', name: '江西电商扶贫工程旧圩村服务点', location: at(north(YUDU, 700)), status: 'closed' }),
    // Outside the default 20 km, inside 50 km.
    stationIn('szb-village', [R.ruijin, R.xianghu, R.shazhouba], '瑞金市象湖镇沙洲坝村', 30_000),
    // Outside the maximum radius.
    stationIn('xh-town', [R.ruijin, R.xianghu], '瑞金市象湖镇红都大道 3 号', 60_000, { areaSqm: 60 }),
  ];
}

export interface TestDirectory {
  db: Db;
  stations: StationRepository;
  regions: RegionRepository;
  clock: Clock;
}

/** 2026-05-13 (Wednesday) 10:00 in Shanghai. */
export const WED_10AM = new Date(Date.UTC(2026, 4, 13, 2, 0));

export async function openTestDirectory(stations: Station[], now: Date = WED_10AM): Promise<TestDirectory> {
  const db = openDatabase(':memory:');
  const repo = createSqliteStationRepository(db, pinyinOf);
  const regions = createSqliteRegionRepository(db);
  await repo.upsertMany(stations);
  await regions.upsertMany(REGIONS);
  return { db, stations: repo, regions, clock: { now: () => now } };
}
