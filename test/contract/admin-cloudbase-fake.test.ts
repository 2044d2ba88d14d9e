/** The roles, audit and calendar storage contract against the CloudBase adapter over the SDK test double, once per SDK flavour. */
import { storesOver } from '../../adapters/cloudbase/sdk';
import { apiKeys, audit, calendars, roles } from '../../adapters/cloudbase/stores';
import { onFakeCloudbase } from '../support/store-runners';
import { describeAdminStoreContract } from './admin.contract';

for (const [name, open] of onFakeCloudbase((fake, options) => storesOver(fake.db, { roles, audit, calendars, apiKeys }, options))) describeAdminStoreContract(name, open);
