/** RateLimitStore contract against SQLite (in memory) and CloudBase over the SDK double, both flavours. */
import { createSqliteRateLimitStore } from '../../adapters/sqlite/rate-limits';
import { createCloudbaseRateLimitStore, rateLimitDocId } from '../../adapters/cloudbase/rate-limits';
import { createFakeCloudbase } from '../support/fake-cloudbase';
import { onFakeCloudbase, onSqlite } from '../support/store-runners';
import { describeRateLimitStoreContract } from './rate-limits.contract';

describeRateLimitStoreContract('sqlite', onSqlite((db) => ({ rateLimits: createSqliteRateLimitStore(db) })));
for (const [name, open] of onFakeCloudbase((fake, options) => ({ rateLimits: createCloudbaseRateLimitStore(fake.db, options) }))) describeRateLimitStoreContract(name, open);

describe('cloudbase rate-limit adapter details', () => {
  test('one document per counter, the key hashed (no openid in clear), no transaction', async () => {
    const fake = createFakeCloudbase();
    const store = createCloudbaseRateLimitStore(fake.db);
    await store.take('complaints.submit:600:1:openid-secret', 2, '2026-12-04T10:10:00.000Z');
    await store.take('complaints.submit:600:1:openid-secret', 2, '2026-12-04T10:10:00.000Z');
    expect(fake.dump('rate_limits')).toEqual([{ _id: rateLimitDocId('complaints.submit:600:1:openid-secret'), count: 2, expiresAt: '2026-12-04T10:10:00.000Z' }]);
    expect(JSON.stringify(fake.dump('rate_limits'))).not.toContain('openid-secret');
    expect(fake.transactionsStarted).toBe(0);
  });

  test('a server error on the counter is UNAVAILABLE (node-sdk answers it, not rejects)', async () => {
    const fake = createFakeCloudbase({ flavour: 'node-sdk' });
    const store = createCloudbaseRateLimitStore(fake.db, { sdk: 'node-sdk' });
    fake.failNext(1);
    await expect(store.take('k:60:1:o', 2, '2026-12-04T10:10:00.000Z')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
