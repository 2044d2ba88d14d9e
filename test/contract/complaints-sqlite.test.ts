/** The complaint storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { openDatabase } from '../../adapters/sqlite/db';
import {
  createSqliteAuditRepository,
  createSqliteCalendarRepository,
  createSqliteComplaintRepository,
  createSqliteOutboxRepository,
  createSqliteRoleRepository,
  type ComplaintFaults,
} from '../../adapters/sqlite/complaints';
import { describeComplaintStoreContract } from './complaints.contract';

describeComplaintStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  const faults: ComplaintFaults = {};
  return {
    complaints: createSqliteComplaintRepository(db, faults),
    outbox: createSqliteOutboxRepository(db),
    roles: createSqliteRoleRepository(db),
    audit: createSqliteAuditRepository(db),
    calendars: createSqliteCalendarRepository(db),
    failMidTransaction: () => {
      faults.afterComplaintRow = () => {
        faults.afterComplaintRow = undefined;
        throw new Error('injected fault after the complaint row');
      };
    },
    breakStore: () => {
      db.close();
    },
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
