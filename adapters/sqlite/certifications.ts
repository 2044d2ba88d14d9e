/**
 * Certification applications on SQLite (core/station/certification.ts): the document plus the
 * columns the rules need — one open application per station (partial unique index) and listing by
 * region or operator, newest first. test/contract/certifications.test.ts runs the same contract on CloudBase.
 */
import type { CertificationApplication, CertificationRepository } from '../../core/station/certification';
import { guarded, type Db } from './db';
import { docsOf, docTable, Filter, pageDocs } from './sql';

export const ONE_OPEN_APPLICATION = '这个站点已经有一份正在办理的认定申请';

export function createSqliteCertificationRepository(db: Db): CertificationRepository {
  const applications = docTable<CertificationApplication>(db, {
    table: 'certifications',
    columns: { station_id: (a) => a.stationId, operator_name: (a) => a.operatorName, state: (a) => a.state, filed_at: (a) => a.filedAt, version: (a) => a.version },
    updates: ['state', 'version'],
    side: { sql: 'INSERT INTO certification_regions (code, filed_at, id) VALUES (?, ?, ?)', rows: (a) => a.regionCodes.map((code) => [code, a.filedAt, a.id]) },
    what: '这份认定申请',
    unique: { column: 'station_id', message: ONE_OPEN_APPLICATION },
  });
  const ofStation = db.prepare('SELECT doc FROM certifications WHERE station_id = ? ORDER BY filed_at DESC, id DESC').pluck();
  const ofApplicant = db.prepare("SELECT doc FROM certifications WHERE json_extract(doc, '$.filedBy') = ? ORDER BY filed_at DESC, id DESC LIMIT 100").pluck();

  return {
    get: applications.get,
    forStation: (stationId) => guarded(() => docsOf<CertificationApplication>(ofStation.all(stationId))),
    byApplicant: (openid) => guarded(() => docsOf<CertificationApplication>(ofApplicant.all(openid))),
    list: (q) =>
      guarded(() => {
        const f = new Filter().eq('r.code = ?', q.regionCode).eq('x.operator_name = ?', q.operatorName).in((l) => `x.state IN (${l})`, q.states);
        const from = q.regionCode ? 'certification_regions r JOIN certifications x ON x.id = r.id' : 'certifications x';
        return pageDocs<CertificationApplication>(db, `SELECT x.doc FROM ${from}${f.sql} ORDER BY x.filed_at DESC, x.id DESC`, f.params, q);
      }),
    save: (a, expectedVersion) => (expectedVersion === null ? applications.insert(a) : applications.update(a, expectedVersion)),
  };
}
