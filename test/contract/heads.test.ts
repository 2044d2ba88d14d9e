/** HeadsRepository contract against SQLite (in memory) and CloudBase over the SDK double, both flavours. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteHeadsRepository } from '../../adapters/sqlite/heads';
import { createCloudbaseHeadsRepository } from '../../adapters/cloudbase/heads';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeHeadsContract } from './heads.contract';

describeHeadsContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return { heads: createSqliteHeadsRepository(db), dispose: () => void (db.open && db.close()) };
});

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeHeadsContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { heads: createCloudbaseHeadsRepository(fake.db, { sdk: flavour, prefix: 't_' }) };
  });
}
