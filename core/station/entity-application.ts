/**
 * 申办 by a market entity for a new site (issue 10 §3, 第十一条3): any identified WeChat user acting
 * for an enterprise files for a site that is not in the register yet. Same rule checks as an
 * operator's filing (第七条4 name, 第七条1 area, 第七条2–3 equipment; 第六条1 population as a
 * warning); the application goes to the county's operator for 初审, or straight to the county when
 * the county has no operator. The applicant (contact person, phone, openid) is private: only the
 * application's reviewers and the applicant see it; notices show the site, never them.
 *
 * Pure: validation and the application record. Not wired to a desk, store or page yet.
 */
import { AppError } from '../shared/errors';
import { filingProblems, UNDECIDED, type CertificationApplication, type CertifyResult, type EquipmentCode } from './certification';
import { ruleWarnings } from './rules';
import type { StationLevel } from './vocabulary';

/** GB 32100-2015 统一社会信用代码: 18 characters over this alphabet (no I, O, Z, S, V). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why `code` is not a valid unified social credit code (null when it is). */
export function creditCodeProblem(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return '统一社会信用代码应为 18 位';
  if ([...c].some((ch) => !USCC_CHARS.includes(ch))) return '统一社会信用代码含有不该有的字符';
  if (!/^\d{6}$/.test(c.slice(2, 8))) return '统一社会信用代码第 3 到 8 位应为行政区划代码';
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_CHARS.indexOf(c[i]!) * w, 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  return c[17] === check ? null : '统一社会信用代码校验位不对，请核对';
}

/** Rough bounds of Jiangxi in GCJ-02 (as the register's import checks, core/station/register-sheet.ts). */
const JIANGXI = { minLat: 24.45, maxLat: 30.1, minLng: 113.55, maxLng: 118.5 };

export interface EntityApplicant {
  entityName: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
}

export interface NewSite {
  name: string;
  level: StationLevel;
  /** Region path codes, province first, down to the village (12 digits) for a village point. */
  regionCodes: string[];
  countyName: string;
  address: string;
  lat: number;
  lng: number;
}

/** A market entity's application: the certification record plus the private applicant and the new site. */
export interface EntityApplication extends CertificationApplication {
  applicant: EntityApplicant;
  newSite: NewSite;
}

/** What the site and the applicant must meet; field → message (empty when it may be filed). */
export function siteProblems(a: EntityApplicant, s: NewSite): Record<string, string> {
  const out: Record<string, string> = {};
  const credit = creditCodeProblem(a.creditCode);
  if (credit) out.creditCode = credit;
  if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(a.contactPhone)) out.contactPhone = '请填写手机号或带区号的固定电话';
  const last = s.regionCodes[s.regionCodes.length - 1] ?? '';
  if (!s.regionCodes.length || s.regionCodes[0] !== '36') out.regionCode = '请选择江西省内的行政区划';
  else if (s.level === 'village' && last.length !== 12) out.regionCode = '村级服务点请选到村（社区）';
  else if (s.level === 'township' && last.length < 9) out.regionCode = '乡镇服务站请至少选到乡镇';
  else if (!s.regionCodes.some((c) => c.length === 6)) out.regionCode = '请至少选到县（市、区）';
  if (!(s.lat >= JIANGXI.minLat && s.lat <= JIANGXI.maxLat && s.lng >= JIANGXI.minLng && s.lng <= JIANGXI.maxLng)) out.location = '位置不在江西省范围内';
  return out;
}

export function fileEntityApplication(input: {
  id: string;
  /** The new station's id and code in the register (made by the desk). */
  stationId: string;
  applicant: EntityApplicant;
  site: NewSite;
  /** The county's operator that does the 初审; null: the county reviews directly. */
  operatorName: string | null;
  areaSqm: number;
  equipment: EquipmentCode[];
  servicePopulation: number;
  photos: { plaque: string[]; signage: string[] };
  filedBy: string;
  at: Date;
}): { next: EntityApplication; station: CertifyResult['station'] } {
  const { site } = input;
  const problems = { ...siteProblems(input.applicant, site), ...filingProblems({ level: site.level, areaSqm: input.areaSqm, equipment: input.equipment, photos: input.photos }) };
  const warnings = ruleWarnings({ name: site.name, level: site.level, areaSqm: input.areaSqm, servicePopulation: input.servicePopulation });
  if (warnings.some((w) => w.code === 'NAME_FORMAT')) problems.stationName = '站点名称不符合第七条4的命名规范，例如“江西电商扶贫工程某某村服务点”';
  if (Object.keys(problems).length) throw new AppError('VALIDATION_ERROR', Object.values(problems)[0]!, problems);
  const at = input.at.toISOString();
  const toCounty = input.operatorName === null;
  const next: EntityApplication = {
    id: input.id,
    stationId: input.stationId,
    stationName: site.name,
    level: site.level,
    address: site.address,
    regionCodes: site.regionCodes,
    countyName: site.countyName,
    // Who does the 初审 (scope of the operator's staff); the enterprise is `entity`.
    operatorName: input.operatorName ?? input.applicant.entityName,
    entity: input.applicant.entityName,
    areaSqm: input.areaSqm,
    equipment: input.equipment,
    servicePopulation: input.servicePopulation,
    photos: input.photos,
    warnings,
    state: toCounty ? 'county_review' : 'operator_review',
    previousStatus: 'planned',
    ...UNDECIDED,
    filedBy: input.filedBy,
    filedAt: at,
    events: [{ at, by: 'operator', action: 'file', note: toCounty ? '市场主体提交申办，本县暂无运营单位，直接由县级审核' : '市场主体提交申办，转运营单位初审' }],
    version: 1,
    applicant: input.applicant,
    newSite: site,
  };
  // The site is not in the register until 认定 (from the application's snapshot).
  return { next, station: null };
}

/** What the applicant sees of their application: state, and who refused it and why. */
export function applicantStatus(a: Pick<CertificationApplication, 'state' | 'reason' | 'events'>): { state: CertificationApplication['state']; refusedAt: string | null; reason: string | null } {
  const refused = a.state === 'returned' || a.state === 'refused';
  const step = a.state === 'returned' ? '运营单位初审' : a.state === 'refused' ? '县级审核' : null;
  return { state: a.state, refusedAt: refused ? step : null, reason: refused ? a.reason : null };
}
