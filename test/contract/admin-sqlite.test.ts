/** The roles, audit and calendar storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { sqliteAdminStores } from '../../adapters/sqlite/admin';
import { openDatabase } from '../../adapters/sqlite/db';
import { describeAdminStoreContract } from './admin.contract';

describeAdminStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    ...sqliteAdminStores(db),
    breakStore: () => {
      db.close();
    },
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
