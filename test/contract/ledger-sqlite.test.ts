/** The ledger storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteLedgerRepository } from '../../adapters/sqlite/ledger';
import { describeLedgerStoreContract } from './ledger.contract';

describeLedgerStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    ledger: createSqliteLedgerRepository(db),
    breakStore: () => void db.close(),
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
