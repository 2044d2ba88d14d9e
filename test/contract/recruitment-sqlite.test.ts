/** The recruitment and notice storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteNoticeRepository, createSqliteRecruitmentRepository } from '../../adapters/sqlite/recruitment';
import { describeRecruitmentStoreContract } from './recruitment.contract';

describeRecruitmentStoreContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    recruitment: createSqliteRecruitmentRepository(db),
    notices: createSqliteNoticeRepository(db),
    breakStore: () => {
      db.close();
    },
    dispose: () => {
      if (db.open) db.close();
    },
  };
});
