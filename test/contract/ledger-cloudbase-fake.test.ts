/** The ledger storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseLedgerRepository } from '../../adapters/cloudbase/ledger';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeLedgerStoreContract } from './ledger.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeLedgerStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { ledger: createCloudbaseLedgerRepository(fake.db, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}
