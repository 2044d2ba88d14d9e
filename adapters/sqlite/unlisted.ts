/**
 * 冒名站点举报 on SQLite (core/station/unlisted.ts): the document plus the columns the county's
 * list needs — status, the most specific region code chosen (listed by prefix) and the time.
 * test/contract/unlisted.contract.ts runs the same contract on CloudBase.
 */
import type { UnlistedReport, UnlistedReportRepository } from '../../core/station/unlisted';
import { guarded, type Db } from './db';
import { docOf, docsOf, pageOf } from './sql';

export function createSqliteUnlistedRepository(db: Db): UnlistedReportRepository {
  const one = db.prepare('SELECT doc FROM unlisted_reports WHERE id = ?').pluck();
  const insert = db.prepare('INSERT INTO unlisted_reports (id, region_key, status, created_at, version, doc) VALUES (@id, @regionKey, @status, @createdAt, @version, @doc)');
  const update = db.prepare('UPDATE unlisted_reports SET status = @status, version = @version, doc = @doc WHERE id = @id AND version = @expectedVersion');
  // Region codes are digit strings and every region's code starts with its parent's: a prefix finds a region and all below it.
  const list = db.prepare("SELECT doc FROM unlisted_reports WHERE status = ? AND substr(region_key, 1, ?) = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?").pluck();
  const row = (r: UnlistedReport) => ({ id: r.id, regionKey: r.regionCodes[r.regionCodes.length - 1], status: r.status, createdAt: r.createdAt, version: r.version, doc: JSON.stringify(r) });
  return {
    insert: (r) => guarded(() => void insert.run(row(r))),
    get: (id) => guarded(() => docOf<UnlistedReport>(one.get(id))),
    list: (q) => guarded(() => pageOf(docsOf<UnlistedReport>(list.all(q.status, q.regionCode.length, q.regionCode, q.limit + 1, q.offset) as string[]), q.limit)),
    save: (next, expectedVersion) => guarded(() => update.run({ ...row(next), expectedVersion }).changes > 0),
  };
}
