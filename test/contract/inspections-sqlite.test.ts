/** The visit storage contract against the SQLite adapter (in memory). */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteVisitRepository } from '../../adapters/sqlite/inspections';
import { describeVisitStoreContract } from './inspections.contract';

describeVisitStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    visits: createSqliteVisitRepository(db),
    breakStore: () => void db.close(),
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
