/** The station edit storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { createSqliteStationEditRepository } from '../../adapters/sqlite/station-edits';
import { onSqlite } from '../support/store-runners';
import { describeStationEditStoreContract } from './station-edits.contract';

describeStationEditStoreContract('sqlite', onSqlite((db) => ({ edits: createSqliteStationEditRepository(db) })));
