/** The station edit storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseStationEditRepository } from '../../adapters/cloudbase/station-edits';
import { onFakeCloudbase } from '../support/store-runners';
import { describeStationEditStoreContract } from './station-edits.contract';

for (const [name, open] of onFakeCloudbase((fake, options) => ({ edits: createCloudbaseStationEditRepository(fake.db, options) }))) describeStationEditStoreContract(name, open);
