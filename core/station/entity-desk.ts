/**
 * 申办 by a market entity (issue 10 §3): any signed-in WeChat user files for a new site; the
 * application then runs through the certification desk's steps (operator 初审 or county 审核 →
 * 公示 → 认定). At filing the desk finds the county's operator from the register, makes the new
 * station's id and code, and keeps the station as it will be (`site`): 认定 creates it from that
 * snapshot, as it recreates a lost station. The applicant sees only their own applications.
 */
import { createAccess } from '../authz/access';
import { checkStationPhotos, claimPhotos, photoList } from '../media/photos';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import { latitude, longitude, phone, text, z } from '../shared/zod';
import { CERTIFICATION_STATE_LABELS, EQUIPMENT_CODES, type CertificationApplication } from './certification';
import { applyCertificationOutcome, type CertificationDeskDeps } from './certification-desk';
import { applicantStatus, fileEntityApplication, type EntityApplication } from './entity-application';
import { CERT_PHOTOS_MAX } from './limits';
import type { Region, Station } from './model';
import { LEVEL_LABELS, SERVICE_CODES, STATION_LEVELS } from './vocabulary';

export const fileAsEntityInput = z.strictObject({
  entityName: text(60, '市场主体名称', { min: 2 }),
  creditCode: text(18, '统一社会信用代码', { min: 18 }),
  contactName: text(20, '联系人', { min: 2 }),
  contactPhone: text(20, '联系电话', { min: 7 }),
  stationName: text(40, '站点名称', { min: 4 }),
  level: z.enum(STATION_LEVELS, '站点级别不对'),
  regionCode: z.string().check(z.regex(/^36\d{4}(\d{3}(\d{3})?)?$/, '请选择江西省内的行政区划')),
  address: text(120, '地址', { min: 4 }),
  lat: latitude,
  lng: longitude,
  hotline: phone,
  services: z.array(z.enum(SERVICE_CODES, '服务不对')).check(z.minLength(1, '至少选择一项服务'), z.maxLength(SERVICE_CODES.length)),
  areaSqm: z.number().check(z.gte(1, '请填写使用面积'), z.lte(100000, '面积太大了')),
  equipment: z.array(z.enum(EQUIPMENT_CODES, '设施不对')).check(z.minLength(1, '请勾选站点的设施'), z.maxLength(EQUIPMENT_CODES.length)),
  servicePopulation: z.int().check(z.gte(1, '请填写服务人口'), z.lte(1_000_000, '服务人口太多了')),
  plaquePhotos: photoList(CERT_PHOTOS_MAX, 1, '请上传站牌照片'),
  signagePhotos: photoList(CERT_PHOTOS_MAX, 1, '请上传标识照片'),
});
export const myEntityApplicationsInput = z.strictObject({});
export const myEntityApplicationInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{3,64}$/, '编号不对')) });

export interface EntityDeskDeps extends CertificationDeskDeps {
  stations: CertificationDeskDeps['stations'] & Pick<import('../ports').StationRepository, 'list'>;
  /** The regions with these codes (missing ones left out). */
  regionsFor(codes: string[]): Promise<Map<string, Region>>;
}

const ancestors = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));

/** The applicant's own view: the application, the refusing step and its reason; never anyone else's data. */
export function applicantView(a: EntityApplication) {
  const s = applicantStatus(a);
  return {
    id: a.id,
    stationName: a.stationName,
    levelLabel: LEVEL_LABELS[a.level],
    address: a.address,
    operatorName: a.operatorName,
    applicant: a.applicant,
    state: s.state,
    stateLabel: CERTIFICATION_STATE_LABELS[s.state],
    refusedAt: s.refusedAt,
    reason: s.reason,
    noticeId: a.noticeId,
    certificate: a.certificate,
    filedAt: a.filedAt,
  };
}
export type ApplicantView = ReturnType<typeof applicantView>;

const isEntity = (a: CertificationApplication): a is EntityApplication => 'applicant' in a && !!(a as EntityApplication).applicant;

export function createEntityDesk(deps: EntityDeskDeps) {
  const { stations, certifications, clock, ids, files } = deps;
  const access = createAccess(deps);

  /** The county's operator: the one running most of its registered stations (ties by name), or none. */
  async function countyOperator(countyCode: string): Promise<{ name: string; hotline: string } | null> {
    const page = await stations.list({ regionCode: countyCode, limit: 500 });
    const count = new Map<string, { name: string; hotline: string; n: number }>();
    for (const s of page.items) {
      if (s.status === 'closed') continue;
      const e = count.get(s.operator.name) ?? { ...s.operator, n: 0 };
      e.n += 1;
      count.set(s.operator.name, e);
    }
    const best = [...count.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))[0];
    return best ? { name: best.name, hotline: best.hotline } : null;
  }

  /** A notice that closed elsewhere (the cloud scheduler) is applied when the applicant looks, as the desk does. */
  async function settle(a: EntityApplication): Promise<EntityApplication> {
    if (a.state !== 'notice' || !a.noticeId) return a;
    const n = await deps.notices.get(a.noticeId);
    if (!n || n.status !== 'closed') return a;
    await applyCertificationOutcome(deps, n);
    return ((await certifications.get(a.id)) as EntityApplication | null) ?? a;
  }

  return {
    async file(openid: string | null, input: z.infer<typeof fileAsEntityInput>) {
      const actor = await access.actorOf(openid, '请先登录微信后再申办');
      const codes = ancestors(input.regionCode);
      const regions = await deps.regionsFor(codes);
      const path = codes.map((c) => regions.get(c)).filter((r): r is Region => !!r);
      if (path.length !== codes.length) throw new AppError('VALIDATION_ERROR', '没有找到这个行政区划', { regionCode: '请重新选择' });
      const county = path.find((r) => r.code.length === 6);
      if (!county) throw new AppError('VALIDATION_ERROR', '请至少选到县（市、区）', { regionCode: '请至少选到县（市、区）' });
      const operator = await countyOperator(county.code);
      const appId = ids.id();
      const code = `${input.regionCode}-${appId.replace(/[^A-Za-z0-9]/g, '').slice(-6).toUpperCase()}`;
      const stationId = `st-${code.toLowerCase()}`;
      const applicant = { entityName: input.entityName, creditCode: input.creditCode.trim().toUpperCase(), contactName: input.contactName, contactPhone: input.contactPhone };
      const site = { name: input.stationName, level: input.level, regionCodes: codes, countyName: county.name, address: input.address, lat: input.lat, lng: input.lng };
      const at = clock.now();
      // Validates everything before any upload is claimed (a refused filing takes no one's photos).
      fileEntityApplication({ id: appId, stationId, applicant, site, operatorName: operator?.name ?? null, areaSqm: input.areaSqm, equipment: input.equipment, servicePopulation: input.servicePopulation, photos: { plaque: input.plaquePhotos, signage: input.signagePhotos }, filedBy: actor.openid, at });
      const photos = {
        plaque: await claimPhotos(files, actor.openid, input.plaquePhotos),
        signage: await claimPhotos(files, actor.openid, input.signagePhotos.filter((p) => !input.plaquePhotos.includes(p))),
      };
      const { next } = fileEntityApplication({ id: appId, stationId, applicant, site, operatorName: operator?.name ?? null, areaSqm: input.areaSqm, equipment: [...new Set(input.equipment)], servicePopulation: input.servicePopulation, photos, filedBy: actor.openid, at });
      const photoChecks = await checkStationPhotos(deps, [...photos.plaque, ...photos.signage], actor.openid);
      if (photoChecks.length) next.photoChecks = photoChecks;
      // The station as 认定 will create it; the applicant's contact stays off it (public page).
      const runner = operator ?? { name: input.entityName, hotline: input.hotline };
      const station: Station = {
        id: stationId,
        code,
        level: input.level,
        name: input.stationName,
        regionPath: path.map((r) => ({ code: r.code, name: r.name })),
        address: input.address,
        location: { lat: input.lat, lng: input.lng, datum: 'GCJ-02' },
        operator: runner,
        platforms: [],
        areaSqm: input.areaSqm,
        servicePopulation: input.servicePopulation,
        photos: [],
        hours: { weekly: [], exceptions: [] },
        services: [...new Set(input.services)],
        processes: [],
        commitments: [],
        fees: [],
        complaintChannels: [
          { kind: 'station', label: '站点电话', value: input.hotline },
          { kind: 'county', label: `${county.name}商务局`, value: '12345' },
        ],
        contact: { phone: input.hotline },
        status: 'planned',
        certification: null,
        infoConfirmedOn: toShanghai(at).date,
        updatedAt: at.toISOString(),
        register: { warnings: next.warnings },
      };
      next.site = station;
      await certifications.save(next, null);
      await access.record({ actorOpenid: actor.openid, action: 'station.certify.entity', outcome: 'done', resource: `certification:${next.id}`, detail: `entity files for new station ${stationId}${operator ? ` (初审 ${operator.name})` : ' (no operator: county)'}` });
      return applicantView(next);
    },

    /** The caller's own 申办, newest first. */
    async mine(openid: string | null) {
      const actor = await access.actorOf(openid);
      return { items: (await Promise.all((await certifications.byApplicant(actor.openid)).filter(isEntity).map(settle))).map(applicantView) };
    },

    /** One of the caller's own; anyone else's answers as if it did not exist. */
    async one(openid: string | null, input: z.infer<typeof myEntityApplicationInput>) {
      const actor = await access.actorOf(openid);
      const a = await certifications.get(input.id);
      if (!a || a.filedBy !== actor.openid || !isEntity(a)) throw new AppError('NOT_FOUND', '没有找到这份申办');
      return applicantView(await settle(a));
    },
  };
}
