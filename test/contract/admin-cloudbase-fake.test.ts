/** The roles, audit and calendar storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { storesOver } from '../../adapters/cloudbase/sdk';
import { apiKeys, audit, calendars, roles } from '../../adapters/cloudbase/stores';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeAdminStoreContract } from './admin.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeAdminStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { ...storesOver(fake.db, { roles, audit, calendars, apiKeys }, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}
