/** The roles, audit and calendar storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { cloudbaseAdminStores } from '../../adapters/cloudbase/admin';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeAdminStoreContract } from './admin.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeAdminStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { ...cloudbaseAdminStores(fake.db, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}
