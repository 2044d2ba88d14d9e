/**
 * Certification applications on SQLite (core/station/certification.ts): the document plus the
 * columns the rules need — one open application per station (partial unique index) and listing by
 * region or operator, newest first. test/contract/certifications.test.ts runs the same contract on CloudBase.
 */
import type { CertificationApplication, CertificationRepository } from '../../core/station/certification';
import { AppError, staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { docOf, docsOf, marks, pageOf } from './sql';

export const ONE_OPEN_APPLICATION = '这个站点已经有一份正在办理的认定申请';

export function createSqliteCertificationRepository(db: Db): CertificationRepository {
  const one = db.prepare('SELECT doc FROM certifications WHERE id = ?').pluck();
  const ofStation = db.prepare('SELECT doc FROM certifications WHERE station_id = ? ORDER BY filed_at DESC, id DESC').pluck();
  const ofApplicant = db.prepare("SELECT doc FROM certifications WHERE json_extract(doc, '$.filedBy') = ? ORDER BY filed_at DESC, id DESC LIMIT 100").pluck();
  const insert = db.prepare('INSERT INTO certifications (id, station_id, operator_name, state, filed_at, version, doc) VALUES (@id, @stationId, @operatorName, @state, @filedAt, @version, @doc)');
  const update = db.prepare('UPDATE certifications SET state = @state, version = @version, doc = @doc WHERE id = @id AND version = @expectedVersion');
  const insertRegion = db.prepare('INSERT INTO certification_regions (code, filed_at, id) VALUES (?, ?, ?)');
  const row = (a: CertificationApplication) => ({ id: a.id, stationId: a.stationId, operatorName: a.operatorName, state: a.state, filedAt: a.filedAt, version: a.version, doc: JSON.stringify(a) });

  const save = db.transaction((a: CertificationApplication, expectedVersion: number | null) => {
    if (expectedVersion === null) {
      try {
        insert.run(row(a));
      } catch (err) {
        if (/UNIQUE constraint failed: certifications\.station_id/.test((err as Error)?.message ?? '')) throw new AppError('CONFLICT', ONE_OPEN_APPLICATION);
        throw err;
      }
      for (const code of a.regionCodes) insertRegion.run(code, a.filedAt, a.id);
      return;
    }
    if (update.run({ ...row(a), expectedVersion }).changes === 0) throw staleConflict('这份认定申请');
  });

  return {
    get: (id) => guarded(() => docOf<CertificationApplication>(one.get(id))),
    forStation: (stationId) => guarded(() => docsOf<CertificationApplication>(ofStation.all(stationId))),
    byApplicant: (openid) => guarded(() => docsOf<CertificationApplication>(ofApplicant.all(openid))),
    list: (q) =>
      guarded(() => {
        const params: unknown[] = [];
        let sql = q.regionCode ? 'SELECT x.doc FROM certification_regions r JOIN certifications x ON x.id = r.id WHERE r.code = ?' : 'SELECT x.doc FROM certifications x WHERE 1 = 1';
        if (q.regionCode) params.push(q.regionCode);
        if (q.operatorName) {
          sql += ' AND x.operator_name = ?';
          params.push(q.operatorName);
        }
        if (q.states) {
          sql += ` AND x.state IN (${marks(q.states.length) || 'NULL'})`;
          params.push(...q.states);
        }
        const docs = db.prepare(`${sql} ORDER BY x.filed_at DESC, x.id DESC LIMIT ? OFFSET ?`).pluck().all(...params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<CertificationApplication>(docs), q.limit);
      }),
    save: (a, expectedVersion) =>
      guarded(() => {
        save(a, expectedVersion);
      }),
  };
}
