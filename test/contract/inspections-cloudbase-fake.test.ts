/** The visit storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseVisitRepository } from '../../adapters/cloudbase/inspections';
import { onFakeCloudbase } from '../support/store-runners';
import { describeVisitStoreContract } from './inspections.contract';

for (const [name, open] of onFakeCloudbase((fake, options) => ({ visits: createCloudbaseVisitRepository(fake.db, options) }))) describeVisitStoreContract(name, open);
