/**
 * Certification applications in CloudBase (core/station/certification.ts). Collections:
 * `certifications` (`_id` = application id; the application under `application` plus stationId,
 * operatorName, state, regionCodes, filedAt, version for queries) and `certification_open`
 * (`_id` = station id, `applicationId` of its open application or null): the marker, read and
 * written in the same transaction, keeps one open application per station.
 */
import { OPEN_CERTIFICATION, type CertificationApplication, type CertificationRepository } from '../../core/station/certification';
import { by, context, oneOpenCollection, type CbDb, type StoreOptions } from './sdk';

export const CERTIFICATION_COLLECTIONS = { applications: 'certifications', open: 'certification_open' } as const;
/** One open application per station: its marker in `certification_open` names it under `applicationId`. */
const ONE_OPEN = { field: 'applicationId', taken: '这个站点已经有一份正在办理的认定申请', isOpen: (a: CertificationApplication) => OPEN_CERTIFICATION.includes(a.state) };

/** `filedBy`: who filed it (a market entity lists its own 申办). */
const docOf = (a: CertificationApplication) => ({ stationId: a.stationId, operatorName: a.operatorName, state: a.state, filedAt: a.filedAt, regionCodes: a.regionCodes, version: a.version, filedBy: a.filedBy, application: a });
type ApplicationDoc = ReturnType<typeof docOf>;

export function createCloudbaseCertificationRepository(db: CbDb, options: StoreOptions = {}): CertificationRepository {
  const ctx = context(db, CERTIFICATION_COLLECTIONS, options);
  const apps = oneOpenCollection(ctx, ctx.names.applications, { toDoc: docOf, fromDoc: (d: ApplicationDoc) => d.application, what: '这份认定申请' }, { markers: ctx.names.open, ...ONE_OPEN });
  const newestFirst = by('filedAt', 'desc');
  return {
    get: apps.get,
    forStation: (stationId) => apps.findAll({ where: { stationId }, order: newestFirst }),
    byApplicant: (openid) => apps.findAll({ where: { filedBy: openid }, order: newestFirst }, 100),
    list: (q) => apps.find({ where: { regionCodes: q.regionCode || undefined, operatorName: q.operatorName || undefined }, anyOf: { state: q.states }, order: newestFirst }, q),
    save: apps.save,
  };
}
