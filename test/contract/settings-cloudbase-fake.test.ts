/** The settings and poverty-village storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbasePovertyVillageRepository, createCloudbaseSettingsRepository } from '../../adapters/cloudbase/settings';
import { createFakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { describeSettingsStoreContract } from './settings.contract';

for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
  describeSettingsStoreContract(`cloudbase over fake ${flavour}`, async () => {
    const fake = createFakeCloudbase({ flavour, prefix: 't_' });
    const options = { sdk: flavour, prefix: 't_', backoff: async () => undefined };
    return { settings: createCloudbaseSettingsRepository(fake.db, options), poverty: createCloudbasePovertyVillageRepository(fake.db, options), breakStore: () => fake.setDown(true) };
  });
}
