/**
 * Coverage of a county's network (issue 12 §4; 第五条3, 第六条): which townships have no station,
 * which villages no point, where the layout rule is broken (one operation centre per county, one
 * station per township, at most one point per village), and what is planned. Pure: the caller
 * brings the county's regions and stations.
 *
 * A place counts as covered by a station in the network (公示, 认定, 运营, 整改); stations still in
 * planning or review (规划, 初审, 审核) are the county's plan and shown against the gap they fill;
 * closed stations count for nothing.
 */
import { withLabels } from '../shared/labelled';
import type { Region, Station } from './model';
import { LEVEL_LABELS, LISTED_STATUSES, STATUS_LABELS, type StationLevel, type StationStatus } from './vocabulary';

export const PLANNED_STATUSES: readonly StationStatus[] = ['planned', 'operator_review', 'county_review'];

/** Where in the region path a station of each level sits: province, city, county, township, village. */
const DEPTH: Record<StationLevel, number> = { county: 3, township: 4, village: 5 };

export interface CoverageStation {
  id: string;
  name: string;
  level: StationLevel;
  levelLabel: string;
  status: StationStatus;
  statusLabel: string;
  /** The township or village (or county) it serves. */
  place: string;
  lat: number;
  lng: number;
}

export interface CoverageGap {
  code: string;
  name: string;
  /** For a village: its township. */
  within?: string;
  /** Stations planned for this place (规划 or in review). */
  planned: string[];
  /** A village on the county's imported poverty list (脱贫村): listed first. */
  poverty?: boolean;
}

export interface CoverageBreach {
  level: StationLevel;
  code: string;
  place: string;
  stations: string[];
  message: string;
}

export interface CoverageReport {
  county: { code: string; name: string };
  counts: {
    townships: number;
    townshipsCovered: number;
    villages: number;
    villagesCovered: number;
    /** Poverty villages (脱贫村) on the county's list, and how many of them have no point. */
    povertyVillages: number;
    povertyWithout: number;
    /** Stations in the network, by level. */
    byLevel: Record<StationLevel, number>;
    planned: number;
  };
  /** The county's operation centre: none, one, or (a breach) several. */
  centre: { names: string[]; ok: boolean; message: string };
  townshipsWithout: CoverageGap[];
  villagesWithout: CoverageGap[];
  breaches: CoverageBreach[];
  planned: CoverageStation[];
  /** Every station counted (network and plan), for the map. */
  points: CoverageStation[];
}

const RULE_TEXT: Record<StationLevel, (place: string, n: number) => string> = {
  county: (p, n) => `${p}有 ${n} 个运营中心（第五条3：每县一个）`,
  township: (p, n) => `${p}有 ${n} 个服务站（第五条3：每个乡镇一个）`,
  village: (p, n) => `${p}有 ${n} 个服务点（第五条3：每村最多一个）`,
};

function placeCode(s: Station): string | null {
  return s.regionPath[DEPTH[s.level] - 1]?.code ?? null;
}

export function coverageOf(input: { county: Region; townships: Region[]; villages: Region[]; stations: Station[]; poverty?: ReadonlySet<string> }): CoverageReport {
  const { county, townships, villages } = input;
  const names = new Map<string, string>([[county.code, county.name], ...townships.map((t) => [t.code, t.name] as const), ...villages.map((v) => [v.code, v.name] as const)]);
  const inNetwork = input.stations.filter((s) => LISTED_STATUSES.includes(s.status));
  const inPlan = input.stations.filter((s) => PLANNED_STATUSES.includes(s.status));
  const view = (s: Station): CoverageStation => {
    const code = placeCode(s);
    return {
      id: s.id,
      name: s.name,
      ...withLabels(s, { level: LEVEL_LABELS, status: STATUS_LABELS }),
      place: (code && (names.get(code) ?? s.regionPath[DEPTH[s.level] - 1]?.name)) || '',
      lat: s.location.lat,
      lng: s.location.lng,
    };
  };

  // Network stations by (level, place): more than one at the same place breaks 第五条3.
  const byPlace = new Map<string, Station[]>();
  for (const s of inNetwork) {
    const code = placeCode(s);
    if (!code) continue;
    const key = `${s.level}:${code}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), s]);
  }
  const plannedAt = new Map<string, string[]>();
  for (const s of inPlan) {
    const code = placeCode(s);
    if (code) plannedAt.set(`${s.level}:${code}`, [...(plannedAt.get(`${s.level}:${code}`) ?? []), s.name]);
  }
  const covered = (level: StationLevel, code: string) => (byPlace.get(`${level}:${code}`)?.length ?? 0) > 0;

  const breaches: CoverageBreach[] = [];
  for (const [key, list] of byPlace) {
    if (list.length < 2) continue;
    const [level, code] = key.split(':') as [StationLevel, string];
    const place = names.get(code) ?? list[0].regionPath[DEPTH[level] - 1]?.name ?? code;
    breaches.push({ level, code, place, stations: list.map((s) => s.name).sort(), message: RULE_TEXT[level](place, list.length) });
  }
  breaches.sort((a, b) => DEPTH[a.level] - DEPTH[b.level] || a.code.localeCompare(b.code));

  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const townshipsWithout = townships
    .filter((t) => !covered('township', t.code))
    .map((t) => ({ code: t.code, name: t.name, planned: plannedAt.get(`township:${t.code}`) ?? [] }));
  const poverty = input.poverty ?? new Set<string>();
  // Poverty villages first (issue 12 §4), each group in region-code order.
  const villagesWithout = villages
    .filter((v) => !covered('village', v.code))
    .map((v) => ({ code: v.code, name: v.name, within: townshipName.get(v.parentCode ?? '') ?? '', planned: plannedAt.get(`village:${v.code}`) ?? [], ...(poverty.has(v.code) ? { poverty: true } : {}) }))
    .sort((a, b) => Number(!!b.poverty) - Number(!!a.poverty) || a.code.localeCompare(b.code));

  const centres = (byPlace.get(`county:${county.code}`) ?? []).map((s) => s.name);
  const byLevel: Record<StationLevel, number> = { county: 0, township: 0, village: 0 };
  for (const s of inNetwork) byLevel[s.level]++;

  return {
    county: { code: county.code, name: county.name },
    counts: {
      townships: townships.length,
      townshipsCovered: townships.length - townshipsWithout.length,
      villages: villages.length,
      villagesCovered: villages.length - villagesWithout.length,
      povertyVillages: villages.filter((v) => poverty.has(v.code)).length,
      povertyWithout: villagesWithout.filter((v) => v.poverty).length,
      byLevel,
      planned: inPlan.length,
    },
    centre: {
      names: centres,
      ok: centres.length === 1,
      message: centres.length === 1 ? `运营中心：${centres[0]}` : centres.length === 0 ? `${county.name}还没有运营中心（第五条3：每县一个）` : RULE_TEXT.county(county.name, centres.length),
    },
    townshipsWithout,
    villagesWithout,
    breaches,
    planned: inPlan.map(view),
    points: [...inNetwork, ...inPlan].map(view),
  };
}
