/** The visit storage contract against the SQLite adapter (in memory). */
import { createSqliteVisitRepository } from '../../adapters/sqlite/inspections';
import { onSqlite } from '../support/store-runners';
import { describeVisitStoreContract } from './inspections.contract';

describeVisitStoreContract('sqlite', onSqlite((db) => ({ visits: createSqliteVisitRepository(db) })));
