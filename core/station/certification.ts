/**
 * Station certification (第十一条3–4, 第七条, 第六条): the operator files an application for one of
 * its planned stations → the operator's 初审 → the county's 审核 with a site-visit record → 公示
 * (core/notice) → 认定 with a certificate when the notice closes clean; the 6-month cultivation
 * period runs from the certificate's date (core/station/rules.ts trustFacts). Pure: the explicit
 * transition table decides; each command returns the next application plus the station's status
 * (one change for the store). A refusal at any step keeps its reason for the operator.
 */
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import type { Station } from './model';
import type { Certification } from './rules';
import { ruleWarnings, type RuleThresholds, type RuleWarning } from './rules';
import { EQUIPMENT, LEVEL_LABELS, MIN_AREA_SQM, type EquipmentCode, type StationLevel, type StationStatus } from './vocabulary';
import { labelled } from '../shared/labelled';

export const { codes: CERTIFICATION_STATES, labels: CERTIFICATION_STATE_LABELS } = labelled({
  operator_review: '运营单位初审中',
  county_review: '县级审核中',
  approved: '审核通过，待公示',
  notice: '认定公示中',
  certified: '已认定',
  returned: '初审退回',
  refused: '审核未通过',
});
export type CertificationState = (typeof CERTIFICATION_STATES)[number];
/** An application still under way: one at a time per station. */
export const OPEN_CERTIFICATION: readonly CertificationState[] = ['operator_review', 'county_review', 'approved', 'notice'];

export { EQUIPMENT, EQUIPMENT_CODES, EQUIPMENT_LABELS, type EquipmentCode } from './vocabulary';

export interface SiteVisit {
  visitedOn: string;
  visitors: string;
  findings: string;
  passed: boolean;
}

export interface CertificationEvent {
  at: string;
  by: 'operator' | 'county' | 'notice';
  action: CertifyCommand['type'] | 'file' | 'publish';
  note: string;
}

export interface CertificationApplication {
  id: string;
  stationId: string;
  /** The name asked for (第七条4); the station takes it when certified. */
  stationName: string;
  level: StationLevel;
  address: string;
  regionCodes: string[];
  /** The county's name (the default issuing authority is its 商务局). */
  countyName: string;
  operatorName: string;
  /** 运营单位/市场主体 that runs the site. */
  entity: string;
  areaSqm: number;
  equipment: EquipmentCode[];
  servicePopulation: number;
  /** 申办 photos of the plaque (站牌) and the signage (标识): stored ids, seen by the reviewers. */
  photos?: { plaque: string[]; signage: string[] };
  /** Content checks of those photos (only passed ones may reach the public page at 认定). */
  photoChecks?: { fileId: string; traceId: string }[];
  /**
   * The station as it stood at filing: 认定 creates it from this if the register lost it meanwhile
   * (a re-import, a cleanup), so a certificate never points at nothing.
   */
  site?: Station;
  /** Rule warnings at filing (name, area, population), shown to the reviewers. */
  warnings: RuleWarning[];
  state: CertificationState;
  /** The station's status before filing (restored on return or refusal). */
  previousStatus: StationStatus;
  visit: SiteVisit | null;
  authority: string | null;
  noticeId: string | null;
  certificate: Certification | null;
  /** Why it was returned, refused or stopped (shown to the operator). */
  reason: string | null;
  filedBy: string;
  filedAt: string;
  events: CertificationEvent[];
  version: number;
}

export type CertifyCommand =
  | { type: 'operatorPass'; comment: string }
  | { type: 'operatorReturn'; reason: string }
  | { type: 'countyReview'; visit: SiteVisit; authority: string; reason: string }
  | { type: 'publish'; noticeId: string; endsOn: string }
  | { type: 'noticeApproved'; certificateNo: string }
  | { type: 'noticeStopped'; reason: string };

type By = CertificationEvent['by'];

export const CERTIFY_TRANSITIONS: Record<CertifyCommand['type'], { from: readonly CertificationState[]; by: By }> = {
  operatorPass: { from: ['operator_review'], by: 'operator' },
  operatorReturn: { from: ['operator_review'], by: 'operator' },
  countyReview: { from: ['county_review'], by: 'county' },
  publish: { from: ['approved'], by: 'county' },
  noticeApproved: { from: ['notice'], by: 'notice' },
  noticeStopped: { from: ['notice'], by: 'notice' },
};

export interface CertifyResult {
  next: CertificationApplication;
  /**
   * The station's new status and, when certified, its certificate, name and the application's
   * photos (for a station that has none yet) (null: unchanged).
   */
  station: { status: StationStatus; certification?: Certification; name?: string; photos?: string[] } | null;
}

/** What a filing must meet; field → message (empty when it may be filed). */
export function filingProblems(
  a: { level: StationLevel; areaSqm: number; equipment: readonly EquipmentCode[]; photos?: { plaque: readonly string[]; signage: readonly string[] } },
  minAreaSqm: Record<StationLevel, number> = MIN_AREA_SQM,
): Record<string, string> {
  const out: Record<string, string> = {};
  // 第十一条3 授牌 is checked against the site: the plaque and the signage must be seen.
  if (a.photos && !a.photos.plaque.length) out.plaquePhotos = '请上传站牌照片';
  if (a.photos && !a.photos.signage.length) out.signagePhotos = '请上传标识照片';
  const min = minAreaSqm[a.level];
  if (a.areaSqm < min) out.areaSqm = `${LEVEL_LABELS[a.level]}使用面积不少于 ${min}㎡（第七条1）`;
  const groups = new Set(a.equipment.map((c) => EQUIPMENT.find(([x]) => x === c)?.[2]));
  if (!groups.has('network')) out.equipment = '至少要有一项网络设施（第七条2）';
  else if (a.equipment.filter((c) => EQUIPMENT.find(([x]) => x === c)?.[2] === 'facility').length < 2) out.equipment = '至少要有两项经营设施（第七条3）';
  return out;
}

/** A new application: no visit, authority, notice, certificate or refusal yet. */
export const UNDECIDED = { visit: null, authority: null, noticeId: null, certificate: null, reason: null } as const;

export function fileApplication(input: {
  id: string;
  station: { id: string; status: StationStatus; level: StationLevel; address: string; regionCodes: string[]; countyName: string; operatorName: string };
  stationName: string;
  entity: string;
  areaSqm: number;
  equipment: EquipmentCode[];
  servicePopulation: number;
  photos: { plaque: string[]; signage: string[] };
  site?: Station;
  filedBy: string;
  at: Date;
  /** The minimums at the station's region (core/settings); absent: the defaults. */
  thresholds?: RuleThresholds;
}): CertifyResult {
  const { station } = input;
  if (station.status !== 'planned') throw new AppError('CONFLICT', station.status === 'closed' ? '这个站点已关停，不能申请认定' : '这个站点已经在认定流程中或已认定');
  const problems = filingProblems({ level: station.level, areaSqm: input.areaSqm, equipment: input.equipment, photos: input.photos }, input.thresholds?.minAreaSqm);
  if (Object.keys(problems).length) throw new AppError('VALIDATION_ERROR', Object.values(problems)[0]!, problems);
  const warnings = ruleWarnings({ name: input.stationName, level: station.level, areaSqm: input.areaSqm, servicePopulation: input.servicePopulation }, input.thresholds);
  // 第七条4: the name is the one thing a station cannot be certified without getting right.
  if (warnings.some((w) => w.code === 'NAME_FORMAT')) {
    throw new AppError('VALIDATION_ERROR', '站点名称不符合第七条4的命名规范，例如“江西电商扶贫工程某某村服务点”', { stationName: '不符合命名规范' });
  }
  const at = input.at.toISOString();
  const app: CertificationApplication = {
    id: input.id,
    stationId: station.id,
    stationName: input.stationName,
    level: station.level,
    address: station.address,
    regionCodes: station.regionCodes,
    countyName: station.countyName,
    operatorName: station.operatorName,
    entity: input.entity,
    areaSqm: input.areaSqm,
    equipment: input.equipment,
    servicePopulation: input.servicePopulation,
    photos: input.photos,
    ...(input.site ? { site: input.site } : {}),
    warnings,
    state: 'operator_review',
    previousStatus: station.status,
    ...UNDECIDED,
    filedBy: input.filedBy,
    filedAt: at,
    events: [{ at, by: 'operator', action: 'file', note: '提交认定申请' }],
    version: 1,
  };
  return { next: app, station: { status: 'operator_review' } };
}

/** Why `type` cannot run on `a` by `by` (null when it can). */
export function certifyRefusal(a: CertificationApplication, type: CertifyCommand['type'], by: By): string | null {
  const t = CERTIFY_TRANSITIONS[type];
  if (t.by !== by) return t.by === 'operator' ? '这一步由运营单位办理' : t.by === 'county' ? '这一步由县级主管部门办理' : '这一步在公示期满后自动办理';
  if (!t.from.includes(a.state)) return `认定申请现在是“${CERTIFICATION_STATE_LABELS[a.state]}”，不能这样办理`;
  return null;
}

export function certify(a: CertificationApplication, cmd: CertifyCommand, ctx: { by: By; at: Date }): CertifyResult {
  const refusal = certifyRefusal(a, cmd.type, ctx.by);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const at = ctx.at.toISOString();
  const event = (note: string): CertificationEvent => ({ at, by: ctx.by, action: cmd.type, note });
  const base = { ...a, version: a.version + 1 };
  switch (cmd.type) {
    case 'operatorPass':
      return { next: { ...base, state: 'county_review', reason: null, events: [...a.events, event(cmd.comment || '初审通过')] }, station: { status: 'county_review' } };
    case 'operatorReturn':
      return { next: { ...base, state: 'returned', reason: cmd.reason, events: [...a.events, event(cmd.reason)] }, station: { status: a.previousStatus } };
    case 'countyReview': {
      const v = cmd.visit;
      const note = `${v.visitedOn} ${v.visitors} 实地核查：${v.findings}（${v.passed ? '合格' : '不合格'}）`;
      if (!v.passed) {
        if (!cmd.reason) throw new AppError('VALIDATION_ERROR', '请写明不通过的原因', { reason: '必填' });
        return { next: { ...base, state: 'refused', visit: v, reason: cmd.reason, events: [...a.events, event(`${note}；${cmd.reason}`)] }, station: { status: a.previousStatus } };
      }
      return { next: { ...base, state: 'approved', visit: v, authority: cmd.authority, reason: null, events: [...a.events, event(note)] }, station: null };
    }
    case 'publish':
      return { next: { ...base, state: 'notice', noticeId: cmd.noticeId, events: [...a.events, { at, by: 'county', action: 'publish', note: `发布认定公示，至 ${cmd.endsOn}` }] }, station: { status: 'notice' } };
    case 'noticeApproved': {
      const certificate: Certification = { certificateNo: cmd.certificateNo, certifiedOn: toShanghai(ctx.at).date, authority: a.authority ?? `${a.countyName}商务局` };
      return {
        next: { ...base, state: 'certified', certificate, events: [...a.events, event(`公示期满无异议，予以认定，证书编号 ${certificate.certificateNo}`)] },
        station: { status: 'certified', certification: certificate, name: a.stationName, ...(a.photos ? { photos: [...a.photos.plaque, ...a.photos.signage] } : {}) },
      };
    }
    case 'noticeStopped':
      // An upheld objection sends it back to the county, with the reason, for a new review.
      return { next: { ...base, state: 'county_review', noticeId: null, reason: cmd.reason, events: [...a.events, event(cmd.reason)] }, station: { status: 'county_review' } };
  }
}

/** Which commands `by` may run now (for the buttons). */
export function certifyActions(a: CertificationApplication, by: By): CertifyCommand['type'][] {
  return (Object.keys(CERTIFY_TRANSITIONS) as CertifyCommand['type'][]).filter((t) => certifyRefusal(a, t, by) === null);
}

/** The certificate number: county code, year, and a serial taken from the application id. */
export function certificateNumber(a: Pick<CertificationApplication, 'id' | 'regionCodes'>, at: Date): string {
  const county = a.regionCodes.find((c) => c.length === 6) ?? a.regionCodes[a.regionCodes.length - 1] ?? '36';
  const serial = a.id.replace(/[^A-Za-z0-9]/g, '').slice(-6).toUpperCase();
  return `赣电商扶贫认〔${toShanghai(at).date.slice(0, 4)}〕${county}-${serial}`;
}

/**
 * The public facts of a certification notice: about the station, never a person (no head's name,
 * no phone numbers, no filer).
 */
export function certificationFacts(a: CertificationApplication): { label: string; value: string }[] {
  return [
    { label: '站点名称', value: a.stationName },
    { label: '站点级别', value: LEVEL_LABELS[a.level] },
    { label: '地址', value: a.address },
    { label: '运营单位', value: a.operatorName },
    { label: '使用面积', value: `${a.areaSqm}㎡` },
    { label: '服务人口', value: `约 ${a.servicePopulation} 人` },
  ];
}

/** Storage of certification applications (adapters/sqlite/certifications.ts, adapters/cloudbase/certifications.ts). */
export interface CertificationRepository {
  get(id: string): Promise<CertificationApplication | null>;
  /** Every application of a station, newest first. */
  forStation(stationId: string): Promise<CertificationApplication[]>;
  /** The applications this person filed (at most 100), newest first. */
  byApplicant(openid: string): Promise<CertificationApplication[]>;
  /** Applications of stations in a region (any level), optionally by operator and states, newest first. */
  list(q: { regionCode?: string; operatorName?: string; states?: readonly CertificationState[]; offset: number; limit: number }): Promise<{ items: CertificationApplication[]; hasMore: boolean }>;
  /** Insert (`expectedVersion` null) or replace at it. CONFLICT when the station has an open application, or on a stale version. */
  save(a: CertificationApplication, expectedVersion: number | null): Promise<void>;
}
