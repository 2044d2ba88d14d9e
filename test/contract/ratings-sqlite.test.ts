/** The rating storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteRatingRepository } from '../../adapters/sqlite/ratings';
import { onSqlite } from '../support/store-runners';
import { describeRatingStoreContract } from './ratings.contract';

describeRatingStoreContract('sqlite', onSqlite((db) => ({ ratings: createSqliteRatingRepository(db) })), { concurrency: 50 });

describe('sqlite rating adapter details', () => {
  test('the list and count queries use the ratings indexes, not a table scan', () => {
    const db = openDatabase(':memory:');
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT doc FROM ratings WHERE station_id = ? AND status = 'published' ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET 0", 'st-a')).toMatch(/USING INDEX ratings_station_status/);
    expect(plan("SELECT doc FROM ratings WHERE station_id = ? AND status = 'published' ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET 0", 'st-a')).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT count(*) FROM ratings WHERE station_id = ? AND created_at >= ? AND created_at < ? AND status IN ('published', 'held')", 'st-a', 'a', 'b')).toMatch(/COVERING INDEX/);
    expect(plan('SELECT doc FROM ratings WHERE rater = ? ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET 0', 'u1')).toMatch(/USING INDEX ratings_rater/);
    expect(plan("SELECT doc FROM ratings WHERE status = 'held' ORDER BY created_at, id LIMIT 21")).toMatch(/USING INDEX ratings_held/);
    db.close();
  });
});
