/** HeadsRepository contract against SQLite (in memory) and CloudBase over the SDK double, both flavours. */
import { createSqliteHeadsRepository } from '../../adapters/sqlite/heads';
import { createCloudbaseHeadsRepository } from '../../adapters/cloudbase/heads';
import { onFakeCloudbase, onSqlite } from '../support/store-runners';
import { describeHeadsContract } from './heads.contract';

describeHeadsContract('sqlite', onSqlite((db) => ({ heads: createSqliteHeadsRepository(db) })));
for (const [name, open] of onFakeCloudbase((fake, options) => ({ heads: createCloudbaseHeadsRepository(fake.db, options) }))) describeHeadsContract(name, open);
