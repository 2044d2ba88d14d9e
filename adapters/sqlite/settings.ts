/**
 * Region settings (core/settings/model.ts) and poverty villages (core/station/poverty.ts) in
 * SQLite (migration 28). A settings change writes the region's row and its audit line in one
 * transaction; an import replaces the county's poverty list in one transaction.
 */
import type { RegionSettings, SettingsChange, SettingsRepository } from '../../core/settings/model';
import type { PovertyVillage, PovertyVillageRepository } from '../../core/station/poverty';
import { staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { docOf, docsOf, marks, pageOf } from './sql';

export function createSqliteSettingsRepository(db: Db): SettingsRepository {
  const get = db.prepare('SELECT doc FROM region_settings WHERE region_code = ?').pluck();
  const all = db.prepare('SELECT doc FROM region_settings ORDER BY region_code').pluck();
  const insert = db.prepare('INSERT INTO region_settings (region_code, version, doc) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE region_settings SET version = ?, doc = ? WHERE region_code = ? AND version = ?');
  const insertChange = db.prepare('INSERT INTO settings_changes (id, region_code, at, doc) VALUES (?, ?, ?, ?)');
  const save = db.transaction((next: RegionSettings, expected: number, change: SettingsChange) => {
    if (expected === 0) {
      if (get.get(next.regionCode) !== undefined) throw staleConflict('这项设置');
      insert.run(next.regionCode, next.version, JSON.stringify(next));
    } else if (update.run(next.version, JSON.stringify(next), next.regionCode, expected).changes === 0) {
      throw staleConflict('这项设置');
    }
    insertChange.run(change.id, change.regionCode, change.at, JSON.stringify(change));
  });
  return {
    get: (code) => guarded(() => docOf<RegionSettings>(get.get(code))),
    all: () => guarded(() => docsOf<RegionSettings>(all.all())),
    save: (next, expected, change) => guarded(() => save(next, expected, change)),
    changes: (q) =>
      guarded(() => {
        if (!q.regionCodes.length) return pageOf([], q.limit);
        const rows = db
          .prepare(`SELECT doc FROM settings_changes WHERE region_code IN (${marks(q.regionCodes.length)}) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
          .pluck()
          .all(...q.regionCodes, q.limit + 1, q.offset) as string[];
        return pageOf(docsOf<SettingsChange>(rows), q.limit);
      }),
  };
}

export function createSqlitePovertyVillageRepository(db: Db): PovertyVillageRepository {
  const drop = db.prepare('DELETE FROM poverty_villages WHERE county_code = ?');
  const insert = db.prepare('INSERT INTO poverty_villages (code, county_code, doc) VALUES (?, ?, ?)');
  const list = db.prepare('SELECT doc FROM poverty_villages WHERE county_code = ? ORDER BY code').pluck();
  const replace = db.transaction((county: string, villages: PovertyVillage[]) => {
    drop.run(county);
    for (const v of villages) insert.run(v.code, county, JSON.stringify(v));
  });
  return {
    replaceCounty: (county, villages) => guarded(() => replace(county, villages)),
    listCounty: (county) => guarded(() => docsOf<PovertyVillage>(list.all(county))),
  };
}
