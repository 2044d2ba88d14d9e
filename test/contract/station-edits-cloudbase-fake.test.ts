/** The station edit storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseStationEditRepository } from '../../adapters/cloudbase/station-edits';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeStationEditStoreContract } from './station-edits.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeStationEditStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    return { edits: createCloudbaseStationEditRepository(fake.db, { sdk: flavour, prefix: 't_' }), breakStore: () => fake.setDown(true) };
  });
}
