/** The settings and poverty-village storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbasePovertyVillageRepository, createCloudbaseSettingsRepository, SETTINGS_COLLECTIONS } from '../../adapters/cloudbase/settings';
import { context, insertDoc } from '../../adapters/cloudbase/sdk';
import { onFakeCloudbase } from '../support/store-runners';
import { describeSettingsStoreContract, type LegacySeed } from './settings.contract';

const fakes = onFakeCloudbase(async (fake, fakeOptions, seed?: LegacySeed) => {
  const options = { ...fakeOptions, backoff: async () => undefined };
  if (seed) {
    // The heads module's own weights document, as it stored it.
    const ctx = context(fake.db, SETTINGS_COLLECTIONS, options);
    await insertDoc(ctx, ctx.names.legacy, seed.legacy.key, { settings: JSON.stringify(seed.legacy), version: seed.legacy.version });
    if (seed.province) await insertDoc(ctx, ctx.names.settings, '36', { settings: JSON.stringify(seed.province), version: seed.province.version });
  }
  return { settings: createCloudbaseSettingsRepository(fake.db, options), poverty: createCloudbasePovertyVillageRepository(fake.db, options) };
});
for (const [name, open] of fakes) describeSettingsStoreContract(name, open);
