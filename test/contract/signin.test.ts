/** SignInRepository contract against SQLite (in memory) and CloudBase over the SDK double, both flavours. */
import { createSqliteSignInRepository } from '../../adapters/sqlite/signin';
import { createCloudbaseSignInRepository } from '../../adapters/cloudbase/signin';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { onFakeCloudbase, onSqlite } from '../support/store-runners';
import { describeSignInContract } from './signin.contract';

describeSignInContract('sqlite', onSqlite((db) => ({ signins: createSqliteSignInRepository(db) })));
for (const [name, open] of onFakeCloudbase((fake, options) => ({ signins: createCloudbaseSignInRepository(fake.db, options) }))) describeSignInContract(name, open);

test('cloudbase: the stored documents hold hashes, never a secret', async () => {
  const fake = createFakeCloudbase();
  const repo = createCloudbaseSignInRepository(fake.db);
  await repo.insertTicket({ id: 'hash-of-secret', status: 'pending', createdAt: 'a', expiresAt: 'b', decidedBy: null, decidedAt: null, consumedAt: null });
  expect(fake.dump('signin_tickets')).toEqual([expect.objectContaining({ _id: 'hash-of-secret', status: 'pending' })]);
});
