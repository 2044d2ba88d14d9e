/** The visit storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseVisitRepository } from '../../adapters/cloudbase/inspections';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeVisitStoreContract } from './inspections.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeVisitStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { visits: createCloudbaseVisitRepository(fake.db, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}
