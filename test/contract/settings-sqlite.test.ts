/** The settings and poverty-village storage contract against the SQLite adapter (in memory). */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqlitePovertyVillageRepository, createSqliteSettingsRepository } from '../../adapters/sqlite/settings';
import { describeSettingsStoreContract } from './settings.contract';

describeSettingsStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    settings: createSqliteSettingsRepository(db),
    poverty: createSqlitePovertyVillageRepository(db),
    breakStore: () => void db.close(),
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
