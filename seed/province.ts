/**
 * Full-province data set for benchmarks: one 运营中心 per county (100), one 服务站 per
 * township-level unit with residents (~1,700) and one 服务点 per real village (~22,000).
 * Valid Station records with lighter content than ./demo.ts; deterministic for a given seed.
 * Ids start with "pv-" and codes with "JXP-" so they never collide with the demo set.
 */
import { isIsoDate } from '../core/shared/time';
import type { HoursException, OpeningHours } from '../core/station/hours';
import type { Region, RegionRef, Station } from '../core/station/model';
import type { Certification } from '../core/station/rules';
import type { StationLevel, StationStatus } from '../core/station/vocabulary';
import {
  AREA_CODES,
  HOLIDAY_EXCEPTIONS,
  Rng,
  STATUS_WEIGHTS,
  certifiedOnFor,
  complaintChannels,
  countyCentreName,
  fakeLandline,
  fakeMobile,
  feesFor,
  infoConfirmedOnFor,
  offsetPoint,
  processesFor,
  regionRef,
  servicesFor,
  townshipStationName,
  updatedAtFor,
  villageShortName,
  villageStationName,
  weeklyHours,
  type HoursPattern,
  type LatLng,
} from './demo';
import { loadRegions, populatedTownships, regionIndex } from './regions';

/** The date the province set's certification and freshness dates are relative to. */
export const PROVINCE_REFERENCE_DATE = '2026-06-01';

/** Jiangxi's extent; generated points are clamped into it. */
export const JIANGXI_BOUNDS = { minLat: 24.5, maxLat: 30.1, minLng: 113.6, maxLng: 118.5 };

const OPERATOR_WORDS = ['农特', '惠农', '益农', '乡村', '兴农', '优品', '富民'];
const PLATFORMS = ['832平台', '邮乐购', '赣鄱正品', '供销e家', '拼多多', '淘宝'];
const HOURS_WEIGHTS: readonly (readonly [HoursPattern, number])[] = [
  ['lunch_break', 35],
  ['six_days', 20],
  ['shop', 30],
  ['weekdays', 8],
  ['closed_monday', 5],
  ['evening', 2],
];

function clampToJiangxi(p: LatLng): LatLng {
  const b = JIANGXI_BOUNDS;
  return { lat: Math.min(b.maxLat, Math.max(b.minLat, p.lat)), lng: Math.min(b.maxLng, Math.max(b.minLng, p.lng)) };
}

function exceptionsFor(level: StationLevel, rng: Rng): HoursException[] {
  const h = HOLIDAY_EXCEPTIONS;
  const list = level === 'county' || rng.chance(0.5) ? [...h.springFestival2026(), ...h.newYear2027()] : h.newYear2027();
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * About 24,000 stations across Jiangxi, clustered around the county seats (townships 2–25 km,
 * villages 0.3–4 km around their township station). Same seed → same output.
 *
 * `villagesEach` > 1 makes a synthetic denser province for growth benchmarks: that many service
 * points per real village (ids and codes suffixed, names numbered), e.g. 10 → ≈ 240,000 stations.
 */
export function provinceStations(seed = 1, today: string = PROVINCE_REFERENCE_DATE, villagesEach = 1): Station[] {
  if (!isIsoDate(today)) throw new Error(`provinceStations: today must be YYYY-MM-DD, got ${today}`);
  if (!Number.isInteger(villagesEach) || villagesEach < 1) throw new Error(`provinceStations: villagesEach must be a positive integer, got ${villagesEach}`);
  const rng = new Rng(seed);
  const regions = loadRegions();
  const index = regionIndex(regions);
  const province = regionRef(regions[0]);
  const stations: Station[] = [];

  for (const county of regions.filter((r) => r.level === 'county')) {
    const city = index.byCode.get(county.parentCode as string) as Region;
    const countyPath: RegionRef[] = [province, regionRef(city), regionRef(county)];
    const areaCode = AREA_CODES[city.code];
    const operator = { name: `${county.name}${rng.pick(OPERATOR_WORDS)}电子商务有限公司（演示）`, hotline: fakeLandline(areaCode, rng) };
    const bureauPhone = fakeLandline(areaCode, rng);
    const seat = county.centre as LatLng;
    let seq = 0;

    const add = (p: {
      id: string;
      level: StationLevel;
      name: string;
      regionPath: RegionRef[];
      address: string;
      location: LatLng;
      areaSqm: number;
      servicePopulation: number;
      status: StationStatus;
      phone: string;
      pattern: HoursPattern;
    }) => {
      seq += 1;
      const services = servicesFor(p.level, rng);
      const certifiedOn = certifiedOnFor(p.status, today, rng);
      const certification: Certification | null = certifiedOn
        ? { certificateNo: `${county.code}-${certifiedOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`, certifiedOn, authority: `${county.name}商务局` }
        : null;
      const infoConfirmedOn = infoConfirmedOnFor(p.status, certifiedOn, today, rng);
      const hours: OpeningHours = { weekly: weeklyHours(p.pattern), exceptions: exceptionsFor(p.level, rng) };
      stations.push({
        id: p.id,
        code: `JXP-${county.code}-${String(seq).padStart(4, '0')}`,
        level: p.level,
        name: p.name,
        regionPath: p.regionPath,
        address: p.address,
        location: { ...clampToJiangxi(p.location), datum: 'GCJ-02' },
        operator: { ...operator },
        platforms: rng.sample(PLATFORMS, rng.int(1, 2)),
        areaSqm: p.areaSqm,
        servicePopulation: p.servicePopulation,
        photos: [],
        hours,
        services,
        processes: processesFor(services, 2),
        commitments: ['明码标价、不收取额外费用', '快递24小时内发出'],
        fees: feesFor(services, rng).slice(0, 4),
        complaintChannels: complaintChannels({ stationPhone: p.phone, operatorHotline: operator.hotline, countyName: county.name, bureauPhone }).slice(0, 4),
        contact: { phone: p.phone },
        status: p.status,
        certification,
        infoConfirmedOn,
        updatedAt: updatedAtFor(infoConfirmedOn, rng),
        demo: true,
      });
    };

    add({
      id: `pv-${county.code}-000`,
      level: 'county',
      name: countyCentreName(county.name),
      regionPath: countyPath,
      address: `${county.name}电子商务产业园`,
      location: offsetPoint(seat, rng.float(0.2, 1.5), rng.float(0, 2 * Math.PI)),
      areaSqm: rng.int(20, 100) * 10,
      servicePopulation: rng.int(15, 120) * 10_000,
      status: 'active',
      phone: fakeLandline(areaCode, rng),
      pattern: 'county',
    });

    for (const { township, villages } of populatedTownships(index, county.code)) {
      const townshipPath = [...countyPath, regionRef(township)];
      const location = offsetPoint(seat, rng.float(2, 25), rng.float(0, 2 * Math.PI));
      add({
        id: `pv-${township.code}-000`,
        level: 'township',
        name: townshipStationName(township.name),
        regionPath: townshipPath,
        address: `${county.name}${township.name}圩镇${rng.int(1, 200)}号`,
        location,
        areaSqm: rng.int(22, 120),
        servicePopulation: rng.int(300, 6000) * 10,
        status: rng.weighted(STATUS_WEIGHTS),
        phone: fakeLandline(areaCode, rng),
        pattern: rng.weighted(HOURS_WEIGHTS),
      });
      for (const village of villages) {
        const short = villageShortName(village.name);
        for (let k = 0; k < villagesEach; k++) {
          const suffix = k === 0 ? '' : `-${k}`;
          add({
            id: `pv-${township.code}-${village.code.slice(9)}${suffix}`,
            level: 'village',
            name: k === 0 ? villageStationName(village.name) : villageStationName(village.name).replace(/服务点$/, `第${k + 1}服务点`),
            regionPath: [...townshipPath, regionRef(village)],
            address: `${county.name}${township.name}${short}${k === 0 ? '' : `${k + 1}组`}`,
            location: offsetPoint(location, rng.float(0.3, 4), rng.float(0, 2 * Math.PI)),
            areaSqm: rng.int(10, 50),
            servicePopulation: rng.int(25, 400) * 10,
            status: rng.weighted(STATUS_WEIGHTS),
            phone: fakeMobile(rng),
            pattern: rng.weighted(HOURS_WEIGHTS),
          });
        }
      }
    }
  }
  return stations;
}
