/** The storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { pinyinOf } from '../../adapters/pinyin';
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../../adapters/sqlite/stations';
import { describeStationStoreContract } from './stations.contract';

describeStationStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    stations: createSqliteStationRepository(db, pinyinOf),
    regions: createSqliteRegionRepository(db),
    breakStore: () => {
      db.close();
    },
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
