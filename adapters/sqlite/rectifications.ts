/**
 * Rectification orders on SQLite (core/station/rectification.ts): the document plus the columns
 * the rules need — one open order per station (partial unique index) and the region listing by
 * deadline. test/contract/rectifications.test.ts runs the same contract on CloudBase.
 */
import { AppError, staleConflict } from '../../core/shared/errors';
import type { RectificationOrder, RectificationRepository } from '../../core/station/rectification';
import { guarded, type Db } from './db';
import { docOf, docsOf, marks, pageOf } from './sql';

export const ONE_OPEN_ORDER = '这个站点已经有一份未办结的整改通知';

export function createSqliteRectificationRepository(db: Db): RectificationRepository {
  const one = db.prepare('SELECT doc FROM rectifications WHERE id = ?').pluck();
  const ofStation = db.prepare('SELECT doc FROM rectifications WHERE station_id = ? ORDER BY issued_at DESC, id DESC').pluck();
  const insert = db.prepare('INSERT INTO rectifications (id, station_id, state, due_on, issued_at, version, doc) VALUES (@id, @stationId, @state, @dueOn, @issuedAt, @version, @doc)');
  const update = db.prepare('UPDATE rectifications SET state = @state, due_on = @dueOn, version = @version, doc = @doc WHERE id = @id AND version = @expectedVersion');
  const insertRegion = db.prepare('INSERT INTO rectification_regions (code, due_on, id) VALUES (?, ?, ?)');
  const updateRegion = db.prepare('UPDATE rectification_regions SET due_on = ? WHERE id = ?');
  const row = (o: RectificationOrder) => ({ id: o.id, stationId: o.stationId, state: o.state, dueOn: o.dueOn, issuedAt: o.issuedAt, version: o.version, doc: JSON.stringify(o) });

  const save = db.transaction((o: RectificationOrder, expectedVersion: number | null) => {
    if (expectedVersion === null) {
      try {
        insert.run(row(o));
      } catch (err) {
        if (/UNIQUE constraint failed: rectifications\.station_id/.test((err as Error)?.message ?? '')) throw new AppError('CONFLICT', ONE_OPEN_ORDER);
        throw err;
      }
      for (const code of o.regionCodes) insertRegion.run(code, o.dueOn, o.id);
      return;
    }
    if (update.run({ ...row(o), expectedVersion }).changes === 0) throw staleConflict('这份整改通知');
    updateRegion.run(o.dueOn, o.id);
  });

  return {
    get: (id) => guarded(() => docOf<RectificationOrder>(one.get(id))),
    forStation: (stationId) => guarded(() => docsOf<RectificationOrder>(ofStation.all(stationId))),
    list: (q) =>
      guarded(() => {
        const params: unknown[] = [q.regionCode];
        let sql = 'SELECT x.doc FROM rectification_regions r JOIN rectifications x ON x.id = r.id WHERE r.code = ?';
        if (q.states) {
          sql += ` AND x.state IN (${marks(q.states.length) || 'NULL'})`;
          params.push(...q.states);
        }
        const docs = db.prepare(`${sql} ORDER BY r.due_on, r.id LIMIT ? OFFSET ?`).pluck().all(...params, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<RectificationOrder>(docs), q.limit);
      }),
    save: (o, expectedVersion) =>
      guarded(() => {
        save(o, expectedVersion);
      }),
  };
}
