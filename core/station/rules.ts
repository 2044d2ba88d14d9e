/**
 * Derived facts and officials' warnings about a station: certification, the 6-month cultivation
 * period (第十一条4), data freshness, the naming rule (第七条4) and minimum area (第七条1).
 */
import { addMonths, daysBetween, toShanghai } from '../shared/time';
import { CERTIFIED_STATUSES, MIN_AREA_SQM, MIN_SERVICE_POPULATION, type StationLevel, type StationStatus } from './vocabulary';

/** Public information older than this many days is shown as "待更新". */
export const FRESHNESS_DAYS = 180;
export const CULTIVATION_MONTHS = 6;

export interface Certification {
  certificateNo: string;
  certifiedOn: string; // YYYY-MM-DD
  authority: string;
}

export interface TrustFacts {
  certified: boolean;
  /** 培育期: within 6 months after certification. */
  inCultivation: boolean;
  cultivationEndsOn?: string;
  /** Days since the public information was last confirmed. */
  infoAgeDays: number;
  stale: boolean;
}

export function trustFacts(
  s: { status: StationStatus; certification?: Certification | null; infoConfirmedOn: string },
  now: Date,
  /** Settings (core/settings) may change it per region. */
  freshnessDays: number = FRESHNESS_DAYS,
): TrustFacts {
  const today = toShanghai(now).date;
  const certified = CERTIFIED_STATUSES.includes(s.status) && !!s.certification;
  let inCultivation = false;
  let cultivationEndsOn: string | undefined;
  if (certified && s.certification) {
    cultivationEndsOn = addMonths(s.certification.certifiedOn, CULTIVATION_MONTHS);
    inCultivation = s.certification.certifiedOn <= today && today < cultivationEndsOn;
  }
  const infoAgeDays = Math.max(0, daysBetween(s.infoConfirmedOn, today));
  return { certified, inCultivation, cultivationEndsOn, infoAgeDays, stale: infoAgeDays > freshnessDays };
}

export interface RuleWarning {
  /** LAYOUT_*: 第五条3, one centre per county, one station per township, at most one point per village. */
  code: 'NAME_FORMAT' | 'AREA_BELOW_MINIMUM' | 'POPULATION_BELOW_NORM' | 'LAYOUT_COUNTY' | 'LAYOUT_TOWNSHIP' | 'LAYOUT_VILLAGE';
  message: string;
}

/**
 * 第七条4: "江西省电商扶贫乡镇服务站(村级服务点)" or "江西电商扶贫工程____乡(镇)服务站(____村服务点)".
 * County centres are named "…县(市、区)电商扶贫服务运营中心".
 */
export function nameFollowsRule(name: string, level: StationLevel): boolean {
  const n = name.replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  switch (level) {
    case 'county':
      return /^(江西省?)?.{1,12}(县|市|区)电商扶贫(?:服务)?运营中心$/.test(n) || /^江西电商扶贫工程.{1,12}(县|市|区)运营中心$/.test(n);
    case 'township':
      return /^江西电商扶贫工程.{1,12}(乡|镇|街道)服务站$/.test(n) || /^江西省电商扶贫.{0,12}(乡|镇|街道)?服务站$/.test(n);
    case 'village':
      return /^江西电商扶贫工程.{1,16}(村|社区|居委会)服务点$/.test(n) || /^江西省电商扶贫.{0,16}村级服务点$/.test(n);
  }
}

/** The adjustable minimums (第十二条1); core/settings resolves them per region. */
export interface RuleThresholds {
  minAreaSqm: Record<StationLevel, number>;
  minServicePopulation: number;
}
const DEFAULT_RULE_THRESHOLDS: RuleThresholds = { minAreaSqm: MIN_AREA_SQM, minServicePopulation: MIN_SERVICE_POPULATION };

export function ruleWarnings(s: { name: string; level: StationLevel; areaSqm: number; servicePopulation: number }, t: RuleThresholds = DEFAULT_RULE_THRESHOLDS): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  if (!nameFollowsRule(s.name, s.level)) {
    warnings.push({ code: 'NAME_FORMAT', message: '站点名称不符合第七条4的命名规范' });
  }
  const min = t.minAreaSqm[s.level];
  if (s.areaSqm < min) {
    warnings.push({ code: 'AREA_BELOW_MINIMUM', message: `使用面积 ${s.areaSqm}㎡，低于该级别最低 ${min}㎡（第七条1）` });
  }
  if (s.servicePopulation < t.minServicePopulation) {
    warnings.push({ code: 'POPULATION_BELOW_NORM', message: `服务人口 ${s.servicePopulation} 人，一般应不少于 ${t.minServicePopulation} 人（第六条1）` });
  }
  return warnings;
}
