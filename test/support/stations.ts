/**
 * Hand-made directory fixtures for the storage contract: regions of 于都县 / 兴国县 (赣州市) and a
 * dozen stations at known distances from CENTRE. Every station is checked against stationSchema.
 */
import { stationSchema } from '../../core/station/schema';
import type { Region, RegionRef, Station } from '../../core/station/model';
import type { ServiceCode, StationLevel, StationStatus } from '../../core/station/vocabulary';

/** Centre of the fixtures (near 于都县城, GCJ-02). */
export const CENTRE = { lat: 25.95, lng: 115.41 };

/** Same sphere as core/shared/geo, so a point N metres due north is N metres away there. */
const EARTH_RADIUS_M = 6_371_008.8;

/** The point `northM` metres north and `eastM` metres east of `from` (small offsets). */
export function offset(from: { lat: number; lng: number }, northM: number, eastM: number): { lat: number; lng: number } {
  const lat = from.lat + (northM / EARTH_RADIUS_M) * (180 / Math.PI);
  const lng = from.lng + (eastM / (EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
  return { lat, lng };
}

// --- regions ------------------------------------------------------------------------------------

const region = (code: string, name: string, level: Region['level'], parentCode: string | null, centre?: { lat: number; lng: number }): Region =>
  centre ? { code, name, level, parentCode, centre } : { code, name, level, parentCode };

export const R = {
  jiangxi: region('36', '江西省', 'province', null),
  nanchang: region('3601', '南昌市', 'city', '36'),
  ganzhou: region('3607', '赣州市', 'city', '36'),
  jian: region('3608', '吉安市', 'city', '36'),
  yudu: region('360731', '于都县', 'county', '3607', CENTRE),
  xingguo: region('360732', '兴国县', 'county', '3607', { lat: 26.338, lng: 115.363 }),
  gongjiang: region('360731100', '贡江镇', 'township', '360731'),
  tieshanlong: region('360731101', '铁山垅镇', 'township', '360731'),
  changgang: region('360732203', '长冈乡', 'township', '360732'),
  shuitou: region('360731100201', '水头村', 'village', '360731100'),
  xiaoxi: region('360731100202', '小溪村', 'village', '360731100'),
  xibei: region('360731100203', '溪背村', 'village', '360731100'),
  huangsha: region('360731101201', '黄沙村', 'village', '360731101'),
  luotian: region('360731101202', '罗田村', 'village', '360731101'),
};

/** Written deliberately out of code order: children() must sort. */
export const REGIONS: Region[] = [R.jian, R.jiangxi, R.ganzhou, R.nanchang, R.xingguo, R.yudu, R.tieshanlong, R.gongjiang, R.changgang, R.xibei, R.shuitou, R.xiaoxi, R.luotian, R.huangsha];

const ref = (r: Region): RegionRef => ({ code: r.code, name: r.name });
/** Province → … → `last`, following parent codes through R. */
export function pathTo(last: Region): RegionRef[] {
  const byCode = new Map(Object.values(R).map((r) => [r.code, r]));
  const path: Region[] = [];
  for (let r: Region | undefined = last; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) path.unshift(r);
  return path.map(ref);
}

// --- stations -----------------------------------------------------------------------------------

export interface StationSpec {
  id: string;
  code: string;
  level: StationLevel;
  name: string;
  region: Region;
  /** Metres north and east of CENTRE. */
  at: [number, number];
  status?: StationStatus;
  services?: ServiceCode[];
  address?: string;
}

const AREA: Record<StationLevel, number> = { county: 260, township: 45, village: 18 };

/** A complete, schema-valid station record. */
export function buildStation(spec: StationSpec, overrides: Partial<Station> = {}): Station {
  const status = spec.status ?? 'active';
  const certified = status === 'certified' || status === 'active' || status === 'rectification';
  // County + street only: search by a township or village must go through the place names.
  const county = pathTo(spec.region)[2].name;
  const station: Station = {
    id: spec.id,
    code: spec.code,
    level: spec.level,
    name: spec.name,
    regionPath: pathTo(spec.region),
    address: spec.address ?? `${county}中心街1号`,
    location: { ...offset(CENTRE, spec.at[0], spec.at[1]), datum: 'GCJ-02' },
    operator: { name: '于都县电子商务运营有限公司', hotline: '0797-6221234' },
    platforms: ['赣品网上行'],
    areaSqm: AREA[spec.level],
    servicePopulation: 1200,
    photos: [],
    hours: {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, intervals: [{ open: '08:00', close: '18:00' }] })),
      exceptions: [{ date: '2025-10-01', intervals: [], note: '国庆休息' }],
    },
    services: spec.services ?? ['express'],
    processes: [{ title: '快递代收', steps: ['出示取件码', '核对身份', '签收'] }],
    commitments: ['明码标价，不乱收费'],
    fees: [
      { item: '快递代收', price: 0, unit: '件' },
      { item: '代缴电费', price: 1, unit: '笔', conditions: '60岁以上老人免费' },
    ],
    complaintChannels: [{ kind: 'hotline_12345', label: '12345 政务服务热线', value: '12345' }],
    contact: { phone: '13907971234', personName: '刘站长' },
    status,
    certification: certified ? { certificateNo: `GX-${spec.code}`, certifiedOn: '2024-03-01', authority: '于都县商务局' } : null,
    infoConfirmedOn: '2025-06-01',
    updatedAt: '2025-06-01T08:00:00.000Z',
    ...overrides,
  };
  const parsed = stationSchema.safeParse(station);
  if (!parsed.success) throw new Error(`fixture ${spec.id} is not a valid station: ${JSON.stringify(parsed.error.issues)}`);
  return station;
}

const BRAND = '江西电商扶贫工程';

/**
 * Distances from CENTRE (metres): county 300, gongjiang 1200, shuitou 2500, xiaoxi 3800,
 * hongqi ≈ 4243, huangsha ≈ 4528, edge-in 4997, edge-out 5010, luotian (closed) ≈ 608,
 * planned 900, tieshanlong 10 000, the 兴国县 pair ≈ 43–44 km.
 */
export const S = {
  yuduCounty: buildStation({ id: 'yd-county', code: 'YD-C-001', level: 'county', name: `${BRAND}于都县运营中心`, region: R.yudu, at: [300, 0], services: ['product_sales', 'express', 'warehousing', 'training'], address: '于都县长征大道18号' }),
  gongjiang: buildStation({ id: 'gj-township', code: 'YD-T-001', level: 'township', name: `${BRAND}贡江镇服务站`, region: R.gongjiang, at: [0, 1200], status: 'certified', services: ['express', 'bill_payment', 'product_sales'] }),
  shuitou: buildStation({ id: 'st-village', code: 'YD-V-001', level: 'village', name: `${BRAND}水头村服务点`, region: R.shuitou, at: [-2500, 0], services: ['express', 'purchasing'] }),
  xiaoxi: buildStation({ id: 'xx-village', code: 'YD-V-002', level: 'village', name: `${BRAND}小溪村服务点`, region: R.xiaoxi, at: [0, -3800], status: 'notice', services: ['purchasing', 'bill_payment'] }),
  // Its name does not mention its village (溪背村): found by the village only through the place names.
  hongqi: buildStation({ id: 'hq-village', code: 'YD-V-003', level: 'village', name: `${BRAND}红旗便民服务点`, region: R.xibei, at: [-3000, -3000] }),
  huangsha: buildStation({ id: 'hs-village', code: 'YD-V-004', level: 'village', name: `${BRAND}黄沙村服务点`, region: R.huangsha, at: [4500, 500], status: 'rectification' }),
  luotian: buildStation({ id: 'lt-closed', code: 'YD-V-005', level: 'village', name: `${BRAND}罗田村服务点`, region: R.luotian, at: [600, 100], status: 'closed' }),
  planned: buildStation({ id: 'xx-planned', code: 'YD-V-006', level: 'village', name: `${BRAND}小溪村第二服务点`, region: R.xiaoxi, at: [-900, 0], status: 'planned' }),
  edgeIn: buildStation({ id: 'edge-in', code: 'YD-V-007', level: 'village', name: `${BRAND}铁山垅镇边界服务点`, region: R.huangsha, at: [4997, 0], services: ['training'] }),
  edgeOut: buildStation({ id: 'edge-out', code: 'YD-V-008', level: 'village', name: `${BRAND}黄沙村二组服务点`, region: R.huangsha, at: [5010, 0], services: ['training'] }),
  tieshanlong: buildStation({ id: 'tsl-township', code: 'YD-T-002', level: 'township', name: `${BRAND}铁山垅镇服务站`, region: R.tieshanlong, at: [8000, 6000], services: ['express', 'agri_services'] }),
  changgang: buildStation({ id: 'cg-township', code: 'XG-T-001', level: 'township', name: `${BRAND}长冈乡服务站`, region: R.changgang, at: [43000, -5000] }),
  xingguoCounty: buildStation({ id: 'xg-county', code: 'XG-C-001', level: 'county', name: `${BRAND}兴国县运营中心`, region: R.xingguo, at: [44000, -5000], services: ['product_sales'] }),
};

export const STATIONS: Station[] = Object.values(S);

/**
 * `n` active village stations of 水头村 on a spiral around CENTRE, each at its own distance
 * (100 m + 25 m × i), for queries whose answers span several SDK batches.
 */
export function bulkStations(n: number): Station[] {
  return Array.from({ length: n }, (_, i) => {
    const d = 100 + 25 * i;
    const bearing = (i * 37 * Math.PI) / 180;
    const num = String(i + 1).padStart(3, '0');
    return buildStation({
      id: `bulk-${num}`,
      code: `BK-V-${num}`,
      level: 'village',
      name: `${BRAND}水头村第${num}服务点`,
      region: R.shuitou,
      at: [d * Math.cos(bearing), d * Math.sin(bearing)],
    });
  });
}

/** `n` villages under 贡江镇 (more than one SDK batch of children). */
export function bulkVillages(n: number): Region[] {
  return Array.from({ length: n }, (_, i) => region(`360731100${String(300 + i).padStart(3, '0')}`, `测试${i + 1}村`, 'village', R.gongjiang.code));
}
