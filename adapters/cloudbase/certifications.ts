/**
 * Certification applications in CloudBase (core/station/certification.ts). Collections:
 * `certifications` (`_id` = application id; the application under `application` plus stationId,
 * operatorName, state, regionCodes, filedAt, version for queries) and `certification_open`
 * (`_id` = station id, `applicationId` of its open application or null): the marker, read and
 * written in the same transaction, keeps one open application per station.
 */
import { OPEN_CERTIFICATION, type CertificationApplication, type CertificationRepository } from '../../core/station/certification';
import { anyOf, byId, context, EVERYTHING, fetchRange, pageOf, saveOneOpen, type CbDb, type StoreOptions } from './sdk';

export const CERTIFICATION_COLLECTIONS = { applications: 'certifications', open: 'certification_open' } as const;
const ONE_OPEN_APPLICATION = '这个站点已经有一份正在办理的认定申请';

interface ApplicationDoc {
  stationId: string;
  operatorName: string;
  state: CertificationApplication['state'];
  filedAt: string;
  regionCodes: string[];
  version: number;
  /** Who filed it (a market entity lists its own 申办). */
  filedBy?: string;
  application: CertificationApplication;
}

const docOf = (a: CertificationApplication): ApplicationDoc => ({ stationId: a.stationId, operatorName: a.operatorName, state: a.state, filedAt: a.filedAt, regionCodes: a.regionCodes, version: a.version, filedBy: a.filedBy, application: a });

export function createCloudbaseCertificationRepository(db: CbDb, options: StoreOptions = {}): CertificationRepository {
  const ctx = context(db, CERTIFICATION_COLLECTIONS, options);
  const apps = () => ctx.coll(ctx.names.applications);
  return {
    async get(id) {
      return (await byId<ApplicationDoc>(ctx, ctx.names.applications, id))?.application ?? null;
    },
    async forStation(stationId) {
      const docs = await fetchRange<ApplicationDoc>(() => apps().where({ stationId }).orderBy('filedAt', 'desc').orderBy('_id', 'desc'), 0, EVERYTHING);
      return docs.map((d) => d.application);
    },
    async byApplicant(openid) {
      const docs = await fetchRange<ApplicationDoc>(() => apps().where({ filedBy: openid }).orderBy('filedAt', 'desc').orderBy('_id', 'desc'), 0, 100);
      return docs.map((d) => d.application);
    },
    async list(q) {
      const where: Record<string, unknown> = {};
      if (q.regionCode) where.regionCodes = q.regionCode;
      if (q.operatorName) where.operatorName = q.operatorName;
      if (q.states) where.state = anyOf(ctx, q.states);
      const docs = await fetchRange<ApplicationDoc>(() => apps().where(where).orderBy('filedAt', 'desc').orderBy('_id', 'desc'), q.offset, q.limit + 1);
      return pageOf(docs.map((d) => d.application), q.limit);
    },
    save: (a, expectedVersion) =>
      saveOneOpen(ctx, { records: ctx.names.applications, markers: ctx.names.open, field: 'applicationId' }, a, docOf(a), OPEN_CERTIFICATION.includes(a.state), expectedVersion, {
        taken: ONE_OPEN_APPLICATION,
        what: '这份认定申请',
      }),
  };
}
