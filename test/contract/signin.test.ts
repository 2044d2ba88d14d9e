/** SignInRepository contract against SQLite (in memory) and CloudBase over the SDK double, both flavours. */
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteSignInRepository } from '../../adapters/sqlite/signin';
import { createCloudbaseSignInRepository } from '../../adapters/cloudbase/signin';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeSignInContract } from './signin.contract';

describeSignInContract('sqlite', async () => {
  const db = openDatabase(':memory:');
  return {
    signins: createSqliteSignInRepository(db),
    breakStore: () => {
      db.close();
    },
    dispose: () => {
      if (db.open) db.close();
    },
  };
});

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeSignInContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { signins: createCloudbaseSignInRepository(fake.db, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}

test('cloudbase: the stored documents hold hashes, never a secret', async () => {
  const fake = createFakeCloudbase();
  const repo = createCloudbaseSignInRepository(fake.db);
  await repo.insertTicket({ id: 'hash-of-secret', status: 'pending', createdAt: 'a', expiresAt: 'b', decidedBy: null, decidedAt: null, consumedAt: null });
  expect(fake.dump('signin_tickets')).toEqual([expect.objectContaining({ _id: 'hash-of-secret', status: 'pending' })]);
});
