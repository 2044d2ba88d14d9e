/**
 * The `stations` function's contract: input schemas (strict) and the shapes it answers.
 * Imported by the handler and, as types only, by the app's data client.
 */
import { latitude, longitude, regionCode, z } from '../shared/zod';
import type { HoursStatus, OpeningHours } from './hours';
import { DEFAULT_RADIUS_M, MAX_PAGE, MAX_RADIUS_M } from './limits';
import type { ComplaintChannel, FeeItem, RegionRef, ServiceProcess } from './model';
import type { Certification } from './rules';
import { SERVICE_CODES, STATION_LEVELS, type ServiceCode, type StationLevel, type StationStatus } from './vocabulary';

export { DEFAULT_RADIUS_M, MAX_PAGE, MAX_RADIUS_M };

const filters = {
  level: z.optional(z.enum(STATION_LEVELS, '站点级别不对')),
  service: z.optional(z.enum(SERVICE_CODES, '没有这项服务')),
  openNow: z.optional(z.boolean()),
  // Nearby's cursor carries a distance and a station id (up to 40 characters).
  cursor: z.optional(z.string().check(z.maxLength(90, '翻页参数无效'))),
  limit: z.optional(z.int().check(z.gte(1, '每页至少 1 条'), z.lte(MAX_PAGE, `每页最多 ${MAX_PAGE} 条`))),
};

export const nearbyInput = z.strictObject({
  lat: latitude,
  lng: longitude,
  radiusM: z.optional(z.number().check(z.gt(0, '范围必须大于 0'), z.lte(MAX_RADIUS_M, `范围最大 ${MAX_RADIUS_M / 1000} 公里`))),
  ...filters,
});
export type NearbyInput = z.infer<typeof nearbyInput>;

export const searchInput = z
  .strictObject({
    q: z.optional(z.string().check(z.trim(), z.maxLength(50, '搜索词最多 50 个字'))),
    regionCode: z.optional(regionCode),
    ...filters,
  })
  .check(
    z.refine((v) => !!(v.q && v.q.length) || !!v.regionCode, { message: '请输入搜索词或选择地区', path: ['q'] }),
  );
export type SearchInput = z.infer<typeof searchInput>;

export const getInput = z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对')) });
export type GetInput = z.infer<typeof getInput>;

export const regionsInput = z.strictObject({ parentCode: z.optional(z.nullable(regionCode)) });
export type RegionsInput = z.infer<typeof regionsInput>;

/** Hours status as sent over the wire (instants as ISO strings). */
export interface HoursStatusDto {
  state: HoursStatus['state'];
  label: string;
  detail: string;
  note?: string;
}

export interface StationSummary {
  id: string;
  code: string;
  name: string;
  level: StationLevel;
  status: StationStatus;
  statusLabel: string;
  /** e.g. 于都县 · 贡江镇 · 水头村 */
  place: string;
  address: string;
  location: { lat: number; lng: number };
  services: ServiceCode[];
  phone: string;
  hours: HoursStatusDto;
  certified: boolean;
  inCultivation: boolean;
  stale: boolean;
  /** True for the generated demonstration data set (the list shows a banner). */
  demo: boolean;
  distanceM?: number;
}

export interface StationDetail extends StationSummary {
  regionPath: RegionRef[];
  locationDatum: 'GCJ-02';
  operator: { name: string; hotline: string };
  platforms: string[];
  areaSqm: number;
  servicePopulation: number;
  photos: string[];
  openingHours: OpeningHours;
  week: { days: string; text: string }[];
  processes: ServiceProcess[];
  commitments: string[];
  fees: FeeItem[];
  complaintChannels: ComplaintChannel[];
  contactPerson?: string;
  certification: Certification | null;
  cultivationEndsOn?: string;
  infoConfirmedOn: string;
  infoAgeDays: number;
  /** A closed station (关停): the nearest listed one within 30 km, so nobody walks to a closed door. */
  nearestOpen?: { id: string; name: string; distanceM: number } | null;
  /** A temporary closure in force or ahead (the page shows it first: villagers must not walk there). */
  closure?: { reason: string; from: string; until: string };
}

export interface StationPage {
  items: StationSummary[];
  nextCursor: string | null;
}

export interface RegionItem {
  code: string;
  name: string;
  level: string;
  hasChildren: boolean;
}
