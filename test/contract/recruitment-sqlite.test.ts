/** The recruitment and notice storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { createSqliteNoticeRepository, createSqliteRecruitmentRepository } from '../../adapters/sqlite/recruitment';
import { onSqlite } from '../support/store-runners';
import { describeRecruitmentStoreContract } from './recruitment.contract';

describeRecruitmentStoreContract(
  'sqlite',
  onSqlite((db) => ({ recruitment: createSqliteRecruitmentRepository(db), notices: createSqliteNoticeRepository(db) })),
);
