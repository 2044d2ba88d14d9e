/** The ledger storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { createCloudbaseLedgerRepository } from '../../adapters/cloudbase/ledger';
import { onFakeCloudbase } from '../support/store-runners';
import { describeLedgerStoreContract } from './ledger.contract';

for (const [name, open] of onFakeCloudbase((fake, options) => ({ ledger: createCloudbaseLedgerRepository(fake.db, options) }))) describeLedgerStoreContract(name, open);
