/** The settings and poverty-village storage contract against the SQLite adapter (in memory). */
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, openDatabase } from '../../adapters/sqlite/db';
import { createSqlitePovertyVillageRepository, createSqliteSettingsRepository } from '../../adapters/sqlite/settings';
import { describeSettingsStoreContract } from './settings.contract';

describeSettingsStoreContract('sqlite', async (seed) => {
  const db = seed ? new Database(':memory:') : openDatabase(':memory:');
  if (seed) {
    // A database from before migration 31, holding the heads module's own weights row.
    migrate(db, MIGRATIONS.filter((m) => m.version < 31));
    db.prepare('INSERT INTO settings (key, version, doc) VALUES (?, ?, ?)').run(seed.legacy.key, seed.legacy.version, JSON.stringify(seed.legacy));
    if (seed.province) db.prepare('INSERT INTO region_settings (region_code, version, doc) VALUES (?, ?, ?)').run('36', seed.province.version, JSON.stringify(seed.province));
    migrate(db);
  }
  return {
    settings: createSqliteSettingsRepository(db),
    poverty: createSqlitePovertyVillageRepository(db),
    breakStore: () => void db.close(),
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
