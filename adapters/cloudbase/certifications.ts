/**
 * Certification applications in CloudBase (core/station/certification.ts). Collections:
 * `certifications` (`_id` = application id; the application under `application` plus stationId,
 * operatorName, state, regionCodes, filedAt, version for queries) and `certification_open`
 * (`_id` = station id, `applicationId` of its open application or null): the marker, read and
 * written in the same transaction, keeps one open application per station.
 */
import { OPEN_CERTIFICATION, type CertificationApplication, type CertificationRepository } from '../../core/station/certification';
import { anyOf, context, saveOneOpen, versionedCollection, type CbDb, type StoreOptions } from './sdk';

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
  const apps = versionedCollection(ctx, ctx.names.applications, { toDoc: docOf, fromDoc: (d: ApplicationDoc) => d.application, what: '这份认定申请' });
  const newestFirst = (where: Record<string, unknown>) => () => apps.coll().where(where).orderBy('filedAt', 'desc').orderBy('_id', 'desc');
  return {
    get: apps.get,
    forStation: (stationId) => apps.list(newestFirst({ stationId })),
    byApplicant: (openid) => apps.list(newestFirst({ filedBy: openid }), 100),
    list(q) {
      const where: Record<string, unknown> = {};
      if (q.regionCode) where.regionCodes = q.regionCode;
      if (q.operatorName) where.operatorName = q.operatorName;
      if (q.states) where.state = anyOf(ctx, q.states);
      return apps.page(newestFirst(where), q);
    },
    save: (a, expectedVersion) =>
      saveOneOpen(ctx, { records: ctx.names.applications, markers: ctx.names.open, field: 'applicationId' }, a, docOf(a), OPEN_CERTIFICATION.includes(a.state), expectedVersion, {
        taken: ONE_OPEN_APPLICATION,
        what: '这份认定申请',
      }),
  };
}
