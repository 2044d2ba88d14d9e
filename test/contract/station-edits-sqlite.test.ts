/** The station edit storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteStationEditRepository } from '../../adapters/sqlite/station-edits';
import { describeStationEditStoreContract } from './station-edits.contract';

describeStationEditStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    edits: createSqliteStationEditRepository(db),
    breakStore: () => void db.close(),
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
