/**
 * Rectification orders on SQLite (core/station/rectification.ts): the document plus the columns
 * the rules need — one open order per station (partial unique index) and the region listing by
 * deadline. test/contract/rectifications.test.ts runs the same contract on CloudBase.
 */
import { staleConflict } from '../../core/shared/errors';
import type { RectificationOrder, RectificationRepository } from '../../core/station/rectification';
import { guarded, type Db } from './db';
import { docsOf, docTable, Filter, pageDocs } from './sql';

export const ONE_OPEN_ORDER = '这个站点已经有一份未办结的整改通知';

export function createSqliteRectificationRepository(db: Db): RectificationRepository {
  const orders = docTable<RectificationOrder>(db, {
    table: 'rectifications',
    columns: { station_id: (o) => o.stationId, state: (o) => o.state, due_on: (o) => o.dueOn, issued_at: (o) => o.issuedAt, version: (o) => o.version },
    updates: ['state', 'due_on', 'version'],
    side: { sql: 'INSERT INTO rectification_regions (code, due_on, id) VALUES (?, ?, ?)', rows: (o) => o.regionCodes.map((code) => [code, o.dueOn, o.id]) },
    unique: { column: 'station_id', message: ONE_OPEN_ORDER },
  });
  const ofStation = db.prepare('SELECT doc FROM rectifications WHERE station_id = ? ORDER BY issued_at DESC, id DESC').pluck();
  const updateRegion = db.prepare('UPDATE rectification_regions SET due_on = ? WHERE id = ?');
  // The region rows carry the deadline the listing orders by: they move with the order.
  const update = db.transaction((o: RectificationOrder, expectedVersion: number) => {
    if (!orders.replace(o, expectedVersion)) throw staleConflict('这份整改通知');
    updateRegion.run(o.dueOn, o.id);
  });

  return {
    get: orders.get,
    forStation: (stationId) => guarded(() => docsOf<RectificationOrder>(ofStation.all(stationId))),
    list: (q) =>
      guarded(() => {
        const f = new Filter().and('r.code = ?', q.regionCode).in((l) => `x.state IN (${l})`, q.states);
        return pageDocs<RectificationOrder>(db, `SELECT x.doc FROM rectification_regions r JOIN rectifications x ON x.id = r.id${f.sql} ORDER BY r.due_on, r.id`, f.params, q);
      }),
    save: (o, expectedVersion) => (expectedVersion === null ? orders.insert(o) : guarded(() => update(o, expectedVersion))),
  };
}
