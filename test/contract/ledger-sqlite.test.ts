/** The ledger storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { createSqliteLedgerRepository } from '../../adapters/sqlite/ledger';
import { onSqlite } from '../support/store-runners';
import { describeLedgerStoreContract } from './ledger.contract';

describeLedgerStoreContract('sqlite', onSqlite((db) => ({ ledger: createSqliteLedgerRepository(db) })));
