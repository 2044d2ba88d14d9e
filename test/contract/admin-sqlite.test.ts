/** The roles, audit and calendar storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { sqliteAdminStores } from '../../adapters/sqlite/admin';
import { onSqlite } from '../support/store-runners';
import { describeAdminStoreContract } from './admin.contract';

describeAdminStoreContract('sqlite', onSqlite(sqliteAdminStores));
