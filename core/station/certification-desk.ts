/**
 * The certification desk (issue 10 §3, 第十一条3): operator staff file an application for one of
 * their planned stations and do the 初审; the county reviews with a site visit and publishes the
 * 公示 through core/notice; when the notice closes clean the station is certified (certificate,
 * cultivation period), an upheld objection sends it back to the county with the reason. Each step:
 * authorise in scope → version → transition (./certification.ts) → the application, then the
 * station's status (StationRepository.upsertMany keeps caches right) — every step audited.
 */
import { thresholdsAt, type SettingsRepository } from '../settings/model';
import { createAccess, type AccessDeps } from '../authz/access';
import { authorize, listBindings, officialRegions } from '../authz/policy';
import type { Actor } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import { noticePeriodProblem, openNotice, type Notice } from '../notice/model';
import type { MediaChecker, MediaCheckRepository } from '../media/check';
import { checkStationPhotos, claimPhotos, passedPhotos, photoList, photoUrls } from '../media/photos';
import type { CalendarRepository, FileStore, NoticeRepository, StationRepository } from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError, staleConflict } from '../shared/errors';
import { isIsoDate, toShanghai } from '../shared/time';
import { isoDate as isoDateFormat, text, z } from '../shared/zod';
import {
  CERTIFICATION_STATE_LABELS,
  CERTIFICATION_STATES,
  EQUIPMENT_CODES,
  EQUIPMENT_LABELS,
  certificateNumber,
  certificationFacts,
  certify,
  certifyActions,
  fileApplication,
  type CertificationApplication,
  type CertificationRepository,
  type CertifyCommand,
  type CertifyResult,
} from './certification';
import type { Station } from './model';
import { CERT_PHOTOS_MAX } from './limits';
import { LEVEL_LABELS, STATUS_LABELS } from './vocabulary';

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{3,64}$/, '编号不对'));
const stationId = z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对'));
const version = z.int().check(z.gte(1));
const isoDate = isoDateFormat.check(z.refine(isIsoDate, '没有这一天，请检查日期'));

export const certificationsInput = z.strictObject({
  state: z.optional(z.enum(CERTIFICATION_STATES, '状态不对')),
  cursor: z.optional(z.string().check(z.maxLength(60))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
});
export const certificationInput = z.strictObject({ id });
export const fileCertificationInput = z.strictObject({
  stationId,
  stationName: text(40, '站点名称', { min: 4 }),
  entity: text(60, '运营单位', { min: 2 }),
  areaSqm: z.number().check(z.gte(1, '请填写使用面积'), z.lte(100000, '面积太大了')),
  equipment: z.array(z.enum(EQUIPMENT_CODES, '设施不对')).check(z.minLength(1, '请勾选站点的设施'), z.maxLength(EQUIPMENT_CODES.length)),
  servicePopulation: z.int().check(z.gte(1, '请填写服务人口'), z.lte(1_000_000, '服务人口太多了')),
  plaquePhotos: photoList(CERT_PHOTOS_MAX, 1, '请上传站牌照片'),
  signagePhotos: photoList(CERT_PHOTOS_MAX, 1, '请上传标识照片'),
});
export const operatorReviewInput = z.strictObject({ id, version, pass: z.boolean(), comment: z.optional(text(300, '说明')) });
export const countyReviewInput = z.strictObject({
  id,
  version,
  visitedOn: isoDate,
  visitors: text(60, '核查人员', { min: 2 }),
  findings: text(500, '核查情况', { min: 5 }),
  passed: z.boolean(),
  authority: z.optional(text(40, '认定机关', { min: 4 })),
  reason: z.optional(text(300, '不通过原因')),
});
export const publishCertificationInput = z.strictObject({ id, version, startsOn: isoDate, endsOn: isoDate, objectionChannel: text(100, '异议渠道') });

export interface CertificationDeskDeps extends AccessDeps {
  stations: Pick<StationRepository, 'get' | 'upsertMany'>;
  certifications: CertificationRepository;
  notices: Pick<NoticeRepository, 'insert' | 'get' | 'listObjections'>;
  calendars: CalendarRepository;
  /** 申办 photos: claimed like complaint photos; reviewers see them by short-lived URL. */
  files: Pick<FileStore, 'claim' | 'viewUrls'>;
  /** 申办 photos are content-checked at filing; at 认定 only passed ones may show on the station. */
  mediaChecker?: MediaChecker;
  mediaChecks?: MediaCheckRepository;
  /** Region settings (第十二条1): the minimum area and service population a filing is checked against. */
  settings?: Pick<SettingsRepository, 'all'>;
}

const BY_TEXT = { operator: '运营单位', county: '主管部门', notice: '公示' } as const;

export function certificationView(a: CertificationApplication, actions: string[] = []) {
  return {
    id: a.id,
    version: a.version,
    stationId: a.stationId,
    stationName: a.stationName,
    level: a.level,
    levelLabel: LEVEL_LABELS[a.level],
    address: a.address,
    operatorName: a.operatorName,
    entity: a.entity,
    /** A market entity's contact (申办): the reviewers call them; never on a notice or the station. */
    applicant: (a as { applicant?: { entityName: string; creditCode: string; contactName: string; contactPhone: string } }).applicant ?? null,
    areaSqm: a.areaSqm,
    equipment: a.equipment.map((c) => EQUIPMENT_LABELS[c]),
    servicePopulation: a.servicePopulation,
    warnings: a.warnings.map((w) => w.message),
    state: a.state,
    stateLabel: CERTIFICATION_STATE_LABELS[a.state],
    visit: a.visit,
    authority: a.authority ?? `${a.countyName}商务局`,
    noticeId: a.noticeId,
    certificate: a.certificate,
    reason: a.reason,
    filedAt: a.filedAt,
    /** URLs, filled in by the desk (certificationView itself does no I/O). */
    photos: { plaque: [] as string[], signage: [] as string[] },
    events: a.events.map((e) => ({ at: e.at, by: BY_TEXT[e.by], note: e.note })),
    actions,
  };
}
export type CertificationView = ReturnType<typeof certificationView>;

const targetOf = (a: Pick<CertificationApplication, 'stationId' | 'operatorName' | 'regionCodes'>) => ({ stationId: a.stationId, operatorName: a.operatorName, regionCodes: a.regionCodes });

/**
 * Apply a transition's station part (idempotent: nothing when the station already says so).
 * Shared with the notice service, which certifies or sends back when a certification notice closes.
 */
async function applyStation(deps: Pick<CertificationDeskDeps, 'stations' | 'clock' | 'mediaChecks'>, record: (e: { actorOpenid: string | null; action: string; outcome: 'done'; resource: string; detail: string }) => Promise<void>, a: CertificationApplication, change: CertifyResult['station'], by: string | null): Promise<void> {
  if (!change) return;
  const found = await deps.stations.get(a.stationId);
  // Only a certificate brings a lost station back (from the filing's snapshot); other steps need it there.
  const s = found ?? (change.certification && a.site ? a.site : null);
  if (!s) return;
  const now = deps.clock.now();
  const next: Station = { ...s, status: change.status, updatedAt: now.toISOString() };
  if (change.certification) next.certification = change.certification;
  if (change.name) next.name = change.name;
  // The plaque and signage photos were seen by the county and on notice: a station without photos shows them.
  if (change.photos?.length && !s.photos.length) {
    const shown = await passedPhotos(deps.mediaChecks, a.photoChecks, change.photos);
    if (shown.length) next.photos = shown;
  }
  // Certified after a site visit: the public information is as the county saw it today.
  if (change.certification && !found) next.infoConfirmedOn = toShanghai(now).date;
  if (found && s.status === next.status && s.certification?.certificateNo === next.certification?.certificateNo && s.name === next.name) return;
  await deps.stations.upsertMany([next]);
  const from = found ? STATUS_LABELS[s.status] : '登记表中没有';
  await record({ actorOpenid: by, action: 'station.status', outcome: 'done', resource: `station:${a.stationId}`, detail: `${from}→${STATUS_LABELS[change.status]}（认定申请 ${a.id}）` });
}

/**
 * What a closed certification notice changes (called by core/notice/service.ts): approved →
 * certified with a certificate; stopped → back to the county with the reason; suspended → waits.
 * Safe to call again: an application that moved on is left alone.
 */
export async function applyCertificationOutcome(deps: Omit<CertificationDeskDeps, 'files'>, n: Pick<Notice, 'id' | 'subjectId' | 'outcome'>): Promise<void> {
  if (n.outcome !== 'approved' && n.outcome !== 'stopped') return;
  const a = (await deps.certifications.forStation(n.subjectId)).find((x) => x.state === 'notice' && x.noticeId === n.id);
  if (!a) return;
  // The official's answer to the upheld objection tells the operator why (it names no objector).
  const upheld = n.outcome === 'stopped' ? (await deps.notices.listObjections(n.id)).find((o) => o.status === 'upheld') : undefined;
  const reason = `公示期间有异议经核查成立，认定中止，退回县级重新审核${upheld?.response ? `：${upheld.response}` : ''}`;
  const access = createAccess(deps);
  const at = deps.clock.now();
  const cmd: CertifyCommand = n.outcome === 'approved' ? { type: 'noticeApproved', certificateNo: certificateNumber(a, at) } : { type: 'noticeStopped', reason };
  const r = certify(a, cmd, { by: 'notice', at });
  await deps.certifications.save(r.next, a.version);
  await access.record({ actorOpenid: null, action: 'station.certify', outcome: 'done', resource: `certification:${a.id}`, detail: `${cmd.type} notice ${n.id}` });
  await applyStation(deps, access.record, r.next, r.station, null);
}

export function createCertificationDesk(deps: CertificationDeskDeps) {
  const { stations, certifications, clock, ids, files } = deps;
  const access = createAccess(deps);
  const missing = () => new AppError('NOT_FOUND', '没有找到这份认定申请');

  /** The view with the 申办 photos' URLs (only people allowed to see the application get here). */
  async function viewOf(a: CertificationApplication, actions: string[]): Promise<CertificationView> {
    const v = certificationView(a, actions);
    v.photos = { plaque: await photoUrls(files, a.photos?.plaque), signage: await photoUrls(files, a.photos?.signage) };
    return v;
  }

  /** Officials act as the county; operator staff as the operator; either sees the application. */
  function roleOf(actor: Actor, a: CertificationApplication): 'county' | 'operator' | null {
    if (authorize(actor, 'station.certify', targetOf(a)).allowed) return 'county';
    if (authorize(actor, 'station.certify.apply', targetOf(a)).allowed) return 'operator';
    return null;
  }

  async function load(actor: Actor, appId: string, as?: 'county' | 'operator'): Promise<CertificationApplication> {
    const a = await certifications.get(appId);
    if (!a) throw missing();
    const role = roleOf(actor, a);
    if (!role) {
      await access.permit(actor, as === 'county' ? 'station.certify' : 'station.certify.apply', targetOf(a), `certification:${a.id}`, missing);
    } else if (as && role !== as) {
      await access.permit(actor, as === 'county' ? 'station.certify' : 'station.certify.apply', targetOf(a), `certification:${a.id}`, as === 'county' ? '这一步由县级主管部门办理' : '这一步由运营单位办理');
    }
    return settle(a);
  }

  /**
   * Finish a notice outcome not yet applied (in the cloud the notices and scheduler functions
   * carry no full station store, so the register applies it the next time anyone opens it).
   */
  async function settle(a: CertificationApplication): Promise<CertificationApplication> {
    if (a.state !== 'notice' || !a.noticeId) return a;
    const n = await deps.notices.get(a.noticeId);
    if (!n || n.status !== 'closed') return a;
    await applyCertificationOutcome(deps, n);
    return (await certifications.get(a.id)) ?? a;
  }

  async function step(actor: Actor, a: CertificationApplication, expected: number, cmd: CertifyCommand, by: 'county' | 'operator') {
    if (a.version !== expected) throw staleConflict('认定申请');
    const r = certify(a, cmd, { by, at: clock.now() });
    await certifications.save(r.next, a.version);
    await access.record({ actorOpenid: actor.openid, action: by === 'county' ? 'station.certify' : 'station.certify.apply', outcome: 'done', resource: `certification:${a.id}`, detail: `${cmd.type}${'reason' in cmd && cmd.reason ? `: ${cmd.reason}` : ''}` });
    await applyStation(deps, access.record, r.next, r.station, actor.openid);
    return viewOf(r.next, certifyActions(r.next, by));
  }

  return {
    /** Operator staff: their operator's applications; officials: their region's. Newest first. */
    async list(openid: string | null, input: z.infer<typeof certificationsInput>) {
      const actor = await access.actorOf(openid);
      const regions = listBindings(actor, 'station.certify').length ? officialRegions(actor) : [];
      const operators = listBindings(actor, 'station.certify.apply').flatMap((b) => (b.scope.kind === 'operator' ? [b.scope.operatorName] : []));
      if (!regions.length && !operators.length) throw new AppError('FORBIDDEN', '只有运营单位和主管部门可以办理站点认定');
      const q = regions.length ? { regionCode: regions.length === 1 ? regions[0]! : '36' } : { operatorName: operators[0]! };
      const scope = `certifications:${actor.openid}:${input.state ?? ''}`;
      const offset = decodeCursor(input.cursor, scope);
      const limit = input.limit ?? 20;
      const page = await certifications.list({ ...q, states: input.state ? [input.state] : undefined, offset, limit });
      return {
        role: regions.length ? ('county' as const) : ('operator' as const),
        items: await Promise.all((await Promise.all(page.items.map(settle))).map((a) => viewOf(a, certifyActions(a, regions.length ? 'county' : 'operator')))),
        nextCursor: page.hasMore ? encodeCursor(offset + limit, scope) : null,
      };
    },

    async get(openid: string | null, input: z.infer<typeof certificationInput>) {
      const actor = await access.actorOf(openid);
      const a = await load(actor, input.id);
      return viewOf(a, certifyActions(a, roleOf(actor, a) ?? 'operator'));
    },

    async file(openid: string | null, input: z.infer<typeof fileCertificationInput>) {
      const actor = await access.actorOf(openid);
      const s = await stations.get(input.stationId);
      const notFound = () => new AppError('NOT_FOUND', '没有这个站点', { stationId: '站点不存在' });
      if (!s) throw notFound();
      const regionCodes = s.regionPath.map((r) => r.code);
      await access.permit(actor, 'station.certify.apply', { stationId: s.id, operatorName: s.operator.name, regionCodes }, `station:${s.id}`, notFound);
      // Checked before claiming: a refused filing takes no one's uploads.
      if (s.status !== 'planned') throw new AppError('CONFLICT', s.status === 'closed' ? '这个站点已关停，不能申请认定' : '这个站点已经在认定流程中或已认定');
      const photos = {
        plaque: await claimPhotos(files, actor.openid, input.plaquePhotos),
        signage: await claimPhotos(files, actor.openid, input.signagePhotos.filter((p) => !input.plaquePhotos.includes(p))),
      };
      const photoChecks = await checkStationPhotos(deps, [...photos.plaque, ...photos.signage], actor.openid);
      const r = fileApplication({
        id: ids.id(),
        station: { id: s.id, status: s.status, level: s.level, address: s.address, regionCodes, countyName: s.regionPath.find((x) => x.code.length === 6)?.name ?? '', operatorName: s.operator.name },
        stationName: input.stationName,
        entity: input.entity,
        areaSqm: input.areaSqm,
        equipment: [...new Set(input.equipment)],
        servicePopulation: input.servicePopulation,
        photos,
        site: s,
        filedBy: actor.openid,
        ...(deps.settings ? { thresholds: thresholdsAt(await deps.settings.all(), regionCodes[regionCodes.length - 1] ?? '36') } : {}),
        at: clock.now(),
      });
      if (photoChecks.length) r.next.photoChecks = photoChecks;
      await certifications.save(r.next, null);
      await access.record({ actorOpenid: actor.openid, action: 'station.certify.apply', outcome: 'done', resource: `certification:${r.next.id}`, detail: `file for station ${s.id}` });
      await applyStation(deps, access.record, r.next, r.station, actor.openid);
      return viewOf(r.next, certifyActions(r.next, 'operator'));
    },

    async operatorReview(openid: string | null, input: z.infer<typeof operatorReviewInput>) {
      const actor = await access.actorOf(openid);
      const a = await load(actor, input.id, 'operator');
      if (!input.pass && !input.comment) throw new AppError('VALIDATION_ERROR', '请写明退回的原因', { comment: '必填' });
      const cmd: CertifyCommand = input.pass ? { type: 'operatorPass', comment: input.comment ?? '' } : { type: 'operatorReturn', reason: input.comment! };
      return step(actor, a, input.version, cmd, 'operator');
    },

    async countyReview(openid: string | null, input: z.infer<typeof countyReviewInput>) {
      const actor = await access.actorOf(openid);
      const a = await load(actor, input.id, 'county');
      if (input.visitedOn > toShanghai(clock.now()).date) throw new AppError('VALIDATION_ERROR', '核查日期不能晚于今天', { visitedOn: '晚于今天' });
      const visit = { visitedOn: input.visitedOn, visitors: input.visitors, findings: input.findings, passed: input.passed };
      return step(actor, a, input.version, { type: 'countyReview', visit, authority: input.authority ?? `${a.countyName}商务局`, reason: input.reason ?? '' }, 'county');
    },

    /** 发布公示: a certification notice with the station's public facts (never a person's). */
    async publish(openid: string | null, input: z.infer<typeof publishCertificationInput>) {
      const actor = await access.actorOf(openid);
      const a = await load(actor, input.id, 'county');
      if (a.version !== input.version) throw staleConflict('认定申请');
      const refusal = certifyActions(a, 'county').includes('publish') ? null : `认定申请现在是“${CERTIFICATION_STATE_LABELS[a.state]}”，不能发布公示`;
      if (refusal) throw new AppError('CONFLICT', refusal);
      const problem = noticePeriodProblem(input.startsOn, input.endsOn, toShanghai(clock.now()).date, new WorkCalendar(await deps.calendars.adminYears()));
      if (problem) throw new AppError('VALIDATION_ERROR', problem.message, { [problem.field]: problem.fieldMessage });
      const at = clock.now().toISOString();
      const n = openNotice(
        {
          id: ids.id(),
          kind: 'certification',
          subjectId: a.stationId,
          title: `${a.stationName}认定公示`,
          facts: certificationFacts(a),
          body: '经运营单位初审、县级主管部门实地核查，拟认定以上站点为电商扶贫服务站点。公示期内如有异议，请实名提出。',
          regionCodes: a.regionCodes,
        },
        input,
        actor.openid,
        at,
      );
      await deps.notices.insert(n);
      return step(actor, a, input.version, { type: 'publish', noticeId: n.id, endsOn: n.endsOn }, 'county');
    },
  };
}
